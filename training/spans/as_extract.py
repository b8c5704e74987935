#!/usr/bin/env python3
# Cross-check shim: answers `CMD extract FILE --format json` like `skillgraph extract` does, with a trained
# span model, so ../shared/tools/eval_skillspan.py can score the model itself:
#   MODEL=training/spans/output/model-best python ../shared/tools/eval_skillspan.py --cmd training/spans/as_extract.py
# (run with the venv active; MODEL = model path).
import json, os, sys
import spacy
path = sys.argv[2]
nlp = spacy.load(os.environ["MODEL"])
recs = [json.loads(l) for l in open(path) if l.strip()]
out = []
for r, d in zip(recs, nlp.pipe((r["text"] for r in recs), batch_size=256)):
    out.append({"id": r["id"], "mentions": [{"start": e.start_char, "end": e.end_char} for e in d.ents]})
print(json.dumps(out))
