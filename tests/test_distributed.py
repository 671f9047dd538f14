"""--engine dask: the same verdicts as one machine, row for row, from partitioned Parquet."""

import pathlib

import pandas as pd
import pytest

pytest.importorskip("dask_geopandas")
pytest.importorskip("distributed")

from geomap.classify import judged_frame  # noqa: E402
from geomap.distributed import classify_parquet  # noqa: E402
from geomap.errors import InputError  # noqa: E402
from geomap.events import read_events_frame  # noqa: E402

DATA = pathlib.Path(__file__).resolve().parent / "data"


VERDICT_SUFFIXES = ("_side", "_distance_km", "_near_line", "_applies", "_verdict")


def _same(a, b):
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    cols = [c for c in b.columns if c.endswith(VERDICT_SUFFIXES)]
    assert cols and list(a.columns) == list(b.columns)
    for c in cols + ["id"]:
        pd.testing.assert_series_equal(a[c], b[c], check_names=False)
    assert a.geometry.geom_equals_exact(b.geometry, 0).all()


def test_partitions_give_the_single_machine_verdicts_row_for_row(tmp_path, event_table):
    df = event_table()
    path = tmp_path / "events.parquet"
    df.to_parquet(path)
    single = judged_frame(read_events_frame(df), ["euphrates", "tabqa-arc-2017"])
    parted = classify_parquet(str(path), ["euphrates", "tabqa-arc-2017"], scheduler="synchronous", partitions=7)
    _same(parted, single)


def test_a_local_cluster_writes_a_geoparquet_dataset(tmp_path, runner, cli, event_table):
    import geopandas as gpd

    df = event_table(800)
    folder = tmp_path / "events"
    folder.mkdir()
    for k, start in enumerate(range(0, len(df), 300)):      # a dataset stored in parts
        df.iloc[start:start + 300].to_parquet(folder / f"part-{k}.parquet")
    out = tmp_path / "verdicts"
    res = runner.invoke(cli, ["classify", str(folder), "--engine", "dask", "--workers", "2", "-o", str(out)])
    assert res.exit_code == 0, res.output
    got = gpd.read_parquet(out)
    _same(got, judged_frame(read_events_frame(df), None))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]     # no temporary folder left


def test_dask_needs_a_parquet_input_and_an_output(runner, cli, tmp_path, event_table):
    res = runner.invoke(cli, ["classify", str(DATA.parent.parent / "seeds"), "--engine", "dask", "-o", "x"])
    assert res.exit_code != 0 and "Parquet" in res.output and "Traceback" not in res.output
    path = tmp_path / "e.parquet"
    event_table(10).to_parquet(path)
    res = runner.invoke(cli, ["classify", str(path), "--engine", "dask"])
    assert res.exit_code != 0 and "-o FOLDER" in res.output


def test_an_empty_table_is_a_clear_error(tmp_path, event_table):
    path = tmp_path / "empty.parquet"
    event_table(5).iloc[:0].to_parquet(path)
    with pytest.raises(InputError, match="no rows"):
        classify_parquet(str(path), scheduler="synchronous")


def test_single_machine_parquet_output(runner, cli, tmp_path, event_table):
    import geopandas as gpd

    src = tmp_path / "e.parquet"
    event_table(50).to_parquet(src)
    out = tmp_path / "v.parquet"
    res = runner.invoke(cli, ["classify", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    got = gpd.read_parquet(out)
    assert len(got) == 50 and "euphrates_side" in got and got.crs.to_epsg() == 4326
    assert (got.geom_type != "Point").any()


@pytest.mark.parametrize("how", [[], ["--engine", "dask", "--workers", "1"]])
def test_geometry_point_is_honoured_by_parquet_output(runner, cli, tmp_path, event_table, how):
    import geopandas as gpd

    src = tmp_path / "e.parquet"
    event_table(60).to_parquet(src)
    out = tmp_path / ("v" if how else "v.parquet")
    res = runner.invoke(cli, ["classify", str(src), "-o", str(out), "--geometry", "point"] + how)
    assert res.exit_code == 0, res.output
    got = gpd.read_parquet(out)
    assert len(got) == 60 and (got.geom_type == "Point").all()
    assert got["euphrates_side"].tolist() == judged_frame(read_events_frame(event_table(60)))["euphrates_side"].tolist()
