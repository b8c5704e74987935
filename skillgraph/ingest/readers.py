"""read_postings: the paths given (files, folders walked in sorted order, "-" for stdin) -> postings,
each file decoded and handed to the reader of its format."""
from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator, Mapping

from ..errors import InputError
from ..model import Posting
from .decode import decode
from .fields import DEFAULT_FIELDS, FieldNames, field_names
from .formats import read_csv, read_json, read_jsonl, read_text, sniff
from .parquet import read_parquet
from .problems import Sink, input_error, shown, stderr_warn

__all__ = ["MAX_BYTES", "SUPPORTED_EXTENSIONS", "read_postings"]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".csv", ".htm", ".html", ".json", ".jsonl", ".md", ".parquet", ".txt")

MAX_BYTES = 100_000_000
"""The largest posting file (or stdin) read by default: 100 MB (``--max-bytes`` raises it)."""


def _read_source(display: str, name: str, sink: Sink, data: bytes, ext: str,
                 names: FieldNames = DEFAULT_FIELDS) -> Iterator[Posting]:
    if ext == ".parquet":                       # binary: no text decoding
        yield from read_parquet(data, display, name, sink, names)
        return
    try:
        text, repaired = decode(data, display)
    except InputError as exc:
        sink.fail(exc)
        return
    if ext == "-":
        if not text.strip():           # nothing piped in: a mistake upstream, no blank posting
            sink.fail(input_error("-", None, "nothing on standard input", "pipe the postings in or pass files"))
            return
        ext = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "text": ""}[sniff(text, names.text)]
    if ext == ".json":
        yield from read_json(text, display, name, sink, repaired, names)
    elif ext == ".jsonl":
        yield from read_jsonl(text, display, name, sink, repaired, names)
    elif ext == ".csv":
        yield from read_csv(text, display, name, sink, repaired, names)
    else:
        is_html = True if ext in (".html", ".htm") else None
        yield from read_text(text, display, name, sink, repaired, is_html)


def _safe(name: str) -> str:
    """A name that can go into JSON and RDF: bytes that are not UTF-8 (surrogate escapes) as ``\\xff``."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _posting_files(folder: str, sink: Sink) -> list[tuple[str, str]]:
    """(path relative to ``folder`` in POSIX form, full path) of the posting files under ``folder``
    (:data:`SUPPORTED_EXTENSIONS`; hidden files and folders skipped), in walking order. Symbolic links
    to folders are followed, each real folder once (a link back to a folder already read is one warning)."""
    found = []
    other: list[str] = []       # files of no posting format: one warning names them, none is dropped unsaid
    seen = {os.path.realpath(folder)}

    def unreadable(exc: OSError) -> None:
        sink.fail(input_error(exc.filename or folder, None, f"cannot read the folder ({exc.strerror or exc})",
                              "check its permissions"))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        subs = sorted(d for d in dirs if not d.startswith("."))
        links = {d for d in subs if os.path.islink(os.path.join(root, d))}
        seen.update(os.path.realpath(os.path.join(root, d)) for d in subs if d not in links)
        for d in sorted(links):                      # real folders first: a link to one is the duplicate
            full = os.path.join(root, d)
            real = os.path.realpath(full)
            if real in seen:
                sink.warn(f"{shown(full)}: a link to a folder read already ({shown(real)}) — not read twice")
                subs.remove(d)
            else:
                seen.add(real)
        dirs[:] = subs
        for f in files:
            if f.startswith("."):
                continue
            full = os.path.join(root, f)
            if os.path.splitext(f)[1].lower() in SUPPORTED_EXTENSIONS:
                found.append((Path(os.path.relpath(full, folder)).as_posix(), full))
            else:
                other.append(Path(os.path.relpath(full, folder)).as_posix())
    if other:
        other.sort()
        names = ", ".join(other[:3]) + (", …" if len(other) > 3 else "")
        sink.warn(f"{shown(folder)}: {len(other)} file(s) not read, their names end in no posting format "
                  f"({names}) — read: {' '.join(SUPPORTED_EXTENSIONS)}; rename those that are postings to .txt")
    return found


_RECORD_EXTENSIONS = (".csv", ".json", ".jsonl", ".parquet")
"""Files whose records have fields: what ``--field`` names columns of (stdin, "-", may be one too)."""


def _collect(paths, sink: Sink) -> list[tuple[str, str, str]]:
    """(path, relative name, extension) for every input; '-' is stdin."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for p in paths:
        p = os.fspath(p)
        if p == "-":
            out.append(("-", "stdin", "-"))
            continue
        if os.path.isdir(p):
            found = _posting_files(p, sink)
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


_NOT_REGULAR = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def _check_regular(path: str, mode: int) -> None:
    for test, what in _NOT_REGULAR:
        if test(mode):
            raise input_error(path, None, f"{what}, not a regular file", "pass posting files (or - for stdin)")


def _too_big(path: str, size: int, max_bytes: int) -> InputError:
    return input_error(path, None, f"{size:,} bytes, over the limit of {max_bytes:,} bytes",
                       "raise it with --max-bytes N (or max_bytes=) or split the file")


def _read_file(path: str, max_bytes: int | None) -> bytes:
    """The bytes of a regular file; anything else (a FIFO, a device, a socket) is refused without
    blocking: the file is opened non-blocking and checked with fstat before a byte is read."""
    try:
        _check_regular(path, os.stat(path).st_mode)     # before open: a socket cannot even be opened
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise input_error(path, None, "no such file or directory", "check the path") from None
    except OSError as exc:
        raise input_error(path, None, f"cannot read the file ({exc.strerror or exc})",
                          "check the path and its permissions") from None
    try:
        st = os.fstat(fd)
        _check_regular(path, st.st_mode)                  # again on what was opened (it may have been swapped)
        if max_bytes is not None and st.st_size > max_bytes:
            raise _too_big(path, st.st_size, max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except OSError as exc:
        raise input_error(path, None, f"cannot read the file ({exc.strerror or exc})",
                          "check the path and its permissions") from None
    finally:
        os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_big(path, len(data), max_bytes)
    return data


def _read_stdin(max_bytes: int | None) -> bytes:
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:
        raise InputError("-: there is no standard input (it is closed) — pipe the postings in or pass files")
    try:
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"-: cannot read standard input ({exc}) — pipe the postings in or pass files") from None
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    if max_bytes is not None and len(data) > max_bytes:
        raise input_error("-", None, f"more than {max_bytes:,} bytes on standard input",
                          "raise the limit with --max-bytes N or split the input")
    return data


def read_postings(paths, *, skip_bad: bool = False, warn: Callable[[str], None] | None = None,
                  max_bytes: int | None = MAX_BYTES,
                  summary: Callable[[str], None] | None = None,
                  fields: Mapping[str, str] | FieldNames | None = None) -> Iterator[Posting]:
    """Yield one :class:`Posting` per posting in ``paths`` (str/Path or a list of them).

    * A directory is walked recursively in sorted order, taking files with
      :data:`SUPPORTED_EXTENSIONS` (hidden files and folders are skipped; links to folders are
      followed, each real folder once); a file named explicitly
      is read whatever its extension (unknown ones as text); ``-`` reads stdin and sniffs its format
      (JSON array/object, JSON lines, CSV with a header naming a text column, else text or HTML).
      Only regular files are read: a FIFO, a device or a socket is refused with one line, never
      waited on. A file (or stdin) over ``max_bytes`` (default :data:`MAX_BYTES`, 100 MB; None for no limit) is refused.
    * Whole files (.txt/.md/.html): ``id`` is the file's base name ("000_17269b5361c6fef0.txt"),
      or its relative path when two inputs share a base name; ``source`` is the path.
    * Records (.json/.jsonl/.csv/.parquet): ``id`` is the record's own id field (id, job_id, uuid, …) when it
      has one, else "<file name>:<number>"; ``source`` is "<path>:<number>". The number is the line
      for .jsonl and .csv (the row's first line) and the 1-based record index for a .json array
      or a .parquet file's rows.
      Text fields may be HTML. title/company/location(s) fields win over what the text says; other
      fields are kept in ``Posting.extra``.
    * Bad input raises :class:`InputError` ("<path>[:<line>]: <what> — <how to fix>"); with
      ``skip_bad=True``, ``warn(message)`` (default: print to stderr) is called instead and
      reading goes on with the next record (a bad element of a JSON array, a bad CSV row or JSON
      line takes no neighbour with it) or file.
    * ``summary``, if given, gets ``read N postings: K kept, S skipped`` at the end.
    * ``fields`` names the record field of some kinds ({"text": "description", "company":
      "employer"}; kinds text, id, title, company, location), replacing the names tried by default
      (which are compared case- and separator-insensitively, as named ones are). A named column that
      a record file (.csv header, .json/.jsonl/.parquet records) does not have is an InputError
      naming the file and the columns it has; whole-text files are not affected.
    """
    names = fields if isinstance(fields, FieldNames) else field_names(fields)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    sink = Sink(skip_bad, warn or stderr_warn)
    inputs = _collect(paths, sink)
    if names.named and inputs and all(ext not in (*_RECORD_EXTENSIONS, "-") for _, _, ext in inputs):
        given = " ".join(f"--field {k}={c}" for k, c in names.named)
        sink.warn(f"{given}: not used — every input is a whole-text file, read whole; --field names the "
                  f"columns of record files ({', '.join(_RECORD_EXTENSIONS)})")
    base_counts = Counter(os.path.basename(rel) for disp, rel, ext in inputs if disp != "-")
    kept = 0
    for path, rel, ext in inputs:
        try:
            data = _read_stdin(max_bytes) if path == "-" else _read_file(path, max_bytes)
        except InputError as exc:
            sink.fail(exc)
            continue
        if path == "-":
            display, name = "-", "stdin"
        else:
            base = os.path.basename(rel)
            display, name = _safe(path), _safe(base if base_counts[base] == 1 else rel)
        for p in _read_source(display, name, sink, data, ext, names):
            kept += 1
            yield p
    if summary is not None:
        summary(f"read {kept + sink.skipped} postings: {kept} kept, {sink.skipped} skipped")
