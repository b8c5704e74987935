// The role × skill matrix view (after filters.js): rows are roles, columns the most demanded skills,
// cells coloured by requirement level. Rows sort by name, by number of skills, or by one skill's
// level (click a header); rows and columns are paged (ROWS × COLS at a time), so 500 roles stay quick.
// Nothing is dropped: the pager says which rows and columns of how many are shown.
"use strict";
(function () {
  var sg = window.skillgraph, D = SGX.data, RANK = SGX.rank, ROWS = 50, COLS = 40;
  var box = document.getElementById("sg-matrix"), net = document.getElementById("mynetwork");
  var btn = document.getElementById("sg-view");
  var roles = Object.keys(D.roles).sort();
  var level = {};   // role -> skill -> level
  roles.forEach(function (r) { var m = level[r] = {}; D.roles[r].skills.forEach(function (e) { if (e[2]) { m[e[0]] = e[1]; } }); });
  var skills = Object.keys(D.skills).filter(function (s) { return D.skills[s].roles.length; });
  skills.sort(function (a, b) { return D.skills[b].roles.length - D.skills[a].roles.length || (SGX.label(a) < SGX.label(b) ? -1 : 1); });
  var st = {sort: "name", page: 0, cpage: 0};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function order() {
    var rs = roles.slice(), s = st.sort;
    if (s === "name") { rs.sort(function (a, b) { var x = SGX.shown(a), y = SGX.shown(b); return x < y ? -1 : x > y ? 1 : 0; }); }
    else if (s === "count") { rs.sort(function (a, b) { return Object.keys(level[b]).length - Object.keys(level[a]).length || (a < b ? -1 : 1); }); }
    else {
      rs.sort(function (a, b) {
        var x = level[a][s] ? RANK[level[a][s]] : 9, y = level[b][s] ? RANK[level[b][s]] : 9;
        return x - y || (SGX.shown(a) < SGX.shown(b) ? -1 : 1);
      });
    }
    return rs;
  }
  function pager(label, page, n, size, set) {
    var p = el("span", null, "sg-pager"), pages = Math.max(1, Math.ceil(n / size));
    var prev = el("button", "‹"), next = el("button", "›");
    prev.type = next.type = "button";
    prev.disabled = page <= 0; next.disabled = page >= pages - 1;
    prev.addEventListener("click", function () { set(page - 1); });
    next.addEventListener("click", function () { set(page + 1); });
    p.appendChild(prev);
    p.appendChild(el("span", label + " " + (n ? page * size + 1 : 0) + "–" + Math.min(n, (page + 1) * size) + " of " + n));
    p.appendChild(next);
    return p;
  }
  function render() {
    box.textContent = "";
    var rs = order(), cols = skills.slice(st.cpage * COLS, (st.cpage + 1) * COLS);
    var bar = el("div", null, "sg-matrix-bar");
    bar.appendChild(pager("roles", st.page, rs.length, ROWS, function (p) { st.page = p; render(); }));
    bar.appendChild(pager("skills (by demand)", st.cpage, skills.length, COLS, function (p) { st.cpage = p; render(); }));
    D.levels.forEach(function (lv) { var k = el("span", lv, "sg-key"); k.style.background = D.level_colors[lv]; bar.appendChild(k); });
    box.appendChild(bar);
    var t = el("table", null, "sg-matrix"), head = el("tr");
    [["name", "Role"], ["count", "Skills"]].forEach(function (h) {
      var th = el("th", h[1] + (st.sort === h[0] ? " ▲" : ""), "sg-sort");
      th.setAttribute("data-sort", h[0]);
      th.addEventListener("click", function () { st.sort = h[0]; st.page = 0; render(); });
      head.appendChild(th);
    });
    cols.forEach(function (s) {
      var th = el("th", null, "sg-sort sg-col");
      th.appendChild(el("span", SGX.label(s) + (st.sort === s ? " ▲" : "")));
      th.title = SGX.label(s) + " · " + D.skills[s].roles.length + " roles";
      th.setAttribute("data-sort", s);
      th.addEventListener("click", function () { st.sort = s; st.page = 0; render(); });
      head.appendChild(th);
    });
    t.appendChild(head);
    rs.slice(st.page * ROWS, (st.page + 1) * ROWS).forEach(function (r) {
      var tr = el("tr");
      tr.setAttribute("data-role", r);
      var name = el("td", SGX.shown(r), "sg-rname");
      name.addEventListener("click", function () { show("graph"); sg.select(r, true); });
      tr.appendChild(name);
      tr.appendChild(el("td", Object.keys(level[r]).length, "sg-num"));
      cols.forEach(function (s) {
        var lv = level[r][s], td = el("td", null, "sg-cell");
        if (lv) { td.style.background = D.level_colors[lv]; td.title = SGX.label(s) + ": " + lv; td.setAttribute("data-level", lv); }
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    box.appendChild(t);
    sg.filters.view = "matrix";
    sg.filters.msort = st.sort === "name" ? null : st.sort;
    sg.save();
  }
  function show(view) {
    var m = view === "matrix";
    box.hidden = !m; net.style.display = m ? "none" : "";
    btn.textContent = m ? "Graph view" : "Matrix view";
    if (m) { render(); } else { sg.filters.view = null; sg.filters.msort = null; sg.save(); }
  }
  btn.addEventListener("click", function () { show(box.hidden ? "matrix" : "graph"); });
  var h = sg.hashState();
  if (h.msort && (h.msort === "count" || D.skills[h.msort])) { st.sort = h.msort; }
  if (h.view === "matrix") { show("matrix"); }
  sg.matrix = {show: show, state: st, rows: ROWS, cols: COLS};
})();
