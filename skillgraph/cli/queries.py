"""The graph queries: gap, plan, overlap, path, similar, skills, roles, teams."""
from __future__ import annotations

import functools
from pathlib import Path

import click

from .app import main
from .options import LEVELS, format_option, given, ontology_option
from .render import render

DEFAULT_GRAPH = Path("outputs") / "graph.json"


# --- shared options ---------------------------------------------------------------------------------

def with_graph(f):
    """Add --graph / --postings / --ontology / --format and hand the command a graph ``G``."""

    @click.option("--graph", "graph_path", type=click.Path(dir_okay=False), default=str(DEFAULT_GRAPH),
                  show_default=True,
                  help="A graph written by `skillgraph build` (graph.json), or its RDF export (.ttl, .nt, .jsonld).")
    @click.option("--postings", multiple=True, type=click.Path(),
                  help="Build the graph on the fly from these postings instead (repeatable).")
    @ontology_option("Extra SKOS Turtle merged with the shipped ontology (with --postings or --profile).")
    @format_option
    @functools.wraps(f)
    def wrapper(graph_path, postings, ontologies, **kw):
        if postings and given("graph_path"):
            raise click.UsageError("--graph and --postings each name the graph: give one of them")
        G = _graph(graph_path, postings, ontologies)
        return f(G=G, ontologies=ontologies, **kw)

    return wrapper


def _graph(graph_path, postings, ontologies):
    from ..export.read import load_any_graph
    from ..graph import build_graph

    if postings:
        from .extract import run_extraction

        ont, xs = run_extraction(postings, ontologies)
        return build_graph(xs, ont)
    return load_any_graph(graph_path)


def _ontology_loader(ontologies):
    def load():
        from ..ontology import load_ontology

        return load_ontology(ontologies)

    return load


def _profile(G, profile, ontologies):
    if profile is None:
        return None
    from ..query import load_profile

    return load_profile(profile, G, ontology=_ontology_loader(ontologies))


def _from_to(args, profile):
    if profile:
        if len(args) != 1:
            raise click.UsageError("with --profile give only TO (the role, team or product to reach)")
        return None, args[0]
    if len(args) != 2:
        raise click.UsageError("give FROM and TO (a role, team, product or company each), or --profile FILE TO")
    return args


def _distinct(G, rows, *cols):
    """Table rows whose repeated names (role titles) carry a disambiguator: company, location or id."""
    from ..graph.names import distinct_names

    names = distinct_names(G, [r[i] for r in rows for _, i in cols if r.get(i)])
    for n, v in names.items():      # a table cell holds 60 characters: shorten the title, keep the tag
        base = G.nodes[n].get("label") or n
        if v != base and len(v) > 60:
            tag = v[len(base):]
            names[n] = base[:59 - len(tag)] + "…" + tag
    return [{**r, **{c: names.get(r.get(i), r[c]) for c, i in cols}} for r in rows]


# --- queries ----------------------------------------------------------------------------------------

@main.command("gap")
@click.argument("args", nargs=-1, metavar="FROM TO")
@click.option("--profile", type=click.Path(dir_okay=False),
              help="A person's skills (YAML/JSON/text list) instead of FROM.")
@with_graph
def gap_cmd(G, ontologies, fmt, args, profile):
    """What TO needs that FROM lacks (FROM/TO: a role, team, product or company; or --profile FILE TO).

    Hierarchy-aware: a narrower skill covers a broader one; a broader or sibling skill earns partial
    credit. Ordered by requirement level, then how many postings ask. Coverage is level-weighted.
    FROM knows every skill its roles mention at any level, context included (so `gap X X` is
    coverage 1.0); JSON rows show `from_level`, FROM's strongest level for the skill giving credit."""
    from ..query import gap

    from_, to = _from_to(args, profile)
    res = gap(G, from_, to, profile=_profile(G, profile, ontologies))
    if fmt == "json":
        return render(res.to_dict(), fmt)
    rows = [{"skill": i.label, "level": i.level, "postings": i.postings, "status": i.status,
             "credit": i.credit, "note": i.note} for i in res.gaps]
    if fmt == "table":
        click.echo(f"coverage {res.coverage:.2f} of {res.target['label']} ({res.target['id']}) by "
                   f"{res.source['label']} ({res.source['id']}): {len(res.gaps)} gaps, "
                   f"{len(res.covered)} covered")
    render(rows, fmt)


@main.command("plan")
@click.argument("args", nargs=-1, metavar="FROM TO")
@click.option("--profile", type=click.Path(dir_okay=False),
              help="A person's skills (YAML/JSON/text list) instead of FROM.")
@with_graph
def plan_cmd(G, ontologies, fmt, args, profile):
    """A learning plan from FROM to TO: the missing skills, foundations before specialisations,
    each with the postings that ask for it."""
    from ..query import plan

    from_, to = _from_to(args, profile)
    rows = plan(G, from_, to, profile=_profile(G, profile, ontologies))
    cols = None if fmt != "table" else ["step", "skill", "level", "builds_on", "area", "note", "asked_by"]
    render(rows, fmt, cols)


@main.command("overlap")
@click.argument("names", nargs=-1, metavar="A B")
@click.option("--matrix", is_flag=True, help="Every pair of roles (or teams), most similar first.")
@click.option("--by", type=click.Choice(["role", "team"]), default="role", show_default=True,
              help="What the matrix compares.")
@click.option("--top", type=click.IntRange(1), help="Only the N most similar pairs of the matrix.")
@click.option("--nested", is_flag=True,
              help="--by team: also list the pairs where one team is part of the other, after the scored "
                   "pairs, as 'contains' (they are never scored).")
@with_graph
def overlap_cmd(G, ontologies, fmt, names, matrix, by, top, nested):
    """Shared and distinct skills of A and B with Jaccard and level-weighted similarity, or
    --matrix over all roles/teams.

    \b
    Nested teams are not scored: a team counts the roles of its sub-teams, so a parent and its
    child share roles by construction (a parent whose only roles are one child's would score
    1.000). The team matrix leaves such pairs out (--nested lists them, marked 'contains'), and
    `similar TEAM` leaves out the team's parents and sub-teams."""
    from ..query import overlap, overlap_matrix

    if matrix:
        if names:
            raise click.UsageError("--matrix takes no names")
        rows = overlap_matrix(G, by=by, limit=top, nested=nested)
        if fmt == "table":
            rows = _distinct(G, rows, ("a", "a_id"), ("b", "b_id"))
        cols = ["a", "b", "weighted", "jaccard", "shared"] + (["contains"] if nested and by == "team" else [])
        if fmt == "csv" and nested and by == "team":
            rows = [{"contains": None, **r} for r in rows]
        return render(rows, fmt, cols if fmt == "table" else None)
    if len(names) != 2:
        raise click.UsageError("give two names A B (or --matrix)")
    res = overlap(G, *names)
    if fmt == "json":
        return render(res, fmt)
    rows = ([{"in": "both", **r} for r in res["shared"]] + [{"in": "only A", **r} for r in res["only_a"]]
            + [{"in": "only B", **r} for r in res["only_b"]])
    if fmt == "table":
        click.echo(f"A = {res['a']['label']} ({res['a']['id']})\nB = {res['b']['label']} ({res['b']['id']})\n"
                   f"jaccard {res['jaccard']:.3f}, weighted {res['weighted']:.3f}: {len(res['shared'])} shared, "
                   f"{len(res['only_a'])} only A, {len(res['only_b'])} only B")
    render(rows, fmt, ["in", "skill", "level_a", "level_b"] if fmt == "table" else None)


@main.command("path")
@click.argument("x")
@click.argument("y")
@click.option("--via", help="Only these relations, comma-separated (e.g. broader or requires,belongs_to).")
@click.option("-k", "k", type=click.IntRange(1, 50), default=1, show_default=True, help="How many paths.")
@with_graph
def path_cmd(G, ontologies, fmt, x, y, via, k):
    """Shortest path(s) between two nodes (skill, role, team, product), each step with its relation
    and evidence."""
    from ..query import paths

    res = paths(G, x, y, via=via, k=k)
    if fmt == "json":
        return render(res, fmt)
    rows = [{"path": p["path"], "step": s["step"], "from": s["from"], "rel": s["rel"], "to": s["to"],
             "explanation": s["explanation"], "evidence": s["quote"]} for p in res for s in p["steps"]]
    if fmt == "table":
        for p in res:
            click.echo(f"path {p['path']} ({p['length']} steps): " + " — ".join(p["nodes"]))
        cols = (["path"] if k > 1 else []) + ["step", "from", "rel", "to", "evidence"]
        return render(rows, fmt, cols)
    render(rows, fmt)


@main.command("similar")
@click.argument("node")
@click.option("-n", "n", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many.")
@with_graph
def similar_cmd(G, ontologies, fmt, node, n):
    """The nearest roles (teams, products) by skill profile, or skills by co-occurrence, with the reason."""
    from ..query import similar

    rows = similar(G, node, n=n)
    if fmt == "table":
        rows = _distinct(G, rows, ("node", "id"))
    render(rows, fmt, ["node", "score", "jaccard", "reason"] if fmt == "table" else None)


@main.command("skills")
@click.option("--role", help="Only this role's skills.")
@click.option("--team", help="Only the skills of this team's roles.")
@click.option("--level", type=click.Choice(LEVELS),
              help="Only requirements at this level.")
@with_graph
def skills_cmd(G, ontologies, fmt, role, team, level):
    """Skills asked for, with the number of postings and mentions."""
    from ..query import skills

    render(skills(G, role=role, team=team, level=level), fmt,
           ["skill", "level", "postings", "mentions", "kind"] if fmt == "table" else None)


@main.command("roles")
@with_graph
def roles_cmd(G, ontologies, fmt):
    """Every role with its company, teams, products and skill counts."""
    from ..query import roles

    render(roles(G), fmt)


@main.command("teams")
@with_graph
def teams_cmd(G, ontologies, fmt):
    """Every team with its member and collaborating roles and most asked skills."""
    from ..query import teams

    render(teams(G), fmt, ["team", "part_of", "roles", "collaborators", "skills", "top_skills"]
           if fmt == "table" else None)
