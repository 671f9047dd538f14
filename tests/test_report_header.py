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
