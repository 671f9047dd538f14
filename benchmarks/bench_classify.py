"""Event tables -> verdicts: the UCDP GED Syria table and a synthetic table of 1M rows, on one
machine and on dask (1 and 2 workers), against pandas + prepared ``shapely.contains_xy`` on
the same points (the practical limit for point-in-polygon sides), in the same run.

    .venv/bin/python benchmarks/bench_classify.py [--rows 1000000] [--ucdp PATH]

Work times exclude start-up (measured in this process after imports and a warm-up);
the CLI rows are a new process each, start-up included, with the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import row  # noqa: E402

DEFAULT_UCDP = Path(__file__).resolve().parents[2] / "shared" / "data" / "ucdp_ged_syria_2016_2019.tsv"
GEOMAP = [sys.executable, "-c", "from geomap.cli import main; main()"]


def synthetic_events(n: int, seed: int = 7) -> pd.DataFrame:
    """UCDP-like rows: positions around Syria, UCDP's precision codes in their real proportions."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "id": np.arange(n), "latitude": rng.uniform(32.5, 37.2, n), "longitude": rng.uniform(35.8, 42.2, n),
        "where_prec": rng.choice([1, 2, 3, 4, 5, 6], n, p=[0.71, 0.13, 0.09, 0.05, 0.01, 0.01]),
        "date_start": (np.datetime64("2016-01-01") + rng.integers(0, 1400, n)).astype(str),
        "adm_1": "", "where_coordinates": "",
    })


def contains_xy_baseline(lon, lat) -> float:
    import shapely

    from geomap.lines import get_line

    left, right = get_line("euphrates").sides
    shapely.prepare(left)
    shapely.prepare(right)
    t = time.perf_counter()
    side = shapely.contains_xy(left, lon, lat).astype(np.int8) - shapely.contains_xy(right, lon, lat).astype(np.int8)
    assert len(side) == len(lon)
    return time.perf_counter() - t


def measured(cmd) -> tuple:
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t
    if status:
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n{proc.stderr.read().decode()[-2000:]}")
    return secs, usage.ru_maxrss / 1024


def bench_ucdp(path: Path) -> None:
    from geomap.events import read_events
    from geomap.verdicts import verdict_table

    print(f"UCDP GED Syria ({path.name})")
    if not path.exists():
        print("  (skipped: not found; pass --ucdp)")
        return
    verdict_table(read_events(path).head(50))  # warm-up: line indexes, grids, gazetteer
    t = time.perf_counter()
    ev = read_events(path)
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    verdict_table(ev)
    t_judge = time.perf_counter() - t
    df = pd.read_csv(path, sep="\t", usecols=["latitude", "longitude"])
    base = contains_xy_baseline(df["longitude"].to_numpy(float), df["latitude"].to_numpy(float))
    row(f"read {len(ev):,} events (areas by precision)", f"{t_read:.2f} s")
    row("verdicts, both built-in lines", f"{t_judge:.2f} s", f"{len(ev) / t_judge:,.0f} events/s")
    row("work in all (start-up excluded)", f"{t_read + t_judge:.2f} s", "target <= 1 s")
    row("contains_xy on the points (one line, no areas)", f"{base * 1000:.1f} ms")
    secs, mem = measured(GEOMAP + ["classify", str(path), "--summary"])
    row("geomap classify --summary (new process)", f"{secs:.2f} s", f"peak {mem:,.0f} MB")


def bench_rows(n: int, tmp: Path) -> None:
    print(f"synthetic event table, {n:,} rows (Parquet)")
    df = synthetic_events(n)
    src = tmp / "events.parquet"
    df.to_parquet(src)
    base = contains_xy_baseline(df["longitude"].to_numpy(float), df["latitude"].to_numpy(float))
    row("contains_xy on the points (one line, no areas)", f"{base:.2f} s", f"{n / base / 1e6:.1f} M points/s")
    secs, mem = measured(GEOMAP + ["classify", str(src), "--line", "euphrates", "-o", str(tmp / "v.parquet")])
    row("geomap classify -o v.parquet (one machine)", f"{secs:.2f} s", f"peak {mem:,.0f} MB")
    for workers in (1, 2):
        parts = max(4, n // 100_000)
        secs_d, mem_d = measured(GEOMAP + ["classify", str(src), "--line", "euphrates", "--engine", "dask",
                                           "--workers", str(workers), "--partitions", str(parts),
                                           "-o", str(tmp / f"v-dask-{workers}")])
        row(f"--engine dask, {workers} worker(s), {parts} partitions", f"{secs_d:.2f} s",
            f"{secs / secs_d:.2f}x the one-machine speed; client peak {mem_d:,.0f} MB")
    import geopandas as gpd

    one = gpd.read_parquet(tmp / "v.parquet")
    two = gpd.read_parquet(tmp / "v-dask-2").reset_index(drop=True)
    same = all(one[c].equals(two[c]) for c in one.columns if c.startswith("euphrates_"))
    row("dask verdicts equal the one-machine verdicts", "yes" if same else "NO")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--ucdp", type=Path, default=DEFAULT_UCDP)
    args = ap.parse_args(argv)
    bench_ucdp(args.ucdp)
    print()
    with tempfile.TemporaryDirectory() as d:
        bench_rows(args.rows, Path(d))


if __name__ == "__main__":
    main()
