"""Reading and writing files: atomic writes, GeoJSON in and out."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, Union

from .errors import InputError

__all__ = ["atomic_write", "read_features", "dump_features", "read_lines", "parse_date"]


def parse_date(value):
    """A ``datetime.date`` from a date, a datetime or 'YYYY-MM-DD...' text; None for empty.

    Raises ``ValueError`` for anything else (callers say where it came from).
    """
    import datetime as dt

    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip()[:10])


def atomic_write(path: Union[str, os.PathLike], data: Union[str, bytes]) -> Path:
    """Write ``data`` to ``path`` so a reader never sees a half-written file.

    The data go to a temporary file in the same folder, are flushed to disk
    (fsync), and then replace ``path`` in one rename; on any error the old file
    is untouched and the temporary file removed. On Linux the temporary file
    has no name until it is complete (``O_TMPFILE``), so even a killed process
    leaves nothing behind.
    """
    path = Path(path)
    if isinstance(data, str):
        # A lone surrogate from a broken input cannot be encoded: write U+FFFD rather than fail half-way.
        data = data.encode("utf-8", errors="replace")
    with _named_as(path):
        _make_folder(path.parent)
        _remove_stale_temporaries(path)
        if _write_unnamed(path, data):
            return path
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            _unlink_quietly(tmp)
            raise
    return path


@contextlib.contextmanager
def _named_as(path: Path):
    """An operating-system error while writing ``path`` names ``path`` (the output asked for),
    never the temporary file it was going through."""
    try:
        yield
    except OSError as err:
        raise InputError(f"cannot write it ({err.strerror or err})", source=str(path),
                         hint="choose an output in a folder you can write to") from err


def _make_folder(folder: Path) -> None:
    """Create the folder an output goes in, or say plainly why it cannot be."""
    for part in (folder, *folder.parents):
        if part.exists() and not part.is_dir():
            raise InputError("is a file, not a folder: the output cannot go inside it", source=str(part),
                             hint="choose an output path in a folder")
    folder.mkdir(parents=True, exist_ok=True)


def _unlink_quietly(path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _write_unnamed(path: Path, data: bytes) -> bool:
    """Write through an unnamed O_TMPFILE file, linked and renamed into place; False where unsupported."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return False
    try:
        fd = os.open(path.parent, flag | os.O_WRONLY, 0o644)
    except OSError:
        return False  # a file system without O_TMPFILE
    tmp = path.parent / f".{path.name}.{os.getpid()}.{id(data):x}.tmp"
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            try:
                os.link(f"/proc/self/fd/{fh.fileno()}", tmp)
            except OSError:  # no /proc, or a file system that will not link it: use a named file
                return False
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return True


#: A temporary file older than this (seconds) was left by a run that was killed.
STALE_SECONDS = 600


def _orphaned(tmp: Path, name: str) -> bool:
    """True when ``tmp`` (".NAME.PID.xxx.tmp" or ".part") was left by a process that is gone, or is old."""
    import time

    rest = tmp.name[len(name) + 2:]
    pid = rest.split(".", 1)[0]
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except OSError:
            pass
    try:
        return time.time() - tmp.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def _remove_stale_temporaries(path: Path) -> None:
    for old in path.parent.glob(f".{path.name}.*.tmp"):
        if _orphaned(old, path.name):
            try:
                old.unlink()
            except OSError:
                pass


def atomic_folder(path: Union[str, os.PathLike]):
    """A context manager: write a folder's files into a temporary sibling, then swap it in whole.

    A reader (or a run killed half-way) sees the old folder or the new one,
    never a mix. Yields the temporary folder to write into.
    """
    import shutil

    @contextlib.contextmanager
    def swap():
        final = Path(path)
        with _named_as(final):
            _make_folder(final.parent)
            for old in final.parent.glob(f".{final.name}.*.part"):  # left by a killed run
                if _orphaned(old, final.name):
                    shutil.rmtree(old, ignore_errors=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.{os.getpid()}.", suffix=".part", dir=final.parent))
        try:
            yield tmp
            with _named_as(final):
                os.chmod(tmp, 0o755)
                if final.exists():
                    retired = Path(tempfile.mkdtemp(prefix=f".{final.name}.{os.getpid()}.", suffix=".part",
                                                    dir=final.parent))
                    os.replace(final, retired / final.name)
                    os.replace(tmp, final)
                    shutil.rmtree(retired, ignore_errors=True)
                else:
                    os.replace(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    return swap()


def read_lines(text: str) -> list:
    """Non-empty, stripped lines; ``#`` starts a comment line."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_features(text: str, *, source: str = "<stdin>") -> list:
    """GeoJSON features from a FeatureCollection, a Feature, or a sequence.

    A sequence is newline-delimited or RS-delimited (RFC 8142) features, as
    ``fio cat`` and ``geomap resolve --sequence`` write them.

    Raises
    ------
    InputError
        Naming the source and line of the first malformed record.
    """
    stripped = text.strip().lstrip("\x1e")
    if not stripped:
        raise InputError("no input: expected GeoJSON features", source=source)
    try:
        obj = _loads(stripped, source, 1)
    except json.JSONDecodeError:
        obj = None
    if obj is not None:
        return _features_of(obj, source, 1)
    feats = []
    for lineno, chunk in _records(text):
        try:
            obj = _loads(chunk, source, lineno)
        except (json.JSONDecodeError, RecursionError) as err:
            msg = f"{err.msg}, column {err.colno}" if isinstance(err, json.JSONDecodeError) else "nested too deeply"
            raise InputError(f"not valid JSON ({msg})", source=source,
                             line=lineno, hint="give a FeatureCollection or one feature per line") from err
        feats.extend(_features_of(obj, source, lineno, first=len(feats)))
    return feats


_SURROGATE = re.compile("[\ud800-\udfff]")


def loads_json(text: str, **kwargs):
    """``json.loads`` with lone surrogates (a "\\ud800" escape with no pair) read as U+FFFD, the
    replacement character: a broken input's text stays text that every output can hold."""
    data = json.loads(text, **kwargs)
    if "\\ud" in text or "\\uD" in text:
        data = _without_surrogates(data)
    return data


def _without_surrogates(value):
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _loads(text: str, source: str, line: int):
    def no_constant(name):
        raise InputError(f"{name} is not a number JSON allows", source=source, line=line,
                         hint="write null for a missing value")

    try:
        return loads_json(text, parse_constant=no_constant)
    except RecursionError as err:
        raise InputError("not valid JSON (nested too deeply)", source=source, line=line) from err


def _records(text: str) -> Iterator:
    if "\x1e" in text:
        line = 1
        for chunk in text.split("\x1e"):
            if chunk.strip():
                yield line, chunk
            line += chunk.count("\n")
        return
    for i, ln in enumerate(text.splitlines(), 1):
        if ln.strip():
            yield i, ln


def _features_of(obj, source: str, line: int, *, first: int = 0) -> list:
    if not isinstance(obj, dict) or "type" not in obj:
        raise InputError("not a GeoJSON object (no 'type')", source=source, line=line)
    if obj["type"] == "FeatureCollection":
        feats = obj.get("features")
        if not isinstance(feats, list):
            raise InputError("FeatureCollection without a 'features' list", source=source, line=line)
        for i, f in enumerate(feats):
            _check_feature(f, source, line, first + i + 1)
        return feats
    if obj["type"] == "Feature":
        _check_feature(obj, source, line, first + 1)
        return [obj]
    raise InputError(f"GeoJSON type {obj['type']!r} is not a Feature or FeatureCollection",
                     source=source, line=line)


def _check_feature(f, source, line, number: int = 1):
    where = f"feature {number}"
    if not isinstance(f, dict) or f.get("type") != "Feature":
        raise InputError(f"{where} is not a GeoJSON Feature", source=source, line=line)
    if f.get("properties") is None:
        f["properties"] = {}
    if not isinstance(f["properties"], dict):
        raise InputError(f"{where}: 'properties' is a {type(f['properties']).__name__}, not an object",
                         source=source, line=line, field="properties", hint='write {"name": "value", ...} or null')
    g = f.get("geometry")
    if g is not None:
        f["geometry"] = check_geometry(g, source=source, line=line, where=where)


#: Coordinates beyond these are not longitude and latitude.
_LON, _LAT = 180.0, 90.0


def check_geometry(g, *, source: str, line=None, where: str = "geometry"):
    """A GeoJSON geometry that shapely can read, with finite lon/lat coordinates (WGS84), or InputError.

    An empty geometry (``"coordinates": []`` or null) comes back as None: the feature has no position.
    """
    import numpy as np
    import shapely
    from shapely.geometry import shape

    if not isinstance(g, dict) or not isinstance(g.get("type"), str):
        raise InputError(f"{where}: the geometry is not a GeoJSON geometry object", source=source, line=line,
                         field="geometry")
    try:
        geom = shape(g)
        xy = np.asarray(shapely.get_coordinates(geom), dtype=float)
    except Exception as err:  # shapely raises many kinds for malformed coordinates
        raise InputError(f"{where}: unreadable {g.get('type')} geometry ({type(err).__name__}: {err})",
                         source=source, line=line, field="geometry",
                         hint="GeoJSON coordinates are [longitude, latitude] arrays") from err
    if xy.size == 0 or geom.is_empty:
        return None
    if not np.isfinite(xy).all():
        raise InputError(f"{where}: coordinates must be finite numbers", source=source, line=line,
                         field="geometry")
    if (np.abs(xy[:, 0]) > _LON).any() or (np.abs(xy[:, 1]) > _LAT).any():
        projected = (np.abs(xy) > 1000).any()
        hint = ("these look like projected metres (EPSG:3857?); GeoJSON is longitude/latitude in WGS84: "
                "reproject, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson") if projected else \
            "GeoJSON coordinates are [longitude, latitude], within ±180 and ±90"
        raise InputError(f"{where}: coordinates out of range", source=source, line=line,
                         field="geometry", hint=hint)
    return g


def dump_features(features: Iterable[dict], *, sequence: bool = False, indent=None,
                  precision: int = -1, use_rs: bool = False) -> str:
    """Serialize features as a FeatureCollection or a newline-delimited sequence.

    ``use_rs`` prefixes each record of a sequence with the RS character (RFC 8142), as ``fio cat --rs``.
    """
    feats = list(features)
    if precision >= 0:
        feats = [_round_feature(f, precision) for f in feats]
    if sequence:
        rs = "\x1e" if use_rs else ""
        done: dict = {}  # the same feature object (a repeated name) is serialised once

        def text(f) -> str:
            if id(f) not in done:
                done[id(f)] = rs + _dumps(f) + "\n"
            return done[id(f)]
        return "".join(text(f) for f in feats)
    fc = {"type": "FeatureCollection", "features": feats}
    return _dumps(fc, indent=indent) + "\n"


def _dumps(obj, indent=None) -> str:
    # Valid JSON whatever the text holds: non-finite numbers are null (see _finite), and a lone
    # surrogate (from a broken input file) is written as an escape, not as an unencodable character.
    try:
        text = json.dumps(obj, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:  # a NaN or an infinity somewhere: rare, so only then walk the object
        obj = _finite(obj)
        text = json.dumps(obj, ensure_ascii=False, indent=indent, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(obj, ensure_ascii=True, indent=indent, allow_nan=False)
    return text


def _finite(obj):
    """``obj`` with NaN and infinities replaced by None (JSON has no such numbers)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj


def _round_feature(f: dict, nd: int) -> dict:
    g = f.get("geometry")
    if not g:
        return f

    def rnd(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(v, nd) for v in c]
        return [rnd(x) for x in c] if isinstance(c, (list, tuple)) else c

    g2 = dict(g)
    if "coordinates" in g2:
        g2["coordinates"] = rnd(g2["coordinates"])
    out = dict(f)
    out["geometry"] = g2
    return out
