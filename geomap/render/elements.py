"""folium elements for claim maps, written the way folium's plugins are.

Each is a small ``MacroElement`` (or folium ``Layer``) with a class-level
Jinja template whose only inputs are element names and :func:`inert_json`
data; its output reaches the page verbatim (see :mod:`geomap.render.inert`),
so text from input is never evaluated as a template. In the browser every
string is written with ``textContent`` (never ``innerHTML``), so a quote
holding ``<script>`` or ``<img onerror=...>`` is shown as text. The runtime's
JavaScript and CSS are package files in ``static/``.
"""

from __future__ import annotations

from importlib import resources
from typing import Optional, Sequence

from folium.template import Template

from .inert import InertLayer, InertMacroElement, inert_json

__all__ = ["static_text", "Runtime", "ClaimLayer", "claim_payload", "LineLayer", "LinksLayer", "BasemapLayer",
           "PlacesLayer", "PALETTE", "party_colors"]

#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#000000"]


def static_text(name: str) -> str:
    """A file of ``geomap/render/static/`` (the page runtime's JavaScript and CSS)."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


class Runtime(InertMacroElement):
    """geomap's small JS runtime (popups, date filter) and CSS, in the page head."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        <script>{{ this.js }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var geomap_canvas = L.canvas({padding: 0.5});
        geomap.map = {{ this._parent.get_name() }};
        geomap.map.on('zoomend moveend overlayadd overlayremove', geomap.scheduleDeclutter);
        geomap.map.on('zoomend overlayadd overlayremove', geomap.spiderfy);
        geomap.map.whenReady(geomap.scheduleDeclutter);
        geomap.map.whenReady(function () { setTimeout(geomap.spiderfy, 0); });
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "GeomapRuntime"
        self.css = static_text("geomap.css")
        self.js = static_text("runtime.js")


class ClaimLayer(InertLayer):
    """One claimant's claims: uncertainty areas and markers, on a canvas, with popups.

    The data go in a compact, column-wise form (see :func:`claim_payload`) so a
    page with 100,000 claims stays small: strings are stored once, points as a
    flat coordinate list, disc-shaped areas as a radius.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup();
        (function () {
          var color = {{ this.color_json }};
          var group = {{ this.get_name() }};
          var d = {{ this.payload_json }};
          function props(i) {
            var o = {}, verdicts = null;
            for (var j = 0; j < d.keys.length; j++) {
              var v = d.cols[j][i];
              if (v === null || v === undefined) { continue; }
              var k = d.keys[j][0], val = d.keys[j][1] ? d.strings[v] : v;
              if (k.indexOf('verdict:') === 0) { (verdicts = verdicts || {})[k.slice(8)] = val; }
              else { o[k] = val; }
            }
            if (verdicts) { o.verdicts = verdicts; }
            return o;
          }
          var dateKey = d.keys.map(function (k) { return k[0]; }).indexOf('date');
          function dateOf(i) { var v = dateKey < 0 ? null : d.cols[dateKey][i]; return v === null ? null : d.strings[v]; }
          function bind(layer, i) {
            layer.bindPopup(function () { return geomap.popup(props(i)); }, {maxWidth: 360});
            layer.claimId = i;
            layer.claimKey = d.strings[d.cols[0][i]];
            geomap.register(layer, dateOf(i), group);
            group.addLayer(layer);
          }
          var areaStyle = {color: color, weight: 1.2, opacity: 0.8, fillColor: color, fillOpacity: 0.13,
                           dashArray: '4 3', renderer: geomap_canvas};
          for (var i = 0; i < d.r.length; i++) {
            if (d.r[i] > 0) {
              bind(L.circle([d.xy[2 * i + 1], d.xy[2 * i]], L.extend({radius: d.r[i]}, areaStyle)), i);
            }
          }
          d.areas.forEach(function (a) {
            var area = L.geoJSON(a[1], {style: function () { return areaStyle; }});
            var p = props(a[0]);
            area.bindTooltip(geomap.el('span', null, (p.party || '') + ': \u201c' + (p.location || p.claim_id) + '\u201d'),
                             {sticky: true});
            bind(area, a[0]);
          });
          for (var i = 0; i < d.r.length; i++) {
            if (!d.pt[i]) {  // an area claim names no point: no dot that would look like one
              continue;
            }
            var mk = L.circleMarker([d.xy[2 * i + 1], d.xy[2 * i]],
                                    {radius: 6, color: '#ffffff', weight: 1.5, fillColor: color,
                                     fillOpacity: 0.95, renderer: geomap_canvas});
            mk.feature = {properties: {claim_id: d.strings[d.cols[0][i]]}};
            bind(mk, i);
            geomap.dot(mk);
          }
        })();
        {% endmacro %}
    """)

    def __init__(self, name: str, color: str, payload: dict, *, show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "ClaimLayer"
        self.color_json = inert_json(color)
        self.payload_json = inert_json(payload)


def frame_colors(frame, colors: Optional[dict] = None) -> dict:
    """The colour of each party of a claims frame: the palette, the claims file's ``colors:``
    (column ``party_color``), then ``colors``.

    >>> import pandas as pd
    >>> frame_colors(pd.DataFrame({"party": ["A", "B"], "party_color": ["#123456", ""]}))["A"]
    '#123456'
    """
    parties = frame["party"].astype(str)
    out = party_colors(parties)
    if "party_color" in frame:
        set_ = frame["party_color"].map(lambda c: isinstance(c, str) and bool(c)).to_numpy(bool)
        for party, color in zip(parties[set_].tolist(), frame["party_color"][set_].tolist()):
            out[party] = color
    return {**out, **(colors or {})}


def party_colors(parties) -> dict:
    """One colour per party for a whole run (maps, pages, figures): the parties sorted, then the palette.

    >>> party_colors(["Russia", "US", "Russia"]) == party_colors(["US", "Russia"])
    True
    """
    import pandas as pd

    distinct = sorted({str(p) for p in pd.unique(pd.Series(parties))})   # each distinct party once
    return {p: PALETTE[i % len(PALETTE)] for i, p in enumerate(distinct)}


def claim_payload(columns: dict, string_keys: Sequence[str], number_keys: Sequence[str],
                  xy, radii_m, areas: Sequence[tuple], has_point=None) -> dict:
    """The compact, column-wise form :class:`ClaimLayer` reads.

    Parameters
    ----------
    columns : dict of key -> sequence
        One value per claim; ``string_keys`` columns are stored as codes into
        one string table (each distinct string once), ``number_keys`` as numbers.
    xy : (n, 2) array of lon, lat
        Marker positions.
    radii_m : sequence of float
        Radius of a disc-shaped uncertainty area (0: none, or see ``areas``).
    areas : list of (claim index, GeoJSON geometry)
        Other uncertainty areas.
    has_point : sequence of bool, optional
        Whether each claim names a point (a marker is drawn only then; default: all).
    """
    import numpy as np
    import pandas as pd

    strings: list = []
    index: dict = {}
    cols = {}
    for k in string_keys:
        values = pd.Series(columns[k], dtype=object)
        values = values.where(values.notna() & (values.astype(str) != ""), None)
        codes, uniques = pd.factorize(values.map(lambda v: None if v is None else str(v)), use_na_sentinel=True)
        remap = []
        for u in uniques:
            if u not in index:
                index[u] = len(strings)
                strings.append(u)
            remap.append(index[u])
        remap = np.array(remap + [-1], dtype=np.int64)
        mapped = remap[codes]
        cols[k] = [None if c < 0 else int(c) for c in mapped.tolist()]
    for k in number_keys:
        arr = pd.to_numeric(pd.Series(columns[k]), errors="coerce").round(3)
        cols[k] = [None if v != v else v for v in arr.tolist()]
    keys = [[k, 1] for k in string_keys] + [[k, 0] for k in number_keys]
    flat = np.round(np.asarray(xy, dtype=float).reshape(-1), 5).tolist()
    return {"keys": keys, "strings": strings, "cols": [cols[k] for k, _ in keys], "xy": flat,
            "r": np.round(np.asarray(radii_m, dtype=float)).astype(int).tolist(),
            "areas": [[int(i), g] for i, g in areas],
            "pt": [1 if x else 0 for x in (np.ones(len(flat) // 2, bool) if has_point is None else has_point)]}


class LineLayer(InertLayer):
    """A deconfliction line, its accuracy band and its two sides, shaded and labelled."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup();
        (function () {
          var d = {{ this.data_json }};
          var group = {{ this.get_name() }};
          var shades = ['#c9b8e8', '#f2d4a8'];
          d.sides.forEach(function (s, i) {
            var poly = L.geoJSON(s.geometry, {style: {stroke: false, fillColor: shades[i], fillOpacity: 0.22},
                                              interactive: false});
            poly.addTo(group);
            L.tooltip({permanent: true, direction: 'center', className: 'geomap-plain', interactive: false})
              .setLatLng([s.label_at[1], s.label_at[0]])
              .setContent(geomap.label(s.label + ' of the line', 'geomap-side-label', 5)).addTo(group);
          });
          if (d.band) {
            L.geoJSON(d.band, {style: {color: '#333', weight: 0, fillColor: '#333', fillOpacity: 0.10},
                               interactive: false}).addTo(group);
          }
          L.geoJSON(d.line, {style: {color: '#222', weight: 3, opacity: 0.9, dashArray: d.approximate ? '8 6' : null}})
            .bindPopup(function () {
              var box = geomap.el('div', 'geomap-popup');
              box.appendChild(geomap.el('div', 'geomap-popup-head', d.title));
              box.appendChild(geomap.el('p', null, d.description));
              box.appendChild(geomap.el('p', null, 'Accuracy: \u00b1' + d.accuracy_km + ' km' +
                                                  (d.approximate ? ' (approximate)' : '')));
              box.appendChild(geomap.el('p', null, 'Source: ' + d.source));
              return box;
            }).addTo(group);
        })();
        {% endmacro %}
    """)

    def __init__(self, line, *, simplify_deg: float = 0.002, show: bool = True):
        import shapely
        from shapely.geometry import mapping

        from ..geodesy import buffer_km, offset

        super().__init__(name=f"Line: {line.title.split('(')[0].strip()}", overlay=True,
                         control=True, show=show)
        self._name = "LineLayer"
        left, right = line.sides
        sides = []
        for label, area in ((line.left_label, left), (line.right_label, right)):
            simple = shapely.simplify(area, simplify_deg, preserve_topology=True)
            # Label each side near the middle of the line, a little off it.
            mid = line.geometry.interpolate(0.5, normalized=True)
            best = None
            for az in range(0, 360, 45):
                x, y = offset(mid.x, mid.y, az, 35.0)
                if area.contains(shapely.Point(x, y)):
                    best = (x, y)
                    break
            if best is None:
                p = area.representative_point()
                best = (p.x, p.y)
            sides.append({"label": label, "geometry": mapping(simple), "label_at": [round(best[0], 4), round(best[1], 4)]})
        band = None
        if line.accuracy_km > 0:
            visible = shapely.intersection(line.geometry, shapely.buffer(line.area, 0.3))
            band = mapping(shapely.simplify(buffer_km(visible, line.accuracy_km, quad_segs=4), 0.002))
        self.data_json = inert_json({
            "title": line.title, "description": line.description, "source": line.source,
            "accuracy_km": line.accuracy_km, "approximate": line.approximate,
            "line": mapping(shapely.intersection(line.geometry, shapely.buffer(line.area, 1.0))),
            "sides": sides, "band": band,
        })


class LinksLayer(InertLayer):
    """Dashed links between competing claims, with the distance between them."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup();
        (function () {
          var group = {{ this.get_name() }};
          {{ this.links_json }}.forEach(function (k) {
            var line = L.polyline([[k.a[1], k.a[0]], [k.b[1], k.b[0]]],
                                  {color: k.compatible ? '#2b8a3e' : '#c92a2a', weight: 2, dashArray: '6 5',
                                   opacity: 0.9, renderer: geomap_canvas});
            line.bindTooltip(geomap.el('span', null, k.text), {sticky: true});
            geomap.register(line, k.date, group);  // the date slider hides it with its claims
            line.addTo(group);
          });
        })();
        {% endmacro %}
    """)

    def __init__(self, links: Sequence[dict], *, name: str = "Links between competing claims",
                 show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "LinksLayer"
        self.links_json = inert_json(list(links))


class BasemapLayer(InertLayer):
    """A vector basemap from the bundled data: countries, governorates, rivers, lakes, towns."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup();
        (function () {
          var b = {{ this.data_json }};
          var group = {{ this.get_name() }};
          var pane = {{ this._parent.get_name() }}.createPane('geomap-basemap');
          pane.style.zIndex = 250;
          // Country names above the claims' areas (which would cut them), below markers; never clickable.
          var labels = {{ this._parent.get_name() }}.createPane('geomap-country-labels');
          labels.style.zIndex = 450;
          labels.style.pointerEvents = 'none';
          L.geoJSON(b.countries, {pane: 'geomap-basemap', interactive: false,
            style: function (f) { return {color: '#8a8a8a', weight: 1, fillColor: f.properties.focus ? '#fbfaf5' : '#ecebe4',
                                          fillOpacity: 1}; }}).addTo(group);
          L.geoJSON(b.admin1, {pane: 'geomap-basemap', interactive: false,
            style: {color: '#b0a89a', weight: 0.8, dashArray: '3 3', fill: false}}).addTo(group);
          L.geoJSON(b.lakes, {pane: 'geomap-basemap', interactive: false,
            style: {color: '#6fa8dc', weight: 0.8, fillColor: '#a9cbe8', fillOpacity: 1}}).addTo(group);
          L.geoJSON(b.rivers, {pane: 'geomap-basemap', interactive: false,
            style: {color: '#4a90c8', weight: 1.6}}).addTo(group);
          b.countries.features.forEach(function (f) {
            if (!f.properties.label_at) { return; }
            L.tooltip({permanent: true, direction: 'center', className: 'geomap-plain', interactive: false,
                       pane: 'geomap-country-labels'})
              .setLatLng([f.properties.label_at[1], f.properties.label_at[0]])
              .setContent(geomap.label(f.properties.name, 'geomap-side-label', 3)).addTo(group);
          });
          L.geoJSON(b.towns, {pane: 'geomap-basemap',
            pointToLayer: function (f, ll) {
              var m = L.circleMarker(ll, {radius: f.properties.major ? 3.5 : 2.2, color: '#444', weight: 1,
                                          fillColor: '#fff', fillOpacity: 1, pane: 'geomap-basemap'});
              m.bindTooltip(geomap.label(f.properties.name, null, f.properties.major ? 2 : 1),
                            {permanent: !!f.properties.major, direction: 'right',
                                                               className: 'geomap-plain', offset: [4, 0]});
              return m;
            }}).addTo(group);
        })();
        {% endmacro %}
    """)

    def __init__(self, data: dict, *, name: str = "Basemap (offline, bundled data)"):
        super().__init__(name=name, overlay=False, control=True, show=True)
        self._name = "BasemapLayer"
        self.data_json = inert_json(data)


class PlacesLayer(InertLayer):
    """Gazetteer places the claims name, labelled, with their source in a popup."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, {
          pointToLayer: function (f, ll) {
            var mk = L.circleMarker(ll, {radius: 4, color: '#111', weight: 2, fillColor: '#ffd43b',
                                         fillOpacity: 1, renderer: geomap_canvas});
            mk.bindTooltip(geomap.label(f.properties.name, null, 4), {permanent: true, direction: 'left',
                                                             className: 'geomap-plain', offset: [-5, 0]});
            mk.bindPopup(function () {
              var b = geomap.el('div', 'geomap-popup');
              b.appendChild(geomap.el('div', 'geomap-popup-head', f.properties.name));
              b.appendChild(geomap.el('div', null, f.properties.kind + ' \u2013 gazetteer: ' + f.properties.source));
              return b;
            });
            return mk;
          }
        });
        {% endmacro %}
    """)

    def __init__(self, features: Sequence[dict], *, name: str = "Places named in the claims"):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "PlacesLayer"
        self.data_json = inert_json({"type": "FeatureCollection", "features": list(features)})
