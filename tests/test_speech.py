"""A sentence's own source, read alone (no earlier sources to tie it to)."""

import pytest

from geomap.speech import embedded_source, sentence_source


@pytest.mark.parametrize("sentence, speaker, party", [
    ("According to the Syrian Observatory for Human Rights, jets struck Hajin.",
     "the Syrian Observatory for Human Rights", "SOHR"),
    ("The strike was confirmed by an official press statement from Operation Inherent Resolve.",
     "an official press statement from Operation Inherent Resolve", "US-led coalition"),
    ("Damien Pickart, a spokesman for U.S. Air Forces Central Command, said the jets turned back.",
     "Damien Pickart", "US-led coalition"),
    ('"We stayed west of the river," said the Russian Defence Ministry.', "the Russian Defence Ministry",
     "Russian MoD"),
])
def test_the_patterns_of_reported_speech_name_speaker_and_party(sentence, speaker, party):
    found = sentence_source(sentence, {})
    assert found is not None and found[:2] == (speaker, party)


def test_a_sentence_without_a_source_has_none_and_a_verb_after_its_subject_clause_is_not_its_own():
    assert sentence_source("Jets struck Hajin on Monday.", {}) is None
    # "said the Russian jets had flown": the jets are what was said, not who said it.
    assert sentence_source("The coalition said the Russian jets had flown east.", {})[1] == "US-led coalition"


def test_a_second_statement_inside_a_sentence_is_its_own_speakers():
    sent = "The US said jets flew, after Russia declared that they were near Mayadin."
    assert embedded_source(sent, sent.index("Mayadin"), "US-led coalition") == ("Russia", "Russia")
    assert embedded_source(sent, sent.index("jets"), "US-led coalition") is None


def test_a_role_naming_its_organisation_by_a_common_noun_takes_the_party_named_before():
    sent = ("Fighters of the Manbij Military Council entered the town on Friday, Sherfan Darwish, the "
            "council's spokesman, told Reuters.")
    assert sentence_source(sent, {})[:2] == ("Sherfan Darwish", "SDF")
    nobody = "Fighters entered the town on Friday, Sherfan Darwish, the council's spokesman, told Reuters."
    assert (sentence_source(nobody, {}) or (None, None))[1] is None   # no council named: no party guessed


def test_an_outlet_citing_a_source_reports_that_sources_claim():
    speaker, party, _ = sentence_source("Al-Mayadeen television reported that Syrian troops had entered Hatla, "
                                        "citing a Syrian military source.", {})
    assert (speaker, party) == ("a Syrian military source", "Syrian government")
    # Citing no party: the outlet's own report, as before.
    assert sentence_source("Al-Mayadeen television reported that troops entered Hatla, citing local sources.",
                           {})[1] == "Al-Mayadeen"


def test_members_of_a_named_network_speak_for_it():
    speaker, party, _ = sentence_source("Local activists of the Deir Ezzor 24 network said Russian jets struck "
                                        "a market in al-Quriyah.", {})
    assert party == "Deir Ezzor 24" and speaker.startswith("Local activists")
    assert sentence_source("Iraqi paramilitary forces said they shelled positions near al-Baghuz.", {})[1] == "Iraq"


@pytest.mark.parametrize("sentence, party", [
    ("Troops advanced to within 10 km of Albu Kamal, a commander in the pro-Damascus military alliance told "
     "Reuters.", "Syrian government"),
    ("An official with the U.S.-led coalition said jets struck Hajin.", "US-led coalition"),
])
def test_a_role_in_a_body_named_after_it_speaks_for_that_body(sentence, party):
    assert sentence_source(sentence, {})[1] == party
