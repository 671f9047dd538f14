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

    The output is deterministic for the same input (no timestamps in the PNG).
    """
    import matplotlib

    matplotlib.use("Agg")
    import geopandas as gpd
    import matplotlib.pyplot as plt
    import shapely
    from matplotlib.lines import Line2D

    from ..incidents import claim_anchors
    from ..lines import get_line
    from .basemap import ATTRIBUTION, basemap_data
    from .elements import party_colors

    base = basemap_data()
    fig, ax = plt.subplots(figsize=(7.5, 6.2), dpi=dpi)
    ax.set_facecolor("#dbe7ee")
    anchors = claim_anchors(frame)
    pts = shapely.multipoints([a for a in anchors if a is not None])
    xmin, ymin, xmax, ymax = shapely.bounds(pts)
    for g, r in zip(frame.geometry, frame.get("radius_km", [0] * len(frame))):
        if g is not None and (r or 0) <= 60:
            b = g.bounds
            xmin, ymin, xmax, ymax = min(xmin, b[0]), min(ymin, b[1]), max(xmax, b[2]), max(ymax, b[3])
    pad = max(0.2, 0.1 * max(xmax - xmin, ymax - ymin))
    view = (xmin - pad, ymin - pad, xmax + pad, ymax + pad)

    def layer(fc):
        return gpd.GeoDataFrame.from_features(fc["features"], crs=4326) if fc["features"] else None

    countries = layer(base["countries"])
    if countries is not None:
        countries.plot(ax=ax, color=["#fbfaf5" if f else "#ecebe4" for f in countries["focus"]],
                       edgecolor="#8a8a8a", linewidth=0.6)
    for key, kw in (("admin1", dict(color="#b0a89a", linewidth=0.5, linestyle="--")),
                    ("lakes", dict(color="#a9cbe8", edgecolor="#6fa8dc", linewidth=0.4)),
                    ("rivers", dict(color="#4a90c8", linewidth=1.0))):
        gdf = layer(base[key])
        if gdf is not None:
            gdf.plot(ax=ax, **kw)
    handles = []
    for ln in [get_line(x) for x in lines]:
        left, right = ln.sides
        gpd.GeoSeries([left], crs=4326).plot(ax=ax, color="#c9b8e8", alpha=0.25)
        gpd.GeoSeries([right], crs=4326).plot(ax=ax, color="#f2d4a8", alpha=0.25)
        gpd.GeoSeries([ln.geometry], crs=4326).plot(ax=ax, color="#222", linewidth=1.8,
                                                    linestyle="--" if ln.approximate else "-")
        handles.append(Line2D([], [], color="#222", linestyle="--" if ln.approximate else "-",
                              label=_plain(f"{ln.title} ({ln.left_label}/{ln.right_label})")))
    parties = list(dict.fromkeys(str(p) for p in frame["party"]))
    palette = {**party_colors(parties), **(colors or {})}
    for party in parties:
        color = palette[party]
        rows = frame[frame["party"].astype(str) == party]
        idx = [frame.index.get_loc(k) for k in rows.index]
        gpd.GeoSeries(list(rows.geometry), crs=4326).plot(ax=ax, color=color, alpha=0.15, edgecolor=color,
                                                          linewidth=0.8)
        xs = [anchors[k].x for k in idx]
        ys = [anchors[k].y for k in idx]
        ax.scatter(xs, ys, s=36, color=color, edgecolor="white", linewidth=0.8, zorder=5)
        handles.append(Line2D([], [], marker="o", color=color, linestyle="", label=_plain(party)))
    towns = layer(base["towns"])
    if towns is not None:
        inside = towns.cx[view[0]:view[2], view[1]:view[3]]
        ax.scatter(inside.geometry.x, inside.geometry.y, s=6, color="#444", zorder=4)
        for _, t in inside.iterrows():
            ax.annotate(_plain(t["name"]), (t.geometry.x, t.geometry.y), xytext=(3, 2), textcoords="offset points",
                        fontsize=6.5, color="#333")
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_aspect(1 / max(0.2, math.cos(math.radians((view[1] + view[3]) / 2))))
    ax.set_title(_plain(title), fontsize=10)
    ax.tick_params(labelsize=7)
    rows = (len(handles) + 1) // 2
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.03), fontsize=6.5,
               framealpha=0.9, ncol=2)
    fig.text(0.01, 0.008, ATTRIBUTION, fontsize=5.5, color="#555")
    fig.tight_layout(rect=(0, 0.07 + 0.03 * rows, 1, 0.97))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    data = buf.getvalue()
    if path is not None:
        from ..io import atomic_write

        atomic_write(path, data)
    return data
