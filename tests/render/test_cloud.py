"""Claims at scale: the compact columnar payload and the map that uses it."""

import pathlib

import numpy as np
import pytest

from geomap.claims import read_claims, read_claims_text
from geomap.incidents import claims_frame
from geomap.render.cloud import CLOUD_MIN, ClaimCloud, cloud_payload, cloud_strings, pack_columns, unpack_columns
from geomap.render.maps import claims_map, render_html
from geomap.verdicts import compare_claims, pair_arrays

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return claims_frame(read_claims(SEEDS))


def _strings(payload) -> list:
    return cloud_strings(payload)


def _payload(m) -> dict:
    import json

    html = render_html(m)
    i = html.index("geomap.cloud(") + len("geomap.cloud(")
    return json.JSONDecoder().raw_decode(html[i:])[0]


def test_columns_round_trip_each_in_its_own_blob():
    cols = {"a": np.array([1, -2, 3], dtype="<i4"), "b": np.array([7], dtype="u1"),
            "c": np.array([0.5, 2.5], dtype="<f4"), "d": np.array([9, 8], dtype="<u4")}
    blob = pack_columns(cols)
    assert [c["name"] for c in blob["layout"]] == list(cols) and len(blob["data"]) == len(cols)
    back = unpack_columns(blob)
    for k, v in cols.items():
        assert back[k].tolist() == v.tolist()


def test_the_cloud_map_carries_every_claim_once_with_its_texts_verdicts_and_pairs(seeds):
    payload = _payload(claims_map(seeds, cloud=True))
    cols = unpack_columns(payload["columns"])
    strings = _strings(payload)
    n = len(seeds)
    assert payload["n"] == n and len(cols["x"]) == n
    for c in [c for c in cols if c.startswith("s:")]:                # each distinct text of a column once
        used = [strings[k] for k in set(cols[c].tolist()) if k != 2**32 - 1]
        assert len(used) == len(set(used))
    ids = [strings[c] for c in cols["s:claim_id"]]
    assert ids == seeds["claim_id"].tolist()
    parties = [payload["parties"][p] for p in cols["party"]]
    assert parties == seeds["party"].astype(str).tolist()
    # Positions within a metre of the markers the layered map uses.
    from geomap.incidents import claim_anchors
    anchors = claim_anchors(seeds)
    assert np.allclose(cols["x"] / 1e5, [a.x for a in anchors], atol=1e-5)
    # Verdict sentences are the verdict table's, word for word.
    from geomap.verdicts import verdict_table
    table = verdict_table(seeds)
    eu = table[table["line"] == "euphrates"].set_index("row")["sentence"]
    got = [None if c == 2**32 - 1 else strings[c] for c in cols["s:verdict:Euphrates"]]
    assert [got[r] for r in eu.index] == eu.tolist()
    # The links are the pairs compare_claims finds, with the same answer.
    ia, ib, ok = pair_arrays(seeds)
    pairs = compare_claims(seeds)
    assert len(cols["la"]) == len(pairs)
    assert [(ids[a], ids[b], bool(k)) for a, b, k in zip(cols["la"], cols["lb"], cols["lok"])] == \
        [(p["a"], p["b"], p["compatible"]) for p in pairs]


def test_large_frames_become_a_cloud_small_ones_keep_their_layers(seeds):
    small = render_html(claims_map(seeds))
    assert "geomap.cloud(" not in small and "claim_layer" in small
    forced = claims_map(seeds, cloud=True)
    assert any(isinstance(c, ClaimCloud) for c in forced._children.values())
    assert CLOUD_MIN >= 10_000     # per-claim layers stay for the maps people read claim by claim


def test_the_cloud_page_is_deterministic_and_its_texts_inert():
    text = """
incidents:
  - id: x
    date: 2017-06-18
    claims:
      - {id: a, claimant: "<script>alert(1)</script>", location: near Tabqa, source: {quote: "{{ 7*7 }} </script>"}}
      - {id: b, claimant: US, location: near Raqqa}
"""
    frame = claims_frame(read_claims_text(text))
    one, two = render_html(claims_map(frame, cloud=True)), render_html(claims_map(frame, cloud=True))
    assert one == two
    assert "<script>alert(1)" not in one                 # the party name only as escaped JSON data
    assert "\\u003cscript\\u003ealert(1)" in one
    assert "{{ 7*7 }}" not in one                        # the quote only inside the deflated table


def test_dates_are_written_back_exactly_or_kept_as_text():
    import pandas as pd

    frame = pd.DataFrame({"party": ["a", "b"], "date": ["2017-06-18", None]})
    p = cloud_payload(frame, xy=np.array([[38.0, 35.0], [39.0, 36.0]]), radius_m=np.zeros(2),
                      has_point=np.ones(2, bool), colors={"a": "#000", "b": "#111"},
                      text_columns={"claim_id": ["x", "y"], "date": frame["date"]})
    assert "date" not in p["keys"]              # the page writes it from the day number
    assert unpack_columns(p["columns"])["day"][0] == (np.datetime64("2017-06-18") - np.datetime64("1970-01-01")).astype(int)
    frame.loc[0, "date"] = "June 2017"          # not an ISO day: kept as text
    p = cloud_payload(frame, xy=np.array([[38.0, 35.0], [39.0, 36.0]]), radius_m=np.zeros(2),
                      has_point=np.ones(2, bool), colors={"a": "#000", "b": "#111"},
                      text_columns={"claim_id": ["x", "y"], "date": frame["date"]})
    assert "date" in p["keys"]
