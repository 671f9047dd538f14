import datetime as dt

import pytest
from shapely import LineString, Point, box

from geomap.errors import LineError
from geomap.lines import DeconflictionLine, builtin_lines, get_line, lines_for_date, load_line


@pytest.fixture()
def straight():
    # West to east across a 2x2 box: left is north.
    return DeconflictionLine("t", LineString([(-2, 0), (2, 0)]), left_label="north", right_label="south",
                             area=box(-1, -1, 1, 1))


def test_side_polygons_of_a_straight_line(straight):
    left, right = straight.sides
    assert left.area == pytest.approx(2.0) and right.area == pytest.approx(2.0)
    assert left.contains(Point(0, 0.5)) and right.contains(Point(0, -0.5))


def test_reversed_line_swaps_sides_and_labels(straight):
    rev = straight.reversed()
    left, right = rev.sides
    assert left.contains(Point(0, -0.5))           # left of an east-to-west line is south
    assert rev.left_label == "south" and rev.right_label == "north"
    assert rev.side_area("north").equals(straight.side_area("north"))


def test_line_ending_inside_the_area_is_extended(straight):
    short = DeconflictionLine("s", LineString([(-0.2, 0), (0.2, 0)]), area=box(-1, -1, 1, 1))
    left, right = short.sides
    assert left.area == pytest.approx(2.0)
    assert right.contains(Point(0.9, -0.5))


def test_line_missing_the_area_is_an_error():
    ln = DeconflictionLine("x", LineString([(5, 5), (6, 6)]), area=box(-1, -1, 1, 1))
    with pytest.raises(LineError, match="does not divide"):
        ln.sides  # noqa: B018


def test_labels_must_differ():
    with pytest.raises(LineError):
        DeconflictionLine("x", LineString([(0, 0), (1, 1)]), left_label="a", right_label="a")


def test_builtin_euphrates_runs_downstream_with_east_on_the_left():
    e = get_line("euphrates")
    assert e.left_label == "east" and e.right_label == "west"
    start, end = e.geometry.coords[0], e.geometry.coords[-1]
    assert start[1] > end[1]  # Turkey to the Gulf
    left, right = e.sides
    assert left.contains(Point(40.83, 34.69))      # Hajin, north-east bank
    assert right.contains(Point(40.452, 35.020))   # Mayadin, south-west bank


def test_tabqa_arc_agrees_with_facts_it_was_not_drawn_from():
    # The arc was digitised from two statements (Ja'Din two km north of it; an arc from south-west of
    # Tabqa east to the Euphrates). Check it against what it was not drawn from: Raqqa city lay on the
    # SDF / coalition side, Resafa (where Damascus placed the Su-22) on the government side, and the
    # arc's east end meets the Euphrates within the arc's accuracy.
    arc = get_line("tabqa-arc-2017")
    assert arc.approximate and arc.left_label == "north"
    assert arc.side_area("north").contains(Point(39.0079, 35.9528))   # Raqqa
    assert arc.side_area("south").contains(Point(38.7567, 35.6300))   # Resafa (Rusafa) ruins
    east_end = Point(arc.geometry.coords[-1])
    assert get_line("euphrates").geometry.distance(east_end) * 111 < arc.accuracy_km


def test_validity_dates():
    assert [ln.name for ln in lines_for_date("2017-06-18")] == ["euphrates", "tabqa-arc-2017"]
    assert [ln.name for ln in lines_for_date(dt.date(2018, 3, 1))] == ["euphrates"]
    assert len(builtin_lines()) == 2


def test_user_line_from_geojson(tmp_path):
    p = tmp_path / "mine.geojson"
    p.write_text('{"type": "Feature", "properties": {"name": "mine", "left_label": "a", "right_label": "b",'
                 ' "area": "buffer:20"}, "geometry": {"type": "LineString", "coordinates": [[38, 35], [39, 35]]}}')
    ln = get_line(str(p))
    assert ln.name == "mine" and ln.side_area("a").contains(Point(38.5, 35.05))


def test_user_line_from_another_format(tmp_path):
    import geopandas as gpd

    gdf = gpd.GeoDataFrame({"name": ["gpkg-line"]}, geometry=[LineString([(38, 35), (39, 35.1)])], crs=4326)
    p = tmp_path / "line.gpkg"
    gdf.to_file(p)
    assert load_line(p).name == "gpkg-line"


@pytest.mark.parametrize("content, message", [
    ("not json", "not valid GeoJSON"),
    ('{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}', "no LineString"),
])
def test_bad_line_files(tmp_path, content, message):
    p = tmp_path / "bad.geojson"
    p.write_text(content)
    with pytest.raises(LineError, match=message):
        load_line(p)


def test_unknown_line_name():
    with pytest.raises(LineError, match="unknown line"):
        get_line("the-rhine")
