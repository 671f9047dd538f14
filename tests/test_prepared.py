"""A line's prepared data (area, sides, grid): the same verdicts as computing them, and never stale."""

import json
import shutil

import numpy as np
import pytest
import shapely

from geomap.geodesy import discs
from geomap.line_files import load_line
from geomap.lines import _builtin_paths, get_line
from geomap.prepared import line_key, prepared_path, read_prepared, write_prepared
from geomap.sides import SideIndex, _Grid, side_of_geometries


@pytest.mark.parametrize("name", sorted(_builtin_paths()))
def test_shipped_prepared_data_are_what_the_line_file_gives_today(name):
    """Stale or wrong shipped data fail here: rerun 'geomap gazetteer build' (or 'geomap lines prepare')."""
    kept = get_line(name)
    assert kept.prepared is not None, f"data/lines/{name}.prepared.npz is missing or stale"
    fresh = load_line(_builtin_paths()[name], prepared=False)
    assert fresh.prepared is None
    assert shapely.equals_exact(kept.area, fresh.area, 0) and kept.area_name == fresh.area_name
    for a, b in zip(kept.sides, fresh.sides):
        assert shapely.equals_exact(a, b, 0)
    built = _Grid.build(SideIndex(fresh))
    grid = SideIndex(kept)._grid
    assert (grid.x0, grid.y0, grid.r) == (built.x0, built.y0, built.r)
    assert np.array_equal(grid.cell_code, built.cell_code)
    assert np.array_equal(grid.node_km, built.node_km)


@pytest.mark.parametrize("name", sorted(_builtin_paths()))
def test_a_line_judges_the_same_with_or_without_its_prepared_data(name):
    """With its grid at hand, a line decides most areas from the grid's cells alone: the same verdicts."""
    rng = np.random.default_rng(7)
    n = 1500
    lon, lat = rng.uniform(34, 44.5, n), rng.uniform(31.5, 38.5, n)   # inside, across and beyond the grids
    w, h = rng.uniform(0.001, 1.5, n), rng.uniform(0.001, 1.5, n)
    geoms = np.concatenate([
        shapely.points(lon, lat), discs(lon, lat, rng.uniform(0.5, 60, n)), shapely.box(lon, lat, lon + w, lat + h),
        shapely.linestrings(np.stack([np.stack([lon, lat], 1), np.stack([lon + w, lat - h], 1)], 1)),
        shapely.multipolygons(np.stack([shapely.box(lon, lat, lon + .05, lat + .05),
                                        shapely.box(lon + w + .1, lat, lon + w + .15, lat + .05)], 1)),
    ])
    kept = get_line(name)
    fresh = load_line(_builtin_paths()[name], prepared=False)
    a, b = side_of_geometries(geoms, kept), side_of_geometries(geoms, fresh)
    for k in a:
        assert np.array_equal(a[k], b[k], equal_nan=a[k].dtype.kind == "f"), k
    assert len(set(a["side"])) >= 4  # both sides, straddling and outside all met


@pytest.fixture()
def own_line(tmp_path):
    f = tmp_path / "arc.geojson"
    shutil.copy(_builtin_paths()["tabqa-arc-2017"], f)
    return f


def test_a_prepared_line_of_ones_own_is_read_with_its_data(own_line):
    assert load_line(own_line).prepared is None
    write_prepared(own_line)
    assert prepared_path(own_line).exists()
    assert load_line(own_line).prepared is not None


def test_data_prepared_for_another_version_of_the_file_are_ignored(own_line):
    write_prepared(own_line)
    fc = json.loads(own_line.read_text())
    coords = fc["features"][0]["geometry"]["coordinates"]
    fc["features"][0]["geometry"]["coordinates"] = [[x + 0.2, y] for x, y in coords]  # the line moved
    own_line.write_text(json.dumps(fc))
    line = load_line(own_line)
    assert line.prepared is None
    moved = shapely.Point(coords[len(coords) // 2][0] + 0.1, coords[len(coords) // 2][1])
    fresh = side_of_geometries([moved], line)["side"][0]
    assert fresh == side_of_geometries([moved], load_line(own_line, prepared=False))["side"][0]


def test_an_unreadable_prepared_file_is_ignored(own_line):
    prepared_path(own_line).write_bytes(b"PK\x03\x04 not really a zip")
    assert load_line(own_line).prepared is None
    assert read_prepared(own_line, "any") is None


def test_the_key_covers_the_gazetteer_when_the_area_is_named_from_it(monkeypatch, tmp_path):
    data = _builtin_paths()["euphrates"].read_bytes()
    before = line_key(data, "SY")
    assert line_key(data, "buffer:30") != before
    other = tmp_path / "gazetteer"
    other.mkdir()
    (other / "places.tsv").write_text("id\tname\n")
    monkeypatch.setenv("GEOMAP_DATA", str(tmp_path))
    assert line_key(data, "SY") != before
    assert line_key(data, "buffer:30") == line_key(data, "buffer:30")


def test_only_geojson_lines_keep_prepared_data(tmp_path):
    import geopandas as gpd

    from geomap.errors import LineError

    f = tmp_path / "arc.gpkg"
    gpd.read_file(_builtin_paths()["tabqa-arc-2017"]).to_file(f)
    with pytest.raises(LineError, match="only a GeoJSON line file"):
        write_prepared(f)



def test_geomap_lines_prepare(runner, cli, own_line, tmp_path):
    out = runner.invoke(cli, ["lines", "prepare", str(own_line)])
    assert out.exit_code == 0, out.output
    assert "arc.prepared.npz" in out.stderr
    assert load_line(own_line).prepared is not None
    missing = runner.invoke(cli, ["lines", "prepare", str(tmp_path / "nope.geojson")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_prepared_data_of_the_wrong_form_are_ignored(own_line):
    """A file with the right key but arrays that are not a grid (hand-made or damaged)."""
    write_prepared(own_line)
    path = prepared_path(own_line)
    with np.load(path) as z:
        arrays = dict(z)
    arrays["cell_code"] = arrays["cell_code"].astype(np.int64).ravel()
    np.savez(path.with_suffix(""), **arrays)  # np.savez adds .npz
    assert read_prepared(own_line, str(arrays["key"])) is None
    assert load_line(own_line).prepared is None
