"""Claims at scale: one compact, columnar, binary payload drawn on a canvas in the page.

Above :data:`CLOUD_MIN` claims a map no longer makes one Leaflet layer per claim (a
million of them would take minutes to build and gigabytes to draw). The claims go into
the page as typed arrays, each compressed (deflate) and base64-encoded:

* positions quantised to 1e-5 degrees (about a metre) as ``Int32``;
* party, flags and days as small integers; disc radii as ``Float32``;
* every text column dictionary-encoded: ``Uint32`` codes into one string table (each distinct
  text of a column stored once);
* other uncertainty areas (provinces, banks of a river) as GeoJSON, each distinct area
  once, with an ``Int32`` index per claim;
* the pairs of competing claims as two ``Uint32`` columns and whether they can both be
  true.

The page (``static/cloud.js``) decodes them once, draws the claims on one canvas,
aggregated into a density grid when many are in view and one by one (with their
uncertainty discs and links) when zoomed in, and builds a popup only for the claim
clicked. Its strings are shown with ``textContent`` like every geomap popup.

Examples
--------
>>> import numpy as np
>>> blob = pack_columns({"x": np.array([1, 2], dtype="<i4"), "p": np.array([0, 1], dtype="u1")})
>>> [(c["name"], c["type"], c["count"]) for c in blob["layout"]]
[('x', 'Int32', 2), ('p', 'Uint8', 2)]
>>> unpack_columns(blob)["x"].tolist()
[1, 2]
"""

from __future__ import annotations

import base64
import zlib
from typing import Optional, Sequence

import numpy as np
from folium.template import Template

from .inert import InertLayer, inert_json

__all__ = ["CLOUD_MIN", "ClaimCloud", "CloudParty", "cloud_payload", "pack_columns", "unpack_columns"]

#: Maps with more claims than this are drawn as a cloud (below, each claim is a Leaflet layer).
CLOUD_MIN = 20_000

_JS_TYPES = {np.dtype("<i4"): "Int32", np.dtype("<u4"): "Uint32", np.dtype("u1"): "Uint8",
             np.dtype("<u2"): "Uint16", np.dtype("<f4"): "Float32"}
#: Text never holds this: it separates the strings of the table.
_SEP = "\x00"


def pack_columns(columns: dict, *, level: int = 1) -> dict:
    """Typed columns -> their layout (name, JS type, count) and one deflated, base64 blob per
    column (compressed over the machine's cores: :func:`geomap.threads.thread_map`)."""
    from ..threads import thread_map

    arrays = [np.ascontiguousarray(arr) for arr in columns.values()]
    layout = [{"name": name, "type": _JS_TYPES[arr.dtype], "count": int(arr.size)}
              for name, arr in zip(columns, arrays)]
    return {"layout": layout, "data": thread_map(lambda arr: _deflate64(arr, level), arrays)}


def _deflate64(data, level: int = 1) -> str:
    """Bytes (or an array's memory, not copied) deflated and base64-encoded."""
    z = zlib.compressobj(level)
    return base64.b64encode(z.compress(memoryview(data).cast("B")) + z.flush()).decode("ascii")


def unpack_columns(blob: dict) -> dict:
    """The inverse of :func:`pack_columns` (what the page does), for tests and notebooks."""
    types = {v: k for k, v in _JS_TYPES.items()}
    return {c["name"]: np.frombuffer(zlib.decompress(base64.b64decode(data)), dtype=types[c["type"]],
                                     count=c["count"])
            for c, data in zip(blob["layout"], blob["data"])}


def _codes(values, strings: list) -> np.ndarray:
    """Codes of ``values`` into the string table, which gains the column's distinct texts (each
    once per column); 2**32-1: none (missing or empty)."""
    import pandas as pd

    codes, uniques = pd.factorize(values if isinstance(values, pd.Series) else np.asarray(values, dtype=object),
                                  use_na_sentinel=True)
    texts = [str(u) for u in uniques.tolist()]
    none = np.iinfo(np.uint32).max
    remap = np.append(np.arange(len(strings), len(strings) + len(texts), dtype=np.int64), none)
    empty = np.flatnonzero(np.array([t == "" for t in texts], dtype=bool))
    remap[empty] = none
    strings.extend(texts)
    return remap.astype("<u4")[codes]


def _days(dates) -> np.ndarray:
    """ISO dates as days since 1970-01-01 (Int32; -2**31 where there is none), each distinct date
    parsed once."""
    import pandas as pd

    codes, distinct = pd.factorize(pd.Series(dates, dtype=object), use_na_sentinel=True)
    d = pd.to_datetime(pd.Series(distinct, dtype=object), format="%Y-%m-%d", errors="coerce")
    day = np.full(len(d) + 1, np.iinfo(np.int32).min, dtype="<i4")   # the last: no date
    ok = d.notna().to_numpy()
    day[:-1][ok] = (d[ok].to_numpy().astype("datetime64[D]").astype(np.int64)).astype("<i4")
    return day[codes]


def _iso_days_only(dates, days) -> bool:
    """Whether each date is either missing or exactly the ISO form of its day number."""
    import pandas as pd

    pairs = pd.DataFrame({"date": pd.Series(dates, dtype=object).to_numpy(), "day": days}).drop_duplicates()
    s, day = pairs["date"], pairs["day"].to_numpy()
    given = s.notna() & (s.astype(str) != "")
    back = pd.Series(day.astype("datetime64[D]").astype(str), dtype=object, index=s.index)
    ok = day != np.iinfo(np.int32).min
    return bool(((~given & ~ok) | (given & ok & (s.astype(str) == back))).all())


def cloud_payload(frame, *, xy, radius_m, has_point, colors: dict, text_columns: dict,
                  areas: Optional[Sequence] = None, pairs: Optional[tuple] = None,
                  number_keys: Sequence[str] = ()) -> dict:
    """The page's data for :class:`ClaimCloud`.

    Parameters
    ----------
    frame : GeoDataFrame
        The claims (``party`` and ``date`` are read from it).
    xy : (n, 2) array
        Marker positions (lon, lat).
    radius_m : array
        Disc radius per claim (0: none).
    has_point : bool array
        Whether a claim names a point (only those get a dot).
    colors : dict
        Party -> colour.
    text_columns : dict
        Popup key -> one value per claim (the first is the claim id).
    areas : sequence of (claim row, GeoJSON geometry), optional
        Areas other than discs; equal areas are stored once.
    pairs : (rows a, rows b, compatible), optional
        The links between competing claims.
    number_keys : sequence of str
        Keys of ``text_columns`` that hold numbers written as text (the page reads them back).
    """
    n = len(frame)
    import pandas as pd

    codes, uniques = pd.factorize(frame["party"].astype(str))   # in order of first appearance
    parties = [str(p) for p in uniques]
    party = codes.astype("<u2" if len(parties) < 2**16 else "<u4")
    q = np.round(np.asarray(xy, dtype=float) * 1e5).astype("<i4")
    strings: list = []
    cols = {"x": q[:, 0].copy(), "y": q[:, 1].copy(), "party": party,
            "r": np.asarray(radius_m, dtype="<f4"),
            "day": _days(frame["date"] if "date" in frame else [None] * n),
            "pt": np.asarray(has_point, dtype="u1")}
    # What the typed columns hold already is not stored again as text: the party, and the
    # date when every date is an ISO day (the page writes it back from the day number).
    keys = [k for k in text_columns if k != "party"]
    if "date" in keys and _iso_days_only(text_columns["date"], cols["day"]):
        keys.remove("date")
    for k in keys:
        cols["s:" + k] = _codes(text_columns[k], strings)
    shapes, area_of = _distinct_areas(areas or (), n)
    cols["area"] = area_of
    if pairs is not None and len(pairs[0]):
        cols["la"] = np.asarray(pairs[0], dtype="<u4")
        cols["lb"] = np.asarray(pairs[1], dtype="<u4")
        cols["lok"] = np.asarray(pairs[2], dtype="u1")
    joined = _SEP.join(strings)
    if joined.count(_SEP) != max(len(strings) - 1, 0):   # a text holding the separator itself
        joined = _SEP.join(s.replace(_SEP, "\ufffd") for s in strings)
    cols["strings"] = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype="u1")
    blob = pack_columns(cols)   # the string table is compressed alongside the columns
    layout, data = blob["layout"][:-1], blob["data"][:-1]
    return {"n": n, "parties": parties, "colors": [colors[p] for p in parties], "keys": keys,
            "numbers": [k for k in number_keys if k in keys],
            "columns": {"layout": layout, "data": data}, "strings": blob["data"][-1], "areas": shapes}


def _distinct_areas(areas: Sequence, n: int) -> tuple:
    """(each distinct area once, the index of each claim's area or -1).

    Equal areas arrive as one GeoJSON object (``claim_layers`` writes each distinct geometry
    once), so they are told apart by identity.
    """
    shapes, seen = [], {}
    area_of = np.full(n, -1, dtype="<i4")
    for row, geojson in areas:
        key = id(geojson)
        if key not in seen:
            seen[key] = len(shapes)
            shapes.append(geojson)
        area_of[row] = seen[key]
    return shapes, area_of


class ClaimCloud(InertLayer):
    """Every claim of a large map on one canvas (see the module's notes). Add one
    :class:`CloudParty` per party for the layer control."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <script>{{ this.js }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geomap.cloud({{ this.payload_json }}, {{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, payload: dict, *, name: str = "Claims"):
        from .assets import _script_safe
        from .elements import static_text

        super().__init__(name=name, overlay=True, control=False, show=True)
        self._name = "ClaimCloud"
        self.js = _script_safe(static_text("cloud.js"))
        self.payload_json = inert_json(payload)


class CloudParty(InertLayer):
    """One party's entry in the layer control: it shows or hides that party's claims in a cloud."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geomap.cloudParty({{ this.cloud.get_name() }}, {{ this.index }});
        {% endmacro %}
    """)

    def __init__(self, cloud: ClaimCloud, index: int, party: str):
        super().__init__(name=party, overlay=True, control=True, show=True)
        self._name = "CloudParty"
        self.cloud = cloud  # named when the page is rendered
        self.index = int(index)
