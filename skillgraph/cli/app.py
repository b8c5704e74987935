"""The ``skillgraph`` command group, and the one place errors become a line on stderr.

Every :class:`~skillgraph.errors.SkillGraphError` (and a few OS errors) raised by a command becomes
``error: …`` and exit code 1 here, in :class:`_Group`, and nowhere else; so does a usage error
(unknown option, missing argument, bad value), which click alone would print as three lines, exit 2.
"""
from __future__ import annotations

import click

from ..errors import SkillGraphError

__all__ = ["main"]


_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _usage_line(exc: click.UsageError) -> str:
    """A usage error as one line: what, and how to fix (the command's --help)."""
    cmd = exc.ctx.command_path if exc.ctx is not None else "skillgraph"
    msg = " ".join(exc.format_message().split())
    return f"error: {msg} (see `{cmd} --help`)"


class _Group(click.Group):
    """Converts every SkillGraphError, usage error (and a few OS errors) into one clean line + exit 1."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except _NO_ARGS:  # bare `skillgraph`: the help, as click always printed it
            raise
        except click.UsageError as exc:
            click.echo(_usage_line(exc), err=True)
            raise click.exceptions.Exit(1) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            click.echo(_usage_line(exc), err=True)
            ctx.exit(1)
        except SkillGraphError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except (BrokenPipeError, KeyboardInterrupt):
            ctx.exit(130)
        except OSError as exc:
            click.echo(_os_error_line(exc), err=True)
            ctx.exit(1)


def _os_error_line(exc: OSError) -> str:
    """An OS error as one line: the file it names, else (a full disk, an I/O error with no file: the
    terminal output of a table) standard output, and what to check."""
    import errno

    why = exc.strerror or str(exc)
    if getattr(exc, "filename", None):
        return f"error: {exc.filename}: {why}"
    if exc.errno in (errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"error: cannot write to stdout: {why} (check the disk or pipe standard output goes to)"
    return f"error: {why}"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="skillgraph")
def main():
    """skillgraph: job postings -> ontology-linked skill mentions -> role-skill-team graph."""
