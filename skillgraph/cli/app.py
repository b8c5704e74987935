"""The ``skillgraph`` command group, and the one place errors become a line on stderr.

Every :class:`~skillgraph.errors.SkillGraphError` (and a few OS errors) raised by a command becomes
``error: …`` and exit code 1 here, in :class:`_Group`, and nowhere else.
"""
from __future__ import annotations

import click

from ..errors import SkillGraphError

__all__ = ["main"]


class _Group(click.Group):
    """Converts every SkillGraphError (and a few OS errors) into one clean line + exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SkillGraphError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except (BrokenPipeError, KeyboardInterrupt):
            ctx.exit(130)
        except OSError as exc:
            where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
            click.echo(f"error:{where}: {exc.strerror or exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="skillgraph")
def main():
    """skillgraph: job postings -> ontology-linked skill mentions -> role-skill-team graph."""
