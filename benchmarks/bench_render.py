"""Claims tables of 10k, 100k and 1M claims to one offline page, the whole path in a new process
(start-up, reading the GeoParquet file, verdicts, links, writing): the median time of a few runs,
page size and peak memory; Chromium's time to a drawn map; against folium's FastMarkerCluster and
one CircleMarker per claim reading the same file, in the same run."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import median, row  # noqa: E402


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


GEOMAP = [sys.executable, "-c", "from geomap.cli import main; main()"]

FAST_MARKER_CLUSTER = r"""
import sys, geopandas as gpd, folium
from folium.plugins import FastMarkerCluster
f = gpd.read_parquet(sys.argv[1])
m = folium.Map(location=[35, 39], zoom_start=7)
FastMarkerCluster(list(zip(f["point_lat"], f["point_lon"]))).add_to(m)
m.save(sys.argv[2])
"""

CIRCLE_MARKERS = r"""
import sys, geopandas as gpd, folium
f = gpd.read_parquet(sys.argv[1])
m = folium.Map(location=[35, 39], zoom_start=7, prefer_canvas=True)
for lo, la, p in zip(f["point_lon"], f["point_lat"], f["party"]):
    folium.CircleMarker([la, lo], radius=5, popup=p).add_to(m)
m.save(sys.argv[2])
"""


def run_measured(cmd) -> tuple:
    """(seconds, peak memory in MB) of a command in a new process (its own peak, from wait4)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(map(str, cmd))[:200]}")
    return secs, usage.ru_maxrss / 1024


def _summary(runs: list) -> tuple:
    """(median seconds, largest peak MB, "min-max s; " when there were several runs)."""
    secs = sorted(r[0] for r in runs)
    spread = f"{secs[0]:.2f}-{secs[-1]:.2f} s over {len(secs)} runs; " if len(secs) > 1 else ""
    return median(secs), max(r[1] for r in runs), spread


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10000,100000,1000000", help="claims per file, comma-separated")
    ap.add_argument("--baseline-n", type=int, default=100_000,
                    help="largest size run through the CircleMarker baseline (it is slow)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of geomap and FastMarkerCluster per size, taken in turn (median shown)")
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)

    out = Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    print("claims table (GeoParquet) -> offline page, each in a new process, start-up included")
    for n in [int(x) for x in args.sizes.split(",")]:
        src = out / f"claims-{n}.parquet"
        synthetic_frame(n).to_parquet(src)
        ours, fmc = out / f"geomap-{n}.html", out / f"fmc-{n}.html"
        runs = [(run_measured(GEOMAP + ["map", str(src), "-o", str(ours), "--title", f"{n:,} claims"]),
                 run_measured([sys.executable, "-c", FAST_MARKER_CLUSTER, str(src), str(fmc)]))
                for _ in range(max(1, args.repeat))]   # in turn, so that the machine's load falls on both
        t, mem, spread = _summary([r[0] for r in runs])
        row(f"geomap map, {n:,} claims", f"{t:.2f} s",
            f"{spread}{ours.stat().st_size / 1e6:.1f} MB page, peak {mem:,.0f} MB")
        tb, memb, spread_b = _summary([r[1] for r in runs])
        row(f"folium FastMarkerCluster, {n:,} points", f"{tb:.2f} s",
            f"{spread_b}{fmc.stat().st_size / 1e6:.1f} MB page, peak {memb:,.0f} MB; geomap {t / tb:.2f}x its "
            "time (it draws points only, no areas, verdicts, links or popups; its assets come from CDNs)")
        if n <= args.baseline_n:
            cm = out / f"circles-{n}.html"
            tc, memc = run_measured([sys.executable, "-c", CIRCLE_MARKERS, str(src), str(cm)])
            row(f"folium CircleMarker per claim, {n:,}", f"{tc:.2f} s",
                f"{cm.stat().st_size / 1e6:.1f} MB page, peak {memc:,.0f} MB; geomap {t / tc:.2f}x its time")
        if not args.no_browser and not Path(_chromium()).exists():
            print(f"  (no Chromium at {_chromium()}: browser rows skipped; install Debian's chromium or set "
                  "GEOMAP_CHROMIUM, or pass --no-browser)")
            args.no_browser = True
        if not args.no_browser:
            t_map, t_load = chromium_cloud_seconds(ours)
            row(f"Chromium: geomap page of {n:,}, claims drawn", f"{t_map:.2f} s" if t_map else "never",
                f"load event {t_load:.2f} s")
    print(f"  pages kept in {out}")
    bench_links(100_000)


def bench_links(n: int) -> None:
    """Links between competing claims (in this process, the verdicts made beforehand): the map's
    arrays and the full per-pair records of ``compare_claims``."""
    from geomap.pairs import compare_claims, pair_arrays
    from geomap.verdicts import verdict_table

    frame = synthetic_frame(n)
    table = verdict_table(frame)
    t = time.perf_counter()
    ia, _, ok = pair_arrays(frame)
    t_map = time.perf_counter() - t
    t = time.perf_counter()
    pairs = compare_claims(frame, table)
    t_all = time.perf_counter() - t
    print(f"links between competing claims, {n:,} claims ({len(ia):,} pairs), start-up and verdicts excluded")
    row("the map's links (pair_arrays)", f"{t_map:.2f} s", f"{int(ok.sum()):,} compatible; target <= 2 s")
    row("every pair's record and sentence (compare_claims)", f"{t_all:.2f} s", f"{len(pairs):,} records")


def _chromium() -> str:
    return os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")


def chromium_cloud_seconds(path: Path) -> tuple:
    """(seconds until the claims are decoded and drawn, seconds to the load event)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox", "--disable-gpu"])
        page = b.new_page(viewport={"width": 1280, "height": 860})
        t = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=600_000)
        t_load = time.perf_counter() - t
        page.wait_for_function("window.geomap && geomap.map && (!geomap.clouds || geomap.clouds[0].ready)",
                               timeout=300_000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        t_map = time.perf_counter() - t
        b.close()
    return t_map, t_load


if __name__ == "__main__":
    main()
