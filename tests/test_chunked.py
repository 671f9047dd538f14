"""Parquet judged a chunk at a time: the verdicts of the whole table, with flat memory."""

import pathlib

import geopandas as gpd
import pandas as pd
import pytest

from geomap.chunked import judge_parquet
from geomap.classify import judged_frame
from geomap.errors import InputError
from geomap.events import read_events_frame

pytest.importorskip("pyarrow")
SEEDS = pathlib.Path(__file__).resolve().parents[1] / "seeds"


def _same(a, b):
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    for c in [c for c in b.columns if c.startswith(("euphrates_", "tabqa_arc_2017_"))]:
        assert a[c].astype(object).where(a[c].notna(), None).tolist() == \
            b[c].astype(object).where(b[c].notna(), None).tolist(), c
    assert a.geometry.geom_equals_exact(b.geometry, 0).all()
    assert a.crs.to_epsg() == 4326


@pytest.fixture(scope="module")
def seeds():
    from geomap.claims import read_claims
    from geomap.incidents import claims_frame

    return claims_frame(read_claims(SEEDS))


def test_events_in_chunks_equal_the_whole_table(tmp_path, event_table):
    df = event_table(1000)
    src, out = tmp_path / "e.parquet", tmp_path / "v.parquet"
    df.to_parquet(src)
    assert judge_parquet(str(src), str(out), rows=170) == 1000
    _same(gpd.read_parquet(out), judged_frame(read_events_frame(df)))


def test_claims_geoparquet_in_chunks(tmp_path, seeds):
    src, out = tmp_path / "c.parquet", tmp_path / "v.parquet"
    seeds.to_parquet(src)
    judge_parquet(str(src), str(out), rows=4)
    got = gpd.read_parquet(out)
    assert got["claim_id"].tolist() == seeds["claim_id"].tolist()
    _same(got, judged_frame(seeds))


def test_a_failure_leaves_the_previous_output(tmp_path):
    src, out = tmp_path / "e.parquet", tmp_path / "v.parquet"
    out.write_bytes(b"previous")
    pd.DataFrame({"id": []}).to_parquet(src)
    with pytest.raises(InputError):
        judge_parquet(str(src), str(out))
    assert out.read_bytes() == b"previous" and len(list(tmp_path.iterdir())) == 2


def test_point_geometry_writes_each_events_coded_point_with_the_areas_verdicts(tmp_path, event_table):
    df = event_table(300)
    src, out = tmp_path / "e.parquet", tmp_path / "v.parquet"
    df.to_parquet(src)
    judge_parquet(str(src), str(out), rows=70, geometry="point")
    got, whole = gpd.read_parquet(out), judged_frame(read_events_frame(df))
    assert (got.geom_type == "Point").all() and (whole.geom_type != "Point").any()
    events = read_events_frame(df)
    assert got.geometry.x.tolist() == events["coded_lon"].tolist()
    assert got.geometry.y.tolist() == events["coded_lat"].tolist()
    for c in [c for c in whole.columns if c.endswith(("_side", "_verdict"))]:     # judged by their areas
        assert got[c].tolist() == whole[c].tolist(), c
