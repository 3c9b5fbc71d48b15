// policydiff graph viewer: plain JS over SVG, nothing fetched. Coordinates in the JSON are inches.
(function () {
  "use strict";
  var PX = 96, SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var W = data.words, svg = document.getElementById("view");
  var byId = {}, boxes = {}, edgeEls = [];
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVGNS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function h(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  var root = el("g", {}, svg);
  var defs = el("defs", {}, svg);
  var marker = el("marker", {id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "7",
                             markerHeight: "7", orient: "auto-start-reverse"}, defs);
  el("path", {d: "M0,0 L10,5 L0,10 z", fill: "#666"}, marker);

  data.edges.forEach(function (e) {
    var d = e.points.map(function (p, i) { return (i ? "L" : "M") + p[0] * PX + "," + p[1] * PX; }).join(" ");
    var path = el("path", {d: d, "class": "edge", "marker-end": "url(#arrow)"}, root);
    if (e.dashed) path.setAttribute("stroke-dasharray", typeof e.dashed === "string" ? e.dashed : "5,4");
    if (e.color) path.style.stroke = e.color;  // a citation's kind: repeals, amends, replies to drawn apart
    path.dataset.s = e.s; path.dataset.t = e.t;
    edgeEls.push(path);
  });
  data.nodes.forEach(function (n) {
    var g = el("g", {"class": "node", transform: "translate(" + (n.x - n.w / 2) * PX + "," + (n.y - n.h / 2) * PX + ")"}, root);
    el("rect", {width: n.w * PX, height: n.h * PX, rx: 5, fill: n.stub ? "#fff" : n.color, stroke: n.color,
                "stroke-width": 1.5, "stroke-dasharray": n.stub ? "4,3" : "none"}, g);
    n.lines.forEach(function (line, k) {
      var t = el("text", {x: 0.12 * PX, y: (n.h / 2 + (k - (n.lines.length - 1) / 2) * 0.19) * PX,
                          "dominant-baseline": "middle", "font-size": k ? 10 : 13,
                          fill: n.stub ? n.color : "#fff"}, g);
      t.textContent = line;
    });
    var tip = el("title", {}, g); tip.textContent = n.title || n.id;
    g.addEventListener("click", function (ev) { ev.stopPropagation(); select(n.id); });
    boxes[n.id] = g;
  });

  // ---- the legend: each kind of citation edge as drawn
  (data.legend || []).forEach(function (item) {
    var span = h("span"), icon = el("svg", {width: 26, height: 8});
    el("line", {x1: 0, y1: 4, x2: 26, y2: 4, stroke: item[1], "stroke-width": 1.6,
                "stroke-dasharray": item[2] || "none"}, icon);
    span.appendChild(icon); span.appendChild(document.createTextNode(item[0]));
    document.getElementById("legend").appendChild(span);
  });

  // ---- pan and zoom: the viewBox follows drags and the wheel
  var xs = data.nodes.map(function (n) { return n.x; }), ys = data.nodes.map(function (n) { return n.y; });
  var box = {x: (Math.min.apply(null, xs) - 1.5) * PX, y: (Math.min.apply(null, ys) - 0.8) * PX,
             w: (Math.max.apply(null, xs) - Math.min.apply(null, xs) + 3) * PX,
             h: (Math.max.apply(null, ys) - Math.min.apply(null, ys) + 1.8) * PX};
  function apply() { svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" ")); }
  var whole = {x: box.x, y: box.y, w: box.w, h: box.h};
  apply();
  // the whole graph is too small to read on a screen: "whole graph" shows it, the page opens on a notice
  document.getElementById("whole").addEventListener("click", function () {
    box = {x: whole.x, y: whole.y, w: whole.w, h: whole.h}; apply();
  });
  var drag = null;
  svg.addEventListener("mousedown", function (ev) { drag = {x: ev.clientX, y: ev.clientY, bx: box.x, by: box.y}; });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var scale = box.w / svg.clientWidth;
    box.x = drag.bx - (ev.clientX - drag.x) * scale; box.y = drag.by - (ev.clientY - drag.y) * scale; apply();
  });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var f = ev.deltaY > 0 ? 1.15 : 1 / 1.15, r = svg.getBoundingClientRect();
    var mx = box.x + (ev.clientX - r.left) / r.width * box.w, my = box.y + (ev.clientY - r.top) / r.height * box.h;
    box.x = mx - (mx - box.x) * f; box.y = my - (my - box.y) * f; box.w *= f; box.h *= f; apply();
  }, {passive: false});
  function centre(id) {  // zoom in to a readable scale (about 12 inches across) around the node
    var n = byId[id], aspect = (svg.clientHeight || 600) / (svg.clientWidth || 1000);
    box.w = Math.min(box.w, 12 * PX); box.h = box.w * aspect;
    box.x = n.x * PX - box.w / 2; box.y = n.y * PX - box.h / 2; apply();
  }

  // ---- search
  function haystack(n) { return [n.id, n.title, n.parent || ""].concat(n.lines).join(" ").toLowerCase(); }
  function search(query) {
    var q = query.trim().toLowerCase(), list = document.getElementById("results");
    list.innerHTML = "";
    Object.keys(boxes).forEach(function (id) { boxes[id].classList.remove("hit"); });
    if (!q) { document.getElementById("count").textContent = ""; return []; }
    var hits = data.nodes.filter(function (n) { return haystack(n).indexOf(q) >= 0; });
    hits.forEach(function (n) {
      boxes[n.id].classList.add("hit");
      var li = h("li", n.lines.join(" · ")); li.dataset.node = n.id;
      li.addEventListener("click", function () { select(n.id); });
      list.appendChild(li);
    });
    document.getElementById("count").textContent = hits.length ? hits.length + " " + W.matches : W.none;
    if (hits.length) centre(hits[0].id);
    return hits;
  }
  document.getElementById("search").addEventListener("input", function (ev) { search(ev.target.value); });

  // ---- details of a node: its document, its measures, the quoted evidence of each edge
  function quote(e) {  // the sentence, with the evidence itself marked
    var q = h("span", undefined, "quote"), text = e.sentence || e.evidence, at = text.indexOf(e.evidence);
    q.title = e.evidence;
    if (at < 0 || !e.evidence) { q.textContent = text; return q; }
    q.appendChild(document.createTextNode(text.slice(0, at)));
    q.appendChild(h("mark", e.evidence));
    q.appendChild(document.createTextNode(text.slice(at + e.evidence.length)));
    return q;
  }
  function ref(id) {
    var a = h("span", byId[id] ? byId[id].lines[0] : id, "ref");
    a.addEventListener("click", function () { select(id); });
    return a;
  }
  function edgeList(title, edges, other, cls) {
    var section = h("section"); section.className = cls;
    section.appendChild(h("h3", title + " (" + edges.length + ")"));
    edges.forEach(function (e) {
      var p = h("div"); p.className = "edge-item";
      p.appendChild(ref(e[other]));
      var rel = W["rel_" + e.relation];  // repeals / amends / replies to, with the verb printed
      var how = e.role ? (e.role === "lead" ? W.lead : e.role)
        : rel ? rel + (e.verb && e.verb !== rel ? " (" + e.verb + ")" : "") : (e.verb || e.relation);
      if (how && e.provenance) how += " (" + e.provenance + ")";
      if (how) p.appendChild(h("span", " · " + how, "muted"));
      p.appendChild(quote(e));
      section.appendChild(p);
    });
    return section;
  }
  function docBlock(docId, shownTitle) {
    var d = data.docs[docId];
    if (!d) return null;
    var div = h("div"); div.className = "doc";
    div.appendChild(h("p", [d.doc_number, d.locality, d.date].filter(Boolean).join(" · ")));
    if (d.title !== shownTitle) div.appendChild(h("p", d.title));  // the box's own title is shown above
    var ms = h("details"); ms.appendChild(h("summary", W.measures + " (" + d.measures.length + ")"));
    d.measures.forEach(function (m) {
      var units = m.units.map(function (u) {
        return u[0] + (u[1] === "lead" ? "（" + W.lead + "）" : "") + (u[2] ? "（" + u[2] + "）" : "");
      });
      ms.appendChild(h("div", m.path + " " + m.title + (units.length ? " — " + units.join("、") : ""), "measure"));
    });
    div.appendChild(ms);
    return div;
  }
  function select(id) {
    var n = byId[id];
    if (!n) return;
    Object.keys(boxes).forEach(function (k) { boxes[k].classList.toggle("selected", k === id); });
    edgeEls.forEach(function (p) { p.classList.toggle("on", p.dataset.s === id || p.dataset.t === id); });
    svg.classList.add("focus");  // other edges fade
    var out = data.edges.filter(function (e) { return e.s === id; });
    var inn = data.edges.filter(function (e) { return e.t === id; });
    var details = document.getElementById("details");
    details.innerHTML = "";
    details.dataset.node = id;
    details.appendChild(h("h2", n.lines[0]));
    if (n.title && n.title !== n.lines[0]) details.appendChild(h("p", n.title));
    if (n.stub) details.appendChild(h("p", W.stub + (n.inferred ? "; " + W.inferred + " (" + n.level + ")" : ""), "muted"));
    var doc = n.kind === "unit" ? null : docBlock(n.doc, n.title);
    if (doc) details.appendChild(doc);
    var citation = !n.kind || n.kind === "document" && !byId["doc:" + n.doc];
    if (n.kind === "unit") {
      if (out.length) details.appendChild(edgeList(W.named_on, out, "t", "named-on"));
    } else if (n.kind === "measure") {
      if (inn.length) details.appendChild(edgeList(W.units, inn, "s", "units"));
    } else {
      if (out.length) details.appendChild(edgeList(citation ? W.cites : "→", out, "t", "cites"));
      if (inn.length) details.appendChild(edgeList(citation ? W.cited_by : W.measures, inn, "s", "cited-by"));
    }
    centre(id);
  }

  // ---- #search=…&click=… opens the page on a node (links, and the headless-browser test)
  function fromHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    if (params.get("search") !== null) {
      document.getElementById("search").value = params.get("search");
      search(params.get("search"));
    }
    if (params.get("click")) select(params.get("click"));
  }
  // the first notice of the corpus (a document box, else the first measure's document), for opening on
  function firstNotice() {
    var docs = data.nodes.filter(function (n) { return !n.stub && (n.kind === "document" || !n.kind); });
    var measures = data.nodes.filter(function (n) { return n.kind === "measure"; });
    return docs.length ? docs[0].id : measures.length ? measures[0].id : null;
  }
  document.getElementById("help").textContent = W.help;
  window.addEventListener("hashchange", fromHash);
  if (location.hash.length > 1) {
    fromHash();
  } else if (firstNotice()) {
    select(firstNotice());  // a readable neighbourhood: the notice, its edges and details; "whole graph" zooms out
    document.getElementById("help").textContent = W.opened_on + " · " + W.help;
  }
  document.body.dataset.ready = "yes";
})();
