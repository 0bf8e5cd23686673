// The event map: Leaflet with clustered markers. Offline by default: a plain background with
// country outlines and Syria's governorates; map tiles only when the server is configured with a tile URL.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) { return; }
  var map = L.map(el, { minZoom: 4, maxZoom: 14 }).setView([35.0, 38.5], 7);
  var tiles = el.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { attribution: el.dataset.attribution || "", maxZoom: 18 }).addTo(map);
  }
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }
  getJSON("/static/geo/countries.geojson").then(function (geo) {
    L.geoJSON(geo, { interactive: false, style: function (f) {
      var syria = f.properties.name === "Syria";
      return { color: syria ? "#374151" : "#9ca3af", weight: syria ? 2 : 1, fillColor: syria ? "#fdfcf7" : "#eef0ea",
               fillOpacity: tiles ? 0 : 1 };
    } }).addTo(map).bringToBack();
  });
  getJSON("/api/geo/admin1").then(function (geo) {
    geo.features.forEach(function (f) {
      var c = f.geometry.coordinates;
      L.tooltip({ permanent: true, direction: "center", className: "map-label", interactive: false })
        .setLatLng([c[1], c[0]]).setContent(f.properties.name + " · " + f.properties.name_ar).addTo(map);
    });
  });
  // text from the data goes in with textContent only: event fields come from untrusted articles
  function popup(p) {
    var div = document.createElement("div");
    var a = document.createElement("a");
    a.href = "/events/" + encodeURIComponent(p.doc_id) + "/" + encodeURIComponent(p.event_id);
    a.textContent = p.type + " · " + (p.date || "undated");
    div.appendChild(a);
    [p.place, p.outlet, p.killed != null ? p.killed + " killed" : null, p.status].forEach(function (t) {
      if (t) { var s = document.createElement("div"); s.textContent = t; div.appendChild(s); }
    });
    return div;
  }
  getJSON(el.dataset.events).then(function (fc) {
    var cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
    fc.features.forEach(function (f) {
      var c = f.geometry.coordinates;
      var m = L.marker([c[1], c[0]], { icon: L.divIcon({ className: "ev-marker", iconSize: [14, 14] }),
                                       title: f.properties.type + " " + (f.properties.date || "") });
      m.bindPopup(function () { return popup(f.properties); });
      cluster.addLayer(m);
    });
    map.addLayer(cluster);
    el.dataset.markers = String(fc.features.length);
    if (fc.features.length) { map.fitBounds(cluster.getBounds().pad(0.5), { maxZoom: 9 }); }
  });
}());
