"""Resolution in context: hints, limits, parent patterns, P-codes and honest status."""

import pytest

from geomap.context import Anchor, make_context, parse_bbox, parse_near, support
from geomap.errors import ContextError
from geomap.geodesy import haversine_km

MAYADIN = (40.451, 35.020)
DHIBAN = (40.500, 35.006)


@pytest.fixture(scope="module")
def gaz():
    from geomap.gazetteer import Gazetteer

    return Gazetteer.default()


def test_every_syrian_place_has_its_admin_parents(gaz):
    """Point in polygon on OCHA's subdistricts: the bank decides the subdistrict."""
    may, dhiban = gaz.resolve("Mayadin").place, gaz.resolve("Dhiban").place
    assert (may.admin2, may.admin3, may.pcode) == ("Al Mayadin", "Al Mayadin", "SY090300")
    assert (dhiban.admin3, dhiban.pcode) == ("Thiban", "SY090301")
    syrian = [p for p in gaz.places if p.country_code == "SY" and p.kind == "populated_place"]
    with_code = [p for p in syrian if p.pcode.startswith("SY") and len(p.pcode) == 8]
    assert len(with_code) / len(syrian) > 0.99


@pytest.mark.parametrize("query, kind, pcode", [
    ("SY090301", "admin3", "SY090301"),
    ("Thiban subdistrict", "admin3", "SY090301"),
    ("Nahiyat Dhiban", "admin3", "SY090301"),
    ("Al Mayadin district", "admin2", "SY0903"),
    ("SY09", "admin1", "SY09"),
])
def test_districts_and_subdistricts_resolve_as_areas(gaz, query, kind, pcode):
    res = gaz.resolve(query)
    assert res.status == "resolved" and res.place.kind == kind and res.place.pcode == pcode
    assert gaz.shape(res.place).geom_type in ("Polygon", "MultiPolygon")


def test_a_town_and_its_own_subdistrict_are_not_rivals(gaz):
    res = gaz.resolve("Basira")
    assert res.place.kind == "populated_place" and res.place.pcode == "SY090102"
    assert all(c.place.kind != "admin3" for c in res.competitors)


def test_hard_limits_pick_the_namesake_inside(gaz):
    dez = gaz.resolve("al-Karamah", context=make_context(gaz, within="SY09"))
    raq = gaz.resolve("al-Karamah", context=make_context(gaz, within="Raqqa"))
    assert dez.place.pcode.startswith("SY09") and raq.place.pcode.startswith("SY11")
    bbox = gaz.resolve("al-Karamah", context=make_context(gaz, within="39.0,35.5,39.6,36.2"))
    assert bbox.place.pcode.startswith("SY11")
    ring = gaz.resolve("al-Karamah", context=make_context(gaz, near="Mayadin:40"))
    assert haversine_km(*MAYADIN, *ring.place.point) <= 40


def test_a_name_outside_the_limit_is_not_found_and_says_where(gaz):
    res = gaz.resolve("Mayadin", context=make_context(gaz, within="SY11"))
    assert res.status == "not_found" and "Raqqa" in res.reason


@pytest.mark.parametrize("query, admin1", [
    ("Al Karamah, Raqqa", "Raqqa"),
    ("al-Karamah in Deir ez-Zor", "Deir ez-Zor"),
    ("al-Karamah (Raqqa)", "Raqqa"),
    ("Deir-ez-Zor - Hatla", "Deir ez-Zor"),
])
def test_parent_patterns(gaz, query, admin1):
    res = gaz.resolve(query)
    assert res.status == "resolved" and res.place.admin1 == admin1 and res.context


def test_a_part_the_gazetteer_lacks_is_placed_at_its_parent(gaz):
    res = gaz.resolve("Al-Hasakeh - Qwxzv")
    assert res.status == "resolved" and res.match == "parent" and "Qwxzv" in res.reason
    assert res.place.admin1 == "Al-Hasakah" and res.place.kind == "populated_place"


def test_a_parenthesis_is_a_locator_never_another_name(gaz):
    """UCDP's "Taybah farms (Mayadin)" gives Mayadin no name "Taybah" (the merge bug)."""
    may = gaz.resolve("Mayadin").place
    assert not any("taybah" in n.lower() for n in may.names)
    res = gaz.resolve("Taybah farms (Mayadin)")
    assert res.place.id != may.id and haversine_km(*MAYADIN, *res.place.point) < 30
    # The east-bank village is never Mayadin under another name.
    assert gaz.resolve("Thiban").place.pcode == "SY090301"


def test_support_prefers_the_same_subdistrict_then_district_then_governorate(gaz):
    anchor = Anchor("Mayadin", place=gaz.resolve("Mayadin").place)
    ctx = make_context(gaz, anchors=[anchor])
    near = gaz.resolve("Dhiban").place
    far = gaz.resolve("Raqqa").place
    assert support(near, ctx)[0] > support(far, ctx)[0] >= 0
    assert support(anchor.place, ctx) == (0.0, ())  # a place is not its own evidence


def test_context_errors_name_the_option_and_the_fix(gaz):
    with pytest.raises(ContextError, match="within: .*Nowhereland.*P-code"):
        make_context(gaz, within="Nowhereland")
    with pytest.raises(ContextError, match="W < E"):
        parse_bbox("41,35,40,36")
    with pytest.raises(ContextError, match="LON,LAT"):
        parse_near("200,40")
    assert parse_near("40.45,35.01:30") == (40.45, 35.01, 30.0)
    assert parse_bbox("Mayadin") is None


@pytest.mark.parametrize("name", [
    "Igor Konashenkov", "Sergei Rudskoi", "Vladimir Putin", "Brett McGurk", "Bashar al-Assad",
    "Hayat Tahrir al-Sham", "Syrian Democratic Forces", "Reuters", "Macron", "Rouhani", "Barzani",
    "Игорь Конашенков", "Владимир Путин", "بشار الأسد", "普京", "プーチン", "푸틴", "Πούτιν", "פוטין",
])
def test_names_of_people_and_groups_are_not_placed(gaz, name):
    assert gaz.resolve(name).status == "not_found"


def test_answers_say_why(gaz):
    res = gaz.resolve("Ja'Din", context=make_context(gaz, near="Tabqa"))
    assert res.match == "context" and res.context and "Thawrah" in res.reason
    alone = gaz.resolve("Ja'Din")
    assert alone.status == "ambiguous" and "--near" in alone.reason


def test_context_that_vouches_for_no_candidate_leaves_the_name_as_it_reads_alone():
    # Beside Qamishli and the Euphrates, "al-Salihiyah" was lifted to a namesake spelled only
    # loosely and then not placed at all; context can only add: the name reads as it does alone.
    from geomap.context import Anchor, ResolutionContext
    from geomap.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    ctx = ResolutionContext().with_anchors([Anchor("a", 1.0, place=gaz.resolve("Qamishli").place),
                                            Anchor("b", 1.0, place=gaz.resolve("Euphrates").place)])
    alone, with_ctx = gaz.resolve("al-Salihiyah"), gaz.resolve("al-Salihiyah", context=ctx)
    assert with_ctx.status != "not_found"
    assert with_ctx.place.id == alone.place.id
