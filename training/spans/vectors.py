#!/usr/bin/env python3
"""Build a spaCy static-vectors table from WordLlama 0.4's 256-d token embeddings (offline).

    python training/spans/vectors.py --out training/spans/vectors/wordllama256

WordLlama (MIT) ships its "l2_supercat" 256-d weights and its tokenizer inside the wheel. Its loader
looks for the tokenizer under ``wordllama/tokenizer/`` and then under ``CACHE_DIR/tokenizers/``, and only
then tries the network; the wheel has it in ``wordllama/tokenizers/``, so passing the package folder as
``cache_dir`` with ``disable_download=True`` finds it and can never download.

Keys (``attr = LOWER``, so one row serves "Python", "python", "PYTHON"):
  - every lower-cased token of SkillSpan train, as ``spacy.blank("en")`` tokenises it (MIT);
  - every whole-word piece of WordLlama's tokenizer vocabulary ("▁word", alphabetic, >= 3 letters),
    lower-cased -- general English coverage for text unlike SkillSpan's, without reading dev or test.
Row = WordLlama's embedding of the word (mean of its sub-token embeddings), L2-normalised, float32.
Deterministic: keys sorted, no randomness.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from prepare import DATA  # noqa: E402


def load_wordllama():
    import wordllama
    from wordllama import WordLlama

    pkg = Path(wordllama.__file__).resolve().parent
    if not (pkg / "tokenizers").is_dir():
        raise SystemExit(f"vectors: no tokenizers/ folder in {pkg}; install wordllama==0.4.*")
    return WordLlama.load(cache_dir=pkg, disable_download=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE / "vectors" / "wordllama256")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--no-wordllama-vocab", action="store_true", help="SkillSpan train words only")
    a = ap.parse_args(argv)

    import numpy as np
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("en")
    words: set[str] = set()
    with open(a.data / "train.json", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                words.update(t.lower_ for t in nlp.make_doc(" ".join(json.loads(line)["tokens"])))
    n_train = len(words)
    wl = load_wordllama()
    if not a.no_wordllama_vocab:
        for piece in wl.tokenizer.get_vocab():
            w = piece[1:]
            if piece.startswith("\u2581") and w.isalpha() and len(w) >= 3:
                words.add(w.lower())
    keys = sorted(w for w in words if w.strip())
    data = np.zeros((len(keys), 256), dtype="float32")
    for i in range(0, len(keys), 2048):
        data[i:i + 2048] = wl.embed(keys[i:i + 2048], norm=True)
    vec = Vectors(strings=nlp.vocab.strings, data=data, keys=[nlp.vocab.strings.add(k) for k in keys],
                  name="wordllama_l2_supercat_256", attr="LOWER")
    nlp.vocab.vectors = vec
    a.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(a.out)
    print(f"vectors: {a.out}: {len(keys)} rows x 256 ({n_train} from SkillSpan train), "
          f"{data.nbytes / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
