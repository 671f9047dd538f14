"""A report's header and dates: headline, date line, relative dates."""

import datetime as dt

import pytest

from geomap.report_header import claim_date, report_header, report_meta


@pytest.mark.parametrize("sentence, expected", [
    ("The jets struck on Sunday.", dt.date(2017, 6, 18)),
    ("It happened yesterday.", dt.date(2017, 6, 19)),
    ("The attack on November 23 was repelled.", dt.date(2016, 11, 23)),
    ("Officials spoke on June 18, 2017.", dt.date(2017, 6, 18)),
    ("No date here.", dt.date(2017, 6, 20)),
])
def test_dates_relative_to_the_report(sentence, expected):
    assert claim_date(sentence, dt.date(2017, 6, 20)) == expected  # a Tuesday


def test_header_prefers_the_texts_own_date():
    title, date = report_header("# Headline\n\nReuters, 9 December 2017\nBody.", dt.date(2000, 1, 1))
    assert title == "Headline" and date == dt.date(2017, 12, 9)


def test_a_wire_dateline_names_the_outlet_and_no_headline():
    meta = report_meta("BEIRUT (Reuters) - Jets struck near Mayadin on Monday.\n", dt.date(2017, 9, 25))
    assert meta["outlet"] == "Reuters" and meta["title"] == "" and meta["date"] == dt.date(2017, 9, 25)


def test_a_wire_dateline_without_a_year_names_the_outlet_and_no_date():
    meta = report_meta("Coalition denies hitting civilians\n\nBEIRUT, Aug 21 (Reuters) - The coalition said ...\n")
    assert meta["outlet"] == "Reuters" and meta["title"] == "Coalition denies hitting civilians"
    assert meta["date"] is None


def test_a_transcript_has_turns_and_a_lone_label_is_no_transcript():
    from geomap.report_header import transcript_turns

    text = ("Press briefing by the coalition spokesman\n\nGEN. SMITH: We struck near Hajin.\n\n"
            "Q: Where exactly?\n\nGEN. SMITH: East of the river.\n")
    turns = transcript_turns(text)
    assert [t[2] for t in turns] == ["GEN. SMITH", "Q", "GEN. SMITH"]
    assert text[turns[1][0]:turns[1][1]].strip() == "Q: Where exactly?"
    assert transcript_turns("UPDATE: The coalition said it struck near Hajin.\nMore text.") == []


def test_an_arabic_agency_dateline_written_with_a_dash_is_the_agencys_voice():
    from geomap.attribution import attribute
    from geomap.report_header import own_voice

    text = ("الجيش يحرر بلدة القورية\n\nدير الزور-سانا\n"
            "حررت وحدات من الجيش بلدة القورية على الضفة الغربية لنهر الفرات.\n")
    said = own_voice(attribute(text), text, report_meta(text))
    assert [s.party for s in said if "القورية" in s.text and "حررت" in s.text] == ["Syrian government"]


def test_the_coalitions_strike_release_speaks_in_its_voice_by_its_dateline():
    from geomap.attribution import attribute
    from geomap.report_header import own_voice

    text = ("Military strikes continue against ISIS terrorists in Syria and Iraq\n\n"
            "SOUTHWEST ASIA - Coalition military forces conducted 8 strikes in Syria on Oct. 29. "
            "Near Abu Kamal, four strikes destroyed two fighting positions.\n")
    said = own_voice(attribute(text), text, report_meta(text))
    assert {s.party for s in said if "Abu Kamal" in s.text} == {"US-led coalition"}
    # A newspaper's story is no release: its own sentences claim nothing.
    story = text.replace("SOUTHWEST ASIA", "BEIRUT (Reuters)")
    assert not [s for s in own_voice(attribute(story), story, report_meta(story)) if s.party]
