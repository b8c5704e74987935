"""The Jinja2 page template that :mod:`skillgraph.viz` hands to pyvis (instead of pyvis's own).

Why our own template: pyvis 0.3.2's ``template.html`` links Bootstrap from cdn.jsdelivr.net in every
mode, inserts ``heading`` unescaped, and switches every tooltip to ``innerHTML`` as soon as one contains
"href". This one loads nothing (a Content-Security-Policy forbids every network fetch), is rendered with
autoescaping on, embeds data only through ``tojson`` (which escapes ``<``, ``>``, ``&`` and ``'``), and
leaves tooltips as plain strings, which vis-network 9 shows with ``innerText``.

vis-network itself (dual Apache-2.0/MIT, © Almende B.V. and visjs contributors) is not copied into this
repository: :func:`skillgraph.viz._vis_js` reads the copy that the pyvis wheel ships and the page
inlines it, licence header included.

Template variables: ``title``, ``message`` (or None), ``stats`` (one line), ``kinds`` and ``levels``
(legend rows: dicts with ``key``, ``label``, ``count``, style fields), ``other_edges`` (legend rows),
``vis_js`` (marked safe), ``vis_options`` (dict); pyvis passes ``nodes``/``edges`` (its lists).
"""

PAGE_TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="skillgraph viz (pyvis {{ pyvis_version }}, vis-network 9.1.2)">
<title>{{ title }}</title>
<style>
  html, body { margin: 0; height: 100%; font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #222; background: #fff; }
  body { display: flex; flex-direction: column; }
  #sg-header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 14px; border-bottom: 1px solid #ddd; background: #fafafa; }
  #sg-header h1 { font-size: 17px; margin: 0; font-weight: 600; }
  #sg-stats { font-size: 13px; color: #555; }
  #sg-search-box { margin-left: auto; display: flex; gap: 6px; align-items: center; }
  #sg-search { width: 260px; padding: 4px 8px; font-size: 14px; border: 1px solid #bbb; border-radius: 4px; }
  #sg-search-box button { padding: 4px 10px; font-size: 13px; border: 1px solid #bbb; border-radius: 4px; background: #fff; cursor: pointer; }
  #sg-search-status { font-size: 12px; color: #a33; min-width: 6em; }
  #sg-message { padding: 6px 14px; background: #fff4d6; border-bottom: 1px solid #e8cf88; font-size: 13px; }
  #sg-main { display: flex; flex: 1 1 auto; min-height: 300px; }
  #mynetwork { position: relative; flex: 1 1 auto; min-width: 200px; }
  #sg-legend { order: -1; flex: none; width: 215px; overflow-y: auto; background: #fafafa; border-right: 1px solid #ddd; padding: 8px 12px; font-size: 13px; }
  #sg-legend h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #666; margin: 6px 0 4px; }
  #sg-legend h2:first-child { margin-top: 0; }
  #sg-legend label, #sg-legend .sg-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; cursor: pointer; white-space: nowrap; }
  #sg-legend .sg-count { color: #888; font-size: 12px; }
  #sg-legend svg { flex: none; }
  #sg-legend p { margin: 6px 0 0; font-size: 12px; color: #666; white-space: normal; }
  div.vis-tooltip { position: absolute; visibility: hidden; z-index: 5; pointer-events: none; padding: 6px 8px;
    background: #fffdf5; border: 1px solid #999; border-radius: 4px; box-shadow: 2px 2px 8px rgba(0,0,0,0.2);
    font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 13px; line-height: 1.35; color: #111;
    white-space: pre-wrap; max-width: 460px; overflow-wrap: anywhere; }
  div.vis-network:focus { outline: none; }
</style>
</head>
<body>
<div id="sg-header">
  <h1 id="sg-title">{{ title }}</h1>
  <span id="sg-stats">{{ stats }}</span>
  <div id="sg-search-box">
    <input id="sg-search" type="search" list="sg-labels" placeholder="Find a role, skill or team…" aria-label="Find a node">
    <button id="sg-find" type="button">Find</button>
    <button id="sg-reset" type="button">Reset view</button>
    <span id="sg-search-status" role="status"></span>
  </div>
</div>
{% if message %}<div id="sg-message" role="status">{{ message }}</div>{% endif %}
<div id="sg-main">
  <div id="mynetwork"></div>
  <aside id="sg-legend" aria-label="Legend and filters">
    <h2>Nodes</h2>
    {% for k in kinds %}<label title="show/hide {{ k.label }} nodes"><input type="checkbox" class="sg-kind" data-kind="{{ k.key }}" checked>
      <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">{% if k.shape == 'box' %}<rect x="1" y="4" width="16" height="10" rx="2" fill="{{ k.color }}" stroke="{{ k.border }}"/>{% elif k.shape == 'diamond' %}<polygon points="9,1 17,9 9,17 1,9" fill="{{ k.color }}" stroke="{{ k.border }}"/>{% elif k.shape == 'triangle' %}<polygon points="9,2 17,16 1,16" fill="{{ k.color }}" stroke="{{ k.border }}"/>{% elif k.shape == 'hexagon' %}<polygon points="5,2 13,2 17,9 13,16 5,16 1,9" fill="{{ k.color }}" stroke="{{ k.border }}"/>{% else %}<circle cx="9" cy="9" r="{{ k.radius }}" fill="{{ k.color }}" stroke="{{ k.border }}"/>{% endif %}</svg>
      <span>{{ k.label }}</span> <span class="sg-count">{{ k.count }}</span></label>
    {% endfor %}
    <h2>Requirement level</h2>
    {% for l in levels %}<label title="show/hide {{ l.key }} requirements"><input type="checkbox" class="sg-level" data-level="{{ l.key }}" checked>
      <svg width="34" height="10" viewBox="0 0 34 10" aria-hidden="true"><line x1="1" y1="5" x2="33" y2="5" stroke="{{ l.color }}" stroke-width="{{ l.width }}"{% if l.dash %} stroke-dasharray="{{ l.dash }}"{% endif %}/></svg>
      <span>{{ l.key }}</span> <span class="sg-count">{{ l.count }}</span></label>
    {% endfor %}
    {% if other_edges %}<h2>Other links</h2>
    {% for o in other_edges %}<div class="sg-row"><svg width="34" height="10" viewBox="0 0 34 10" aria-hidden="true"><line x1="1" y1="5" x2="33" y2="5" stroke="{{ o.color }}" stroke-width="{{ o.width }}"{% if o.dash %} stroke-dasharray="{{ o.dash }}"{% endif %}/></svg>
      <span>{{ o.label }}</span> <span class="sg-count">{{ o.count }}</span></div>
    {% endfor %}{% endif %}
    <p>Skill size = demand (roles requiring it). Hover a node or link for its evidence; click a node to highlight its neighbours.</p>
  </aside>
</div>
<datalist id="sg-labels"></datalist>
<script>{{ vis_js }}</script>
<script>
"use strict";
var nodes = new vis.DataSet({{ nodes|tojson }});
var edges = new vis.DataSet({{ edges|tojson }});
var options = {{ vis_options|tojson }};
var hiddenKinds = {}, hiddenLevels = {};
var nodesView = new vis.DataView(nodes, {filter: function (n) { return !hiddenKinds[n.kind]; }});
var edgesView = new vis.DataView(edges, {filter: function (e) { return !(e.level && hiddenLevels[e.level]); }});
var container = document.getElementById("mynetwork");
var network = new vis.Network(container, {nodes: nodesView, edges: edgesView}, options);
window.skillgraph = {network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, ready: false};
network.once("afterDrawing", function () {
  window.skillgraph.ready = true;
  window.skillgraph.readyAt = performance.now();
  document.body.setAttribute("data-ready", "1");
});

// Search: exact label first, then the first label containing the text (case-insensitive).
(function () {
  var list = document.getElementById("sg-labels");
  var byLabel = [];
  nodes.forEach(function (n) { byLabel.push([String(n.name).toLowerCase(), n.id, String(n.name)]); });
  byLabel.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
  var seen = {};
  byLabel.forEach(function (r) {
    if (seen[r[2]]) { return; }
    seen[r[2]] = true;
    var o = document.createElement("option");
    o.value = r[2];
    list.appendChild(o);
  });
  var status = document.getElementById("sg-search-status");
  function find() {
    var q = document.getElementById("sg-search").value.trim().toLowerCase();
    status.textContent = "";
    if (!q) { return; }
    var hit = null, i;
    for (i = 0; i < byLabel.length && !hit; i++) { if (byLabel[i][0] === q) { hit = byLabel[i][1]; } }
    for (i = 0; i < byLabel.length && !hit; i++) { if (byLabel[i][0].indexOf(q) >= 0) { hit = byLabel[i][1]; } }
    if (hit === null) { status.textContent = "no match"; return; }
    if (!nodesView.get(hit)) { status.textContent = "hidden by a filter"; return; }
    network.selectNodes([hit]);
    highlight(hit);
    network.focus(hit, {scale: 1.1, animation: {duration: 300, easingFunction: "easeInOutQuad"}});
  }
  document.getElementById("sg-find").addEventListener("click", find);
  document.getElementById("sg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(); } });
  document.getElementById("sg-reset").addEventListener("click", function () {
    status.textContent = "";
    network.unselectAll();
    highlight(null);
    network.fit({animation: false});
  });
})();

// Click a node: fade everything that is not a neighbour; click the background to undo.
var faded = false;
function highlight(id) {
  var updates = [];
  if (id === null) {
    if (!faded) { return; }
    nodes.forEach(function (n) { updates.push({id: n.id, opacity: 1}); });
    faded = false;
  } else {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (x) { keep[x] = true; });
    nodes.forEach(function (n) { updates.push({id: n.id, opacity: keep[n.id] ? 1 : 0.18}); });
    faded = true;
  }
  nodes.update(updates);
}
network.on("click", function (p) { highlight(p.nodes.length ? p.nodes[0] : null); });

// Legend checkboxes filter node kinds and requirement levels.
Array.prototype.forEach.call(document.querySelectorAll("input.sg-kind"), function (box) {
  box.addEventListener("change", function () { hiddenKinds[box.getAttribute("data-kind")] = !box.checked; nodesView.refresh(); });
});
Array.prototype.forEach.call(document.querySelectorAll("input.sg-level"), function (box) {
  box.addEventListener("change", function () { hiddenLevels[box.getAttribute("data-level")] = !box.checked; edgesView.refresh(); });
});
</script>
</body>
</html>
"""
