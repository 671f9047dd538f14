"""Outputs are never half-written: a run killed at any moment leaves the previous output intact."""

from __future__ import annotations

import pathlib
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow

GEOMAP = [sys.executable, "-c", "from geomap.cli import main; main()"]


def _claims(path: pathlib.Path, n: int) -> pathlib.Path:
    lines = ["incidents:"]
    for i in range(n // 2):
        lines.append(f"  - id: inc{i}\n    date: 2017-11-23\n    claims:")
        for j, party in enumerate("AB"):
            lat, lon = 34.6 + (i * 7 % 200) / 100, 38.2 + (i * 13 % 280) / 100 + j / 50
            lines.append(f"      - {{id: c{i}-{j}, claimant: {party}, location: '{lat:.3f}N {lon:.3f}E'}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _strays(folder: pathlib.Path) -> list:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("command,n_claims", [("map", 600), ("publish", 6)])
def test_kills_leave_the_previous_output_intact(tmp_path, command, n_claims):
    src = _claims(tmp_path / "claims.yaml", n_claims)
    out = tmp_path / ("out.html" if command == "map" else "site")
    run = GEOMAP + [command, str(src), "-o", str(out)]
    t0 = time.monotonic()
    subprocess.run(run, check=True, capture_output=True)
    took = time.monotonic() - t0

    def snapshot():
        files = [out] if out.is_file() else sorted(p for p in out.rglob("*") if p.is_file())
        return {str(p.relative_to(tmp_path)): p.read_bytes() for p in files}

    before = snapshot()
    for k, sig in enumerate([signal.SIGTERM, signal.SIGKILL] * 3):
        proc = subprocess.Popen(run, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(took * (0.2 + 0.13 * k))  # from start-up to the writing of the output
        proc.send_signal(sig)
        proc.wait()
        assert snapshot() == before, f"kill {k} ({sig.name}) changed the output"
        if sig == signal.SIGTERM:
            assert _strays(tmp_path) == [], f"SIGTERM left {_strays(tmp_path)}"
    # What a SIGKILL can leave (a named temporary where the file system has no O_TMPFILE links) is
    # removed by the next run, whose output is the same.
    subprocess.run(run, check=True, capture_output=True)
    assert snapshot() == before
    assert _strays(tmp_path) == []


def test_unwritable_output_is_a_clean_error(tmp_path):
    # A path under a regular file cannot be written by anyone, root included.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    src = _claims(tmp_path / "c.yaml", 2)
    for command in ("map", "publish"):
        target = blocker / ("o.html" if command == "map" else "site")
        res = subprocess.run(GEOMAP + [command, str(src), "-o", str(target)], capture_output=True, text=True)
        assert res.returncode == 1, res.stderr
        assert "Traceback" not in res.stderr and ".tmp" not in res.stderr and ".part" not in res.stderr
        assert str(blocker) in res.stderr
    assert blocker.read_text(encoding="utf-8") == "x" and _strays(tmp_path) == []


@pytest.mark.skipif(not pathlib.Path("/proc/self").is_dir(), reason="needs a read-only pseudo file system")
def test_an_output_the_system_refuses_is_named_not_its_temporary(tmp_path):
    # /proc takes no new files, root included: the error names the output asked for.
    src = _claims(tmp_path / "c.yaml", 2)
    for command, target in (("map", "/proc/geomap-test.html"), ("publish", "/proc/geomap-site"),
                            ("classify", "/proc/geomap-v.parquet")):
        res = subprocess.run(GEOMAP + [command, str(src), "-o", target], capture_output=True, text=True)
        assert res.returncode == 1 and f"Error: {target}: cannot write it" in res.stderr, res.stderr
        assert ".tmp" not in res.stderr and ".part" not in res.stderr and "Traceback" not in res.stderr
