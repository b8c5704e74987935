"""skillgraph.viz layout: every node placed, label boxes apart at rest."""
from __future__ import annotations

from skillgraph.viz import layout

# ---------------------------------------------------------------- layout

def test_labels_do_not_overlap_at_rest(seed_like_graph):
    G = seed_like_graph()
    from skillgraph.viz.labels import label_box

    pos = layout(G)
    assert set(pos) == set(G)
    boxes = {n: label_box(G, n) for n in G}
    bad = []
    names = sorted(G)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (wa, ha, oa), (wb, hb, ob) = boxes[a], boxes[b]
            if (abs(pos[a][0] - pos[b][0]) < (wa + wb) / 2 - 1 and
                    abs(pos[a][1] + oa - pos[b][1] - ob) < (ha + hb) / 2 - 1):
                bad.append((a, b))
    assert bad == []
