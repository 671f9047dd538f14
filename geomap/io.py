"""Reading and writing files: atomic writes, GeoJSON in and out."""

from __future__ import annotations

import json
import os
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

    The data go to a temporary file in the same folder, which then replaces
    ``path`` in one rename; on any error the old file is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


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
        obj = json.loads(stripped)
    except json.JSONDecodeError:
        obj = None
    if obj is not None:
        return _features_of(obj, source, 1)
    feats = []
    for lineno, chunk in _records(text):
        try:
            obj = json.loads(chunk)
        except json.JSONDecodeError as err:
            raise InputError(f"not valid JSON ({err.msg}, column {err.colno})", source=source,
                             line=lineno, hint="give a FeatureCollection or one feature per line") from err
        feats.extend(_features_of(obj, source, lineno))
    return feats


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


def _features_of(obj, source: str, line: int) -> list:
    if not isinstance(obj, dict) or "type" not in obj:
        raise InputError("not a GeoJSON object (no 'type')", source=source, line=line)
    if obj["type"] == "FeatureCollection":
        feats = obj.get("features")
        if not isinstance(feats, list):
            raise InputError("FeatureCollection without a 'features' list", source=source, line=line)
        for f in feats:
            _check_feature(f, source, line)
        return feats
    if obj["type"] == "Feature":
        _check_feature(obj, source, line)
        return [obj]
    raise InputError(f"GeoJSON type {obj['type']!r} is not a Feature or FeatureCollection",
                     source=source, line=line)


def _check_feature(f, source, line):
    if not isinstance(f, dict) or f.get("type") != "Feature":
        raise InputError("a member of 'features' is not a Feature", source=source, line=line)
    if f.get("properties") is None:
        f["properties"] = {}


def dump_features(features: Iterable[dict], *, sequence: bool = False, indent=None,
                  precision: int = -1) -> str:
    """Serialize features as a FeatureCollection or a newline-delimited sequence."""
    feats = list(features)
    if precision >= 0:
        feats = [_round_feature(f, precision) for f in feats]
    if sequence:
        return "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in feats)
    fc = {"type": "FeatureCollection", "features": feats}
    return json.dumps(fc, ensure_ascii=False, indent=indent) + "\n"


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
