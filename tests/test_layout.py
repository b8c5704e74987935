"""Rules of the house, checked on the source tree: rooms of one job (no module over 400 lines), no import
cycle, the package list in pyproject.toml names every package, the vocabulary in one place, the public
face, and ``--help`` without heavy libraries."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "skillgraph"
MAX_LINES = 400
HEAVY = ("spacy", "rdflib", "pyoxigraph", "pyshacl", "pyvis", "playwright", "numpy", "scipy", "thinc", "wordllama",
         "tokenizers", "safetensors")


def _modules() -> dict[str, Path]:
    out = {}
    for f in sorted(PKG.rglob("*.py")):
        parts = list(f.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = f
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _imports(name: str, path: Path) -> set[str]:
    """Every skillgraph module ``name`` imports, at module level or inside functions."""
    pkg = name if _is_package(name) else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.add(sub if sub in MODULES else base)
    return {m for m in out if m in MODULES and m != name}


def test_no_module_is_over_the_size_limit():
    big = {n: len(p.read_text(encoding="utf-8").splitlines()) for n, p in MODULES.items()}
    assert not {n: k for n, k in big.items() if k > MAX_LINES}, f"modules over {MAX_LINES} lines"


def test_there_is_no_import_cycle():
    graph = {n: _imports(n, p) for n, p in MODULES.items()}
    # a package's __init__ re-exports its own submodules; that is not a cycle unless a submodule
    # imports the package back, which _imports reports as an edge to the package itself
    index, low, stack, on, cycles = {}, {}, [], set(), []

    def visit(v):  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in graph:
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_the_cycle_check_sees_function_level_imports(tmp_path):
    assert "skillgraph.cli.app" in _imports("skillgraph.cli.build", MODULES["skillgraph.cli.build"])
    assert "skillgraph.pipeline" in _imports("skillgraph.cli.build", MODULES["skillgraph.cli.build"])


def test_pyproject_names_every_package_and_its_data():
    import tomllib

    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {n for n in MODULES if _is_package(n)} | {"skillgraph._ontology"}
    assert set(cfg["packages"]) == on_disk
    assert cfg["package-dir"] == {"skillgraph._ontology": "ontology"}


def test_sg_namespace_is_exactly_what_vocab_ttl_declares():
    import re

    from skillgraph.vocab import SG

    ttl = (ROOT / "ontology" / "vocab.ttl").read_text(encoding="utf-8")
    declared = set(re.findall(r"^sg:([A-Za-z]+)\s", ttl, re.M))
    assert SG.terms == declared


def test_a_misspelt_term_fails_loudly():
    from skillgraph.vocab import SG, SKOS

    assert SKOS.prefLabel == "http://www.w3.org/2004/02/skos/core#prefLabel"
    assert SG["required"] == SG.iri + "required"
    with pytest.raises(AttributeError, match="prefLable"):
        SKOS.prefLable  # noqa: B018
    with pytest.raises(KeyError):
        SG["requried"]


def test_public_api_is_sorted_and_every_name_resolves():
    import skillgraph

    assert skillgraph.__all__ == sorted(skillgraph.__all__)
    for name in skillgraph.__all__:
        assert getattr(skillgraph, name) is not None, name
    assert callable(skillgraph.build) and callable(skillgraph.extract)
    with pytest.raises(AttributeError):
        skillgraph.no_such_name  # noqa: B018


@pytest.mark.parametrize("code", ["import skillgraph", "import skillgraph.cli",
                                  "from skillgraph.cli import main; main(['--help'], standalone_mode=False)"])
def test_help_and_import_pull_in_no_heavy_library(code):
    probe = f"import sys; {code}; print('\\nloaded:' + ','.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    loaded = set(out.rpartition("loaded:")[2].strip().split(","))
    assert "skillgraph" in loaded
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_ruff_lint_and_complexity_pass():
    """E, F, W, I, B and C901 (max complexity 20), as configured in pyproject.toml."""
    res = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "skillgraph", "tests", "benchmarks"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stdout[-5000:] + res.stderr[-2000:]
