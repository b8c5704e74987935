// The explorer's side panel, fading, two-group comparison and URL-fragment state (after explorer.js).
// DOM text only through textContent.
"use strict";
(function () {
  var D = SGX.data, panel = document.getElementById("sg-panel"), body = document.getElementById("sg-panel-body");
  var state = {sel: null, cmp: null, picking: null}, hint = body.innerText;
  var GROUPS = {role: 1, team: 1, product: 1, company: 1};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function link(id, extra) {
    var a = el("button", SGX.shown(id) + (extra ? " " + extra : ""), "sg-link");
    a.type = "button";
    a.setAttribute("data-id", id);
    a.addEventListener("click", function () { select(id, true); });
    return a;
  }
  function list(ids, fmt) {
    var ul = el("ul");
    ids.forEach(function (x) {
      var li = el("li");
      fmt ? fmt(li, x) : li.appendChild(link(x));
      ul.appendChild(li);
    });
    return ul;
  }
  function section(title, child) {
    body.appendChild(el("h3", title));
    if (child) { body.appendChild(child); }
  }
  function none() { return el("p", "none", "sg-none"); }

  function rolePanel(id) {
    var R = D.roles[id];
    if (R.companies.length) { section("Company", list(R.companies)); }
    if (R.teams.length) { section("Teams", list(R.teams)); }
    if (R.products.length) { section("Products", list(R.products)); }
    D.levels.forEach(function (lv) {
      var rows = R.skills.filter(function (e) { return e[1] === lv; });
      if (!rows.length) { return; }
      rows.sort(function (a, b) { return b[2] - a[2] || (SGX.label(a[0]) < SGX.label(b[0]) ? -1 : 1); });
      section(lv + " (" + rows.length + ")", list(rows, function (li, e) {
        li.appendChild(link(e[0], e[2] > 1 ? "×" + e[2] : ""));
        li.setAttribute("data-level", lv);
        e[3].forEach(function (s) { li.appendChild(el("div", "“" + s + "”", "sg-ev")); });
        if (e[4] > e[3].length) { li.appendChild(el("div", "… " + (e[4] - e[3].length) + " more", "sg-ev")); }
      }));
    });
  }
  function skillPanel(id) {
    var S = D.skills[id];
    body.appendChild(el("p", "Demand: " + S.demand + " role" + (S.demand === 1 ? "" : "s")));
    section("Broader", S.broader.length ? list(S.broader) : none());
    section("Narrower", S.narrower.length ? list(S.narrower) : none());
    section("Roles (" + S.roles.length + ")", S.roles.length ? list(S.roles, function (li, r) {
      li.appendChild(link(r[0])); li.appendChild(el("span", " " + r[1], "sg-lv"));
    }) : none());
    section("Teams", S.teams.length ? list(S.teams) : none());
  }
  function teamPanel(id) {
    var T = D.teams[id];
    if (T.parent.length) { section("Part of", list(T.parent)); }
    if (T.sub.length) { section("Sub-teams", list(T.sub)); }
    section("Roles (" + T.roles.length + ")", T.roles.length ? list(T.roles) : none());
    section("Top skills (" + T.top.length + " of " + T.n_skills + ")", T.top.length ? list(T.top, function (li, t) {
      li.appendChild(link(t[0], "· " + t[1] + " role" + (t[1] === 1 ? "" : "s"))); li.appendChild(el("span", " " + t[2], "sg-lv"));
    }) : none());
  }

  function header(text, kind) {
    body.textContent = "";
    body.appendChild(el("h2", text));
    if (kind) { body.appendChild(el("div", kind, "sg-kindtag")); }
  }
  function showNode(id) {
    var n = D.nodes[id];
    if (!n) { return; }
    header(n.n, n.k + " · " + id);
    if (GROUPS[n.k]) {
      var b = el("button", state.picking === id ? "Pick a second role or team…" : "Compare with…", "sg-compare");
      b.type = "button";
      b.id = "sg-compare";
      b.addEventListener("click", function () { state.picking = id; b.textContent = "Pick a second role or team…"; });
      body.appendChild(b);
    }
    if (n.k === "role") { rolePanel(id); }
    else if (n.k === "skill") { skillPanel(id); }
    else if (n.k === "team") { teamPanel(id); }
    else { section("Roles (" + (D.groups[id] || []).length + ")", list(D.groups[id] || [])); }
  }

  function pct(x) { return (Math.round(x * 1000) / 10).toFixed(1) + "%"; }
  function skillRows(rows, fmt) { return rows.length ? list(rows, fmt) : none(); }
  function showCompare(a, b) {
    var ov = SGX.overlap(a, b), ab = SGX.gap(a, b), ba = SGX.gap(b, a);
    header(SGX.shown(a) + " ↔ " + SGX.shown(b), "comparison");
    body.appendChild(el("p", "Jaccard " + ov.jaccard.toFixed(4) + " · weighted " + ov.weighted.toFixed(4), "sg-sim"));
    section("Shared (" + ov.shared.length + ")", skillRows(ov.shared, function (li, r) {
      li.appendChild(link(r.id)); li.appendChild(el("span", " " + r.level_a + " / " + r.level_b, "sg-lv"));
    }));
    [[ab, b, a], [ba, a, b]].forEach(function (g) {
      var res = g[0], h = el("h3", SGX.shown(g[1]) + " needs, " + SGX.shown(g[2]) + " lacks (" + res.gaps.length + ")");
      h.className = "sg-gap-head";
      body.appendChild(h);
      body.appendChild(el("p", "coverage " + pct(res.coverage) + " (" + res.covered.length + " of " + res.items.length + " covered)",
                          "sg-coverage"));
      body.appendChild(skillRows(res.gaps, function (li, i) {
        li.appendChild(link(i.skill));
        li.appendChild(el("span", " " + i.level + " · " + i.status + (i.credit ? " " + i.credit : ""), "sg-lv"));
        if (i.by && i.path.length) { li.appendChild(el("div", i.path.join(" → "), "sg-ev")); }
      }));
    });
    return {overlap: ov, ab: ab, ba: ba};
  }

  // --- fading: nodes, their labels and links -----------------------------------------------------
  var orig = {n: {}, e: {}};
  nodes.forEach(function (n) { orig.n[n.id] = {font: n.font, color: n.color, borderWidth: n.borderWidth}; });
  edges.forEach(function (e) { orig.e[e.id] = {color: e.color, width: e.width}; });
  var FADE = 0.12;
  function fadeColor(c) { var o = Object.assign({}, c); o.opacity = FADE; return o; }
  function paint(keepN, keepE, marks) {
    var nu = [], eu = [];
    nodes.forEach(function (n) {
      var o = orig.n[n.id], on = !keepN || keepN[n.id], m = marks && marks[n.id];
      var font = on ? o.font : Object.assign({}, o.font, {color: "rgba(120,120,120,0.25)", strokeWidth: 0});
      var color = m ? Object.assign({}, o.color, {border: m}) : o.color;
      nu.push({id: n.id, opacity: on ? 1 : FADE, font: font, color: color, borderWidth: m ? 4 : o.borderWidth});
    });
    edges.forEach(function (e) {
      var o = orig.e[e.id], on = !keepE || keepE[e.id];
      eu.push({id: e.id, color: on ? o.color : fadeColor(o.color)});
    });
    nodes.update(nu);
    edges.update(eu);
    window.skillgraph.faded = !!keepN;
  }
  function neighbourhood(id) {
    var kn = {}, ke = {};
    kn[id] = true;
    if (nodes.get(id)) {
      network.getConnectedNodes(id).forEach(function (x) { kn[x] = true; });
      network.getConnectedEdges(id).forEach(function (x) { ke[x] = true; });
    }
    return [kn, ke];
  }
  var MARK = {shared: "#1a9850", only_a: "#2166ac", only_b: "#d6604d", pick: "#000000"};
  function compareMarks(res) {
    var kn = {}, ke = {}, marks = {};
    [res.overlap.a, res.overlap.b].forEach(function (g) { kn[g] = true; marks[g] = MARK.pick; });
    ["shared", "only_a", "only_b"].forEach(function (k) {
      res.overlap[k].forEach(function (r) { kn[r.id] = true; marks[r.id] = MARK[k]; });
    });
    (D.groups[res.overlap.a] || []).concat(D.groups[res.overlap.b] || []).forEach(function (r) { kn[r] = true; });
    edges.forEach(function (e) { if (kn[e.from] && kn[e.to]) { ke[e.id] = true; } });
    paint(kn, ke, marks);
  }

  // --- selection, comparison, URL fragment ---------------------------------------------------------
  function select(id, pan) {
    if (state.picking && state.picking !== id && D.nodes[id] && GROUPS[D.nodes[id].k]) {
      var a = state.picking;
      state.picking = null;
      return compare(a, id);
    }
    state.sel = id; state.cmp = null;
    if (id === null) { body.textContent = ""; body.appendChild(el("p", hint, "sg-none")); paint(null, null); panel.hidden = true; save(); return null; }
    panel.hidden = false;
    showNode(id);
    var nb = neighbourhood(id);
    paint(nb[0], nb[1]);
    if (nodes.get(id)) {
      network.selectNodes([id]);
      if (pan) { network.focus(id, {animation: false, scale: network.getScale()}); }
    }
    save();
    return id;
  }
  function compare(a, b) {
    state.sel = null; state.cmp = [a, b]; state.picking = null;
    panel.hidden = false;
    var res = showCompare(a, b);
    compareMarks(res);
    network.unselectAll();
    save();
    return res;
  }
  var filters = {};
  function save() {
    var parts = [];
    if (state.sel) { parts.push("sel=" + encodeURIComponent(state.sel)); }
    if (state.cmp) { parts.push("cmp=" + state.cmp.map(encodeURIComponent).join(",")); }
    Object.keys(filters).sort().forEach(function (k) {
      if (filters[k] !== null && filters[k] !== "") { parts.push(k + "=" + encodeURIComponent(filters[k])); }
    });
    var h = parts.length ? "#" + parts.join("&") : "";
    if (location.hash !== h) { history.replaceState(null, "", h || location.pathname + location.search); }
  }
  function parse() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) { out[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); }
    });
    return out;
  }
  network.off("click");
  network.on("click", function (p) { select(p.nodes.length ? p.nodes[0] : null, false); });
  window.highlight = function (id) { select(id, false); };
  document.getElementById("sg-panel-close").addEventListener("click", function () { network.unselectAll(); select(null); });

  window.skillgraph.select = select;
  window.skillgraph.compare = compare;
  window.skillgraph.gap = SGX.gap;
  window.skillgraph.overlap = SGX.overlap;
  window.skillgraph.state = state;
  window.skillgraph.filters = filters;
  window.skillgraph.save = save;
  window.skillgraph.hashState = parse;
  var h = parse(), focus = document.body.getAttribute("data-focus");
  window.skillgraph.restore = function () {
    if (h.cmp && h.cmp.indexOf(",") > 0) { var p = h.cmp.split(","); if (D.nodes[p[0]] && D.nodes[p[1]]) { compare(p[0], p[1]); } }
    else if (h.sel && D.nodes[h.sel]) { select(h.sel, true); }
    else if (focus && D.nodes[focus]) { select(focus, false); }
  };
})();
