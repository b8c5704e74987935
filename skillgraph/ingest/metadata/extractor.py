"""``extract_metadata``: every metadata finder run over one :class:`~.doc.Doc` of a posting's text."""
from __future__ import annotations

from .company import find_company
from .degrees import find_degrees
from .doc import Doc
from .experience import find_min_years
from .hiring import hiring_anchors
from .location import find_locations
from .salary import find_salary
from .seniority import seniority_from_title
from .title import find_title
from .work_mode import find_work_mode

__all__ = ["extract_metadata"]


def extract_metadata(text: str, *, title: str | None = None) -> dict:
    """Posting metadata found in ``text`` (keys are :class:`~skillgraph.model.Posting` fields).

    ``title`` (e.g. a record's own title field) is used for seniority instead of the found one.

    * ``title`` — "Title: X"; else the first short line among the first lines that looks like a
      job title (mostly capitalised words, contains Engineer/Scientist/Manager/Lead/…); else
      "X is looking for a <Title> to …".
    * ``company`` — votes from "Company: X", "X is looking for/hiring", an "About X" line,
      "At X, we …", a short name line next to the title ("Pinterest", "Pinterest · Consumer · …"),
      "X is an equal opportunity employer"; the most-voted name wins.
    * ``locations`` — "Location(s): …", or "City, ST[, Country]" / country segments in the first
      lines, "🇺🇸 United States", "Remote in X", "located/based in X"; "US"/"USA" -> "United States".
    * ``salary`` — the first currency range ("$138,905 - $285,982", "$189K — $332K",
      "$189,308—$389,753 USD", "£50k-£60k per year"); period from "/hr", "per year", …, else hour
      below 500 and year otherwise.
    * ``min_years`` — the smallest N of "N+ years", "at least N years", "N-M years of … experience",
      "N or more years"; "less than/up to N years" is ignored, and "N+ years experience leading …"
      (a leadership add-on) counts only if nothing else does.
    * ``degrees`` — bachelor/master/phd named in degree sentences ("M.S. or PhD", "BS/MS",
      "Masters"); ``degree_fields`` — fields named there, in order ("Computer Science", …).
    * ``seniority`` — :func:`seniority_from_title`; ``work_mode`` — see :func:`~.work_mode.find_work_mode`.
    """
    doc = Doc(text)
    hiring = hiring_anchors(doc)
    found_title, title_index = find_title(doc, hiring)
    degrees, fields = find_degrees(doc)
    return {
        "title": found_title,
        "company": find_company(doc, title_index, hiring),
        "locations": find_locations(doc),
        "salary": find_salary(doc),
        "min_years": find_min_years(doc),
        "degrees": degrees,
        "degree_fields": fields,
        "seniority": seniority_from_title(title or found_title),
        "work_mode": find_work_mode(doc),
    }
