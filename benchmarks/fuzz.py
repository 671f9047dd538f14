"""A longer fuzz run than CI's: ``python benchmarks/fuzz.py [--examples 2000]``.

Runs ``tests/test_fuzz.py`` (claims YAML and CSV, event tables, GeoJSON through ``classify`` and
``map``, names, coordinate strings, the CLI on arbitrary text) with a larger hypothesis budget and a
random seed, then prints the cases tried and the failures found (each with hypothesis's minimal
failing example in the log).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=2000, help="examples per fuzz test (CI runs 40)")
    ap.add_argument("--log", type=Path, default=Path("fuzz.log"), help="where pytest's output goes")
    args = ap.parse_args(argv)
    env = dict(os.environ, GEOMAP_FUZZ_EXAMPLES=str(args.examples))
    t0 = time.perf_counter()
    with open(args.log, "w", encoding="utf-8") as log:
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               str(ROOT / "tests" / "test_fuzz.py")], cwd=ROOT, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    text = args.log.read_text(encoding="utf-8")
    passed = int(m.group(1)) if (m := re.search(r"(\d+) passed", text)) else 0
    failed = int(m.group(1)) if (m := re.search(r"(\d+) failed", text)) else 0
    tests = passed + failed
    print(f"fuzz: {tests} generators x up to {args.examples} examples = up to {tests * args.examples:,} cases "
          f"in {time.perf_counter() - t0:.0f} s")
    print(f"fuzz: {failed} generator(s) found a failure" + (f" (see {args.log})" if failed else ""))
    for line in re.findall(r"^FAILED .*$", text, flags=re.M):
        print("  " + line)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
