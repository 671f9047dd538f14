"""The user's whole path, start-up included: a claims file or event table -> the written page / verdicts.

    .venv/bin/python benchmarks/bench_user_path.py [--sizes 1000,10000] [--ucdp PATH]

* ``geomap map CLAIMS.yaml -o out.html`` (a new process each time, as a user runs it) against the
  strongest simple baseline doing the same job from the same file: read the YAML with libyaml, one
  ``folium.CircleMarker`` per claim with a popup, ``Map.save`` (no gazetteer, no verdicts, no
  uncertainty areas: what a hand-written script would do).
* ``geomap classify UCDP.tsv --summary`` and ``geomap classify UCDP.tsv --sequence`` against reading
  the table with pandas and ``shapely.contains_xy`` on Syria's two prepared sides (the practical
  limit for point-in-polygon sides).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import row  # noqa: E402

GEOMAP = [sys.executable, "-c", "from geomap.cli import main; main()"]
DEFAULT_UCDP = Path(__file__).resolve().parents[2] / "shared" / "data" / "ucdp_ged_syria_2016_2019.tsv"


def write_claims(path: Path, n: int, *, seed: int = 1) -> Path:
    """A claims file of ``n`` claims in ``n / 2`` incidents, positions given as coordinates."""
    rnd = random.Random(seed)
    out = ["incidents:"]
    for i in range(n // 2):
        out.append(f"  - id: inc{i}\n    date: 2017-11-{i % 28 + 1:02d}\n    claims:")
        for j, party in enumerate(("US-led coalition", "Russian MoD")):
            lat, lon = rnd.uniform(34.5, 36.5), rnd.uniform(38.0, 41.0)
            out.append(f"      - {{id: c{i}-{j}, claimant: {party}, location: '{lat:.4f}N {lon:.4f}E',"
                       f" uncertainty_km: {rnd.choice([1, 5, 10])}}}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def timed(cmd) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


BASELINE_MAP = r"""
import sys, yaml, folium
doc = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
m = folium.Map(location=[35.5, 39.5], zoom_start=7, tiles=None)
for inc in doc["incidents"]:
    for c in inc["claims"]:
        lat, lon = [float(x[:-1]) for x in c["location"].split()]
        folium.CircleMarker([lat, lon], radius=5, popup=c["id"]).add_to(m)
m.save(sys.argv[2])
"""

BASELINE_SIDES = r"""
import sys, pandas as pd, shapely
from geomap.lines import get_line
df = pd.read_csv(sys.argv[1], sep="\t", usecols=["latitude", "longitude"])
left, right = get_line("euphrates").sides
shapely.prepare(left); shapely.prepare(right)
x, y = df["longitude"].to_numpy(float), df["latitude"].to_numpy(float)
side = shapely.contains_xy(left, x, y).astype(int) - shapely.contains_xy(right, x, y).astype(int)
print((side > 0).sum(), (side < 0).sum())
"""


def bench_map(sizes, tmp: Path) -> None:
    print("claims file -> offline page (new process each run, start-up included)")
    for n in sizes:
        src = write_claims(tmp / f"claims-{n}.yaml", n)
        ours = timed(GEOMAP + ["map", str(src), "-o", str(tmp / f"geomap-{n}.html")])
        base = timed([sys.executable, "-c", BASELINE_MAP, str(src), str(tmp / f"folium-{n}.html")])
        size = (tmp / f"geomap-{n}.html").stat().st_size / 1e6
        row(f"geomap map, {n:,} claims", f"{ours:.2f} s", f"{n / ours:,.0f} claims/s, page {size:.1f} MB")
        row(f"folium CircleMarker script, {n:,} claims", f"{base:.2f} s",
            f"geomap takes {ours / base:.2f}x the baseline's time (and adds areas, verdicts, links)")


def bench_classify(ucdp: Path) -> None:
    print("event table -> verdicts (new process each run, start-up included)")
    if not ucdp.exists():
        print(f"  (skipped: {ucdp} not found; pass --ucdp)")
        return
    start = timed(GEOMAP + ["--help"])
    summary = timed(GEOMAP + ["classify", str(ucdp), "--line", "euphrates", "--summary"])
    full = timed(GEOMAP + ["classify", str(ucdp), "--line", "euphrates", "--sequence"])
    base = timed([sys.executable, "-c", BASELINE_SIDES, str(ucdp)])
    row("geomap --help (start-up)", f"{start:.2f} s")
    row("geomap classify --summary (16,566 events)", f"{summary:.2f} s",
        f"{summary / base:.1f}x the contains_xy baseline (honest areas for imprecise events)")
    row("geomap classify --sequence (GeoJSON out)", f"{full:.2f} s", f"{full / base:.1f}x the baseline")
    row("pandas + prepared shapely.contains_xy (points only)", f"{base:.2f} s")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="claims per file, comma-separated")
    ap.add_argument("--ucdp", type=Path, default=DEFAULT_UCDP)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        bench_map([int(x) for x in args.sizes.split(",")], Path(d))
        print()
        bench_classify(args.ucdp)


if __name__ == "__main__":
    main()
