"""The main job as one library call: postings → mentions → graph → outputs.

:func:`build` is what ``skillgraph build`` runs; :func:`extract_paths` is the first half of it (what
``skillgraph extract`` and the queries' ``--postings`` run). Both take plain arguments and return
plain results, so the CLI only parses options and prints.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, ContextManager, Iterable, Mapping, Sequence

from .ingest.readers import MAX_BYTES

__all__ = ["BuildResult", "Written", "build", "extract_paths", "write_graph_files"]

Progress = Callable[[int], ContextManager[Callable[[int], None]]]
"""``progress(total)`` → a context manager yielding ``update(n)``."""

DEFAULT_INPUT = ("seeds",)
"""What ``build`` reads when no path is given: the ``seeds/`` folder of the working directory."""


@dataclass(frozen=True)
class Written:
    """One output file of a build and what it holds (``detail`` as the CLI prints it)."""

    path: Path
    detail: str = ""


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build` made: the graph, the extractions and the files written (in writing order)."""

    graph: object
    extractions: list
    files: list[Written] = field(default_factory=list)

    def __repr__(self) -> str:  # the default would print every posting's text
        G = self.graph
        files = ", ".join(str(w.path) for w in self.files)
        return (f"BuildResult({G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
                f"{len(self.extractions)} postings, files=[{files}])")


def _stderr_warning(msg: str) -> None:
    import sys

    sys.stderr.write(f"warning: {msg}\n")


def extract_paths(paths: Iterable[str], ontology_files: Sequence[str] = (), *, skip_bad: bool = False,
                  jobs: int = 1, engine: str = "fast", warn: Callable[[str], None] | None = None,
                  progress: Progress | None = None, max_bytes: int | None = MAX_BYTES,
                  summary: Callable[[str], None] | None = None, linker: str = "exact",
                  min_score: float | None = None, fields: Mapping[str, str] | None = None):
    """Read postings from ``paths`` (files, folders, ``-``), load the ontology (shipped + ``ontology_files``)
    and extract every posting; mentions in paragraphs repeated across postings are marked
    (:mod:`skillgraph.extraction.boilerplate`); postings not in English get ``language`` and one warning
    line (:mod:`skillgraph.ingest.language`). Returns ``(ontology, extractions)``.

    ``warn`` gets one line per skipped posting (with ``skip_bad``); ``summary``, if given, the line
    ``read N postings: K kept, S skipped``. Files over ``max_bytes`` (default 100 MB) are refused.
    ``progress``, if given, is called with the number of postings once they are read and gives a
    context manager yielding an ``update(n)`` callback (``click.progressbar`` fits; so does ``contextlib.nullcontext``).
    ``linker`` is ``exact`` (the dictionary) or ``hybrid`` (plus the span model, see
    :func:`skillgraph.extraction.extract_all`); ``min_score`` the hybrid linker's threshold.
    ``fields`` names record fields by kind ({"text": "description", "company": "employer"}, see
    :func:`skillgraph.ingest.read_postings`).
    """
    from .extraction import extract_all
    from .extraction.boilerplate import mark_boilerplate
    from .ingest import read_postings
    from .ingest.language import check_languages
    from .ontology import load_ontology

    postings = check_languages(list(read_postings(paths, skip_bad=skip_bad, warn=warn, max_bytes=max_bytes,
                                                  summary=summary, fields=fields)), warn or _stderr_warning)
    ont = load_ontology(ontology_files)
    kw = {"jobs": jobs, "engine": engine, "linker": linker, "min_score": min_score}
    if progress is None:
        return ont, mark_boilerplate(extract_all(postings, ont, **kw))
    with progress(len(postings)) as update:
        xs = extract_all(postings, ont, progress=update, **kw)
    return ont, mark_boilerplate(xs)


def build(paths: Iterable[str] = DEFAULT_INPUT, *, out: str | Path = "outputs", ontology_files: Sequence[str] = (),
          jobs: int = 1, skip_bad: bool = False, warn: Callable[[str], None] | None = None,
          progress: Progress | None = None, on_written: Callable[[Written], None] | None = None,
          max_bytes: int | None = MAX_BYTES, summary: Callable[[str], None] | None = None,
          linker: str = "exact", min_score: float | None = None,
          fields: Mapping[str, str] | None = None) -> BuildResult:
    """Build the role–skill–team graph of some postings and write ``out/``: ``graph.json``,
    ``mentions.jsonl``, ``summary.md``, ``skillgraph.ttl`` and ``graph.html``.

    The same input gives byte-identical files. The files are written into a fresh folder next to
    ``out`` that then takes ``out``'s place in one step (:func:`skillgraph.outputs.output_set`), so
    ``out`` always holds one whole set, whenever the process dies; a second build into the same
    ``out`` while this one runs fails at once with an :class:`~skillgraph.errors.OutputError`.
    ``on_written`` is called for each file once the set is in place (the CLI prints a line for each).
    """
    from .graph import build_graph, save_mentions
    from .outputs import output_set

    out = Path(out)
    with output_set(out) as stage:     # locked; becomes ``out`` in one step when every file is written
        ont, xs = extract_paths(tuple(paths) or DEFAULT_INPUT, ontology_files, skip_bad=skip_bad, jobs=jobs,
                                warn=warn, progress=progress, max_bytes=max_bytes, summary=summary,
                                linker=linker, min_score=min_score, fields=fields)
        G = build_graph(xs, ont)

        def mentions() -> list[Written]:
            n = save_mentions(xs, stage / "mentions.jsonl")
            return [Written(out / "mentions.jsonl", f"{len(xs)} postings, {n} mentions")]

        files = write_graph_files(G, stage, out, after_graph=mentions)
    if on_written is not None:
        for w in files:
            on_written(w)
    return BuildResult(G, xs, files)


def write_graph_files(G, stage: Path, out: Path, *, after_graph: Callable[[], list[Written]] | None = None,
                      graph_note: str = "") -> list[Written]:
    """Write a build's graph files into ``stage`` (the folder of :func:`skillgraph.outputs.output_set`
    that becomes ``out``): graph.json, (whatever ``after_graph`` writes), summary.md, skillgraph.ttl and
    graph.html. Returns what was written, named under ``out``; both engines' builds end here."""
    from .export import write_rdf
    from .export.summary import summary as summary_md
    from .graph import save_graph
    from .outputs import write_text
    from .viz import write_html

    files: list[Written] = []
    save_graph(G, stage / "graph.json")
    files.append(Written(out / "graph.json", f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
                         + graph_note))
    if after_graph is not None:
        files.extend(after_graph())
    write_text(stage / "summary.md", summary_md(G))
    files.append(Written(out / "summary.md"))
    n = write_rdf(G, stage / "skillgraph.ttl")
    files.append(Written(out / "skillgraph.ttl", f"{n} triples"))
    rep = write_html(G, stage / "graph.html")
    drawn = f"{rep.get('nodes')} nodes, {rep.get('edges')} edges drawn"
    # what the page leaves out, said on the command line too (as `skillgraph viz` says it)
    files.append(Written(out / "graph.html", drawn + (f". {rep['message']}" if rep.get("message") else "")))
    return files
