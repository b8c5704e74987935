"""How ingest reports bad input: one-line :class:`~skillgraph.errors.InputError` messages
(``<path>[:<line>]: <what is wrong> — <how to fix>``) and the raise-or-warn policy of ``skip_bad``."""
from __future__ import annotations

import sys
from typing import Callable

from ..errors import InputError

HOW_TEXT = "save it as UTF-8 text (.txt, .md, .html, .json, .jsonl or .csv)"


def stderr_warn(message: str) -> None:
    sys.stderr.write(message + "\n")


def input_error(path: str, line: int | None, what: str, fix: str) -> InputError:
    where = f"{path}:{line}" if line else path
    return InputError(f"{where}: {what} — {fix}")


def empty_error(path: str, line: int | None, what: str = "empty posting (no text)") -> InputError:
    return input_error(path, line, what, "add the posting text or remove the file/record")


class Sink:
    """Raise, or (skip_bad) warn and go on."""

    def __init__(self, skip_bad: bool, warn: Callable[[str], None]):
        self.skip_bad, self.warn = skip_bad, warn

    def fail(self, exc: InputError) -> None:
        if not self.skip_bad:
            raise exc
        self.warn(str(exc))
