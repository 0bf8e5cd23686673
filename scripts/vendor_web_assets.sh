#!/bin/sh
# Vendor the web workbench's front-end libraries from the npm registry into marsad/web/static/vendor,
# and cut Syria and its neighbours out of Natural Earth (world-atlas) for the offline map background.
# Run at build time only (needs npm); the results are committed, nothing is fetched at run time.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund leaflet@1.9.4 leaflet.markercluster@1.5.3 world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
v="$here/marsad/web/static/vendor"
rm -rf "$v" && mkdir -p "$v/leaflet/images" "$v/markercluster" "$here/marsad/web/static/geo"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE "$v/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$v/leaflet/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css node_modules/leaflet.markercluster/MIT-LICENCE.txt "$v/markercluster/"
cp node_modules/world-atlas/LICENSE "$here/marsad/web/static/geo/LICENSE-world-atlas"
node -e '
const topo = require("topojson-client"), world = require("world-atlas/countries-50m.json");
const keep = new Set(["Syria", "Turkey", "Iraq", "Jordan", "Lebanon", "Israel", "Palestine", "Cyprus"]);
const all = topo.feature(world, world.objects.countries);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1e3) / 1e3, Math.round(c[1] * 1e3) / 1e3];
all.features = all.features.filter((f) => keep.has(f.properties.name))
  .map((f) => ({type: "Feature", properties: {name: f.properties.name},
                geometry: {type: f.geometry.type, coordinates: round(f.geometry.coordinates)}}));
require("fs").writeFileSync(process.argv[1], JSON.stringify(all));
' "$here/marsad/web/static/geo/countries.geojson"
echo "vendored into $v and $here/marsad/web/static/geo"
