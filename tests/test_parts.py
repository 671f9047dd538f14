from geomap.clauses import ClauseReader
from geomap.gazetteer import Gazetteer
from geomap.parts import combine, read_parts
from geomap.relations import RelationDefaults


def _reader(expr):
    return ClauseReader(expr, Gazetteer.default(), RelationDefaults, None, None, None)


def test_a_namesake_is_read_again_where_the_locations_other_parts_are():
    # Alone, "al-Salihiyeh" is a village near Damascus; on the Euphrates' western bank it can only
    # be a Salihiyah of the Deir ez-Zor countryside.
    rd = _reader("al-Salihiyeh, on the western bank of the Euphrates")
    parts = read_parts(rd, ["al-Salihiyeh", "on the western bank of the Euphrates"])
    assert parts[0].places[0].admin1 != "Deir ez-Zor"
    geom, point, prec = combine(rd, parts)
    village = rd.places[0]
    assert village.admin1 == "Deir ez-Zor" and rd.places[1].kind == "river"
    assert any("namesake" in n for n in rd.notes) and not any("do not overlap" in n for n in rd.notes)
    assert not geom.is_empty and prec == 1


def test_parts_that_do_not_meet_and_have_no_namesake_keep_the_most_precise():
    rd = _reader("Hajin, west of Aleppo")
    parts = read_parts(rd, ["Hajin", "west of Aleppo"])
    geom, point, prec = combine(rd, parts)
    assert prec == 1 and point is not None and geom.contains(point)
    assert any("do not overlap" in n for n in rd.notes)


def test_a_place_named_with_its_bank_stands_on_that_bank_when_its_point_is_drawn_across_the_river():
    # al-Jnineh (Junaynah) lies on the east bank; the data draw its point a little west of the
    # generalised river line. The claim's words place it on the east bank, within its extent.
    import shapely

    from geomap.relations import claim_geometry

    rd = _reader("al-Jnineh, east of the Euphrates")
    geom, point, prec = combine(rd, read_parts(rd, ["al-Jnineh", "east of the Euphrates"]))
    village = rd.places[0]
    assert village.name == "Junaynah" and point is not None and geom.contains(point)
    assert claim_geometry("east of the Euphrates").geometry.contains(point)   # on the bank it names
    assert shapely.Point(village.point).distance(point) < 0.02   # within the village's extent
    assert not any("do not overlap" in n for n in rd.notes)


def test_near_a_place_whose_point_misses_the_other_part_by_more_than_lines_err_is_judged_as_an_area():
    # Deir ez-Zor city is on the west bank: "near it, east of the Euphrates" has no point of its own.
    rd = _reader("near Deir ez-Zor, east of the Euphrates")
    geom, point, prec = combine(rd, read_parts(rd, ["near Deir ez-Zor", "east of the Euphrates"]))
    assert point is None and not geom.is_empty
    # al-Baghuz's point lies 200 m inside Iraq as Natural Earth draws the border: still itself.
    rd = _reader("on the Syrian side of the border, near al-Baghuz")
    geom, point, prec = combine(rd, read_parts(rd, ["on the Syrian side of the border", "near al-Baghuz"]))
    assert point is not None and geom.contains(point)
