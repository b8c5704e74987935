"""The README is the front door: every command is documented and CI runs its test command."""
from __future__ import annotations

import re
from pathlib import Path

import click

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
