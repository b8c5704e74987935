"""A user can install the product: a wheel built from this tree, installed in a fresh venv, runs
``skillgraph build`` from another directory and writes the committed ``outputs/`` byte for byte; the
public API imports; the spaCy component is found through its entry point without importing skillgraph.

Slow (a venv and the dependencies from the package index or pip's cache): marked ``slow``, run by CI.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("graph.json", "mentions.jsonl", "summary.md", "skillgraph.ttl", "graph.html")

pytestmark = pytest.mark.slow


def _run(args, **kw):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SKILLGRAPH_ONTOLOGY_DIR")}
    res = subprocess.run(args, capture_output=True, text=True, env=env, **kw)
    assert res.returncode == 0, f"{' '.join(map(str, args))}\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
    return res


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv bin folder, work folder): the wheel installed in a fresh venv, outside the source tree."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"  # build from a copy, so no build/ or egg-info litter lands in the tree
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info",
                                                             "__pycache__", ".pytest_cache", ".hypothesis",
                                                             "outputs", "training"))
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(src)])
    wheel = next((tmp / "dist").glob("skillgraph-*.whl"))
    _run([sys.executable, "-m", "venv", str(tmp / "venv")])
    bin_ = tmp / "venv" / "bin"
    _run([str(bin_ / "python"), "-m", "pip", "install", "-q", str(wheel)])
    work = tmp / "work"
    shutil.copytree(ROOT / "seeds", work / "seeds")
    return bin_, work


def test_wheel_carries_the_ontology_and_builds_the_committed_outputs(installed):
    bin_, work = installed
    _run([str(bin_ / "skillgraph"), "build"], cwd=work)
    for name in OUTPUTS:
        assert (work / "outputs" / name).read_bytes() == (ROOT / "outputs" / name).read_bytes(), name


def test_wheel_public_api_and_spacy_entry_point(installed):
    bin_, work = installed
    _run([str(bin_ / "python"), "-c", "import skillgraph; skillgraph.build; print(skillgraph.__version__)"],
         cwd=work)
    # spaCy loads its entry points itself (spacy.blank already does): the probe never imports skillgraph.
    probe = ("import sys, spacy; assert 'skillgraph' not in sys.modules; nlp = spacy.blank('en'); "
             "nlp.add_pipe('skillgraph_linker'); doc = nlp('We train diffusion models in PyTorch.'); "
             "print(sorted(s.text for s in doc.spans['skills']))")
    out = _run([str(bin_ / "python"), "-c", probe], cwd=work).stdout
    assert "PyTorch" in out and "diffusion models" in out


SPAN_MODEL = "skillgraph/extraction/models/spans"


def test_wheel_carries_the_span_model_and_hybrid_runs_from_it(installed):
    import json
    import zipfile

    bin_, work = installed
    wheel = next((work.parent / "dist").glob("skillgraph-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for rel in ("meta.json", "config.cfg", "standalone.json", "vocab/vectors", "vocab/strings.json",
                    "tok2vec/model", "ner/model"):
            assert f"{SPAN_MODEL}/{rel}" in names, rel
            assert z.read(f"{SPAN_MODEL}/{rel}") == (ROOT / SPAN_MODEL / rel).read_bytes(), rel
    seed = sorted((work / "seeds").glob("*.txt"))[2]
    out = _run([str(bin_ / "skillgraph"), "extract", str(seed), "--linker", "hybrid", "--min-score", "0.5",
                "--format", "json"],
               cwd=work).stdout
    [p] = json.loads(out)
    assert any(m["how"] == "model+lexical" for m in p["mentions"])
