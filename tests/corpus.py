"""A tiny hand-made corpus shared by the graph, query, export and CLI tests: a small ontology and four
postings (no spaCy, no shipped ontology). Import it as ``from corpus import tiny_graph`` (``tests/`` is on
pytest's ``pythonpath``)."""
from __future__ import annotations

import networkx as nx

from skillgraph.graph import build_graph
from skillgraph.model import Concept, Extraction, Mention, Posting, TeamMention
from skillgraph.ontology import Ontology

_C = [  # id, label, broader, alt labels
    ("skill:ai", "artificial intelligence", (), ("AI",)),
    ("skill:ml", "machine learning", ("skill:ai",), ("ML",)),
    ("skill:dl", "deep learning", ("skill:ml",), ()),
    ("skill:gen", "generative models", ("skill:dl",), ()),
    ("skill:diffusion", "diffusion models", ("skill:gen",), ("diffusion model", "DDPM")),
    ("skill:gans", "GANs", ("skill:gen",), ("generative adversarial networks",)),
    ("skill:t2i", "text-to-image", ("skill:gen",), ("text-to-image generation",)),
    ("skill:cv", "computer vision", ("skill:ai",), ("CV",)),
    ("skill:rl", "reinforcement learning", ("skill:ml",), ("RL",)),
    ("skill:rai", "responsible AI", ("skill:ai",), ("trustworthy AI",)),
    ("skill:alignment", "AI alignment", ("skill:rai",), ()),
    ("skill:rlhf", "RLHF", ("skill:rl", "skill:alignment"), ("reinforcement learning from human feedback",)),
    ("skill:frameworks", "deep learning frameworks", ("skill:dl",), ()),
    ("skill:pytorch", "PyTorch", ("skill:frameworks",), ()),
    ("skill:tensorflow", "TensorFlow", ("skill:frameworks",), ()),
    ("skill:embeddings", "embeddings", ("skill:dl",), ()),
    ("skill:python", "Python", (), ()),
    ("skill:sql", "SQL", (), ()),
]


def tiny_ontology() -> Ontology:
    return Ontology.from_concepts(
        Concept(id=c, iri=f"https://w3id.org/skillgraph/skill/{c[6:]}", label=lab, alt_labels=alt,
                broader=br, kind="method") for c, lab, br, alt in _C)


_LABEL = {c: lab for c, lab, _, _ in _C}


def posting(pid, title, skills, teams=(), company="Acme"):
    """skills: (concept, level, times); teams: (name, role, parent, aliases)."""
    text, mentions, tms = f"{title}\n", [], []
    for cid, level, times in skills:
        for _ in range(times):
            sent = f"Experience with {_LABEL[cid]} is {level}."
            start = len(text) + len("Experience with ")
            mentions.append(Mention(cid, _LABEL[cid], _LABEL[cid], start, start + len(_LABEL[cid]),
                                    sent, "Requirements", level))
            text += sent + "\n"
    for name, role, parent, aliases in teams:
        sent = f"You will join {name}."
        start = len(text) + len("You will join ")
        tms.append(TeamMention(name, role, start, start + len(name), sent, parent, aliases))
        text += sent + "\n"
    p = Posting(id=pid, source=f"seeds/{pid}.txt", text=text, title=title, company=company)
    return Extraction(p, tuple(mentions), tuple(tms))


def tiny_extractions() -> list[Extraction]:
    return [
        posting("000", "Sr. Machine Learning Engineer, Applied Science",
                [("skill:diffusion", "required", 2), ("skill:t2i", "required", 1), ("skill:cv", "required", 1),
                 ("skill:rlhf", "responsibility", 1), ("skill:python", "preferred", 1)],
                [("Labs", "member", None, ()), ("Canvas", "product", None, ())]),
        posting("001", "Machine Learning Engineer II, Computer Vision",
                [("skill:cv", "required", 2), ("skill:t2i", "context", 1), ("skill:rlhf", "responsibility", 1),
                 ("skill:python", "required", 1), ("skill:gans", "preferred", 1)],
                [("Visual Modeling", "member", "Labs", ()), ("Canvas", "product", None, ())]),
        posting("003", "Staff Machine Learning Engineer",
                [("skill:cv", "required", 1), ("skill:embeddings", "required", 1), ("skill:pytorch", "required", 1),
                 ("skill:python", "required", 1)],
                [("Content Understanding", "member", None, ()), ("Infra", "collaborator", None, ())]),
        posting("002", "Sr. Machine Learning Engineer, Responsible AI",
                [("skill:rai", "required", 2), ("skill:alignment", "responsibility", 1),
                 ("skill:python", "required", 1)],
                [("Responsible AI", "member", "Advanced Technologies Group", ()),
                 ("ATG", "collaborator", None, ("Advanced Technologies Group",))]),
    ]


def tiny_graph() -> nx.DiGraph:
    return build_graph(tiny_extractions(), tiny_ontology())
