"""Turn the hand annotations (gold_annotations.tsv) into tests/data/levels_gold.jsonl: character spans.

Each annotation names a span by a start snippet (and optionally an end snippet) of the posting's text;
snippets are searched in order, each after the previous start, so a repeated sentence is annotated
twice. The span ends at the end of its end snippet, else at the end of the line or at the next
annotated start on that line, whichever comes first. Stored: posting id, start, end, level and a
short excerpt (at most 160 characters) - never the posting itself. Deterministic; stdlib only.

    python training/levels/build_gold.py [postings.jsonl]
"""

import json
import sys
from pathlib import Path

LEVELS = {"req": "required", "resp": "responsibility", "pref": "preferred", "ctx": "context"}
EXCERPT = 160


def _find(text: str, snippet: str, pos: int) -> int:
    for cand in (snippet, snippet.replace("'", "\u2019")):
        i = text.find(cand, pos)
        if i >= 0:
            return i
    raise SystemExit(f"snippet not found after {pos}: {snippet!r}")


def spans(text: str, rows: list[tuple[str, str, str | None]]) -> list[dict]:
    found = []
    pos = 0
    for level, start_snip, end_snip in rows:
        s = _find(text, start_snip, pos)
        pos = s + 1
        found.append([s, level, end_snip])
    out = []
    for k, (s, level, end_snip) in enumerate(found):
        if level == "-":
            continue
        if end_snip:
            e = _find(text, end_snip, s) + len(end_snip)
        else:
            nl = text.find("\n", s)
            e = len(text) if nl < 0 else nl
            if k + 1 < len(found) and found[k + 1][0] < e:
                e = found[k + 1][0]
        while e > s and (text[e - 1].isspace() or text[e - 1] == "|"):
            e -= 1
        out.append({"start": s, "end": e, "level": LEVELS[level], "text": text[s:e][:EXCERPT]})
    return out


def main(postings: Path) -> None:
    here = Path(__file__).parent
    rows: dict[str, list] = {}
    for line in (here / "gold_annotations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        rows.setdefault(parts[0], []).append((parts[1], parts[2], parts[3] if len(parts) > 3 else None))
    texts = {}
    with postings.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in rows:
                texts[rec["id"]] = rec["text"]
    ids = (here / "gold_ids.txt").read_text().split()
    missing = sorted(set(ids) - set(rows))
    if missing:
        print("not annotated (no skill sentence):", missing)
    out = []
    for pid in sorted(rows):
        for sp in spans(texts[pid], rows[pid]):
            out.append({"posting": pid, **sp})
    dest = here.parents[1] / "tests/data/levels_gold.jsonl"
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in out),
                   encoding="utf-8")
    tmp.replace(dest)
    counts: dict[str, int] = {}
    for r in out:
        counts[r["level"]] = counts.get(r["level"], 0) + 1
    print(len(out), "spans in", len(rows), "postings", dict(sorted(counts.items())))


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/data/postings-dev/postings.jsonl")
