"""Positions one sentence names twice: when one narrows the other, one claim (geomap.narrowing)."""

from __future__ import annotations

from geomap.extract import extract


def _wheres(text):
    ex = extract(text, source="report.txt")
    return [c.where for inc in ex.incidents for c in inc.claims]


def test_a_side_then_how_near_is_one_position():
    text = ("A Pentagon spokesman said Russian jets had flown east of the Euphrates, across the deconfliction "
            "line, six to eight times a day in recent weeks, near Abu Kamal.")
    (where,) = _wheres(text)
    assert "east" in where and "Abu Kamal" in where


def test_another_action_between_keeps_two_positions():
    text = ("A Pentagon spokesman said Russian jets had flown east of the Euphrates, then bombed "
            "positions near Abu Kamal.")
    assert len(_wheres(text)) == 2


def test_a_place_far_from_the_side_named_keeps_two_positions():
    # Palmyra lies nowhere near the east bank: a second place, not a narrowing.
    text = ("A Pentagon spokesman said Russian jets had flown east of the Euphrates, across the deconfliction "
            "line, in recent weeks, near Palmyra.")
    assert len(_wheres(text)) == 2
