"""Claims at scale: one compact, columnar, binary payload drawn on a canvas in the page.

Above :data:`CLOUD_MIN` claims a map no longer makes one Leaflet layer per claim (a
million of them would take minutes to build and gigabytes to draw). The claims go into
the page as typed arrays, each compressed (deflate) and base64-encoded:

* positions quantised to 1e-5 degrees (about a metre) as ``Int32``;
* party, flags and days as small integers; disc radii as ``Float32``;
* every text column dictionary-encoded: ``Uint32`` codes into one string table (each distinct
  text of a column stored once), the table as its UTF-8 bytes and each text's length in
  bytes (``Uint32``; lengths compress better than Arrow's offsets, which the page sums up
  once), so the page decodes a text only when a popup shows it;
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

__all__ = ["CLOUD_MIN", "ClaimCloud", "CloudParty", "cloud_payload", "cloud_strings", "pack_columns",
           "unpack_columns"]

#: Maps with more claims than this are drawn as a cloud (below, each claim is a Leaflet layer).
CLOUD_MIN = 20_000

_JS_TYPES = {np.dtype("<i4"): "Int32", np.dtype("<u4"): "Uint32", np.dtype("u1"): "Uint8",
             np.dtype("<u2"): "Uint16", np.dtype("<f4"): "Float32"}


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


def _dictionary(values, *, distinct: bool = False) -> tuple:
    """(codes, the column's distinct texts as an Arrow binary array) of a text column; code -1:
    none (missing or empty).

    Arrow-backed columns (GeoParquet's strings) are encoded by Arrow, categoricals (verdict
    sentences) keep their codes, other columns are factorised: no text is copied into Python
    that was not there already. ``distinct``: the values are known to differ (claim ids), so
    they are stored as they are, in order (encoding them would only cost time)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(values, pd.Series):
        values = values.array
    arrow = isinstance(values, pd.arrays.ArrowStringArray)
    if distinct and arrow:
        arr = _one_array(values)
        codes = np.where(arr.is_null().to_numpy(zero_copy_only=False), -1, np.arange(len(arr)))
        return _without_empty(codes, pc.fill_null(arr.cast(pa.large_binary()), b""))
    if isinstance(values, pd.Categorical):
        codes, distinct = np.asarray(values.codes, dtype=np.int64), _binary(values.categories.tolist())
    elif arrow:
        enc = pc.dictionary_encode(_one_array(values))
        codes = pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        distinct = enc.dictionary.cast(pa.large_binary())
    else:
        codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
        distinct = _binary(uniques.tolist())
    return _without_empty(codes, distinct)


def _one_array(values):
    """An Arrow-backed column as one Arrow array (its own buffers, joined if it has chunks)."""
    import pyarrow as pa

    arr = pa.array(values)
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _without_empty(codes: np.ndarray, texts) -> tuple:
    """(codes, texts) with the codes of empty texts made -1 (none)."""
    import pyarrow.compute as pc

    empty = np.flatnonzero(pc.equal(pc.binary_length(texts), 0).to_numpy(zero_copy_only=False))
    if len(empty):
        remap = np.arange(len(texts) + 1) - 1   # shifted by one: remap[0] is the code -1
        remap[empty + 1] = -1
        codes = remap[codes + 1]
    return codes, texts


def _binary(texts: list):
    """Texts as an Arrow binary array of their UTF-8 (lone surrogates passed through, as the page
    shows them: replaced)."""
    import pyarrow as pa

    return pa.array([str(t).encode("utf-8", "surrogatepass") for t in texts], type=pa.large_binary())


def _string_table(columns: list, *, distinct_first: bool = False) -> tuple:
    """(one code column per text column into one string table, the table's UTF-8 bytes, each
    text's length in bytes): the texts of each column stored once, read by the page one at a time.
    ``distinct_first``: the first column's values all differ (claim ids)."""
    import pyarrow as pa

    none = np.iinfo(np.uint32).max
    out, dictionaries, start = [], [], 0
    for k, values in enumerate(columns):
        codes, distinct = _dictionary(values, distinct=distinct_first and k == 0)
        out.append(np.where(codes < 0, none, codes + start).astype("<u4"))
        dictionaries.append(distinct)
        start += len(distinct)
    table = pa.concat_arrays(dictionaries) if dictionaries else pa.array([], type=pa.large_binary())
    bounds = np.frombuffer(table.buffers()[1], dtype="<i8")[table.offset:table.offset + len(table) + 1]
    if len(bounds) and bounds[-1] - bounds[0] >= none:
        raise ValueError("the claims' texts exceed 4 GB, more than one page can hold")
    data = table.buffers()[2]
    text = np.frombuffer(data, dtype="u1")[bounds[0]:bounds[-1]] if data is not None and len(bounds) else \
        np.zeros(0, dtype="u1")
    return out, text, np.diff(bounds).astype("<u4")


def cloud_strings(payload: dict) -> list:
    """The string table of a :func:`cloud_payload` (what the page reads), for tests and notebooks."""
    cols = unpack_columns(payload["columns"])
    text = cols["strings"].tobytes()
    off = np.concatenate([[0], np.cumsum(cols["slen"], dtype=np.int64)])
    return [text[a:b].decode("utf-8", "replace") for a, b in zip(off[:-1].tolist(), off[1:].tolist())]


def _days(dates) -> tuple:
    """(ISO dates as days since 1970-01-01: Int32, -2**31 where there is none; whether every date
    is either missing or exactly the ISO form of its day), each distinct date read once."""
    import pandas as pd

    cat = pd.Categorical(dates if isinstance(dates, pd.Series) else pd.Series(dates, dtype=object))
    distinct = pd.Series(cat.categories.tolist(), dtype=object)
    d = pd.to_datetime(distinct, format="%Y-%m-%d", errors="coerce")
    day = np.full(len(d) + 1, np.iinfo(np.int32).min, dtype="<i4")   # the last: no date
    ok = d.notna().to_numpy()
    day[:-1][ok] = (d[ok].to_numpy().astype("datetime64[D]").astype(np.int64)).astype("<i4")
    text = distinct.astype(str)
    given = (text != "").to_numpy()
    back = pd.Series(day[:-1].astype("datetime64[D]").astype(str), dtype=object)
    iso = bool(((~given & ~ok) | (given & ok & (text == back).to_numpy())).all())
    return day[np.asarray(cat.codes)], iso


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
    dates = text_columns["date"] if "date" in text_columns else frame["date"] if "date" in frame else [None] * n
    day, iso = _days(dates)
    cols = {"x": q[:, 0].copy(), "y": q[:, 1].copy(), "party": party,
            "r": np.asarray(radius_m, dtype="<f4"),
            "day": day,
            "pt": np.asarray(has_point, dtype="u1")}
    # What the typed columns hold already is not stored again as text: the party, and the
    # date when every date is an ISO day (the page writes it back from the day number).
    keys = [k for k in text_columns if k != "party"]
    if "date" in keys and iso:
        keys.remove("date")
    # Claim ids differ from one another (a claims frame's are checked): stored without encoding.
    codes, text, cols["slen"] = _string_table([text_columns[k] for k in keys],
                                              distinct_first=bool(keys) and keys[0] == "claim_id")
    cols.update({"s:" + k: c for k, c in zip(keys, codes)})
    shapes, area_of = _distinct_areas(areas or (), n)
    cols["area"] = area_of
    if pairs is not None and len(pairs[0]):
        cols["la"] = np.asarray(pairs[0], dtype="<u4")
        cols["lb"] = np.asarray(pairs[1], dtype="<u4")
        cols["lok"] = np.asarray(pairs[2], dtype="u1")
    cols["strings"] = text
    return {"n": n, "parties": parties, "colors": [colors[p] for p in parties], "keys": keys,
            "numbers": [k for k in number_keys if k in keys], "columns": pack_columns(cols), "areas": shapes}


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
