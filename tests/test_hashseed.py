"""Byte-identical outputs under different PYTHONHASHSEED values (issue 14), through the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_build_is_byte_identical_across_hash_seeds(tmp_path):
    outs = []
    for seed in ("0", "4242"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "skillgraph", "build", "seeds", "--out", str(out)], cwd=ROOT,
                       env=env, check=True, capture_output=True)
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()})
    assert outs[0].keys() == outs[1].keys() and len(outs[0]) >= 3
    for name in outs[0]:
        assert outs[0][name] == outs[1][name], name
