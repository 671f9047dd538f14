"""Claims frames -> layered, offline, deterministic folium maps.

Examples
--------
>>> from geomap.claims import read_claims_text
>>> from geomap.incidents import claims_frame
>>> frame = claims_frame(read_claims_text('''
... incidents:
...   - id: demo
...     date: 2017-11-23
...     claims:
...       - {id: us, claimant: US, location: east of the Euphrates}
...       - {id: ru, claimant: Russia, location: west side of the Euphrates near Mayadin}
... '''))
>>> m = claims_map(frame, title="Demo")
>>> html = render_html(m)
>>> "<script src=" in html, html == render_html(claims_map(frame, title="Demo"))
(False, True)
"""

from __future__ import annotations

import os
from typing import Iterable, Optional, Sequence

import numpy as np
import pandas as pd

from ..bulk import gc_paused
from ..errors import InputError
from ..lines import get_line
from .basemap import ATTRIBUTION, basemap_data
from .claim_layers import add_cloud, claim_layers, popup_verdicts
from .cloud import CLOUD_MIN
from .controls import Attribution, Legend, TilesNotice, TimeSlider, TitleBox
from .elements import BasemapLayer, LineLayer, LinksLayer, PlacesLayer, Runtime, frame_colors
from .inert import Verbatim, inert_label

__all__ = ["OfflineMap", "claims_map", "render_html", "save_map", "features_frame"]


def _offline_map_class():
    import folium

    class OfflineMap(folium.Map):
        """A folium Map that links no CDN: Leaflet is inlined in the page head."""

        default_js: list = []
        default_css: list = []

    return OfflineMap


def OfflineMap(**kwargs):
    """A ``folium.Map`` whose page makes no network request (assets inline)."""
    from .assets import _script_safe, leaflet_css, leaflet_js

    cls = _offline_map_class()
    m = cls(tiles=None, **kwargs)
    m.get_root().header.add_child(
        Verbatim(f"<style>{leaflet_css()}</style>\n<script>{_script_safe(leaflet_js())}</script>"),
        name="geomap_leaflet")
    m.add_child(Runtime(), name="geomap_runtime")
    return m


def features_frame(features: Iterable[dict], *, party_key: str = "party"):
    """A claims-like frame from GeoJSON features (``geomap classify`` output, resolved places)."""
    import geopandas as gpd
    from shapely.geometry import shape

    rows, geoms = [], []
    for i, f in enumerate(features):
        p = dict(f.get("properties") or {})
        g = f.get("geometry")
        if not g:
            continue
        geom = shape(g)
        p.setdefault("claim_id", p.get("id") or p.get("query") or f"feature-{i + 1}")
        p.setdefault("party", p.get(party_key) or ("Resolved places" if "query" in p else "Features"))
        p.setdefault("incident", p.get("incident") or p["claim_id"])
        if geom.geom_type == "Point":
            p.setdefault("point_lon", geom.x)
            p.setdefault("point_lat", geom.y)
            p.setdefault("disc_km", (p.get("precision_m") or 0) / 1000 or None)
        rows.append(p)
        geoms.append(geom)
    if not rows:
        raise InputError("no features with a geometry to map")
    seen: dict = {}
    for p in rows:  # the same name resolved twice is two features: keep their ids apart
        cid = str(p["claim_id"])
        seen[cid] = seen.get(cid, 0) + 1
        if seen[cid] > 1:
            p["claim_id"] = f"{cid} ({seen[cid]})"
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")


@gc_paused()
def claims_map(frame, *, lines: Optional[Sequence] = None, verdicts=None, colors: Optional[dict] = None,
               title: Optional[str] = None,
               subtitle: Sequence[str] = (), tiles: Optional[str] = None, links="auto",
               reference_places: bool = True, gazetteer=None, width="100%", height="100%", compact: bool = False,
               simplify_deg: float = 0.0005, cloud="auto"):
    """A layered offline map of claims.

    Parameters
    ----------
    frame : GeoDataFrame
        From :func:`geomap.incidents.claims_frame` (or :func:`features_frame`).
    lines : sequence of names or DeconflictionLine, optional
        Lines to judge by and draw (default: the incidents' own lines, else
        the built-in ones; those that apply to no claim are not drawn).
    colors : dict, optional
        Party -> colour, to keep one colour per party across several maps
        (default: :func:`geomap.render.elements.frame_colors`: the palette, then the
        claims file's ``colors:``).
    verdicts : DataFrame, optional
        The claims' :func:`geomap.verdicts.verdict_table`, when already
        made (the map draws what it says; it computes nothing itself).
    title : str, optional
    subtitle : sequence of str
    tiles : str, optional
        An xyzservices provider name ("OpenStreetMap.Mapnik", "CartoDB.Positron"):
        web tiles, loaded over the network. Default: none, the offline basemap.
    links : bool or "auto"
        Draw links between competing claims of each incident, with distances ("auto": yes,
        for every incident; a map of more than :data:`~geomap.render.cloud.CLOUD_MIN`
        claims draws them in its cloud, where they show once zoomed in).
    reference_places : bool
        Mark the gazetteer places the claims name.
    compact : bool
        For a map embedded in a page that says the rest: the legend starts folded and the title
        box holds the title alone.
    cloud : bool or "auto"
        Draw the claims as one compact canvas layer (:mod:`geomap.render.cloud`: a density
        grid when zoomed out, single claims, discs and links when zoomed in, popups built
        on click) instead of one Leaflet layer per claim; "auto": above
        :data:`~geomap.render.cloud.CLOUD_MIN` claims. Links are then drawn for every incident.

    Returns
    -------
    folium.Map
        Layers: the basemap, one per claimant, each line with its sides, links,
        reference places; a legend, a scale bar and a layer control.
    """

    from ..incidents import check_claims_frame
    from ..verdicts import applicable_lines, verdict_table

    if frame is None or len(frame) == 0:
        raise InputError("nothing to map: no claims")
    check_claims_frame(frame)
    frame = frame.reset_index(drop=True)
    table = verdict_table(frame, lines) if verdicts is None else verdicts
    active = [get_line(x) for x in (lines or applicable_lines(table))]
    colors = frame_colors(frame, colors)

    m = OfflineMap(control_scale=True, prefer_canvas=True, width=width, height=height,
                   attribution_control=True, font_size="0.8rem")
    BasemapLayer(basemap_data()).add_to(m)
    if tiles:
        _add_tiles(m, tiles)
    for ln in active:
        LineLayer(ln).add_to(m)
    as_cloud = len(frame) > CLOUD_MIN if cloud == "auto" else bool(cloud)
    vcols = popup_verdicts(frame, table, active)
    # Reference places first, so claim markers draw (and take clicks) above them.
    if reference_places and "place_ids" in frame:
        _add_reference_places(m, frame, gazetteer)
    dates = None if as_cloud else _claim_dates(frame)   # a cloud's page reads them from its columns
    if as_cloud:
        marker_at = add_cloud(m, frame, vcols, colors, simplify_deg, links)
    else:
        layers, marker_at = claim_layers(frame, vcols, colors, simplify_deg)
        for layer in layers:
            layer.add_to(m)
        _add_links(m, frame, table, marker_at, links, dates)
    _add_controls(m, frame, colors, active, _distinct_dates(frame), title=title, subtitle=subtitle,
                  compact=compact, cloud=as_cloud)
    _fit(m, frame, marker_at)
    return m


def _add_links(m, frame, table, marker_at, links, dates: list) -> None:
    """Dashed links between competing claims, dated (the slider hides them with their claims)."""
    from ..verdicts import compare_claims

    if not (links and "incident" in frame):
        return
    row_of = {cid: i for i, cid in enumerate(frame["claim_id"])}
    items = []
    for pair in compare_claims(frame, table):
        i, j = row_of[pair["a"]], row_of[pair["b"]]
        a, b = marker_at[i], marker_at[j]
        when = [d for d in (dates[i], dates[j]) if d]
        items.append({
            "date": max(when) if when else None,
            "a": [round(a.x, 5), round(a.y, 5)], "b": [round(b.x, 5), round(b.y, 5)],
            "compatible": pair["compatible"],
            "text": f"{pair['sentence']} Markers {pair['centre_distance_km']:.1f} km apart.",
        })
    if items:
        LinksLayer(items).add_to(m)


def _claim_dates(frame) -> list:
    from ..verdicts import date_column

    col = date_column(frame)
    return [d if isinstance(d, str) and d else None for d in frame[col].tolist()] if col else [None] * len(frame)


def _distinct_dates(frame) -> list:
    """The claims' distinct dates, sorted (what the date slider steps through)."""
    from ..verdicts import date_column

    col = date_column(frame)
    return sorted({d for d in pd.unique(frame[col]) if isinstance(d, str) and d}) if col else []


def _add_controls(m, frame, colors: dict, active, distinct: list, *, title, subtitle,
                  compact: bool = False, cloud: bool = False) -> None:
    """Legend, title, date slider, credits and the layer control."""
    import folium

    parties = [str(p) for p in pd.unique(frame["party"].astype(str))]
    note = ("Dots: claimed positions; shaded: their uncertainty; dashed lines: competing claims "
            "(red: cannot both be true).")
    if cloud:
        note = (f"{len(frame):,} claims: where many are in view, blue squares (darker: more); "
                "zoom in or click for single claims. " + note)
    Legend([{"name": p, "color": colors[p]} for p in parties], note=note, folded=compact or cloud).add_to(m)
    sub = list(subtitle) or ([f"Lines: {', '.join(ln.title for ln in active)}"] if active and not compact else [])
    TitleBox(title or "Competing location claims", sub).add_to(m)
    if len(distinct) > 1:
        TimeSlider(distinct).add_to(m)
    Attribution(ATTRIBUTION).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)


def _add_tiles(m, name: str):
    import folium
    import xyzservices

    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError as err:
        raise InputError(f"unknown tile provider {name!r} ({err})",
                         hint="e.g. OpenStreetMap.Mapnik or CartoDB.Positron (see xyzservices)") from err
    if provider.get("requires_token"):
        raise InputError(f"tile provider {name!r} needs an API key", hint="choose one without a token")
    folium.TileLayer(tiles=provider.build_url(), attr=provider.html_attribution,
                     name=inert_label(provider.name), overlay=False, control=True,
                     max_zoom=provider.get("max_zoom", 18)).add_to(m)
    TilesNotice(provider.name).add_to(m)


def _add_reference_places(m, frame, gazetteer):
    from ..gazetteer import Gazetteer
    from ..list_columns import list_items

    seen = {}
    distinct = dict.fromkeys(list_items(frame["place_ids"]))   # each id once, as first named
    if not distinct:
        return  # claims given as coordinates only: no need to load the gazetteer
    gaz = gazetteer or Gazetteer.default()
    for pid in distinct:
        p = gaz.get(pid)
        if p.kind in ("populated_place", "air_base", "airport", "dam", "oil_field", "facility"):
            seen[pid] = p
    if not seen:
        return
    feats = [{"type": "Feature", "properties": {"name": p.name, "kind": p.kind.replace("_", " "),
                                                "source": ", ".join(p.sources)},
              "geometry": {"type": "Point", "coordinates": [round(p.longitude, 5), round(p.latitude, 5)]}}
             for p in seen.values()]
    PlacesLayer(feats).add_to(m)


#: Claims wider than this (equivalent radius, km) are context when narrower ones exist.
FIT_WIDE_KM = 60.0


def _fit(m, frame, marker_at):
    """Open on the union of the claims' areas (and their markers), padded; at most zoom 12.

    When some claims are compact (a town, a bank near a town) and others span a country or a
    whole river, the map opens on the compact ones with room around them: the wide areas
    are drawn, and seen by zooming out, but do not shrink the disputed ground to a speck.
    """
    import shapely

    geoms = np.asarray(frame.geometry.to_numpy(), dtype=object)
    ok = ~shapely.is_missing(geoms)
    ok[ok] = ~shapely.is_empty(geoms[ok])
    radius = frame["radius_km"].astype(float).fillna(0).to_numpy() if "radius_km" in frame else np.zeros(len(frame))
    compact = ok & (radius <= FIT_WIDE_KM)
    chosen = compact if compact.any() else ok
    if not chosen.any():
        return
    # Bounds of the areas and of the markers (empty and missing ones have none), taken apart.
    boxes = np.array([shapely.total_bounds(geoms[chosen]),
                      shapely.total_bounds(np.asarray(marker_at, dtype=object)[chosen])])
    xmin, ymin = np.nanmin(boxes[:, :2], axis=0)
    xmax, ymax = np.nanmax(boxes[:, 2:], axis=0)
    pad = max(0.02, 0.04 * max(xmax - xmin, ymax - ymin))
    if chosen.sum() < ok.sum():
        pad = max(pad, 0.3)  # room for the wider claims around the compact ones
    # Room for the title box (top left) and the legend and credits (bottom): claims stay clear of them.
    m.fit_bounds([[float(ymin - pad), float(xmin - pad)], [float(ymax + pad), float(xmax + pad)]], max_zoom=12,
                 padding_top_left=(20, 110), padding_bottom_right=(20, 40))


def _number_elements(root):
    """Give every element a stable id (folium's are random): same input, same bytes."""
    counter = [0]

    def walk(el):
        counter[0] += 1
        el._id = f"{counter[0]:08x}"
        for child in list(getattr(el, "_children", {}).values()):
            walk(child)

    walk(root)


def render_html(m) -> str:
    """The map's page as a string, deterministic for the same input."""
    fig = m.get_root()
    _number_elements(fig)
    html = fig.render()
    # The Figure's own template title and anything random left: nothing else varies.
    return html


def save_map(m, path: os.PathLike) -> str:
    """Write the map atomically; return the path."""
    from ..io import atomic_write

    atomic_write(path, render_html(m))
    return str(path)
