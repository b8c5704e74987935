// The page's filters (node kind, requirement level, team, minimum mention count, search text),
// kept in the URL fragment with the selection, so a view can be shared and survives a reload
// (after panel.js). Hidden nodes and links are only hidden: the panel and comparisons still see all.
"use strict";
(function () {
  var sg = window.skillgraph, D = SGX.data, F = sg.filters;
  var teamSel = document.getElementById("sg-team"), minBox = document.getElementById("sg-min");
  var search = document.getElementById("sg-search");
  Object.keys(D.teams).map(function (t) { return [SGX.shown(t), t]; })
    .sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; })
    .forEach(function (r) {
      var o = document.createElement("option");
      o.value = r[1]; o.textContent = r[0] + " (" + D.teams[r[1]].roles.length + ")";
      teamSel.appendChild(o);
    });
  var maxCount = {};   // skill -> its largest mention count over the requirement links drawn
  edges.forEach(function (e) { if (e.rel === "requires") { maxCount[e.to] = Math.max(maxCount[e.to] || 0, e.count || 1); } });

  function scopeOf(t) {
    if (!t || !D.teams[t]) { return null; }
    var s = {}, stack = [t];
    while (stack.length) {   // the team and its sub-teams (transitively), then their roles and links
      var x = stack.pop();
      if (s[x]) { continue; }
      s[x] = true;
      (D.teams[x] ? D.teams[x].sub : []).forEach(function (y) { stack.push(y); });
    }
    D.teams[t].parent.forEach(function (y) { s[y] = true; });
    D.teams[t].roles.forEach(function (r) {
      s[r] = true;
      var R = D.roles[r];
      R.skills.forEach(function (e) { s[e[0]] = true; (D.skills[e[0]].broader || []).forEach(function (b) { s[b] = true; }); });
      R.teams.concat(R.products, R.companies).forEach(function (y) { s[y] = true; });
    });
    return s;
  }
  var scope = null;
  function apply() {
    var hk = {}, hl = {};
    Array.prototype.forEach.call(document.querySelectorAll("input.sg-kind"), function (b) { if (!b.checked) { hk[b.getAttribute("data-kind")] = true; } });
    Array.prototype.forEach.call(document.querySelectorAll("input.sg-level"), function (b) { if (!b.checked) { hl[b.getAttribute("data-level")] = true; } });
    var min = Math.max(1, parseInt(minBox.value, 10) || 1);
    scope = scopeOf(teamSel.value);
    Object.keys(hiddenKinds).forEach(function (k) { delete hiddenKinds[k]; });
    Object.keys(hk).forEach(function (k) { hiddenKinds[k] = true; });
    Object.keys(hiddenLevels).forEach(function (k) { delete hiddenLevels[k]; });
    Object.keys(hl).forEach(function (k) { hiddenLevels[k] = true; });
    keepNode = function (n) {
      if (hk[n.kind] || (scope && !scope[n.id])) { return false; }
      return !(n.kind === "skill" && min > 1 && maxCount[n.id] !== undefined && maxCount[n.id] < min);
    };
    keepEdge = function (e) { return !(e.level && (hl[e.level] || (e.count || 1) < min)); };
    nodesView.refresh();
    edgesView.refresh();
    F.hk = Object.keys(hk).sort().join(",");
    F.hl = Object.keys(hl).sort().join(",");
    F.team = teamSel.value || null;
    F.min = min > 1 ? String(min) : null;
    F.q = search.value.trim() || null;
    var shownN = nodesView.length, shownE = edgesView.length;
    document.getElementById("sg-filter-status").textContent =
      shownN === nodes.length && shownE === edges.length ? "" :
      "Page filters show " + shownN + " of " + nodes.length + " nodes, " + shownE + " of " + edges.length + " links.";
    sg.save();
  }
  Array.prototype.forEach.call(document.querySelectorAll("input.sg-kind, input.sg-level"), function (b) {
    b.addEventListener("change", apply);
  });
  teamSel.addEventListener("change", apply);
  minBox.addEventListener("change", apply);
  minBox.addEventListener("input", apply);
  search.addEventListener("change", apply);
  document.getElementById("sg-find").addEventListener("click", apply);

  // restore: filters from the fragment first, then the selection (panel.js)
  var h = sg.hashState();
  (h.hk || "").split(",").forEach(function (k) { var b = document.querySelector('input.sg-kind[data-kind="' + CSS.escape(k) + '"]'); if (k && b) { b.checked = false; } });
  (h.hl || "").split(",").forEach(function (k) { var b = document.querySelector('input.sg-level[data-level="' + CSS.escape(k) + '"]'); if (k && b) { b.checked = false; } });
  if (h.team && D.teams[h.team]) { teamSel.value = h.team; }
  if (h.min) { minBox.value = String(Math.max(1, parseInt(h.min, 10) || 1)); }
  if (h.q) { search.value = h.q; }
  if (h.hk || h.hl || h.team || h.min || h.q) { apply(); }
  sg.applyFilters = apply;
})();
