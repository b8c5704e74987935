"""The exceptions skillgraph raises.

Every message says what is wrong, where (file:line or record), and how to fix it, so the CLI can
print it as one line and exit non-zero::

    SkillGraphError
     ├── OntologyError      a SKOS file cannot be read, or `ontology check` found problems
     ├── InputError         a posting file, record or profile cannot be used
 ├── OutputError        an output file cannot be written (names the file and the reason)
     ├── UnknownNodeError   a role/skill/team name does not resolve (carries did-you-mean candidates)
     └── NoPathError        two nodes are not connected (under the requested relations)
"""
from __future__ import annotations

__all__ = ["InputError", "NoPathError", "OntologyError", "OutputError", "SkillGraphError", "UnknownNodeError"]


class SkillGraphError(Exception):
    """Base class: the message is meant for a person, one line."""


class OntologyError(SkillGraphError):
    pass


class InputError(SkillGraphError):
    pass


class OutputError(SkillGraphError):
    """An output cannot be written: ``cannot write outputs/skillgraph.ttl: No space left on device — …``."""


class UnknownNodeError(SkillGraphError, KeyError):
    """A name that resolves to no node, or to several. ``candidates`` are the nearest names."""

    def __init__(self, message: str, candidates: list[str] | tuple[str, ...] = ()):
        super().__init__(message)
        self.candidates = tuple(candidates)

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        msg = self.args[0] if self.args else ""
        if self.candidates:
            msg += " — did you mean: " + ", ".join(self.candidates) + "?"
        return msg


class NoPathError(SkillGraphError):
    pass
