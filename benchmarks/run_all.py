"""Run every benchmark in turn: ``python benchmarks/run_all.py``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_classify  # noqa: E402
import bench_extract  # noqa: E402
import bench_render  # noqa: E402
import bench_resolve  # noqa: E402
import bench_sides  # noqa: E402
import bench_user_path  # noqa: E402

if __name__ == "__main__":
    bench_resolve.main([])
    print()
    bench_extract.main([])
    print()
    bench_sides.main([])
    print()
    bench_render.main([])
    print()
    bench_user_path.main([])
    print()
    bench_classify.main([])
