"""Parties: sources normalised to the parties they speak for (geomap.parties)."""

import pytest

from geomap.parties import party_of


@pytest.mark.parametrize("source, party", [
    ("the Russian Defence Ministry", "Russian MoD"), ("Maj.-Gen. Igor Konashenkov's MoD", "Russian MoD"),
    ("Central Command", "US-led coalition"), ("a Pentagon spokesman", "US-led coalition"),
    ("Syrian state media", "Syrian government"), ("SANA", "Syrian government"),
    ("a Syrian Democratic Forces spokesman", "SDF"), ("the Syrian Observatory for Human Rights", "SOHR"),
    ("Turkish Defense Ministry", "Turkey"), ("the Israeli military", "Israel"),
    ("the weather service", None),
])
def test_sources_are_normalised_to_parties(source, party):
    assert party_of(source) == party


@pytest.mark.parametrize("source, party", [
    ("the General Command of the Syrian Army", "Syrian government"), ("the Syrian statement", "Syrian government"),
    ("Operation Inherent Resolve", "US-led coalition"), ("the Russian General Staff", "Russian MoD"),
    ("The Syrian Observatory", "SOHR"), ("The Observatory", "SOHR"),   # shortened, at a sentence's start
])
def test_more_ways_of_naming_parties(source, party):
    assert party_of(source) == party


def test_a_backer_named_as_an_adjective_is_not_the_source():
    # The coalition's partner forces in Syria are the SDF, never the coalition itself.
    assert party_of("U.S.-backed Syrian militias") == "SDF"
    assert party_of("coalition-backed fighters") == "SDF"
    assert party_of("US-backed Syrian Democratic Forces") == "SDF"
    assert party_of("the US-led coalition") == "US-led coalition"
    # Other backed forces are not their backer.
    assert party_of("U.S.-backed rebels") is None
    assert party_of("Iran-backed militias") is None


@pytest.mark.parametrize("medium", ["Syrian state TV", "Syrian state television", "Syrian state-run news agency",
                                    "the Syrian state media"])
def test_a_states_media_named_with_its_state_are_its_government(medium):
    assert party_of(medium) == "Syrian government"


@pytest.mark.parametrize("source", ["Syria's army", "Syria's air defences", "Syria's foreign ministry"])
def test_a_states_bodies_named_with_its_name_in_the_possessive_are_its_government(source):
    assert party_of(source) == "Syrian government"
    assert party_of("Syria") is None   # the country alone is no party's voice


def test_the_islamic_state_speaks_through_its_agency_but_is_never_guessed_as_the_actor():
    from geomap.parties import nearest_party

    assert party_of("the group's Amaq news agency") == "Islamic State"
    assert party_of("an Islamic State statement") == "Islamic State"
    # The target of most strikes reported is not who a sentence's unnamed source speaks for.
    assert nearest_party("Islamic State fighters attacked Syrian troops near Mayadin", 0) == "Syrian government"
