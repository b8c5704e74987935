"""Work mode (remote, hybrid, on-site) from explicit statements, else from LinkedIn tags."""
from __future__ import annotations

import re

from .anchors import MODE_ANCHORS, MODE_TAG_WORDS
from .doc import Doc

__all__ = ["find_work_mode"]

_MODE_PATTERNS = {
    "remote": re.compile(
        r"\b(?:fully|100%|completely|entirely)\s+remote\b|\bremote[- ](?:first|friendly|eligible|position|"
        r"role|job|opportunity|work|working|option|available)\b|(?:\b|(?<=[a-z]))Remote in\b|"
        r"^\s*Remote\s*$|\(Remote\)|\bRemote\s*[-–—,|/]\s*(?:US|USA|United States|Worldwide|Global|Anywhere|"
        r"[A-Z][a-z]+)\b|\bwork(?:ing)?\s+remotely\b|\bwork from (?:home|anywhere)\b|"
        r"\bthis (?:position|role|job) is remote\b|\bis a remote (?:position|role|job)\b", re.I | re.M),
    "hybrid": re.compile(
        r"\bhybrid\s+(?:position|role|work|working|model|schedule|arrangement|environment|opportunity|job)\b|"
        r"\b(?:is|be|are)\s+hybrid\b|^\s*Hybrid\s*$|\(Hybrid\)|"
        r"\b\d\s*(?:-\s*\d\s*)?days?\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the|our|an?)?\s*office\b|"
        r"\bin[- ]office\s+\d\s*(?:-\s*\d\s*)?days?\s+(?:a|per)\s+week\b", re.I | re.M),
    "on-site": re.compile(
        r"\bon[- ]?site\b(?!\s+interviews?)(?=\s+(?:position|role|job|only|work)\b|\s*$|\s*\))|"
        r"\b(?:fully|100%)\s+(?:in[- ]office|in[- ]person|on[- ]?site)\b|\bin[- ]office\s+(?:position|role|job)\b|"
        r"\b(?:5|five)\s+days\s+(?:a|per)\s+week\s+in\s+(?:the|our)\s+office\b|"
        r"\bthis (?:position|role|job) is (?:on[- ]?site|in[- ]office|in[- ]person)\b|\bnot (?:a )?remote\b",
        re.I | re.M),
}
_MODE_TAG_RE = re.compile(r"#LI-(Remote|Hybrid|On-?site)\b", re.I)


def find_work_mode(doc: Doc) -> str | None:
    """Work mode from explicit statements, else from LinkedIn tags (#LI-Remote/#LI-Hybrid/#LI-Onsite).

    Statements: "Remote in …", "fully remote", "remote role", "(Remote)", "work remotely" -> remote;
    "hybrid position/role/schedule", "3 days a week in the office" -> hybrid; "on-site role",
    "fully in-office", "not remote" -> on-site. Occasional in-office gatherings ("in the office …
    1-2 times per quarter", "gather for key moments") are not a mode of their own, so a posting
    that names remote work and such visits is remote. When statements name several modes, hybrid
    wins if named, and remote + on-site together also mean hybrid; tags count only when no
    statement is found.
    """
    text, found = doc.text, set()
    for mode, rx in _MODE_PATTERNS.items():
        for i in doc.find_lower(MODE_ANCHORS[mode]):
            s = max(text.rfind("\n", 0, i) + 1, i - 80)
            e = text.find("\n", i)
            if rx.search(text, s, min(len(text) if e == -1 else e, i + 80)):
                found.add(mode)
                break
    if not found:
        tags = doc.lines_with(MODE_TAG_WORDS)
        found = {t.lower().replace("-", "").replace("onsite", "on-site") for t in _MODE_TAG_RE.findall(tags)}
    if not found:
        return None
    if len(found) == 1:
        return found.pop()
    return "hybrid"
