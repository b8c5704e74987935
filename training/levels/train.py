"""Train the sentence-level classifier (spaCy textcat, exclusive classes, bag-of-words) on the weak labels.

    nice -n 19 python training/levels/train.py [--data training/levels/data] [--out DIR] [--epochs N]

CPU, one thread, fixed seed: the same data gives the same model. Prints dev accuracy per epoch and
keeps the best epoch. The architecture (``TextCatBOW``, unigrams + bigrams, a 2^16 hash table) keeps
the saved model near 1 MB.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEVELS = ("required", "responsibility", "preferred", "context")
MODEL = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
         "no_output_layer": False, "length": 65536}


def read(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as f:
        return [(r["text"], r["level"]) for r in map(json.loads, f)]


def accuracy(nlp, rows) -> float:
    ok = sum(max(d.cats, key=d.cats.get) == lv for d, (_, lv) in zip(nlp.pipe(t for t, _ in rows), rows, strict=True))
    return ok / len(rows) if rows else 0.0


def train(train_rows, dev_rows, out: Path | None = None, epochs: int = 5, seed: int = 0, log=print):
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    tc = nlp.add_pipe("textcat", config={"model": MODEL})
    for lv in LEVELS:
        tc.add_label(lv)
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": {x: float(x == lv) for x in LEVELS}})
                for t, lv in train_rows]
    opt = nlp.initialize(lambda: examples)
    best, best_bytes = -1.0, None
    for epoch in range(epochs):
        # each epoch's order by a hash of (seed, epoch, text), not a shuffle of the list: adding or
        # relabelling a few sentences leaves the others' order as it was (a more stable retraining)
        examples.sort(key=lambda ex: hashlib.sha1(f"{seed}\n{epoch}\n{ex.reference.text}".encode("utf-8")).digest())
        losses: dict = {}
        for batch in minibatch(examples, size=64):
            nlp.update(batch, sgd=opt, losses=losses)
        acc = accuracy(nlp, dev_rows)
        log(f"epoch {epoch}: loss {losses.get('textcat', 0):.2f} dev accuracy {acc:.4f}")
        if acc > best:
            best, best_bytes = acc, nlp.to_bytes()
    nlp.from_bytes(best_bytes)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(out)
    return nlp, best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE / "data")
    ap.add_argument("--out", type=Path,
                    default=HERE.parents[1] / "skillgraph" / "extraction" / "models" / "levels")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    _, best = train(read(args.data / "train.jsonl"), read(args.data / "dev.jsonl"), args.out,
                    args.epochs, args.seed)
    print(f"best dev accuracy {best:.4f} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
