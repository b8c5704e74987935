"""How skillgraph writes: every output file atomically, a build's files as one set, stdout checked.

* :func:`atomic_file` / :func:`write_bytes` / :func:`write_text` — one file: written to a unique
  temporary name in the target's folder (``tempfile.mkstemp``), flushed and ``fsync``-ed, then
  renamed over the target (``os.replace``). A crash, a full disk or a concurrent writer never leaves
  a half-written file under the target's name: readers see the old file or the new one. A failed
  write removes its temporary file and raises :class:`~skillgraph.errors.OutputError` naming the file
  (``cannot write outputs/skillgraph.ttl: No space left on device — …``).
* :func:`output_set` — the files of one ``skillgraph build``: they are written into a fresh sibling
  folder ``.<out>.build-XXXX`` which then takes the place of ``<out>`` in one step (Linux
  ``renameat2(RENAME_EXCHANGE)``: the two folders swap atomically), so ``<out>`` is always the whole
  previous set or the whole new one, whenever the process is killed. Files in ``<out>`` that the
  build does not write are carried over (hard links). A lock file ``.<out>.lock`` next to ``<out>``
  (``fcntl.flock``) keeps two builds into the same folder apart: the second one stops at once with
  one line. Leftover ``.<out>.build-*`` folders of a killed build are removed by the next build.
  Where the exchange is not available (not Linux, or a file system without it) the swap is two
  renames; a build killed between them leaves ``.<out>.old-XXXX`` which the next build puts back.
* :func:`write_stdout` — bytes to standard output with every short write resumed and every error
  raised (``extract --format jsonl`` to a full disk exits 1, never 0 with a cut file).
"""
from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import OutputError

__all__ = ["OUTPUT_LOCK_HELP", "atomic_file", "output_error", "output_set", "write_bytes", "write_stdout",
           "write_text"]

OUTPUT_LOCK_HELP = "wait for it to finish or pick another --out"

_DISPLAY: dict[str, str] = {}
"""Staging folder → the output folder it will become, so errors name ``outputs/x``, not the stage."""

_FIX = {errno.ENOSPC: "free some space or write elsewhere", errno.EDQUOT: "free some space or write elsewhere",
        errno.EACCES: "check the folder's permissions or write elsewhere",
        errno.EPERM: "check the folder's permissions or write elsewhere",
        errno.EROFS: "the file system is read-only: write elsewhere",
        errno.EISDIR: "a folder has that name: remove it or write elsewhere",
        errno.ENOTDIR: "a file stands where a folder is needed: remove it or write elsewhere"}


def _shown(path: str | os.PathLike) -> str:
    p = os.fspath(path)
    parent, name = os.path.split(p)
    if parent in _DISPLAY:
        p = os.path.join(_DISPLAY[parent], name)
    return p.encode("utf-8", "backslashreplace").decode("utf-8").replace("\n", "\\n").replace("\r", "\\r")


def output_error(path: str | os.PathLike, exc: BaseException) -> OutputError:
    """``cannot write <path>: <reason> — <how to fix>`` for an OSError met while writing ``path``."""
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    fix = _FIX.get(getattr(exc, "errno", None), "check the path and the disk")
    return OutputError(f"cannot write {_shown(path)}: {reason} — {fix}")


_UMASK: list[int] = []


def _file_mode() -> int:
    if not _UMASK:
        old = os.umask(0o022)
        os.umask(old)
        _UMASK.append(old)
    return 0o666 & ~_UMASK[0]


def _fsync_dir(folder: str | os.PathLike) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _mkdir(folder: Path, target: str | os.PathLike) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(target, exc) from None


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike, mode: str = "wb", *, encoding: str | None = None,
                newline: str | None = None) -> Iterator[IO]:
    """A file object whose contents replace ``path`` when the block ends without an exception.

    ``mode`` is ``"wb"`` or ``"w"`` (text: give ``encoding``, and ``newline="\\n"`` for the same bytes
    everywhere). OSErrors while writing become :class:`OutputError` naming ``path``; any exception
    removes the temporary file and leaves ``path`` as it was.
    """
    path = Path(path)
    _mkdir(path.parent, path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise output_error(path, exc) from None
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise output_error(path, exc) from None
        raise
    _fsync_dir(path.parent)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """``data`` atomically to ``path`` (see :func:`atomic_file`)."""
    with atomic_file(path, "wb") as fh:
        fh.write(data)


def write_text(path: str | os.PathLike, text: str) -> None:
    """``text`` as UTF-8 with ``\\n`` line ends, atomically to ``path``."""
    write_bytes(path, text.encode("utf-8"))


# --- standard output -------------------------------------------------------------------------------

def _write_fd(fd: int, data: bytes) -> None:
    view, done = memoryview(data), 0
    while done < len(view):
        try:
            n = os.write(fd, view[done:done + (1 << 30)])
        except BlockingIOError:              # a non-blocking pipe that is full: wait until it drains
            import select

            select.select([], [fd], [])
            continue
        except InterruptedError:
            continue
        if n <= 0:
            raise OSError(errno.EIO, "the output accepted no more bytes")
        done += n


def write_stdout(chunks: Iterable[bytes] | bytes) -> None:
    """Write bytes to standard output, all of them or an :class:`OutputError` ("cannot write to stdout …").

    Goes to the file descriptor directly (short writes resumed); a stream without one (a test
    runner's buffer) gets ``write`` calls whose counts are checked.
    """
    if isinstance(chunks, (bytes, bytearray, memoryview)):
        chunks = [bytes(chunks)]
    stream = getattr(sys.stdout, "buffer", sys.stdout)
    try:
        sys.stdout.flush()
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        fd = None
    try:
        for chunk in chunks:
            if fd is not None:
                _write_fd(fd, chunk)
                continue
            n = stream.write(chunk)
            if n is not None and n != len(chunk):
                raise OSError(errno.EIO, f"short write ({n} of {len(chunk)} bytes)")
        if fd is None:
            stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write to stdout: {reason} — free some space or send the output "
                          "elsewhere") from None


# --- the files of one build, as one set ------------------------------------------------------------

def _renameat2_exchange():
    """``exchange(a, b)`` swapping two paths atomically (Linux renameat2), or None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2

    def exchange(a: str, b: str) -> None:
        if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
            e = ctypes.get_errno()
            raise OSError(e, os.strerror(e), a)
    return exchange


@contextlib.contextmanager
def _locked(lock_path: Path, shown: str) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:                                 # no flock (Windows): no lock
        yield
        return
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise output_error(lock_path, exc) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise OutputError(f"{shown}: another `skillgraph build`{who} is writing there — "
                              f"{OUTPUT_LOCK_HELP}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)                                    # closing releases the lock


def _clean_stale(parent: Path, name: str, out: Path) -> None:
    """Under the lock: remove the stage folders of killed builds; put back an old set a two-rename
    swap left aside (only where the atomic exchange is missing)."""
    for entry in sorted(parent.glob(f".{name}.old-*")):
        if not out.exists():
            os.rename(entry, out)
        else:
            shutil.rmtree(entry, ignore_errors=True)
    for entry in parent.glob(f".{name}.build-*"):
        shutil.rmtree(entry, ignore_errors=True)


def _carry_over(out: Path, stage: Path) -> None:
    """Hard-link (or copy) what ``out`` holds and the build does not write into the new set."""
    for entry in sorted(out.iterdir()):
        dest = stage / entry.name
        if dest.exists() or dest.is_symlink():
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry), dest)
        elif entry.is_dir():
            shutil.copytree(entry, dest, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, dest)


def _link_or_copy(src, dest) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _swap_in(stage: Path, out: Path) -> None:
    """Make ``stage`` the folder ``out`` in one step; afterwards ``stage`` holds the old set (or nothing)."""
    if not out.exists():
        os.rename(stage, out)
        return
    exchange = _renameat2_exchange()
    if exchange is not None:
        try:
            exchange(str(stage), str(out))
            return
        except OSError as exc:
            if exc.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
                raise
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rmdir(old)
    os.rename(out, old)
    os.rename(stage, out)
    os.rename(old, stage)


@contextlib.contextmanager
def output_set(out: str | os.PathLike) -> Iterator[Path]:
    """A fresh folder to write a build's files into; on a clean exit it becomes ``out`` in one step.

    Holds ``out``'s lock from start to end (a second build into ``out`` fails with one line), cleans
    what killed builds left, and removes the stage (or the old set) afterwards. On an exception
    ``out`` is left untouched.
    """
    shown = _shown(out)
    out = Path(os.path.realpath(out))
    parent, name = out.parent, out.name
    if out.exists() and not out.is_dir():
        raise OutputError(f"{shown}: exists and is not a folder — remove it or pick another --out")
    _mkdir(parent, shown)
    with _locked(parent / f".{name}.lock", shown):
        try:
            _clean_stale(parent, name, out)
            stage = Path(tempfile.mkdtemp(prefix=f".{name}.build-", dir=parent))
        except OSError as exc:
            raise output_error(shown, exc) from None
        _DISPLAY[str(stage)] = shown
        try:
            yield stage
            try:
                os.chmod(stage, out.stat().st_mode & 0o7777 if out.exists() else _file_mode() | 0o111 & ~_UMASK[0])
                if out.exists():
                    _carry_over(out, stage)
                _fsync_dir(stage)
                _swap_in(stage, out)
                _fsync_dir(parent)
            except OSError as exc:
                raise output_error(shown, exc) from None
        finally:
            _DISPLAY.pop(str(stage), None)
            shutil.rmtree(stage, ignore_errors=True)
