import numpy as np
import pytest
import shapely
from shapely import Point

from geomap.errors import ExpressionError
from geomap.geodesy import haversine_km
from geomap.relations import RelationDefaults, claim_geometry

MAYADIN = Point(40.4515, 35.0198)
TABQA = Point(38.5483, 35.8376)


def test_bare_place_is_its_point_and_extent():
    cg = claim_geometry("Mayadin")
    assert cg.precision == 1 and cg.point.distance(MAYADIN) < 0.01
    assert cg.geometry.contains(MAYADIN) and 2 < cg.radius_km < 6


def test_near_is_a_disc_of_the_default_radius_plus_the_place_judged_at_the_place():
    cg = claim_geometry("near Tabqa")
    assert cg.precision == 2 and cg.point.distance(TABQA) < 0.01
    place_km = cg.places[0].precision_m / 1000
    assert cg.radius_km == pytest.approx(RelationDefaults.near_km + place_km, rel=0.05)


def test_a_few_kilometres_from_is_near():
    cg = claim_geometry("a few kilometres from Mayadin")
    assert cg.precision == 2 and cg.point.distance(MAYADIN) < 0.01
    assert cg.parts == claim_geometry("near Mayadin").parts


def test_the_place_of_near_gives_way_to_a_part_that_excludes_it():
    # Deir ez-Zor city is on the west bank: "near it, east of the Euphrates" is the east bank near it.
    cg = claim_geometry("near Deir ez-Zor, east of the Euphrates")
    assert cg.point is None and not cg.geometry.is_empty
    kept = claim_geometry("Deir ez-Zor, east of the Euphrates")   # a place named as the position stays
    assert kept.point is not None


def test_suburbs():
    cg = claim_geometry("the suburbs of the city of Mayadin")
    assert cg.precision == 2 and cg.places[0].name == "Al Mayādīn"
    assert cg.geometry.contains(MAYADIN) and cg.point.distance(MAYADIN) < 0.01   # judged at the town


def test_offset_km_direction():
    cg = claim_geometry("12 km north of Tabqa")
    assert cg.precision == 2
    assert haversine_km(cg.point.x, cg.point.y, TABQA.x, TABQA.y) == pytest.approx(12, abs=0.05)
    assert cg.point.y > TABQA.y and abs(cg.point.x - TABQA.x) < 1e-3
    assert cg.geometry.contains(cg.point) and not cg.geometry.contains(TABQA)


def test_a_distance_in_words():
    assert claim_geometry("about five miles east of Mayadin").geometry.equals(
        claim_geometry("5 miles east of Mayadin").geometry)


def test_offset_in_miles():
    cg = claim_geometry("10 miles west of Tabqa")
    assert haversine_km(cg.point.x, cg.point.y, TABQA.x, TABQA.y) == pytest.approx(16.09, abs=0.05)


def test_direction_is_a_bounded_sector():
    cg = claim_geometry("south of Tabqa")
    assert cg.precision == 3
    assert cg.geometry.contains(Point(38.5483, 35.6)) and not cg.geometry.contains(Point(38.5483, 36.0))
    assert cg.geometry.bounds[1] > 35.8376 - 1.0  # bounded


def test_combination_intersects():
    whole = claim_geometry("west side of the Euphrates")
    both = claim_geometry("west side of the Euphrates near Mayadin")
    assert both.geometry.area < whole.geometry.area
    assert both.line == "euphrates"
    assert shapely.difference(both.geometry, whole.geometry).area < 1e-6


def test_west_bank_is_near_the_river():
    cg = claim_geometry("the western bank of the Euphrates River")
    assert cg.precision == 5 and cg.radius_km < 150


def test_east_of_the_euphrates_is_the_whole_side():
    from geomap.lines import get_line

    cg = claim_geometry("east of the Euphrates")
    assert cg.geometry.equals_exact(get_line("euphrates").side_area("east"), 1e-9)


def test_place_with_relation_in_a_clause():
    cg = claim_geometry("Ja'Din, which is west of Raqqa")
    assert cg.point is not None and not cg.notes
    assert "Ja`din" in [p.name for p in cg.places]


def test_province_and_countryside():
    prov = claim_geometry("Syria's Raqqa Province")
    south = claim_geometry("the southern Raqqa countryside")
    assert prov.precision == south.precision == 4
    assert south.geometry.area < prov.geometry.area
    assert south.geometry.centroid.y < prov.geometry.centroid.y


@pytest.mark.parametrize("possessive, plain", [
    ("Deir ez-Zor's eastern countryside", "the eastern countryside of Deir ez-Zor"),
    ("Raqqa’s southern outskirts", "southern outskirts of Raqqa"),
    ("the Euphrates' eastern bank", "the eastern bank of the Euphrates"),
])
def test_a_possessive_part_reads_as_the_part_of_the_place(possessive, plain):
    a, b = claim_geometry(possessive), claim_geometry(plain)
    assert a.parts == b.parts and a.geometry.equals(b.geometry)


def test_airspace_of_a_country():
    cg = claim_geometry("Iraqi airspace")
    assert cg.precision == 6 and cg.places[0].country_code == "IQ"


def test_place_in_a_country():
    cg = claim_geometry("al-Udeid air base in Qatar")
    assert cg.places[0].kind == "air_base" and cg.point is not None


def test_explicit_coordinates_fix_the_point():
    cg = claim_geometry("near Mayadin", coordinates="35°01′N 40°27′E", uncertainty_km=2)
    assert cg.precision == 1 and cg.point.x == pytest.approx(40.45)
    assert cg.radius_km == pytest.approx(2, rel=0.05)
    assert cg.places and cg.places[0].name == "Al Mayādīn"


def test_coordinates_in_the_expression():
    cg = claim_geometry("N35.02 E40.45")
    assert cg.precision == 1 and cg.point.y == pytest.approx(35.02)


def test_parts_that_do_not_overlap_are_noted():
    cg = claim_geometry("Mayadin, north of Tabqa")
    assert cg.notes and "do not overlap" in cg.notes[0]


@pytest.mark.parametrize("expr, words", [
    ("near Konashenkov", "Konashenkov"),
    ("somewhere mysterious", "somewhere mysterious"),
    ("north bank of Mayadin", "north bank of Mayadin"),
    ("", ""),
])
def test_uninterpretable_expressions_name_the_claim_and_words(expr, words):
    with pytest.raises(ExpressionError) as err:
        claim_geometry(expr, claim_id="c-7")
    assert "c-7" in str(err.value)
    assert words in str(err.value)


def test_an_unreadable_name_explains_itself_only_when_asked_and_crosses_processes():
    import pickle

    from geomap.errors import ExpressionError
    from geomap.relations import claim_geometry

    with pytest.raises(ExpressionError) as err:
        claim_geometry("near Mayadinn x", claim_id="c1")
    text = str(err.value)
    assert "claim 'c1'" in text and "did you mean" in text and "Mayadin" in text
    back = pickle.loads(pickle.dumps(err.value))      # a dask worker's error reaches the client
    assert str(back) == text and back.claim == "c1"


def test_a_distance_from_a_river_is_a_band_on_its_side():
    from geomap.lines import get_line
    from geomap.sides import side_of_geometries

    g = claim_geometry("8 kilometers east of the agreed-upon Euphrates River de-confliction line")
    assert g.line is None or g.line == "euphrates"
    v = side_of_geometries([g.geometry], get_line("euphrates"), distances=False)
    assert v["side"][0] == "east"
    # Every part of the band is 6 to 10 km from the river, never around one point of it.
    from geomap.sides import SideIndex

    pts = shapely.get_coordinates(shapely.segmentize(g.geometry.boundary, 0.01))
    d = SideIndex.of(get_line("euphrates")).distance_km(pts[:, 0], pts[:, 1])
    assert 5.8 < np.percentile(d, 1) and d.max() < 10.2
    assert g.geometry.bounds[3] - g.geometry.bounds[1] > 1.0   # along the river, not a sector


def test_a_place_on_a_bank_of_the_river():
    g = claim_geometry("in the town of Hajin on the eastern bank of the Euphrates")
    assert [p.name for p in g.places][0].startswith("Haj") and g.line == "euphrates"


def test_an_appositive_says_what_the_place_is_then_where_it_lies():
    """"Hajin, a town on the eastern bank of the Euphrates": the town, on that bank."""
    g = claim_geometry("in Hajin, a town on the eastern bank of the Euphrates")
    assert g.parts[0].startswith("Hajīn") and "east bank of the Euphrates" in g.parts[1]
    assert g.geometry.intersects(g.point)


def test_a_bank_narrowed_by_a_distance_keeps_no_point_off_the_bank():
    # "25 km west of Raqqa" alone points north of the river; on the southern bank, the claim is
    # where both parts meet, and its marker must not sit on the other bank.
    from geomap.lines import builtin_lines

    cg = claim_geometry("the southern bank of the Euphrates, about 25 km west of Raqqa city")
    assert not cg.geometry.is_empty
    assert cg.point is None or shapely.intersects(cg.geometry, cg.point)
    line = next(ln for ln in builtin_lines() if ln.name == "euphrates")
    assert not any("ambiguous" in n for n in cg.notes)   # a bank is the river's, not the dam's
    assert shapely.intersects(line.side_area("west"), cg.geometry)
    assert not shapely.intersects(line.side_area("east").buffer(-0.01), cg.geometry)


def test_a_distance_without_a_bearing_is_anywhere_that_far_from_the_place():
    cg = claim_geometry("about 3 km from Deir ez-Zor")
    dez = cg.places[0]
    assert cg.precision == 2 and cg.parts[0].startswith("within 3.8 km of")
    # the place's own extent grown by the distance and its uncertainty: not a point, not a sector
    assert cg.geometry.contains(Point(dez.longitude, dez.latitude))
    far = claim_geometry("about 20 km from Deir ez-Zor").geometry
    assert far.area > cg.geometry.area
    east = claim_geometry("east of the Euphrates, about 3 km from Deir ez-Zor")
    assert east.geometry.area < cg.geometry.area and not east.geometry.is_empty


def test_a_towns_countryside_is_its_district():
    cg = claim_geometry("al-Mayadeen countryside")
    assert cg.places[0].kind == "admin2" and cg.parts == ("Al Mayadin district",)
    assert cg.precision == 3 and cg.radius_km > 10 and not cg.notes
    town = claim_geometry("al-Mayadeen")
    assert cg.geometry.area > 10 * town.geometry.area


def test_the_bank_of_a_lake_on_the_line_is_a_side_of_the_line():
    south = claim_geometry("the southern bank of Lake Assad")
    north = claim_geometry("the northern shore of Lake Assad")
    assert south.line == north.line == "euphrates"
    assert south.parts[0].startswith("west bank") and north.parts[0].startswith("east bank")
    assert not south.geometry.intersects(north.geometry.buffer(-0.01))


@pytest.mark.parametrize("expr", ["999999 km from Raqqa", "50000 km north of Raqqa"])
def test_a_distance_no_two_places_on_earth_have_is_an_error(expr):
    with pytest.raises(ExpressionError, match="farther than any two places on Earth"):
        claim_geometry(expr)


def test_within_a_few_km_of_a_place_is_judged_there_and_farther_away_it_is_not():
    assert claim_geometry("within 3 km of Mayadin").point is not None
    assert claim_geometry("55 km from al-Tanf").point is None   # the place is not where the claim is


def test_near_an_area_is_not_judged_at_its_centre():
    # A country's or a province's centre says nothing of where "near" it is.
    assert claim_geometry("near Jordan").point is None
    assert claim_geometry("near Raqqa province").point is None


@pytest.mark.parametrize("words", ["across the river from Mayadin", "across the Euphrates from Mayadin",
                                   "on the opposite bank from Mayadin", "the far side of the Euphrates from Mayadin"])
def test_across_the_river_from_a_town_is_the_facing_bank_near_it(words):
    from geomap.lines import builtin_lines

    euphrates = next(ln for ln in builtin_lines() if ln.name == "euphrates")
    cg = claim_geometry(words)
    west, east = (euphrates.sides[0], euphrates.sides[1]) if euphrates.left_label == "west" else euphrates.sides[::-1]
    assert west.contains(MAYADIN)   # the town is on the west bank: the claim faces it from the east
    inside = cg.geometry.representative_point()
    assert east.contains(inside) and shapely.intersection(cg.geometry, west).area < 0.02 * cg.geometry.area
    assert haversine_km(inside.x, inside.y, MAYADIN.x, MAYADIN.y) < 20
    assert "facing Al Mayādīn" in cg.parts[0] and cg.point is None


def test_a_town_from_another_is_no_bank_and_a_town_far_from_rivers_is_an_error():
    with pytest.raises(ExpressionError):
        claim_geometry("Raqqa from Mayadin")
    with pytest.raises(ExpressionError, match="name the river"):
        claim_geometry("across the river from Palmyra")


def test_a_river_bank_then_a_direction_from_a_town_are_two_clauses():
    cg = claim_geometry("the north bank of the Euphrates east of Raqqa")
    assert len(cg.parts) == 2 and cg.parts[0].startswith("east bank of the Euphrates")


def test_near_a_dam_across_the_line_is_judged_by_its_area_not_its_point():
    from geomap.incidents import claims_frame
    from geomap.claims import Claim, Incident
    from geomap.verdicts import verdict_table

    inc = Incident("t", claims=(Claim("a", incident_id="t", party="SDF", location="near the Tishreen dam"),
                                Claim("b", incident_id="t", party="SDF", location="near Sarrin"),
                                Claim("c", incident_id="t", party="SDF", location="the Tabqa dam")))
    table = verdict_table(claims_frame([inc]), lines=["euphrates"])
    # The dam itself, as near it: its point lies on one bank, the dam on both.
    assert dict(zip(table["claim_id"], table["side"])) == {"a": "straddles", "b": "east", "c": "straddles"}


def test_a_towns_compass_parts_are_judged_at_their_middle_and_two_directions_join():
    west = claim_geometry("the western edge of Mayadin")
    assert west.parts == ("west part of Al Mayādīn",) and west.point.x < MAYADIN.x
    both = claim_geometry("the northern and eastern districts of Mayadin")
    assert both.parts == ("north and east parts of Al Mayādīn",)
    north, east = claim_geometry("northern part of Mayadin"), claim_geometry("eastern part of Mayadin")
    assert both.geometry.area == pytest.approx(north.geometry.union(east.geometry).area, rel=1e-6)
    # A province's part is an area, judged as one.
    assert claim_geometry("eastern part of Raqqa province").point is None


def test_in_the_west_of_a_town_is_its_western_part_not_beyond_it():
    inside = claim_geometry("in the west of the city of Raqqa")
    assert inside.parts == ("west part of Ar Raqqah",)
    outside = claim_geometry("west of Raqqa")
    assert outside.parts[0].startswith("west of Ar Raqqah") and outside.geometry.area > 10 * inside.geometry.area
    # A river has no western part: "in the east of the Euphrates" is its east side.
    assert claim_geometry("in the east of the Euphrates").parts == ("east side of the Euphrates",)


def test_a_border_is_the_line_two_countries_share():
    from geomap.borders import length_km

    both = claim_geometry("near the Syria-Iraq border")
    assert both.parts == ("within 10 km of the Iraq–Syria border",)
    # One country named: the border with the country the claim's other places lie in.
    near = claim_geometry("near Abu Kamal on the Iraqi border")
    assert near.parts == ("near Ālbū Kamāl (within 10 km of it)", "within 10 km of the Iraq–Syria border")
    assert near.geometry.area < claim_geometry("near Abu Kamal").geometry.area
    # ... and with nothing else named, all of that country's borders.
    assert claim_geometry("the Iraqi border").geometry.area > 3 * both.geometry.area
    with pytest.raises(ExpressionError, match="share no border"):
        claim_geometry("the Iraq-Lebanon border")
    with pytest.raises(ExpressionError, match="named twice"):
        claim_geometry("the Iraqi-Iraqi border")
    assert length_km(claim_geometry("the Tal Abyad border crossing").geometry.exterior) < 10   # a town's


def test_a_camp_named_after_a_village_and_the_far_side_from_it():
    got = claim_geometry("on the other side of the river from the camp of al-Hasrat")
    assert got.parts == ("east bank of the Euphrates, facing Al Hasrat (within 10 km of it)",)


def test_the_end_or_half_of_a_dam_is_its_compass_part_named_once():
    north = claim_geometry("the northern end of the Tabqa dam")
    assert north.parts == ("north part of Tabqa Dam",)   # not "Tabqa Dam dam"
    south = claim_geometry("the Tabqa dam's southern half")
    assert south.parts == ("south part of Tabqa Dam",)
    assert north.geometry.centroid.y > south.geometry.centroid.y
