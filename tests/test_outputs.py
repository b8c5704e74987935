"""skillgraph.outputs: atomic files, one whole set per build (under SIGKILL and concurrent builds),
write errors naming the file, stdout writes checked."""
from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from skillgraph import outputs
from skillgraph.errors import OutputError
from skillgraph.outputs import atomic_file, output_set, write_bytes, write_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(f"seeds/{p.name}" for p in (ROOT / "seeds").iterdir())   # relative: sources as in outputs/
ALL = ["seeds"]
BUILD = [sys.executable, "-m", "skillgraph", "build"]
NAMES = {"graph.json", "mentions.jsonl", "summary.md", "skillgraph.ttl", "graph.html"}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name or ".build-" in p.name or ".old-" in p.name)


# --- one file ---------------------------------------------------------------------------------------

def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "sub" / "a.txt"
    write_text(target, "one\n")
    write_bytes(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert _leftovers(target.parent) == []
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)      # mkstemp's 0600 is not kept


def test_a_failed_write_keeps_the_old_file_and_names_the_target(tmp_path, monkeypatch):
    target = tmp_path / "skillgraph.ttl"
    target.write_bytes(b"old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(outputs.os, "fsync", full)
    with pytest.raises(OutputError) as exc:
        write_bytes(target, b"new" * 1000)
    msg = str(exc.value)
    assert msg.startswith(f"cannot write {target}: No space left on device — ") and "\n" not in msg
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_an_exception_inside_the_block_keeps_the_old_file(tmp_path):
    target = tmp_path / "g.json"
    target.write_text("old")
    with pytest.raises(ZeroDivisionError), atomic_file(target, "w", encoding="utf-8") as fh:
        fh.write("half")
        raise ZeroDivisionError
    assert target.read_text() == "old" and _leftovers(tmp_path) == []


def test_concurrent_writers_of_one_file_never_mix(tmp_path):
    target = tmp_path / "graph.json"
    bodies = [bytes([65 + i]) * 200_000 for i in range(8)]
    threads = [threading.Thread(target=write_bytes, args=(target, b)) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_bytes() in bodies
    assert _leftovers(tmp_path) == []


def test_writing_into_a_file_where_a_folder_is_needed_is_one_line(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputError, match=r"^cannot write .*f/out.ttl: .* — "):
        write_bytes(tmp_path / "f" / "out.ttl", b"x")


# --- stdout -----------------------------------------------------------------------------------------

def test_short_writes_are_resumed(tmp_path, monkeypatch):
    real = os.write
    monkeypatch.setattr(outputs.os, "write", lambda fd, b: real(fd, bytes(b[:7])))
    data = bytes(range(256)) * 100
    with open(tmp_path / "o", "wb") as fh:
        outputs._write_fd(fh.fileno(), data)
    assert (tmp_path / "o").read_bytes() == data


def test_a_write_that_takes_nothing_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(outputs.os, "write", lambda fd, b: 0)
    with open(tmp_path / "o", "wb") as fh, pytest.raises(OSError):
        outputs._write_fd(fh.fileno(), b"abc")


@pytest.mark.parametrize("args", [["extract", str(ROOT / "seeds"), "--format", "jsonl"],
                                  ["extract", str(ROOT / "seeds"), "--format", "json"],
                                  ["export", "--format", "nt", "--graph", str(ROOT / "outputs/graph.json")]])
def test_a_full_stdout_is_exit_1_with_one_line(args):
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "skillgraph", *args], stdout=full, stderr=subprocess.PIPE,
                           text=True, cwd=ROOT)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == ["error: cannot write to stdout: No space left on device — free some "
                                             "space or send the output elsewhere"]


def test_export_out_is_atomic_and_names_the_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from skillgraph.cli import main

    out = tmp_path / "g.ttl"
    out.write_bytes(b"old")
    monkeypatch.setattr(outputs.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space "
                                                                                       "left on device")))
    r = CliRunner().invoke(main, ["export", "--graph", str(ROOT / "outputs/graph.json"), "--out", str(out)])
    assert r.exit_code == 1 and f"error: cannot write {out}: No space left on device" in r.output
    assert out.read_bytes() == b"old" and _leftovers(tmp_path) == []


# --- one build, one set -----------------------------------------------------------------------------

def _set(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def two_sets(tmp_path_factory):
    """(set A: two seeds, set B: all five) as bytes, and the time one build of B takes."""
    base = tmp_path_factory.mktemp("sets")
    subprocess.run([*BUILD, *SEEDS[:2], "--out", str(base / "a")], check=True, capture_output=True, cwd=ROOT)
    t0 = time.monotonic()
    subprocess.run([*BUILD, *ALL, "--out", str(base / "b")], check=True, capture_output=True, cwd=ROOT)
    took = time.monotonic() - t0
    a, b = _set(base / "a"), _set(base / "b")
    assert set(a) == set(b) == NAMES and a != b
    assert b == {n: (ROOT / "outputs" / n).read_bytes() for n in NAMES}      # seeds' outputs unchanged
    return a, b, took


def test_a_write_error_in_a_build_names_the_output_file_and_keeps_the_old_set(tmp_path, monkeypatch, two_sets):
    from skillgraph.pipeline import build

    a, _, _ = two_sets
    out = tmp_path / "outputs"
    out.mkdir()
    for n, data in a.items():
        (out / n).write_bytes(data)
    real = os.fsync

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").split("/")[-1].startswith(".skillgraph.ttl."):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)
    monkeypatch.setattr(outputs.os, "fsync", fsync)
    with pytest.raises(OutputError) as exc:
        build([str(ROOT / "seeds")], out=out)
    assert str(exc.value).startswith(f"cannot write {out}/skillgraph.ttl: No space left on device — ")
    assert _set(out) == a and _leftovers(tmp_path) == []


def test_a_second_build_into_the_same_folder_stops_with_one_line(tmp_path):
    from skillgraph.pipeline import build

    with output_set(tmp_path / "outputs"):
        with pytest.raises(OutputError, match=r"outputs: another `skillgraph build` \(pid \d+\) is writing there"):
            build([str(ROOT / SEEDS[0])], out=tmp_path / "outputs")
        with pytest.raises(OutputError, match="another `skillgraph build`"):      # however the path is spelt
            build([str(ROOT / SEEDS[0])], out=str(tmp_path / "." / "outputs"))


def test_files_the_build_does_not_write_are_kept(tmp_path):
    out = tmp_path / "outputs"
    (out / "pics").mkdir(parents=True)
    (out / "graph.png").write_bytes(b"png")
    (out / "pics" / "x.png").write_bytes(b"x")
    (out / "graph.json").write_text("old")
    with output_set(out) as stage:
        (stage / "graph.json").write_text("new")
    assert (out / "graph.json").read_text() == "new"
    assert (out / "graph.png").read_bytes() == b"png" and (out / "pics" / "x.png").read_bytes() == b"x"
    assert _leftovers(tmp_path) == []


def test_the_two_rename_fallback_and_its_recovery(tmp_path, monkeypatch):
    monkeypatch.setattr(outputs, "_renameat2_exchange", lambda: None)
    out = tmp_path / "outputs"
    out.mkdir()
    (out / "graph.json").write_text("old")
    with output_set(out) as stage:
        (stage / "graph.json").write_text("new")
    assert (out / "graph.json").read_text() == "new" and _leftovers(tmp_path) == []
    # killed between the two renames: the old set is aside, outputs/ is missing; the next build restores it
    os.rename(out, tmp_path / ".outputs.old-x")
    (tmp_path / ".outputs.build-y").mkdir()
    with output_set(out) as stage:
        assert (out / "graph.json").read_text() == "new"
        assert not (tmp_path / ".outputs.build-y").exists()
    assert not stage.exists() and (out / "graph.json").read_text() == "new"


def test_a_file_where_the_folder_should_be_is_one_line(tmp_path):
    (tmp_path / "outputs").write_text("x")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        with output_set(tmp_path / "outputs"):
            pass


def test_sigkill_at_random_moments_leaves_one_whole_set(tmp_path, two_sets):
    """~10 builds killed with SIGKILL at random moments (weighted to the writing at the end): outputs/ is
    byte for byte the whole old set or the whole new one every time; the next build cleans up."""
    a, b, took = two_sets
    out = tmp_path / "outputs"
    subprocess.run([*BUILD, *SEEDS[:2], "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    rng = random.Random(14)
    seen = {"old": 0, "new": 0}
    for i in range(10):
        now_a = _set(out) == a
        args = ALL if now_a else SEEDS[:2]
        p = subprocess.Popen([*BUILD, *args, "--out", str(out)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, cwd=ROOT)
        time.sleep(rng.uniform(0.4, 1.1) * took)
        p.send_signal(signal.SIGKILL)
        p.wait()
        got = _set(out)
        assert got in (a, b), f"kill {i}: a mixed set {sorted(n for n in got if got[n] not in (a.get(n), b.get(n)))}"
        seen["old" if (got == a) == now_a else "new"] += 1
    print(f"10 kills: {seen['old']} left the old set, {seen['new']} the new one, 0 mixed")
    subprocess.run([*BUILD, *ALL, "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert _set(out) == b and _leftovers(tmp_path) == []


def test_concurrent_builds_never_interleave(tmp_path, two_sets):
    a, b, _ = two_sets
    out = tmp_path / "outputs"
    for _ in range(3):
        ps = [subprocess.Popen([*BUILD, *args, "--out", str(out)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, cwd=ROOT)
              for args in (ALL, SEEDS[:2])]
        res = [(p.wait(), p.stderr.read()) for p in ps]
        for p in ps:
            p.stderr.close()
        assert any(rc == 0 for rc, _ in res)
        for rc, err in res:
            assert rc == 0 or (rc == 1 and err.strip().splitlines()[-1].startswith("error: ")
                               and "another `skillgraph build`" in err), err
        assert _set(out) in (a, b)
    assert _leftovers(tmp_path) == []
