"""The words geomap reads around a place a sentence mentions."""

from geomap.attribution import attribute
from geomap.gazetteer import Gazetteer
from geomap.mentions import find_mentions
from geomap.readings import across_alone, crossing, reading

GAZ = Gazetteer.default()


def _mention(text, name):
    return next(m for m in find_mentions(text, gazetteer=GAZ) if m.text == name), find_mentions(text, gazetteer=GAZ)


def test_the_river_is_the_river_last_named_and_a_heading_is_left_out():
    text = "Jets flew along the Euphrates. They struck the west bank of the river near Mayadin."
    m, ms = _mention(text, "Mayadin")
    assert reading("the west bank of the river near Mayadin", m, ms, GAZ) == (
        "the west bank of the Euphrates near Mayadin", True)
    text = "Troops advanced 20 km south-east of Mayadin toward Abu Kamal."
    m, ms = _mention(text, "Mayadin")
    assert reading("20 km south-east of Mayadin toward Abu Kamal", m, ms, GAZ) == ("20 km south-east of Mayadin", False)


def test_a_party_crossing_the_line_is_on_the_side_that_is_not_its_own():
    text = "The coalition said the Russian pilots kept crossing the Euphrates."
    st = attribute(text)[0]
    m, _ = _mention(text, "Euphrates")
    assert crossing(text, st, m) == "east of the Euphrates"
    assert across_alone("across the Euphrates River", "Euphrates") and not across_alone("across the river from Hajin",
                                                                                          "Euphrates")


def test_crossers_of_no_side_take_no_side():
    # The coalition struck the boats; Islamic State fighters crossed: no side is theirs.
    text = ("Coalition aircraft destroyed six boats that Islamic State fighters were using to cross the Euphrates "
            "River west of Deir ez-Zor, the U.S. military said.")
    st = attribute(text)[0]
    m, _ = _mention(text, "Euphrates River")
    assert crossing(text, st, m) is None
