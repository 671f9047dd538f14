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
