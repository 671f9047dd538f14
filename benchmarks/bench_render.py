"""Render 100,000 synthetic claims to one offline page: build time, file size, Chromium load
time; against folium with one CircleMarker per claim, in the same run."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import row  # noqa: E402


def synthetic_frame(n: int, seed: int = 3):
    import geopandas as gpd
    import shapely

    rng = np.random.default_rng(seed)
    lon = rng.uniform(36.0, 42.0, n)
    lat = rng.uniform(32.8, 37.0, n)
    parties = np.array(["Coalition", "Russia MoD", "Syrian government", "SDF", "Monitor"])
    party = parties[rng.integers(0, len(parties), n)]
    days = rng.integers(0, 365, n)
    dates = (np.datetime64("2017-01-01") + days).astype(str)
    disc = rng.choice([0.5, 1.0, 2.5, 5.0], n)
    inc = np.arange(n) // 2  # two competing claims per incident
    return gpd.GeoDataFrame({
        "incident": [f"i{k}" for k in inc], "incident_date": dates, "date": dates,
        "claim_id": [f"c{k}" for k in range(n)], "party": party, "speaker": "",
        "claim": "synthetic claim", "location": "synthetic", "reading": "coordinates",
        "report": "synthetic.txt", "quote": "a short quote", "precision": 1,
        "radius_km": disc, "disc_km": disc, "point_lon": lon, "point_lat": lat,
        "place_ids": [[] for _ in range(n)], "lines": [[] for _ in range(n)],
    }, geometry=shapely.points(lon, lat), crs="EPSG:4326")


def chromium_load_seconds(path: Path, *, map_timeout_s: float = 300.0):
    """(seconds to a drawn map, or None if no map appeared, seconds to the load event)."""
    from playwright.sync_api import TimeoutError as PWTimeout
    from playwright.sync_api import sync_playwright

    exe = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu",
                                                         "--disable-background-networking"])
        page = b.new_page(viewport={"width": 1280, "height": 860})
        t = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=600_000)
        t_load = time.perf_counter() - t
        try:
            page.wait_for_function("document.querySelector('.leaflet-container') !== null",
                                   timeout=map_timeout_s * 1000)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            t_map = time.perf_counter() - t
        except PWTimeout:
            t_map = None
        b.close()
    return t_map, t_load


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--baseline-n", type=int, default=100_000)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)

    import folium

    from geomap.render.maps import claims_map, render_html

    out = Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    frame = synthetic_frame(args.n)
    t = time.perf_counter()
    html = render_html(claims_map(frame, title="100k synthetic claims", links="auto"))
    t_build = time.perf_counter() - t
    ours = out / "geomap.html"
    ours.write_text(html, encoding="utf-8")

    base = synthetic_frame(args.baseline_n)
    t = time.perf_counter()
    m = folium.Map(location=[35, 39], zoom_start=7, prefer_canvas=True)
    for lo, la, p in zip(base["point_lon"], base["point_lat"], base["party"]):
        folium.CircleMarker([la, lo], radius=5, popup=p).add_to(m)
    base_html = m.get_root().render()
    t_base = time.perf_counter() - t
    theirs = out / "folium.html"
    theirs.write_text(base_html, encoding="utf-8")

    print(f"Render benchmark: {args.n:,} claims (geomap) vs {args.baseline_n:,} CircleMarkers (folium)")
    row("geomap build (map + render)", f"{t_build:.2f} s", "target <= 5 s")
    row("geomap page size", f"{ours.stat().st_size / 1e6:.1f} MB", "target <= 20 MB")
    row("folium CircleMarkers build", f"{t_base:.2f} s")
    row("folium page size", f"{theirs.stat().st_size / 1e6:.1f} MB")
    row("build rate ratio geomap / folium",
        f"{(args.n / t_build) / (args.baseline_n / t_base):.1f} x")
    if not args.no_browser:
        t_map, t_load = chromium_load_seconds(ours)
        row("Chromium: geomap page, map drawn", f"{t_map:.2f} s" if t_map else "never",
            f"load event {t_load:.2f} s")
        t_map, t_load = chromium_load_seconds(theirs, map_timeout_s=20)
        row("Chromium: folium page, map drawn", f"{t_map:.2f} s" if t_map else "never",
            f"load event {t_load:.2f} s" + ("" if t_map else "; its CDN assets do not load offline"))
    print(f"  pages kept in {out}")


if __name__ == "__main__":
    main()
