"""Shared fixtures. The suite needs only the installed package and its bundled data."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gaz():
    from geomap.gazetteer import Gazetteer

    return Gazetteer.default()


@pytest.fixture()
def runner():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture()
def cli():
    from geomap.cli import main

    return main


#: Claims full of strings that would run if a page wrote them as HTML or broke out of a script.
HOSTILE_CLAIMS = """
incidents:
  - id: xss
    date: 2017-06-18
    title: "</script><script>window.__xss = 1</script>"
    claims:
      - id: a
        claimant: {party: "<img src=x onerror=window.__xss=1>", speaker: "<svg onload=window.__xss=1>"}
        claim: "`${window.__xss=1}` \\u2028 <!-- -->"
        location: near Tabqa
        source: {report: "<iframe src=javascript:window.__xss=1>", quote: "<script>window.__xss=1</script>"}
      - id: b
        claimant: "Other & Sons"
        location: Mayadin
"""


@pytest.fixture()
def hostile_claims():
    from geomap.claims import read_claims_text
    from geomap.incidents import claims_frame

    return claims_frame(read_claims_text(HOSTILE_CLAIMS))
