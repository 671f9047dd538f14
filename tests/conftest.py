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


def _synthetic_events(n: int = 3000, seed: int = 2):
    """A UCDP-like event table: positions around the Euphrates, UCDP precision codes, dates, governorates."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "id": np.arange(n), "latitude": rng.uniform(34.3, 36.8, n), "longitude": rng.uniform(37.5, 41.5, n),
        "where_prec": rng.choice([1, 2, 3, 4, 6], n),
        "date_start": (np.datetime64("2017-01-01") + rng.integers(0, 900, n)).astype(str),
        "adm_1": rng.choice(["Ar Raqqah governorate", "Dayr az Zawr governorate", "Aleppo governorate"], n),
    })


@pytest.fixture(scope="session")
def event_table():
    """``event_table(n)``: a synthetic event table of ``n`` rows (the same rows for the same n)."""
    return _synthetic_events


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
