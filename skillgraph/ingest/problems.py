"""How ingest reports bad input: one-line :class:`~skillgraph.errors.InputError` messages
(``<path>[:<line>]: <what is wrong> — <how to fix>``, the path escaped to one printable line) and the
raise-or-warn policy of ``skip_bad``."""
from __future__ import annotations

import sys
from typing import Callable

from ..errors import InputError

HOW_TEXT = "save it as UTF-8 text (.txt, .md, .html, .json, .jsonl or .csv)"


def stderr_warn(message: str) -> None:
    sys.stderr.write(message + "\n")


def shown(name: str) -> str:
    """A file name as one printable line: undecodable bytes as ``\\xff``, line breaks as ``\\n``."""
    if name.isprintable():
        return name
    out = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in out)


def input_error(path: str, line: int | None, what: str, fix: str) -> InputError:
    path = shown(path)
    where = f"{path}:{line}" if line else path
    return InputError(f"{where}: {what} — {fix}")


def empty_error(path: str, line: int | None, what: str) -> InputError:
    return input_error(path, line, what, "add the posting text or remove the file/record")


def blank_note(path: str, line: int | None, what: str, unit: str = "record") -> str:
    """The warning for a posting kept although its text is blank: one line, where and what."""
    return str(input_error(path, line, f"{what}; kept as a posting with no skills",
                           f"fill in its text or remove the {unit}"))


class Sink:
    """Raise, or (skip_bad) warn and go on; counts what was skipped (each failure is one posting, or
    one file whose postings could not be told apart)."""

    def __init__(self, skip_bad: bool, warn: Callable[[str], None]):
        self.skip_bad, self.warn = skip_bad, warn
        self.skipped = 0

    def fail(self, exc: InputError) -> None:
        if not self.skip_bad:
            raise exc
        self.skipped += 1
        self.warn(str(exc))
