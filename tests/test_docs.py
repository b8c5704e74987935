"""The README is the front door: every command is documented and CI runs its test command."""
from __future__ import annotations

import doctest
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from skillgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = ""):
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}"


def test_every_command_is_in_the_readme():
    missing = [c for c in _commands(main) if f"skillgraph {c}" not in README]
    assert not missing, f"README.md does not mention: {missing}"


def test_ci_runs_the_readme_test_command():
    blocks = re.findall(r"```bash\n(.*?)\n```", README, re.S)
    test_cmd = next(b for b in blocks if "pytest" in b).strip()
    assert test_cmd in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_main_job_builds_outputs():
    blocks = re.findall(r"```bash\n(.*?)\n```", README, re.S)
    assert any("skillgraph build" in b and "pip install" in b for b in blocks)


def _blocks(lang: str) -> list[str]:
    """The bodies of the README's fenced code blocks of one language ("" for plain blocks)."""
    out, body, inside = [], [], None
    for line in README.splitlines():
        if line.startswith("```"):
            if inside is None:
                inside, body = line[3:].strip(), []
            else:
                if inside == lang:
                    out.append("\n".join(body))
                inside = None
        elif inside is not None:
            body.append(line)
    return out


def _console_examples():
    """(command, shown lines, more follow?) for each ``$ command`` in the README's plain code blocks."""
    for block in _blocks(""):
        if not block.startswith("$ "):
            continue
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            cmd, *shown = chunk.rstrip("\n").split("\n")
            more = bool(shown) and shown[-1] == "..."
            yield cmd, shown[:-1] if more else shown, more


@pytest.fixture(scope="module")
def readme_dir(tmp_path_factory):
    """A working folder like the README's: the seeds and the outputs `skillgraph build` writes."""
    d = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "seeds", d / "seeds")
    shutil.copytree(ROOT / "outputs", d / "outputs")
    return d


def test_readme_console_examples_print_what_the_readme_shows(readme_dir):
    examples = list(_console_examples())
    assert len(examples) >= 4
    exe = shlex.quote(str(Path(sys.executable).parent / "skillgraph"))
    for cmd, shown, more in examples:
        run = re.sub(r"^skillgraph ", exe + " ", cmd)
        res = subprocess.run(run, shell=True, cwd=readme_dir, capture_output=True, text=True)
        assert res.returncode == 0, f"$ {cmd}\n{res.stderr}"
        got = [line.rstrip() for line in res.stdout.splitlines()]
        want = [line.rstrip() for line in shown]
        assert (got[:len(want)] if more else got) == want, f"$ {cmd}\n" + "\n".join(got)


def _sparql_examples():
    """(query, shown output lines or None) for each ```sparql block; its output is the plain block
    right after it (one not starting with ``$ ``), if there is one."""
    blocks, body, inside = [], [], None
    for line in README.splitlines():
        if line.startswith("```"):
            if inside is None:
                inside, body = line[3:].strip(), []
            else:
                blocks.append((inside, "\n".join(body)))
                inside = None
        elif inside is not None:
            body.append(line)
    for i, (lang, body) in enumerate(blocks):
        if lang == "sparql":
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            shown = nxt[1].splitlines() if nxt and nxt[0] == "" and not nxt[1].startswith("$ ") else None
            yield body, shown


def test_readme_sparql_examples_run_and_print_what_the_readme_shows(readme_dir):
    examples = list(_sparql_examples())
    assert len(examples) >= 3 and any(shown for _, shown in examples)
    exe = str(Path(sys.executable).parent / "skillgraph")
    for i, (query, shown) in enumerate(examples):
        q = readme_dir / f"readme-{i}.rq"
        q.write_text(query + "\n", encoding="utf-8")
        res = subprocess.run([exe, "sparql", f"@{q}"], cwd=readme_dir, capture_output=True, text=True)
        assert res.returncode == 0 and res.stdout.strip(), f"{query}\n{res.stderr}"
        if shown is not None:
            got = [line.rstrip() for line in res.stdout.splitlines()]
            assert got == [line.rstrip() for line in shown], query + "\n" + "\n".join(got)


def test_readme_python_session_prints_what_the_readme_shows(readme_dir, monkeypatch):
    sessions = _blocks("pycon")
    assert sessions
    monkeypatch.chdir(readme_dir)
    for i, text in enumerate(sessions):
        test = doctest.DocTestParser().get_doctest(text, {}, f"README pycon block {i + 1}", "README.md", 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0, f"README pycon block {i + 1}: {runner.failures} example(s) differ (see output)"
    assert (readme_dir / "outputs" / "graph.json").read_bytes() == (ROOT / "outputs" / "graph.json").read_bytes()


def test_paths_the_docs_name_exist():
    docs = README + (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:skillgraph|tests|benchmarks|ontology|training)/[\w/.<>-]*)`", docs))
    missing = sorted(p for p in named if "<" not in p and not (ROOT / p).exists())
    assert len(named) > 10 and not missing, f"docs name paths that do not exist: {missing}"


def test_architecture_doc_covers_every_package():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    pkgs = sorted(p.parent.name for p in (ROOT / "skillgraph").glob("*/__init__.py"))
    assert pkgs and not [p for p in pkgs if f"`{p}/`" not in doc]
