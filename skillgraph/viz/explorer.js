// The explorer: side panel, two-group gap/overlap, fading, URL-kept filters. Inlined by page.py
// after vis-network and the page's own script (which defines network, nodes, edges, nodesView,
// edgesView, hiddenKinds, hiddenLevels). Reads the JSON blob in #sg-data (viz/data.py).
// Every string from a posting reaches the DOM through textContent only, never parsed as markup.
// sgGap/sgOverlap port skillgraph/query/gap.py and query/similarity.py:overlap (tests compare them).
"use strict";
var SGD = JSON.parse(document.getElementById("sg-data").textContent);
var SGX = (function () {
  var D = SGD, RANK = {};
  D.levels.forEach(function (l, i) { RANK[l] = i; });
  function label(id) { var n = D.nodes[id]; return n ? n.l : id; }
  function shown(id) { var n = D.nodes[id]; return n ? n.n : id; }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function byLabel(a, b) { return cmp(label(a), label(b)); }

  // --- query/groups.py: skill_needs -------------------------------------------------------------
  function needs(roles) {
    var out = {};
    (roles || []).forEach(function (r) {
      var R = D.roles[r];
      if (!R) { return; }
      R.skills.forEach(function (e) {
        var s = e[0], lv = e[1], c = e[2], n = out[s];
        if (!c) { return; }
        if (!n) { n = out[s] = {level: lv, postings: 0, mentions: 0, roles: []}; }
        else if (RANK[lv] < RANK[n.level]) { n.level = lv; }
        n.postings += 1; n.mentions += c; n.roles.push(r);
      });
    });
    return out;
  }

  // --- query/hierarchy.py ----------------------------------------------------------------------
  function parents(c) { var s = D.skills[c]; return s ? s.broader : []; }
  function up(c, limit) {
    var out = new Map(), frontier = [c], dist = 0;
    while (frontier.length && (limit === undefined || dist < limit)) {
      dist += 1;
      var nxt = [];
      frontier.forEach(function (x) {
        parents(x).forEach(function (p) {
          if (!out.has(p) && p !== c) { out.set(p, [dist, x]); nxt.push(p); }
        });
      });
      frontier = nxt;
    }
    return out;
  }
  function chain(start, u, end) {
    var path = [end];
    while (path[path.length - 1] !== start) { path.push(u.get(path[path.length - 1])[1]); }
    return path.reverse();
  }
  var depths = {};
  function depth(c) {
    if (!(c in depths)) {
      var m = Infinity;
      up(c).forEach(function (v, a) { if (!parents(a).length && v[0] < m) { m = v[0]; } });
      depths[c] = m === Infinity ? 0 : m;
    }
    return depths[c];
  }

  // --- query/gap.py ----------------------------------------------------------------------------
  function covers(known) {
    var cover = {}, best = {};
    known.forEach(function (k) {
      var u = up(k), lk = label(k);
      u.forEach(function (v, a) {
        var b = best[a];
        if (!b || v[0] < b[0] || (v[0] === b[0] && lk < b[1])) { best[a] = [v[0], lk]; cover[a] = [k, u]; }
      });
    });
    return cover;
  }
  function credit(s, isKnown, knownSorted, cover) {
    if (isKnown[s]) { return [1.0, "covered", s, [s]]; }
    if (cover[s]) { return [1.0, "covered-by-narrower", cover[s][0], chain(cover[s][0], cover[s][1], s)]; }
    var best = [0.0, "missing", null, []], u = up(s, 2);
    Array.from(u.entries()).sort(function (x, y) { return x[1][0] - y[1][0] || byLabel(x[0], y[0]); })
      .forEach(function (e) {
        var c = D.credit["broader" + e[1][0]];
        if (isKnown[e[0]] && c > best[0]) { best = [c, "partial", e[0], chain(s, u, e[0])]; }
      });
    if (best[0] < D.credit.sibling) {
      var ps = parents(s);
      for (var i = 0; i < knownSorted.length; i++) {
        var k = knownSorted[i], pk = parents(k);
        var shared = ps.filter(function (p) { return pk.indexOf(p) >= 0; }).sort(byLabel)
          .filter(function (p) { return depth(p) >= 2; });
        if (shared.length && k !== s) { best = [D.credit.sibling, "partial", k, [s, shared[0], k]]; break; }
      }
    }
    return best;
  }
  function gap(from, to) {
    var need = needs(D.groups[to]), kn = needs(D.groups[from]), isKnown = {};
    var known = Object.keys(kn).sort();
    known.forEach(function (s) { isKnown[s] = true; });
    var knownSorted = known.slice().sort(byLabel), cover = covers(known), items = [];
    Object.keys(need).sort().forEach(function (s) {
      var n = need[s], c = credit(s, isKnown, knownSorted, cover);
      items.push({skill: s, label: label(s), level: n.level, postings: n.postings,
                  demand: D.skills[s] ? D.skills[s].demand : 0, status: c[1], credit: c[0], by: c[2],
                  path: c[1] === "covered" ? [] : c[3].map(label), from_level: c[2] ? kn[c[2]].level : null,
                  asked_by: n.roles.slice().sort()});
    });
    items.sort(function (a, b) {
      return RANK[a.level] - RANK[b.level] || b.postings - a.postings || b.demand - a.demand
        || cmp(a.label.toLowerCase(), b.label.toLowerCase()) || cmp(a.skill, b.skill);
    });
    var total = 0, got = 0;
    items.forEach(function (i) { total += D.weights[i.level]; got += D.weights[i.level] * i.credit; });
    return {from: from, to: to, coverage: total ? got / total : 1.0, items: items,
            gaps: items.filter(function (i) { return i.credit < 1.0; }),
            covered: items.filter(function (i) { return i.credit >= 1.0; })};
  }

  // --- query/similarity.py: overlap ------------------------------------------------------------
  function overlap(a, b) {
    var pa = needs(D.groups[a]), pb = needs(D.groups[b]), W = D.weights;
    var shared = Object.keys(pa).filter(function (s) { return s in pb; });
    var na = Object.keys(pa).length, nb = Object.keys(pb).length, union = na + nb - shared.length;
    var mins = 0, sum = 0;
    shared.forEach(function (s) { mins += Math.min(W[pa[s].level], W[pb[s].level]); });
    Object.keys(pa).forEach(function (s) { sum += W[pa[s].level]; });
    Object.keys(pb).forEach(function (s) { sum += W[pb[s].level]; });
    function row(s, la, lb) { return {skill: label(s), id: s, level_a: la, level_b: lb}; }
    function key(r) { return Math.min(RANK[r.level_a || "context"], RANK[r.level_b || "context"]); }
    function order(x, y) {
      return key(x) - key(y) || cmp(x.skill.toLowerCase(), y.skill.toLowerCase()) || cmp(x.id, y.id);
    }
    var maxs = sum - mins;
    return {a: a, b: b, jaccard: union ? shared.length / union : 0.0, weighted: maxs ? mins / maxs : 0.0,
            shared: shared.map(function (s) { return row(s, pa[s].level, pb[s].level); }).sort(order),
            only_a: Object.keys(pa).filter(function (s) { return !(s in pb); })
              .map(function (s) { return row(s, pa[s].level, null); }).sort(order),
            only_b: Object.keys(pb).filter(function (s) { return !(s in pa); })
              .map(function (s) { return row(s, null, pb[s].level); }).sort(order)};
  }
  return {data: D, label: label, shown: shown, needs: needs, gap: gap, overlap: overlap, rank: RANK};
})();
