"""Resolution against the bundled gazetteer: every place of the seed reports."""

import pytest

from geomap.errors import AmbiguousPlace, PlaceNotFound
from geomap.gazetteer import Gazetteer
from geomap.geodesy import haversine_km
from geomap.place import Place
from geomap.text import name_key, normalize

# Where the seed reports' places really are (lon, lat), from GeoNames / WOF /
# airportsdata, and how far off (km) an answer may be.
MAYADIN = (40.452, 35.020)
RAQQA = (39.008, 35.953)
TABQA = (38.548, 35.838)
JADIN = (38.695, 35.685)
DEIR = (40.141, 35.336)
HMEIMIM = (35.949, 35.401)
UDEID = (51.315, 25.117)
ABU_KAMAL = (40.918, 34.452)


@pytest.mark.parametrize("query, where, kind", [
    ("Mayadin", MAYADIN, "populated_place"),
    ("al-Mayadin", MAYADIN, "populated_place"),
    ("al-Mayadeen", MAYADIN, "populated_place"),
    ("the city of Mayadin", MAYADIN, "populated_place"),
    ("الميادين", MAYADIN, "populated_place"),
    ("Raqqa", RAQQA, "populated_place"),
    ("Raqqah", RAQQA, "populated_place"),
    ("الرقة", RAQQA, "populated_place"),
    ("Tabqa", TABQA, "populated_place"),
    ("al-Thawra", TABQA, "populated_place"),
    ("Tabqah", TABQA, "populated_place"),
    ("Deir-Ezzor", DEIR, "populated_place"),
    ("Deir Ezzor", DEIR, "populated_place"),
    ("Dair Alzour", DEIR, "populated_place"),
    ("Deir ez-Zor", DEIR, "populated_place"),
    ("دير الزور", DEIR, "populated_place"),
    ("Hemeimeem", HMEIMIM, "air_base"),
    ("Hemeimeem air base", HMEIMIM, "air_base"),
    ("Khmeimim", HMEIMIM, "air_base"),
    ("al-Udeid", UDEID, "air_base"),
    ("al-Udeid air base", UDEID, "air_base"),
    ("Abu Kamal", ABU_KAMAL, "populated_place"),
    ("Albu Kamal", ABU_KAMAL, "populated_place"),
])
def test_seed_places_resolve(gaz, query, where, kind):
    res = gaz.resolve(query)
    assert res.status == "resolved", res.candidates[:3]
    assert res.place.kind == kind
    assert haversine_km(*where, *res.place.point) < 5


@pytest.mark.parametrize("query, admin1", [
    ("Raqqa Province", "Raqqa"), ("Raqqah province", "Raqqa"),
    ("southern Raqqa countryside", "Raqqa"), ("Dair Alzour province", "Deir ez-Zor"),
    ("Deir-Ezzor Governorate", "Deir ez-Zor"),
])
def test_provinces_resolve_to_governorate_polygons(gaz, query, admin1):
    res = gaz.resolve(query)
    assert res.status == "resolved"
    assert res.place.kind == "admin1" and res.place.admin1 == admin1
    assert gaz.shape(res.place).geom_type in ("Polygon", "MultiPolygon")


@pytest.mark.parametrize("query", ["the Euphrates", "Euphrates", "Euphrates River", "نهر الفرات"])
def test_euphrates_is_a_river_line(gaz, query):
    res = gaz.resolve(query)
    assert res.status == "resolved" and res.place.kind == "river"
    assert gaz.shape(res.place).geom_type in ("LineString", "MultiLineString")


@pytest.mark.parametrize("query, code", [("Iraqi airspace", "IQ"), ("Syria", "SY"), ("Qatar", "QA")])
def test_countries_and_demonyms(gaz, query, code):
    res = gaz.resolve(query)
    assert res.place.kind == "country" and res.place.country_code == code


@pytest.mark.parametrize("query", [
    "Konashenkov", "Pickart", "Ryabkov", "Daesh", "Pentagon", "Raptor", "CNN", "ISIS", "Kremlin",
    "SDF", "Moscow", "Washington", "Islamic State", "Sergei Ryabkov", "Joseph Dunford",
])
def test_people_and_organisations_are_not_places(gaz, query):
    res = gaz.resolve(query)
    assert res.status == "not_found"
    assert res.place is None
    with pytest.raises(PlaceNotFound):
        res.raise_for_status()


def test_feature_word_steers_the_kind(gaz):
    assert gaz.resolve("Tabqa").place.kind == "populated_place"
    assert gaz.resolve("Tabqa air base").place.kind == "air_base"
    assert gaz.resolve("Tabqa Dam").place.kind == "dam"


@pytest.mark.parametrize("query, name_part", [
    ("al-Omar oil field", "Omar"), ("Conoco gas field", "Conoco"), ("Tanak oil field", "Tanak"),
])
def test_oil_and_gas_fields(gaz, query, name_part):
    res = gaz.resolve(query)
    assert res.place.kind == "oil_field" and name_part in res.place.name


@pytest.mark.parametrize("query", ["Ja'Din", "Ja’Din"])
def test_a_namesake_alone_is_ambiguous_and_context_settles_it(gaz, query):
    """Two villages are called Ja'din (Raqqa, Latakia): the name alone cannot tell them apart."""
    from geomap.context import make_context

    alone = gaz.resolve(query)
    assert alone.status == "ambiguous" and alone.competitors
    # With the report's other place (south of Tabqa), the Raqqa village, and why.
    res = gaz.resolve(query, context=make_context(gaz, near="Tabqa"))
    assert res.status == "resolved" and res.match == "context"
    assert haversine_km(*JADIN, *res.place.point) < 5
    assert res.context and "Thawrah" in res.context[0]


def test_typo_is_found_fuzzily_but_not_resolved_without_context(gaz):
    from geomap.context import make_context

    res = gaz.resolve("Mayadeeen")
    # A near spelling with nothing to support it is not placed: "did you mean".
    assert res.status == "not_found" and "Mayādīn" in res.suggestions[0]
    town = gaz.resolve("Mayadeeen town")  # the words say it is a place: the rivals are listed
    assert town.status == "ambiguous" and haversine_km(*MAYADIN, *town.place.point) < 5
    near = gaz.resolve("Mayadeeen", context=make_context(gaz, region="SY0903"))  # its district
    assert near.status == "resolved" and haversine_km(*MAYADIN, *near.place.point) < 5


def test_not_found_offers_suggestions(gaz):
    res = gaz.resolve("Mayadxin")
    assert res.status == "not_found"
    assert res.suggestions and "mayadin" in normalize(res.suggestions[0]).replace(" ", "")
    assert "Kamāl" in gaz.resolve("Abu Kamalxx").suggestions[0]
    assert gaz.resolve("Qwertyuiop").suggestions == []


def test_trailing_qualifier_narrows(gaz):
    assert gaz.resolve("Tabqa, Syria").place.id == gaz.resolve("Tabqa").place.id
    res = gaz.resolve("Al Karamah, Raqqa")
    assert res.status == "resolved" and res.place.admin1 == "Raqqa"


def test_context_point_picks_the_nearby_namesake(gaz):
    res = gaz.resolve("al-Karamah", near=RAQQA)
    assert res.place.admin1 == "Raqqa"
    res = gaz.resolve("al-Karamah", near=DEIR)
    assert res.place.admin1 == "Deir ez-Zor"


def _tiny(places):
    norm, key = {}, {}
    for i, p in enumerate(places):
        for j, n in enumerate(p.names):
            norm.setdefault(normalize(n), []).append((i, j))
            key.setdefault(name_key(n), []).append((i, j))
    return Gazetteer(places, norm, key)


def test_namesakes_far_apart_are_ambiguous():
    g = _tiny([
        Place("a", "Qaryat X", "populated_place", 36.0, 35.0, country_code="SY", admin1="Hama"),
        Place("b", "Qaryat X", "populated_place", 40.0, 35.0, country_code="SY", admin1="Deir ez-Zor"),
    ])
    res = g.resolve("Qaryat X")
    assert res.status == "ambiguous"
    assert {res.place.id, res.competitors[0].place.id} == {"a", "b"}
    with pytest.raises(AmbiguousPlace):
        res.raise_for_status(allow_ambiguous=False)


def test_namesakes_side_by_side_are_one_place():
    g = _tiny([
        Place("a", "Qaryat X", "populated_place", 40.0, 35.0, country_code="SY"),
        Place("b", "Qaryat X", "populated_place", 40.01, 35.01, country_code="SY"),
    ])
    assert g.resolve("Qaryat X").status == "resolved"


def test_prominence_breaks_ties():
    g = _tiny([
        Place("v", "Qaryat X", "populated_place", 36.0, 35.0, country_code="SY"),
        Place("c", "Qaryat X", "populated_place", 40.0, 35.0, country_code="SY", population=90000),
    ])
    res = g.resolve("Qaryat X")
    assert res.status == "resolved" and res.place.id == "c"


def test_stored_keys_match_the_current_folding(gaz):
    # places.tsv stores normalised spellings and keys; a changed fold rule without a
    # rebuild would make look-ups silently miss.
    for i in range(0, len(gaz), 97):
        p = gaz.places[i]
        for j, n in enumerate(p.names):
            assert (i, j) in gaz.index.key[name_key(n)], (p.id, n)
            assert (i, j) in gaz.index.norm[normalize(n)], (p.id, n)


def test_every_record_is_well_formed(gaz):
    kinds = {"country", "admin1", "admin2", "admin3", "populated_place", "river", "lake", "air_base",
             "airport", "dam", "oil_field", "facility"}
    ids = set()
    for p in gaz.places:
        assert p.kind in kinds
        assert -180 <= p.longitude <= 180 and -90 <= p.latitude <= 90
        assert p.precision_m > 0 and p.sources
        assert p.id not in ids
        ids.add(p.id)
    assert len(gaz) > 10000


def test_a_kind_named_rules_out_places_of_other_kinds(gaz):
    # "Euphrates Dam" is another name of the Tabqa Dam; "the Euphrates river" is not the dam.
    assert [c.place.kind for c in gaz.candidates("the Euphrates river")] == ["river"]
    assert gaz.candidates("Euphrates dam")[0].place.kind == "dam"


def test_a_facility_of_no_known_name_is_at_the_settlement_it_is_named_after():
    # No airport is called Jafra: "Jafra airport" is by the village of Jafrah, not at the Jafra
    # oil field across the river; a facility that bears the name still wins.
    gaz = Gazetteer.default()
    assert gaz.resolve("Jafra airport").place.kind == "populated_place"
    assert gaz.resolve("Tabqa airbase").place.kind == "air_base"
    assert gaz.resolve("Omar oil field").place.kind == "oil_field"


def test_a_territory_is_not_named_after_its_sovereign():
    # Natural Earth gives Palestine the sovereign "Israel": a sovereign is no name of the territory.
    gaz = Gazetteer.default()
    assert gaz.resolve("Israel").place.name == "Israel"
    assert gaz.resolve("Israel").status == "resolved"


def test_forgetting_what_was_remembered_changes_no_answer():
    from geomap.context import Anchor, ResolutionContext

    gaz = Gazetteer.default()
    tabqa = gaz.resolve("Tabqa").place
    ctx = ResolutionContext().with_anchors([Anchor("Tabqa", 1.0, place=tabqa)])
    before = [gaz.resolve("Ja'Din", context=ctx), gaz.resolve("Raqqa Province"), gaz.resolve("Jadin")]
    assert gaz._ranked and gaz._plain
    gaz.forget()
    assert not gaz._ranked and not gaz._plain
    after = [gaz.resolve("Ja'Din", context=ctx), gaz.resolve("Raqqa Province"), gaz.resolve("Jadin")]
    assert [(r.status, r.place, r.match) for r in after] == [(r.status, r.place, r.match) for r in before]
    assert after[0].place.admin1 == "Raqqa"
