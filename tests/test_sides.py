import numpy as np
import pytest
import shapely
from shapely import LineString, Point, box

from geomap.lines import DeconflictionLine, get_line
from geomap.sides import SideIndex, classify, side_of_geometries, side_of_points

# Towns whose bank is not in doubt (GeoNames / WOF points), and their Euphrates side.
TOWNS = [
    ("Mayadin", 40.4515, 35.0198, "west"), ("Deir ez-Zor", 40.1408, 35.3359, "west"),
    ("Abu Kamal", 40.9180, 34.4520, "west"), ("Tabqa", 38.5483, 35.8376, "west"),
    ("Raqqa (GeoNames)", 39.0079, 35.9528, "east"), ("Hajin", 40.8300, 34.6900, "east"),
    ("Al-Busayrah", 40.4400, 35.1600, "east"), ("Hasakah", 40.7500, 36.5000, "east"),
    ("Palmyra", 38.2700, 34.5500, "west"), ("Manbij", 37.9500, 36.5300, "west"),
    ("Qamishli", 41.2300, 37.0500, "east"), ("Shuhayl", 40.5500, 35.0200, "east"),
]


@pytest.fixture(scope="module")
def euphrates():
    return get_line("euphrates")


@pytest.mark.parametrize("name, lon, lat, side", TOWNS)
def test_known_towns(euphrates, name, lon, lat, side):
    v = side_of_points([lon], [lat], euphrates)
    assert v["side"][0] == side, name


def test_near_line_is_flagged_not_hidden(euphrates):
    v = side_of_points([40.4515], [35.0198], euphrates)
    assert v["side"][0] == "west" and v["near_line"][0]
    assert 0.5 < v["distance_km"][0] < 3.0


def test_outside_the_area(euphrates):
    v = side_of_points([51.315], [25.117], euphrates)  # al-Udeid, Qatar
    assert v["side"][0] == "outside" and not v["near_line"][0]


def test_outside_distances_can_be_skipped(euphrates):
    # Judging skips distances where the line does not apply; asked for, they are measured.
    lon, lat = [51.315, 40.4515], [25.117, 35.0198]   # al-Udeid (outside), Mayadin (inside)
    full = side_of_points(lon, lat, euphrates)
    skip = side_of_points(lon, lat, euphrates, outside_distances=False)
    assert full["distance_km"][0] > 500 and np.isnan(skip["distance_km"][0])
    assert skip["distance_km"][1] == full["distance_km"][1]
    disc = shapely.buffer(shapely.points(lon, lat), 0.05)
    areas = side_of_geometries(disc, euphrates, outside_distances=False)
    assert np.isnan(areas["distance_km"][0]) and 0 <= areas["distance_km"][1] < 3


def test_batch_and_single_paths_agree(euphrates):
    # Large batches use a grid; it must give the same sides and near-line distances.
    rng = np.random.default_rng(1)
    x = rng.uniform(35.7, 42.3, 30000)
    y = rng.uniform(32.4, 37.3, 30000)
    idx = SideIndex.of(euphrates)
    batch = side_of_points(x, y, euphrates)
    assert (batch["code"] == idx._exact_codes(x, y)).all()
    exact = idx._exact_km(x, y)
    near = exact < 25
    assert np.abs(batch["distance_km"][near] - exact[near]).max() < 1e-9
    assert (np.abs(batch["distance_km"] - exact) <= np.maximum(1.5, 0.015 * exact)).all()


def test_distances_against_a_metric_projection(euphrates):
    from pyproj import Transformer

    tr = Transformer.from_crs("EPSG:4326", euphrates.metric_crs, always_xy=True)
    line = shapely.transform(euphrates.geometry, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))
    lon = np.array([40.4515, 40.83, 39.0079, 38.5483])
    lat = np.array([35.0198, 34.69, 35.9528, 35.8376])
    px, py = tr.transform(lon, lat)
    ref = shapely.distance(line, shapely.points(px, py)) / 1000
    got = side_of_points(lon, lat, euphrates)["distance_km"]
    assert np.allclose(got, ref, atol=0.1)


@pytest.fixture()
def straight():
    return DeconflictionLine("t", LineString([(-2, 0), (2, 0)]), left_label="north", right_label="south",
                             area=box(-1, -1, 1, 1), accuracy_km=5)


def test_straddling_shares(straight):
    square = box(-0.5, -0.25, 0.5, 0.75)  # 75 % north
    v = side_of_geometries([square, box(-0.5, 0.1, 0.5, 0.5), None, Point(0, -0.5)], straight)
    assert list(v["side"]) == ["straddles", "north", None, "south"]
    assert v["share_left"][0] == pytest.approx(0.75) and v["share_right"][0] == pytest.approx(0.25)
    assert v["distance_km"][0] == 0.0


def test_an_area_in_parts_on_both_sides_straddles(straight):
    """Two pieces, one on each side, neither touching the line: judged by both, not by one of them."""
    apart = shapely.union(box(-0.2, 0.2, 0.2, 0.4), box(-0.2, -0.4, 0.2, -0.2))
    concave = shapely.Polygon([(-0.4, 0.1), (0.4, 0.1), (0.4, 0.5), (0.3, 0.5), (0.3, 0.2), (-0.3, 0.2),
                               (-0.3, 0.5), (-0.4, 0.5)])  # its bounding box's middle lies outside it
    v = side_of_geometries([apart, concave], straight)
    assert v["side"][0] == "straddles" and v["share_left"][0] == pytest.approx(0.5)
    assert v["side"][1] == "north" and v["share_left"][1] == 1.0


def test_share_outside_is_separate(straight):
    v = side_of_geometries([box(0.5, 0.1, 1.5, 0.5)], straight)  # half outside the area, all north
    assert v["side"][0] == "north"
    assert v["share_outside"][0] == pytest.approx(0.5)


def test_same_line_reversed_gives_mirrored_verdicts(straight):
    pts = [Point(0, 0.5), Point(0, -0.5)]
    a = side_of_geometries(pts, straight)["side"]
    b = side_of_geometries(pts, straight.reversed())["side"]
    assert list(a) == list(b) == ["north", "south"]


def test_classify_geodataframe(euphrates):
    import geopandas as gpd

    gdf = gpd.GeoDataFrame({"name": [t[0] for t in TOWNS]},
                           geometry=[Point(t[1], t[2]) for t in TOWNS], crs=4326)
    out = classify(gdf, euphrates)
    assert out["side"].tolist() == [t[3] for t in TOWNS]
    assert {"side_share", "distance_km", "near_line", "line", "verdict"} <= set(out.columns)
    assert "within the line's 3 km accuracy" in out.loc[0, "verdict"]
    assert {"applies", "reason"} <= set(out.columns)


def test_a_point_gets_the_same_distance_alone_and_in_a_large_batch():
    """One claim, a claims file and a partition of a big table must agree (verdicts per row)."""
    import numpy as np

    from geomap.lines import get_line
    from geomap.sides import SideIndex

    idx = SideIndex.of(get_line("euphrates"))
    rng = np.random.default_rng(4)
    x, y = rng.uniform(36, 42, 30_000), rng.uniform(32.6, 37.2, 30_000)
    together = idx.distance_km(x, y)
    alone = np.array([idx.distance_km(x[i:i + 1], y[i:i + 1])[0] for i in range(0, 30_000, 997)])
    np.testing.assert_array_equal(alone, together[::997])


def test_area_distances_measure_only_the_vertices_that_can_be_nearest_and_lose_nothing():
    import numpy as np
    import shapely

    from geomap.geodesy import discs
    from geomap.lines import get_line
    from geomap.side_areas import _nearest_vertex_km
    from geomap.sides import SideIndex

    idx = SideIndex.of(get_line("euphrates"))
    rng = np.random.default_rng(9)
    n = 400   # discs near the line, far from it, and reaching off the grid (east of Iraq's border)
    shp = discs(rng.uniform(35.0, 45.0, n), rng.uniform(31.0, 38.5, n), rng.uniform(1, 60, n))
    got = _nearest_vertex_km(idx, shp, np.ones(n, bool))
    coords, which = shapely.get_coordinates(shp, return_index=True)
    brute = np.full(n, np.inf)
    np.minimum.at(brute, which, idx.distance_km(coords[:, 0], coords[:, 1]))
    np.testing.assert_array_equal(got, brute)
