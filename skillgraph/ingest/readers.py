"""read_postings: the paths given (files, folders walked in sorted order, "-" for stdin) -> postings,
each file decoded and handed to the reader of its format."""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError
from ..model import Posting
from .decode import decode
from .formats import read_csv, read_json, read_jsonl, read_text, sniff
from .problems import Sink, input_error, stderr_warn

__all__ = ["SUPPORTED_EXTENSIONS", "read_postings"]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".csv", ".htm", ".html", ".json", ".jsonl", ".md", ".txt")


def _read_source(display: str, name: str, sink: Sink, data: bytes, ext: str) -> Iterator[Posting]:
    try:
        text, repaired = decode(data, display)
    except InputError as exc:
        sink.fail(exc)
        return
    if ext == "-":
        ext = {"json": ".json", "jsonl": ".jsonl", "text": ""}[sniff(text)]
    if ext == ".json":
        yield from read_json(text, display, name, sink, repaired)
    elif ext == ".jsonl":
        yield from read_jsonl(text, display, name, sink, repaired)
    elif ext == ".csv":
        yield from read_csv(text, display, name, sink, repaired)
    else:
        is_html = True if ext in (".html", ".htm") else None
        yield from read_text(text, display, name, sink, repaired, is_html)


def _posting_files(folder: str) -> list[tuple[str, str]]:
    """(path relative to ``folder`` in POSIX form, full path) of the posting files under ``folder``
    (:data:`SUPPORTED_EXTENSIONS`; hidden files and folders skipped), in walking order."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            if not f.startswith(".") and os.path.splitext(f)[1].lower() in SUPPORTED_EXTENSIONS:
                full = os.path.join(root, f)
                found.append((Path(os.path.relpath(full, folder)).as_posix(), full))
    return found


def _collect(paths, sink: Sink) -> list[tuple[str, str, str]]:
    """(display path, relative name, extension) for every input; '-' is stdin."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for p in paths:
        p = os.fspath(p)
        if p == "-":
            out.append(("-", "stdin", "-"))
            continue
        if os.path.isdir(p):
            found = _posting_files(p)
            if not found:
                sink.fail(input_error(p, None, "directory holds no posting files "
                                      f"({', '.join(SUPPORTED_EXTENSIONS)})", "point at the folder with the postings"))
            for rel, full in sorted(found, key=lambda t: t[0].split("/")):
                key = os.path.realpath(full)
                if key not in seen:
                    seen.add(key)
                    out.append((full, rel, os.path.splitext(full)[1].lower()))
            continue
        key = os.path.realpath(p)
        if key in seen:
            continue
        seen.add(key)
        out.append((p, Path(p).as_posix(), os.path.splitext(p)[1].lower()))
    return out


def read_postings(paths, *, skip_bad: bool = False,
                  warn: Callable[[str], None] | None = None) -> Iterator[Posting]:
    """Yield one :class:`Posting` per posting in ``paths`` (str/Path or a list of them).

    * A directory is walked recursively in sorted order, taking files with
      :data:`SUPPORTED_EXTENSIONS` (hidden files and folders are skipped); a file named explicitly
      is read whatever its extension (unknown ones as text); ``-`` reads stdin and sniffs its format
      (JSON array/object, JSON lines, else text or HTML).
    * Whole files (.txt/.md/.html): ``id`` is the file's base name ("000_17269b5361c6fef0.txt"),
      or its relative path when two inputs share a base name; ``source`` is the path.
    * Records (.json/.jsonl/.csv): ``id`` is the record's own id field (id, job_id, uuid, …) when it
      has one, else "<file name>:<number>"; ``source`` is "<path>:<number>". The number is the line
      for .jsonl and .csv (the row's first line) and the 1-based record index for a .json array.
      Text fields may be HTML. title/company/location(s) fields win over what the text says; other
      fields are kept in ``Posting.extra``.
    * Bad input raises :class:`InputError` ("<path>[:<line>]: <what> — <how to fix>"); with
      ``skip_bad=True``, ``warn(message)`` (default: print to stderr) is called instead and
      reading goes on with the next record or file.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    sink = Sink(skip_bad, warn or stderr_warn)
    inputs = _collect(paths, sink)
    base_counts = Counter(os.path.basename(rel) for disp, rel, ext in inputs if disp != "-")
    for display, rel, ext in inputs:
        if display == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
            yield from _read_source("-", "stdin", sink, data, "-")
            continue
        base = os.path.basename(rel)
        name = base if base_counts[base] == 1 else rel
        try:
            with open(display, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            sink.fail(input_error(display, None, "no such file or directory", "check the path"))
            continue
        except OSError as exc:
            sink.fail(input_error(display, None, f"cannot read the file ({exc.strerror or exc})",
                                  "check the path and its permissions"))
            continue
        yield from _read_source(display, name, sink, data, ext)
