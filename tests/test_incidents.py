import pathlib

import pytest

from geomap.claims import read_claims, read_claims_text
from geomap.incidents import classify_claims, claims_frame, compare_incident, incident_report

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return claims_frame(read_claims(SEEDS))


def _row(frame, claim_id):
    return frame[frame["claim_id"] == claim_id].iloc[0]


def test_mayadin_claims_sides(seeds):
    v = classify_claims(seeds, "euphrates")
    assert _row(v, "us-crossed-east-of-euphrates")["side"] == "east"
    assert _row(v, "russia-mod-west-bank-mayadin")["side"] == "west"
    assert _row(v, "russia-mod-west-side-near-mayadin")["side"] == "west"
    # "the suburbs of al-Mayadin" is judged at the town, west; its sentence says the suburbs reach across
    suburbs = _row(v, "syria-allies-suburbs-al-mayadin")
    assert suburbs["side"] == "west" and "reaches across" in suburbs["verdict"]
    assert _row(v, "hotline-us-end-al-udeid")["side"] == "not_applicable"
    assert _row(v, "hotline-russian-end-hemeimeem")["side"] == "west"


def test_su22_claims_under_the_tabqa_arc(seeds):
    v = classify_claims(seeds, "tabqa-arc-2017")
    jadin = _row(v, "coalition-jadin-bombing")
    assert jadin["side"] == "north" and jadin["near_line"]
    assert 1.0 < jadin["distance_km"] < 3.5


def test_competing_mayadin_claims_cannot_both_be_true(seeds):
    rows = seeds[seeds["incident"] == "su25-intercept-mayadin-2017-11-23"]
    pairs = {(p["a"], p["b"]): p for p in compare_incident(rows)}
    p = pairs[("us-crossed-east-of-euphrates", "russia-mod-west-bank-mayadin")]
    assert p["compatible"] is False and p["sides"]["euphrates"] == ["east", "west"]
    q = pairs[("russia-mod-west-bank-mayadin", "syria-allies-suburbs-al-mayadin")]
    assert q["compatible"] is True
    # Claims of one party are not compared with each other.
    assert ("us-crossed-east-of-euphrates", "us-coalition-airspace-east") not in pairs


def test_far_apart_claims_have_a_distance():
    (inc,) = read_claims_text("""
incidents:
  - id: x
    date: 2018-01-01
    claims:
      - {id: a, claimant: A, location: Mayadin}
      - {id: b, claimant: B, location: Abu Kamal}
""")
    (p,) = compare_incident(claims_frame([inc]))
    assert not p["compatible"] and 60 < p["distance_km"] < 80 and 70 < p["centre_distance_km"] < 85
    assert list(p["sides"]) == ["euphrates"]  # the Tabqa arc no longer applies in 2018


def test_incident_report_uses_lines_in_force(seeds):
    rep = incident_report(seeds)
    assert rep["su22-shootdown-2017-06-18"]["lines"] == ["euphrates", "tabqa-arc-2017"]
    assert rep["su25-intercept-mayadin-2017-11-23"]["lines"] == ["euphrates", "tabqa-arc-2017"]


def test_a_claims_file_is_read_as_one_document(tmp_path):
    """Tabqa and Raqqa named elsewhere in the file put al-Karamah and al-Sabkha in the Raqqa
    countryside; the frame says how each name was resolved."""
    from geomap.claims import read_claims
    from geomap.incidents import claims_frame

    path = tmp_path / "claims.yaml"
    path.write_text("""incidents:
  - id: a
    date: 2017-06-18
    claims:
      - {id: a1, claimant: SDF, location: near Tabqa}
      - {id: a2, claimant: SDF, location: al-Karamah}
  - id: b
    date: 2017-06-20
    claims:
      - {id: b1, claimant: Syrian government, location: Raqqa}
      - {id: b2, claimant: Syrian government, location: al-Sabkha}
""", encoding="utf-8")
    frame = claims_frame(read_claims(path)).set_index("claim_id")
    for cid in ("a2", "b2"):
        assert frame.loc[cid, "country_code"] == "SY"
        assert 38.9 < frame.loc[cid, "point_lon"] < 39.5, frame.loc[cid, "resolution"]
        assert "context" in frame.loc[cid, "resolution"]


def test_a_region_prefers_places_inside_it_and_a_bad_one_names_the_field(tmp_path):
    from geomap.claims import read_claims
    from geomap.errors import ClaimFormatError
    from geomap.incidents import claims_frame

    path = tmp_path / "claims.yaml"
    path.write_text("region: SY09\nincidents:\n  - id: a\n    claims:\n"
                    "      - {id: a1, claimant: X, location: al-Karamah}\n", encoding="utf-8")
    row = claims_frame(read_claims(path)).iloc[0]
    assert 40.0 < row["point_lon"] < 41.0 and "Deir ez-Zor" in row["resolution"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("incidents:\n  - id: a\n    region: Nowhereland\n    claims:\n"
                   "      - {id: a1, claimant: X, location: Mayadin}\n", encoding="utf-8")
    with pytest.raises(ClaimFormatError, match="bad.yaml.*line 2.*region"):
        claims_frame(read_claims(bad))


def test_coordinates_in_the_location_take_the_stated_uncertainty():
    frame = claims_frame(read_claims_text("""
incidents:
  - id: a
    date: 2017-11-01
    claims:
      - {id: words, claimant: US, location: '34.7687N 40.5423E', uncertainty_km: 5}
      - {id: field, claimant: RU, location: 'near Mayadin', coordinates: '34.7687N 40.5423E', uncertainty_km: 5}
      - {id: default, claimant: SY, location: '34.7687N 40.5423E'}
"""))
    by = frame.set_index("claim_id")
    assert by.loc["words", "disc_km"] == 5 and by.loc["words", "radius_km"] == pytest.approx(5, abs=0.01)
    assert by.loc["words", "geometry"].equals(by.loc["field", "geometry"])   # one disc, however given
    assert by.loc["default", "disc_km"] == 0.5                              # the documented default


def test_no_claims_make_an_empty_frame_with_every_column():
    from geomap.incidents import CLAIMS_SCHEMA, claims_frame

    frame = claims_frame([])
    assert len(frame) == 0 and set(CLAIMS_SCHEMA) <= set(frame.columns)
