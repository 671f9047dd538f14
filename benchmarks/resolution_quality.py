"""How often is a resolved name the right place? Calibration on event names geomap has not seen.

    .venv/bin/python benchmarks/resolution_quality.py [--source ../shared/data] [--until 2017-12-31]

UCDP GED's Syrian events are split by time. A gazetteer is built from the
source folder with UCDP's place names and event counts **up to** ``--until``
only (the part thresholds may be tuned on); every precisely placed event
(``where_prec`` 1) after it is held out: its place name is resolved and the
answer compared with the coder's position (correct within 5 km).

Two ways, as users resolve names:

* ``alone``: the name and ``--country SY``, nothing else (``geomap resolve - --country SY``);
* ``admin``: the name with the table's admin columns (``adm_1``, ``adm_2``) as context: places
  inside them are preferred (coders' units are not always OCHA's, so they are no hard limit).

The table gives, per status and match type, the number of distinct names,
their share and the share within 5 km. ``resolved`` must be at least 97 %
correct; what is less sure must say so (``ambiguous``, with rivals).
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data"


def held_out_names(source: Path, until: str, *, part: str = "report") -> list:
    """(name, lon, lat, adm_1, adm_2, seen_before) per distinct place name of one part.

    ``report``: events after ``until``; ``tune``: events up to it (resolve these
    with a gazetteer built without UCDP, ``include_ucdp=False``).
    """
    path = source / "ucdp_ged_syria_2016_2019.tsv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    before = {r["where_coordinates"].strip() for r in rows if r["date_start"] <= until}
    if part == "tune":
        before = set()
    at = defaultdict(Counter)
    admin = {}
    for r in rows:
        if (r["date_start"] <= until) == (part == "report") or r["where_prec"] != "1":
            continue
        name = r["where_coordinates"].strip()
        at[name][(float(r["longitude"]), float(r["latitude"]))] += 1
        admin[name] = (r["adm_1"], r["adm_2"])
    out = []
    for name in sorted(at):
        (lon, lat), _ = at[name].most_common(1)[0]
        out.append((name, lon, lat, *admin[name], name in before))
    return out


def evaluate(gaz, names: list, mode: str) -> list:
    """(status, match, correct, seen_before) per name."""
    from geomap.context import make_context
    from geomap.errors import ContextError
    from geomap.geodesy import haversine_km

    out = []
    for name, lon, lat, adm1, adm2, seen in names:
        if mode == "admin":
            regions = []
            for unit in (adm1, adm2):
                try:
                    regions.append(make_context(gaz, region=unit).anchors)
                except ContextError:
                    pass  # a unit geomap does not know is no context
            ctx = make_context(gaz, country="SY", anchors=[a for r in regions for a in r])
            res = gaz.resolve(name, context=ctx)
        else:
            res = gaz.resolve(name, country="SY")
        ok = res.place is not None and float(haversine_km(lon, lat, *res.place.point)) <= 5.0
        out.append((res.status, res.match if res.place else "-", ok, seen))
    return out


def table(results: list, title: str) -> str:
    n = len(results)
    lines = [f"{title}: {n} distinct names",
             f"  {'status':<10} {'match':<9} {'names':>6} {'share':>7} {'within 5 km':>12}"]
    groups = defaultdict(list)
    for status, match, ok, _ in results:
        groups[(status, match)].append(ok)
    order = {"resolved": 0, "ambiguous": 1, "not_found": 2}
    for (status, match), oks in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])):
        lines.append(f"  {status:<10} {match:<9} {len(oks):>6} {len(oks) / n:>7.1%} "
                     f"{sum(oks) / len(oks):>12.1%}")
    for status in ("resolved", "ambiguous"):
        oks = [ok for s, _, ok, _ in results if s == status]
        if oks:
            lines.append(f"  {status:<10} {'all':<9} {len(oks):>6} {len(oks) / n:>7.1%} "
                         f"{sum(oks) / len(oks):>12.1%}")
    top = sum(ok for *_, ok, _ in [(s, m, ok, x) for s, m, ok, x in results])
    lines.append(f"  {'any':<10} {'top answer':<9} {n:>6} {1:>7.0%} {top / n:>12.1%}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                    help="the source data folder (../shared/data)")
    ap.add_argument("--until", default="2017-12-31", help="last date of the tuning part")
    ap.add_argument("--part", choices=["report", "tune"], default="report",
                    help="report: names after --until (the held-out part); tune: names up to it, "
                         "against a gazetteer without UCDP")
    args = ap.parse_args(argv)
    if not (args.source / "ucdp_ged_syria_2016_2019.tsv").exists():
        print(f"{args.source}: no UCDP GED table here; pass --source with the source data folder",
              file=sys.stderr)
        return 2
    from geomap.build import build_gazetteer
    from geomap.gazetteer import Gazetteer

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "gazetteer"
        out.mkdir()
        shutil.copy(ROOT / "data" / "gazetteer" / "curated.yaml", out / "curated.yaml")
        t = time.perf_counter()
        if args.part == "tune":
            build_gazetteer(args.source, out, include_ucdp=False)
            print(f"gazetteer without UCDP: built in {time.perf_counter() - t:.1f} s")
        else:
            build_gazetteer(args.source, out, ucdp_until=args.until)
            print(f"gazetteer without UCDP events after {args.until}: built in "
                  f"{time.perf_counter() - t:.1f} s")
        gaz = Gazetteer.load(out)
        names = held_out_names(args.source, args.until, part=args.part)
        for mode in ("alone", "admin"):
            t = time.perf_counter()
            res = evaluate(gaz, names, mode)
            took = time.perf_counter() - t
            print()
            what = f"held out (events after {args.until})" if args.part == "report" else \
                f"tuning part (events up to {args.until}, gazetteer without UCDP)"
            print(table(res, f"{what}, {mode}"))
            new = [r for r in res if not r[3]]
            if args.part == "report":
                print(table(new, f"  of which names not in UCDP before ({mode})"))
            print(f"  ({took:.1f} s, {len(names) / took:,.0f} names/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
