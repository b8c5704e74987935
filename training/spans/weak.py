#!/usr/bin/env python3
"""Weak span labels from our own dictionary linker over postings-dev, added to SkillSpan train (issue 9,
part 1: "add weak labels from our own linker over postings-dev where that measurably helps").

    python training/spans/weak.py [--pieces 2000]    # writes training/spans/corpus/{weak,train_weak}.spacy
    nice -n 19 python training/spans/train.py --vectors --skip-prepare \
        --train training/spans/corpus/train_weak.spacy --output training/spans/runs/weak

Source: ``../shared/data/postings-dev/postings.jsonl`` (real postings, no gold), read with the product's
reader, linked by the exact linker with the shipped ontology. Each distinct :func:`~skillgraph.extraction.
spans.pieces` piece (what the span model reads at inference) holding at least one mention becomes one Doc,
tokenised by ``spacy.blank("en")`` as prepare.py does; its mentions are its entities (label KNOWLEDGE: the
evaluation ignores labels) and every other token is *missing*, not "outside": the dictionary knows only
its own labels, so a soft skill it does not name must not be taught as a non-span. Pieces are taken in
the order of their text's MD5 (a fixed shuffle), the first ``--pieces`` of them; the 40 level-gold
postings are left out. The output is deterministic (same input → same DocBin bytes).
train_weak.spacy is SkillSpan train's Docs followed by the weak ones.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
POSTINGS = ROOT.parent / "shared" / "data" / "postings-dev" / "postings.jsonl"
GOLD_IDS = ROOT / "training" / "levels" / "gold_ids.txt"


def weak_pieces(postings_path: Path, limit: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """[(piece text, [(start, end) of its mentions])], distinct pieces in sorted order, at most ``limit``."""
    sys.path.insert(0, str(ROOT))
    from skillgraph.extraction import Extractor
    from skillgraph.extraction.spans import pieces
    from skillgraph.ingest.readers import read_postings
    from skillgraph.ontology.load import load_ontology

    skip = set(GOLD_IDS.read_text().split()) if GOLD_IDS.exists() else set()
    ex = Extractor(load_ontology())
    found: dict[str, list[tuple[int, int]]] = {}
    for p in read_postings(str(postings_path), skip_bad=True, warn=lambda _m: None):
        if p.id in skip:
            continue
        ms = sorted({(m.start, m.end) for m in ex.extract(p).mentions})
        for a, b in pieces(p.text):
            inside = [(s - a, e - a) for s, e in ms if a <= s and e <= b]
            if inside:
                found.setdefault(p.text[a:b], inside)
    order = sorted(found, key=lambda t: (hashlib.md5(t.encode("utf-8")).hexdigest(), t))   # a fixed shuffle
    return [(t, found[t]) for t in order[:limit]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=Path, default=POSTINGS)
    ap.add_argument("--pieces", type=int, default=2000)
    a = ap.parse_args(argv)
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    weak = DocBin(store_user_data=False)
    n_ents = 0
    for text, spans in weak_pieces(a.postings, a.pieces):
        doc = nlp.make_doc(text)
        ents = [sp for s, e in spans if (sp := doc.char_span(s, e, label="KNOWLEDGE", alignment_mode="contract"))]
        ents = [sp for i, sp in enumerate(ents) if all(sp.start >= o.end or sp.end <= o.start for o in ents[:i])]
        doc.set_ents(ents, default="missing")
        n_ents += len(ents)
        weak.add(doc)
    corpus = HERE / "corpus"
    weak.to_disk(corpus / "weak.spacy")
    both = DocBin(store_user_data=False)
    for doc in DocBin().from_disk(corpus / "train.spacy").get_docs(nlp.vocab):
        both.add(doc)
    for doc in weak.get_docs(nlp.vocab):
        both.add(doc)
    both.to_disk(corpus / "train_weak.spacy")
    print(f"weak: {len(weak)} pieces, {n_ents} spans -> {corpus / 'weak.spacy'}; "
          f"train_weak: {len(both)} docs -> {corpus / 'train_weak.spacy'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
