"""Side verdicts for 1,000,000 random points over Syria, vs a per-point shapely loop and
geopandas sjoin, measured in the same run."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import best_of, row  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--baseline-n", type=int, default=20_000, help="points for the per-point loop")
    args = ap.parse_args(argv)

    import geopandas as gpd
    import shapely

    from geomap.lines import get_line
    from geomap.sides import SideIndex, side_of_points

    line = get_line("euphrates")
    rng = np.random.default_rng(0)
    xmin, ymin, xmax, ymax = line.area.bounds
    x = rng.uniform(xmin, xmax, args.n)
    y = rng.uniform(ymin, ymax, args.n)

    t = time.perf_counter()
    idx = SideIndex.of(line)
    idx.codes(x[:50000], y[:50000])
    idx.distance_km(x[:50000], y[:50000])
    prep = time.perf_counter() - t

    t_side = best_of(lambda: side_of_points(x, y, line, distances=False), 3)
    t_dist = best_of(lambda: side_of_points(x, y, line), 3)

    left, right = line.sides
    m = args.baseline_n

    def loop():
        out = []
        for px, py in zip(x[:m], y[:m]):
            p = shapely.Point(px, py)
            out.append(1 if left.contains(p) else -1 if right.contains(p) else 0)
        return out

    t_loop = best_of(loop, 1)
    sides = gpd.GeoDataFrame({"side": [line.left_label, line.right_label]}, geometry=[left, right], crs=4326)
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y), crs=4326)
    t_sjoin = best_of(lambda: gpd.sjoin(pts, sides, how="left", predicate="within"), 1)

    n = args.n
    print(f"Side benchmark: {n:,} random points in the Euphrates line's area (Syria)")
    row("one-off preparation (side areas, grid, KD-tree)", f"{prep:.2f} s")
    row("geomap side only", f"{n / t_side:,.0f} pts/s", "target >= 5 M")
    row("geomap side + distance + near-line flag", f"{n / t_dist:,.0f} pts/s", "target >= 1 M")
    row("shapely per-point loop (side only)", f"{m / t_loop:,.0f} pts/s", f"on {m:,} points")
    row("geopandas sjoin (side only)", f"{n / t_sjoin:,.0f} pts/s")
    row("ratio side-only / loop", f"{(n / t_side) / (m / t_loop):,.0f} x")
    row("ratio side-only / sjoin", f"{(n / t_side) / (n / t_sjoin):,.1f} x")
    row("ratio with-distance / sjoin (side only)", f"{(n / t_dist) / (n / t_sjoin):,.1f} x")


if __name__ == "__main__":
    main()
