import pytest

from geomap.errors import EventTableError
from geomap.events import read_events_text
from geomap.lines import get_line
from geomap.sides import side_of_geometries

HEADER = "id\tdate_start\twhere_coordinates\twhere_prec\tadm_1\tlatitude\tlongitude\n"


def _table(*rows):
    return HEADER + "".join("\t".join(map(str, r)) + "\n" for r in rows)


def test_precision_gives_honest_geometry():
    gdf = read_events_text(_table(
        (1, "2017-01-01", "Al Mayadin town", 1, "x", 35.02089, 40.453455),
        (2, "2017-01-01", "Al Mayadin town", 2, "x", 35.02089, 40.453455),
        (3, "2017-01-01", "Dayr az Zawr Governorate", 4, "x", 35.0, 40.3),
        (4, "2017-01-01", "Syria", 6, "x", 35.0, 38.0),
    ))
    types = gdf.geometry.geom_type.tolist()
    assert types[0] == "Point" and types[1] == "Polygon"
    assert gdf["uncertainty_km"].iloc[1] == 25.0
    assert gdf.geometry.iloc[2].contains(gdf.geometry.iloc[0])  # the governorate polygon
    assert gdf.geometry.iloc[3].area > gdf.geometry.iloc[2].area  # the country


def test_governorate_event_is_never_given_a_bank():
    gdf = read_events_text(_table((3, "2017-01-01", "Dayr az Zawr Governorate", 4, "x", 35.0, 40.3)))
    v = side_of_geometries(gdf.geometry.to_numpy(), get_line("euphrates"))
    assert v["side"][0] == "straddles"


def test_acled_preset():
    text = ("event_id_cnty,event_date,location,geo_precision,admin1,latitude,longitude\n"
            "SYR1,2017-06-18,Tabqa,1,Ar-Raqqa,35.8367,38.5481\n"
            "SYR2,2017-06-18,Tabqa,3,Ar-Raqqa,35.95,39.0\n")
    gdf = read_events_text(text)
    assert gdf.geometry.geom_type.tolist() == ["Point", "Polygon"]


@pytest.mark.parametrize("text, words", [
    ("a,b\n1,2\n", "cannot tell"),
    (HEADER.replace("latitude", "lat") + "1\td\tx\t1\tx\t35\t40\n", "missing column"),
    (_table((1, "d", "x", 1, "x", "north", 40)), "not a number"),
    (_table((1, "d", "x", 1, "x", 135, 40)), "out of range"),
])
def test_bad_tables(text, words):
    with pytest.raises(EventTableError, match=words):
        read_events_text(text, source="t.tsv", preset=None if "cannot" in words else "ucdp")


def test_an_unknown_precision_code_warns_and_leaves_the_event_unplaced():
    """Legal but not understood: a warning naming file, line and field; no guessed position."""
    import warnings

    from geomap.errors import GeomapWarning
    from geomap.events import read_events_text

    text = ("id\tlatitude\tlongitude\twhere_prec\twhere_coordinates\n"
            "1\t35.02\t40.45\t9\tMayadin\n2\t35.02\t40.45\t1\tMayadin\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gdf = read_events_text(text, source="events.tsv", preset="ucdp")
    msgs = [str(w.message) for w in caught if issubclass(w.category, GeomapWarning)]
    assert msgs and "events.tsv, line 2, field where_prec" in msgs[0] and "9" in msgs[0]
    assert gdf.geometry.iloc[0] is None and gdf.geometry.iloc[1] is not None


def test_dates_in_the_forms_datasets_use_decide_which_lines_are_in_force():
    from geomap.verdicts import verdict_table

    acled = ("event_id_cnty,event_date,location,geo_precision,admin1,latitude,longitude\n"
             "SYR1,18 June 2017,Tabqa,1,Raqqa,35.80,38.55\nSYR2,18 June 2016,Tabqa,1,Raqqa,35.80,38.55\n")
    gdf = read_events_text(acled, preset="acled")
    assert gdf["date"].tolist() == ["2017-06-18", "2016-06-18"]
    table = verdict_table(gdf.rename(columns={"event_id_cnty": "claim_id"}), lines=["tabqa-arc-2017"])
    assert [v != "not_applicable" for v in table["side"]] == [True, False]   # the arc: June-Dec 2017


@pytest.mark.parametrize("date", ["2017-13-01", "yesterday", "31/31/2017"])
def test_a_date_in_no_known_form_is_an_error_naming_its_line(date):
    with pytest.raises(EventTableError) as err:
        read_events_text(_table((1, "2017-01-01", "x", 1, "x", 35.0, 40.0), (2, date, "x", 1, "x", 35.0, 40.0)))
    assert (err.value.line, err.value.field) == (3, "date_start") and "YYYY-MM-DD" in str(err.value)
