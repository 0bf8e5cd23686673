// The actor network: a small force layout drawn as SVG (no library). Nodes are actors; edges are
// shared events (same side / opposite sides) and relations a source claims.
(function () {
  "use strict";
  var el = document.getElementById("graph");
  if (!el) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = { PERSON: "#e8a46b", ARMED_GROUP: "#e26d6d", STATE: "#6f8fe0", ORGANIZATION: "#d4bd45", MEDIA: "#b784d6" };

  function svgEl(name, attrs) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function layout(nodes, links, w, h) {
    var byId = {};
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / nodes.length;
      n.x = w / 2 + Math.cos(a) * w / 3; n.y = h / 2 + Math.sin(a) * h / 3; byId[n.id] = n;
    });
    var k = Math.sqrt(w * h / Math.max(nodes.length, 1)) * 1.1;
    for (var it = 0; it < 300; it++) {
      var t = 0.1 * (1 - it / 300) * w;
      nodes.forEach(function (n) { n.dx = 0; n.dy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
          var f = k * k / d; a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
        }
      }
      links.forEach(function (l) {
        var a = byId[l.source], b = byId[l.target], dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var f = d * d / k * Math.min(1 + l.weight / 4, 2); a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
      });
      nodes.forEach(function (n) {
        n.dx += (w / 2 - n.x) * 0.004 * k; n.dy += (h / 2 - n.y) * 0.004 * k;   // gravity keeps islands in view
        var d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 0.01;
        n.x = Math.min(w - 60, Math.max(60, n.x + n.dx / d * Math.min(d, t)));
        n.y = Math.min(h - 20, Math.max(20, n.y + n.dy / d * Math.min(d, t)));
      });
    }
    return byId;
  }

  fetch(el.dataset.src, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (g) {
    var w = el.clientWidth || 600, h = el.clientHeight || 500;
    var svg = svgEl("svg", { viewBox: "0 0 " + w + " " + h, role: "img", "aria-label": "actor network" });
    if (!g.nodes.length) {
      var t = svgEl("text", { x: 20, y: 30 }); t.textContent = "No links."; svg.appendChild(t); el.appendChild(svg); return;
    }
    var byId = layout(g.nodes, g.links, w, h);
    g.links.forEach(function (l) {
      var a = byId[l.source], b = byId[l.target];
      var cls = l.kind === "with" ? "with" : l.kind === "against" ? "against" : "rel";
      var line = svgEl("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "class": cls,
                                 "stroke-width": Math.min(1 + l.weight, 6), "stroke-opacity": 0.6 });
      var title = svgEl("title"); title.textContent = a.name + " — " + l.kind + " — " + b.name + " (" + l.weight + ")";
      line.appendChild(title); svg.appendChild(line);
    });
    g.nodes.forEach(function (n) {
      var link = svgEl("a", { href: "/actors/" + encodeURIComponent(n.id) });
      var grp = svgEl("g", { "class": "node" + (n.id === el.dataset.center ? " center" : "") });
      grp.appendChild(svgEl("circle", { cx: n.x, cy: n.y, r: 5 + Math.min(Math.sqrt(n.events) * 2, 12),
                                        fill: COLORS[n.type] || "#999" }));
      var label = svgEl("text", { x: n.x + 8, y: n.y + 4 }); label.textContent = n.name;
      grp.appendChild(label); link.appendChild(grp); svg.appendChild(link);
    });
    el.appendChild(svg);
    el.dataset.nodes = String(g.nodes.length);
  });
}());
