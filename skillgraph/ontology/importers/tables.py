"""Find and read the CSV/TSV tables of a public vocabulary's download (gzipped as published, or plain)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from skillgraph.errors import InputError

__all__ = ["find_table", "read_rows"]

_FIELD_LIMIT = 1 << 24   # csv's default field limit (128 KiB) is too small for some published cells


def find_table(directory: Path, stem: str, required: bool = True, suffixes=(".csv", ".tsv")) -> Path | None:
    """``directory/stem.csv.gz``, ``stem.csv``, ``stem.tsv.gz`` … (the first that exists), else None or an error."""
    for suf in suffixes:
        for name in (stem + suf + ".gz", stem + suf):
            p = directory / name
            if p.is_file():
                return p
    if required:
        raise InputError(f"{directory}: no {stem}{suffixes[0]} or {stem}{suffixes[0]}.gz — point at the folder of "
                         f"ESCO's CSV download (English, 'csv' format)")
    return None


def read_rows(path: Path, need: tuple[str, ...], delimiter: str = ",") -> Iterator[dict]:
    """The rows of a table as dicts; an error naming the file if a needed column is missing or it is unreadable."""
    import csv  # here, not at module level: importing skillgraph.ontology stays as light as it was
    import gzip

    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:
            r = csv.DictReader(fh, delimiter=delimiter)
            missing = [c for c in need if c not in (r.fieldnames or ())]
            if missing:
                raise InputError(f"{path}: missing column(s) {', '.join(missing)} — is this the right file?")
            yield from r
    except (OSError, UnicodeDecodeError, csv.Error, EOFError) as exc:
        raise InputError(f"{path}: cannot be read as CSV ({exc})") from None
