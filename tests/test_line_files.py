"""A user's line file: its properties checked against line.schema.json, every failure named."""

import json

import pytest

from geomap.errors import LineError
from geomap.line_files import load_line
from geomap.lines import _builtin_paths


def _line_file(tmp_path, props):
    p = tmp_path / "l.geojson"
    p.write_text(json.dumps({"type": "Feature", "properties": props,
                             "geometry": {"type": "LineString", "coordinates": [[38, 35], [40, 36]]}}))
    return p


@pytest.mark.parametrize("props, field, words", [
    ({"accuracy_km": "abc"}, "accuracy_km", "expected a number, found text"),
    ({"accuracy_km": -5}, "accuracy_km", "out of range"),
    ({"accuracy_km": 1e308}, "accuracy_km", "out of range"),
    ({"area_grow_km": "x"}, "area_grow_km", "expected a number"),
    ({"name": [1, 2]}, "name", "expected text, found a list"),
    ({"left_label": {"a": 1}}, "left_label", "expected text, found a mapping"),
    ({"left_label": "x", "right_label": "x"}, "right_label", "different labels"),
    ({"valid_from": "2017-13-01"}, "valid_from", "YYYY-MM-DD"),
    ({"area": 5}, "area", "expected text"),
    ({"area": "XX"}, "area", "not a country code"),
    ({"area": "buffer:nan"}, "area", "0 to 1000 km"),
    ({"side_parties": {"left": "Russia"}}, "side_parties.left", "expected a list"),
    ({"side_parties": {"north": ["Russia"]}}, "side_parties", "side labels"),
])
def test_a_bad_property_is_named_with_its_file_and_fix(tmp_path, props, field, words):
    p = _line_file(tmp_path, props)
    with pytest.raises(LineError) as err:
        load_line(p)
    assert err.value.field == field and str(err.value).startswith(str(p)), str(err.value)
    assert words in str(err.value)


def test_a_gis_files_own_attributes_are_no_error(tmp_path):
    line = load_line(_line_file(tmp_path, {"OBJECTID": 3, "Shape_Leng": 2.5, "left_label": "north",
                                           "right_label": "south", "accuracy_km": 2}))
    assert (line.left_label, line.right_label, line.accuracy_km) == ("north", "south", 2.0)


def test_nan_in_a_line_file_is_named(tmp_path):
    p = tmp_path / "l.geojson"
    p.write_text('{"type": "Feature", "properties": {"accuracy_km": NaN}, '
                 '"geometry": {"type": "LineString", "coordinates": [[38, 35], [40, 36]]}}')
    with pytest.raises(LineError, match="field 'accuracy_km': NaN is not a number"):
        load_line(p)


def test_a_lone_surrogate_in_a_line_file_is_read_as_the_replacement_character(tmp_path):
    from geomap.claims import read_claims_text
    from geomap.incidents import claims_frame
    from geomap.verdicts import verdict_table

    p = tmp_path / "l.geojson"
    p.write_text('{"type": "Feature", "properties": {"name": "arc\\ud800"}, '
                 '"geometry": {"type": "LineString", "coordinates": [[38, 35], [40, 36]]}}')
    line = load_line(p)
    assert line.name == "arc\ufffd"
    frame = claims_frame(read_claims_text("incidents: [{id: i, claims: [{id: a, claimant: A, location: Mayadin}]}]"))
    assert verdict_table(frame, lines=[line])["line"].tolist() == ["arc\ufffd"]


def test_a_line_in_a_geopackage_keeps_its_dates(tmp_path):
    import geopandas as gpd

    f = tmp_path / "arc.gpkg"
    gpd.read_file(_builtin_paths()["tabqa-arc-2017"]).to_file(f)
    line = load_line(f)
    assert (str(line.valid_from), str(line.valid_to)) == ("2017-06-01", "2017-12-31")


@pytest.mark.parametrize("name", sorted(_builtin_paths()))
def test_a_line_shown_is_a_line_file_again(tmp_path, name):
    """'geomap lines show NAME > f.geojson' gives a file that loads as the same line."""
    import shapely

    from geomap.lines import get_line

    line = get_line(name)
    f = tmp_path / "shown.geojson"
    f.write_text(json.dumps({"type": "FeatureCollection", "features": [line.to_feature()]}))
    again = load_line(f)
    assert shapely.equals_exact(again.geometry, line.geometry, 0)
    assert shapely.equals_exact(again.area, line.area, 1e-9) and again.area_name == line.area_name
    assert (again.left_label, again.right_label, again.accuracy_km, again.valid_from, again.valid_to) == \
        (line.left_label, line.right_label, line.accuracy_km, line.valid_from, line.valid_to)
    assert again.side_parties == line.side_parties
