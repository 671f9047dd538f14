"""Static PNG figures of an incident (matplotlib over the bundled basemap; no browser)."""

from __future__ import annotations

import io
import math
import os
from typing import Optional, Sequence

__all__ = ["incident_figure"]


def _plain(text) -> str:
    """Text that matplotlib draws as written: ``$`` would otherwise start mathtext."""
    return str(text).replace("$", r"\$")


def incident_figure(frame, *, lines: Sequence = (), title: str = "", path: Optional[os.PathLike] = None,
                    dpi: int = 110, colors: Optional[dict] = None) -> bytes:
    """Draw claims, lines and the basemap to a PNG; return its bytes (and write ``path`` atomically).

    A map figure for print: the claims' areas and positions in the parties' colours, each
    line with its side labels, towns, a scale bar, a locator inset, the legend and the
    data credit; no axis titles. The output is deterministic for the same input (no
    timestamps in the PNG).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ..incidents import claim_anchors
    from .basemap import ATTRIBUTION, basemap_data

    base = basemap_data()
    fig, ax = plt.subplots(figsize=(7.5, 6.2), dpi=dpi)
    ax.set_facecolor("#dbe7ee")
    anchors = claim_anchors(frame)
    view = _view(frame, anchors)
    _basemap(ax, base)
    handles = _lines(ax, lines, view)
    handles += _claims(ax, frame, anchors, colors)
    _towns(ax, base, view)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_aspect(1 / max(0.2, math.cos(math.radians((view[1] + view[3]) / 2))))
    _degrees(ax)
    _scale_bar(ax, view)
    ax.set_title(_plain(title), fontsize=10)
    rows = (len(handles) + 1) // 2
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.03), fontsize=6.5,
               framealpha=0.9, ncol=2)
    fig.text(0.01, 0.008, ATTRIBUTION, fontsize=5.5, color="#555")
    fig.tight_layout(rect=(0, 0.07 + 0.03 * rows, 1, 0.97))
    _inset(fig, base, view)  # after the layout: an inset is no grid cell
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    data = buf.getvalue()
    if path is not None:
        from ..io import atomic_write

        atomic_write(path, data)
    return data


def _layer(fc):
    import geopandas as gpd

    return gpd.GeoDataFrame.from_features(fc["features"], crs=4326) if fc["features"] else None


def _view(frame, anchors) -> tuple:
    """The claims' compact areas and positions, padded (wide areas do not set the view)."""
    import shapely

    pts = shapely.multipoints([a for a in anchors if a is not None])
    xmin, ymin, xmax, ymax = shapely.bounds(pts)
    for g, r in zip(frame.geometry, frame.get("radius_km", [0] * len(frame))):
        if g is not None and (r or 0) <= 60:
            b = g.bounds
            xmin, ymin, xmax, ymax = min(xmin, b[0]), min(ymin, b[1]), max(xmax, b[2]), max(ymax, b[3])
    pad = max(0.2, 0.1 * max(xmax - xmin, ymax - ymin))
    return _landscape((xmin - pad, ymin - pad, xmax + pad, ymax + pad))


#: Width / height of the map on the page (the figure's frame less the legend and title).
FRAME_RATIO = 1.45


def _landscape(view: tuple, ratio: float = FRAME_RATIO) -> tuple:
    """``view`` grown (never shrunk) about its centre until it fills the figure's landscape frame.

    >>> [round(v, 2) for v in _landscape((40.0, 34.0, 41.0, 36.0))]
    [38.73, 34.0, 42.27, 36.0]
    """
    xmin, ymin, xmax, ymax = view
    k = max(0.2, math.cos(math.radians((ymin + ymax) / 2)))  # display width per degree of longitude
    w, h = (xmax - xmin) * k, ymax - ymin
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    if w < ratio * h:
        half = ratio * h / k / 2
        return (cx - half, ymin, cx + half, ymax)
    half = w / ratio / 2
    return (xmin, cy - half, xmax, cy + half)


def _basemap(ax, base) -> None:
    countries = _layer(base["countries"])
    if countries is not None:
        countries.plot(ax=ax, color=["#fbfaf5" if f else "#ecebe4" for f in countries["focus"]],
                       edgecolor="#8a8a8a", linewidth=0.6)
    for key, kw in (("admin1", dict(color="#b0a89a", linewidth=0.5, linestyle="--")),
                    ("lakes", dict(color="#a9cbe8", edgecolor="#6fa8dc", linewidth=0.4)),
                    ("rivers", dict(color="#4a90c8", linewidth=1.0))):
        gdf = _layer(base[key])
        if gdf is not None:
            gdf.plot(ax=ax, **kw)


def _lines(ax, lines, view) -> list:
    """Each line, its two sides shaded and labelled where they are in view."""
    import geopandas as gpd
    import shapely
    from matplotlib.lines import Line2D

    from ..lines import get_line

    handles = []
    frame_box = shapely.box(*view)
    for ln in [get_line(x) for x in lines]:
        left, right = ln.sides
        for side, colour, label in ((left, "#c9b8e8", ln.left_label), (right, "#f2d4a8", ln.right_label)):
            gpd.GeoSeries([side], crs=4326).plot(ax=ax, color=colour, alpha=0.25)
            seen = side.intersection(frame_box)
            if not seen.is_empty and seen.area > 0.1 * frame_box.area:
                at = seen.representative_point()
                ax.annotate(_plain(f"{label.upper()} OF THE LINE"), (at.x, at.y), ha="center", fontsize=7,
                            color="#6b5d7a" if colour == "#c9b8e8" else "#8a6a3a", weight="bold", alpha=0.8)
        style = "--" if ln.approximate else "-"
        gpd.GeoSeries([ln.geometry], crs=4326).plot(ax=ax, color="#222", linewidth=1.8, linestyle=style)
        handles.append(Line2D([], [], color="#222", linestyle=style,
                              label=_plain(f"{ln.title} ({ln.left_label}/{ln.right_label})")))
    return handles


def _claims(ax, frame, anchors, colors) -> list:
    import geopandas as gpd
    from matplotlib.lines import Line2D

    from .elements import frame_colors

    handles = []
    parties = list(dict.fromkeys(str(p) for p in frame["party"]))
    palette = frame_colors(frame, colors)
    for party in parties:
        color = palette[party]
        rows = frame[frame["party"].astype(str) == party]
        idx = [frame.index.get_loc(k) for k in rows.index]
        gpd.GeoSeries(list(rows.geometry), crs=4326).plot(ax=ax, color=color, alpha=0.15, edgecolor=color,
                                                          linewidth=0.8)
        ax.scatter([anchors[k].x for k in idx], [anchors[k].y for k in idx], s=36, color=color,
                   edgecolor="white", linewidth=0.8, zorder=5)
        handles.append(Line2D([], [], marker="o", color=color, linestyle="", label=_plain(party)))
    return handles


def _towns(ax, base, view) -> None:
    towns = _layer(base["towns"])
    if towns is None:
        return
    # Towns whose label would run off the frame are left out (a cut-off name reads as a different one).
    mx, my = 0.08 * (view[2] - view[0]), 0.03 * (view[3] - view[1])
    inside = towns.cx[view[0]:view[2] - mx, view[1]:view[3] - my]
    ax.scatter(inside.geometry.x, inside.geometry.y, s=6, color="#444", zorder=4)
    for _, t in inside.iterrows():
        ax.annotate(_plain(t["name"]), (t.geometry.x, t.geometry.y), xytext=(3, 2), textcoords="offset points",
                    fontsize=6.5, color="#333")


def _degrees(ax) -> None:
    """Small graticule labels (40.5°E), no axis titles."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}°E"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}°N"))
    ax.tick_params(labelsize=6, length=2, colors="#555")


def _scale_bar(ax, view) -> None:
    """A bar of a round length (about a fifth of the width), lower left."""
    from ..geodesy import haversine_km

    lat = view[1] + 0.06 * (view[3] - view[1])
    width_km = float(haversine_km(view[0], lat, view[2], lat))
    km = max((k for k in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000) if k <= width_km / 4),
             default=1)
    x0 = view[0] + 0.04 * (view[2] - view[0])
    dx = km / width_km * (view[2] - view[0])
    ax.plot([x0, x0 + dx], [lat, lat], color="#222", linewidth=2.2, solid_capstyle="butt", zorder=6)
    ax.annotate(f"{km:g} km", (x0 + dx / 2, lat), xytext=(0, 3), textcoords="offset points", ha="center",
                fontsize=6.5, color="#222", zorder=6)


def _inset(fig, base, view) -> None:
    """A small locator map: the region, and where the figure's view lies in it."""
    import shapely

    countries = _layer(base["countries"])
    if countries is None:
        return
    inset = fig.add_axes([0.74, 0.72, 0.22, 0.2])
    focus = countries[countries["focus"]] if "focus" in countries else countries
    box = shapely.box(*focus.total_bounds)
    countries.clip(box.buffer(2)).plot(ax=inset, color="#ecebe4", edgecolor="#999", linewidth=0.3)
    focus.plot(ax=inset, color="#fbfaf5", edgecolor="#777", linewidth=0.4)
    x0, y0, x1, y1 = view
    inset.plot([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0], color="#c0392b", linewidth=1.0)
    bx0, by0, bx1, by1 = box.bounds
    inset.set_xlim(min(bx0, x0) - 0.5, max(bx1, x1) + 0.5)
    inset.set_ylim(min(by0, y0) - 0.5, max(by1, y1) + 0.5)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_xlabel("")
    inset.set_ylabel("")
    inset.set_facecolor("#dbe7ee")
