"""The aggregates of a Spark build, computed in Spark from the mention and posting tables and written as
Parquet next to them; the aggregated graph (:mod:`skillgraph.graph.aggregated`) is built from them.

=================  ========================================================================================
table              columns (sorted by them, in this order)
=================  ========================================================================================
``role_skills``    posting, concept, level (strongest of its mentions), mentions (count)
``skills``         concept, label (the first in posting order), roles (postings asking for it)
``skill_levels``   concept, level, roles (postings whose strongest level for it is this one)
``skill_companies`` concept, company, level (strongest over the company's postings), roles
``cooccurrence``   concept, other, roles (postings asking for both), rank (1 = most; the top :data:`TOP_K`)
``team_links``     company, team, role (member/collaborator/product), parent, postings
=================  ========================================================================================

Levels rank as :data:`skillgraph.vocab.LEVEL_RANK` says (an unknown level ranks last, as locally).
"""
from __future__ import annotations

from ..vocab import LEVEL_RANK, LEVELS

__all__ = ["TABLES", "TOP_K", "aggregates"]

TOP_K = 10
"""How many co-occurring skills each skill keeps in ``cooccurrence``."""

TABLES = ("role_skills", "skills", "skill_levels", "skill_companies", "cooccurrence", "team_links")
"""The aggregate tables, in writing order."""

SORT = {"role_skills": ("posting", "concept"), "skills": ("concept",), "skill_levels": ("concept", "level"),
        "skill_companies": ("concept", "company"), "cooccurrence": ("concept", "rank"),
        "team_links": ("company", "team", "role", "parent")}
"""Each table's sort key (its rows are unique on it)."""


def _level(col):
    """The level of a rank column (``LEVELS[rank]``)."""
    from pyspark.sql import functions as F

    return F.element_at(F.array(*[F.lit(lv) for lv in LEVELS]), col + 1)


def aggregates(mentions, postings, *, top_k: int = TOP_K) -> dict:
    """Table name → DataFrame (lazy) from ``mentions`` (``posting, concept, label, requirement, …``) and
    ``postings`` (``id, company, teams, …``, the posting tables of a Spark build)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ranks = F.create_map(*[x for lv, r in LEVEL_RANK.items() for x in (F.lit(lv), F.lit(r))])
    m = mentions.select("posting", "concept", "label",
                        F.coalesce(ranks[F.col("requirement")], F.lit(len(LEVELS) - 1)).alias("rank"))
    rs = m.groupBy("posting", "concept").agg(F.min("rank").alias("rank"), F.count(F.lit(1)).alias("mentions"))
    role_skills = rs.select("posting", "concept", _level(F.col("rank")).alias("level"), "mentions")
    skills = (m.groupBy("concept").agg(F.min(F.struct("posting", "label")).alias("first"),
                                       F.countDistinct("posting").alias("roles"))
              .select("concept", F.col("first.label").alias("label"), "roles"))
    skill_levels = (rs.groupBy("concept", "rank").agg(F.count(F.lit(1)).alias("roles"))
                    .select("concept", _level(F.col("rank")).alias("level"), "roles"))
    company = postings.select(F.col("id").alias("posting"), F.trim(F.col("company")).alias("company"))
    by_company = (rs.join(company.where(F.col("company") != ""), "posting")
                  .groupBy("concept", "company").agg(F.min("rank").alias("rank"), F.count(F.lit(1)).alias("roles"))
                  .select("concept", "company", _level(F.col("rank")).alias("level"), "roles"))
    pairs = (rs.select("posting", F.col("concept").alias("a"))
             .join(rs.select("posting", F.col("concept").alias("b")), "posting").where(F.col("a") != F.col("b"))
             .groupBy(F.col("a").alias("concept"), F.col("b").alias("other")).agg(F.count(F.lit(1)).alias("roles")))
    w = Window.partitionBy("concept").orderBy(F.col("roles").desc(), F.col("other"))
    cooc = pairs.withColumn("rank", F.row_number().over(w)).where(F.col("rank") <= top_k)
    teams = (postings.select("id", F.trim(F.col("company")).alias("company"), F.explode("teams").alias("t"))
             .select("id", "company", F.col("t.name").alias("team"), F.col("t.role").alias("role"),
                     F.col("t.parent").alias("parent"))
             .groupBy("company", "team", "role", "parent").agg(F.countDistinct("id").alias("postings")))
    return {"role_skills": role_skills, "skills": skills, "skill_levels": skill_levels,
            "skill_companies": by_company, "cooccurrence": cooc, "team_links": teams}
