"""The claims file's schema: one boundary, stated once, every failure named and fixable."""

import json
from pathlib import Path

import pytest

from geomap.claims import read_claims, read_claims_text
from geomap.errors import ClaimFormatError
from geomap.schema import SCHEMA_PATH, schema, validate

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
colors: {US: '#1f77b4'}
reports:
  r1.txt: {outlet: Reuters, date: 2017-06-19}
incidents:
  - id: demo
    date: 2017-06-18
    claims:
      - id: us
        claimant: {party: US, speaker: CENTCOM}
        location: south of Tabqa
        uncertainty_km: 5
        confidence: {place: 0.9}
        source: {report: r1.txt, quote: "It dropped bombs."}
      - id: sy
        claimant: Syria
        where: {relation: near, place: Rusafa}
"""


def test_the_schema_is_a_valid_draft7_schema_and_ships_with_the_package():
    from jsonschema import Draft7Validator

    Draft7Validator.check_schema(schema())
    assert SCHEMA_PATH.parent.name == "geomap" and SCHEMA_PATH.exists()
    assert "claims.schema.json" in (ROOT / "setup.cfg").read_text()


def test_the_schema_and_an_independent_validator_agree_on_a_good_file():
    from jsonschema import Draft7Validator

    from geomap.safe_yaml import load_yaml

    data = load_yaml(GOOD, "good.yaml")
    assert list(Draft7Validator(schema()).iter_errors(data)) == []
    validate(data, "good.yaml")
    assert [c.id for c in read_claims_text(GOOD)[0].claims] == ["us", "sy"]


def test_every_bundled_claims_file_and_every_draft_conforms():
    for path in sorted((ROOT / "seeds").glob("*.yaml")):
        assert read_claims(path)
    from geomap.extract import extract

    report = "Jets struck\nJune 18, 2017\n\nThe coalition said a jet bombed fighters south of Tabqa.\n"
    read_claims_text(extract(report).to_yaml())


@pytest.mark.parametrize("old, new, line, field, words", [
    ("uncertainty_km: 5", "uncertainty_km: -3", 11, "uncertainty_km", "out of range"),
    ("uncertainty_km: 5", "uncertainty_km: [5]", 11, "uncertainty_km", "expected a number, found a list"),
    ("confidence: {place: 0.9}", "confidence: {place: 9}", 12, "confidence.place", "from 0 to 1"),
    ("location: south of Tabqa", "locaton: south of Tabqa", 10, "locaton", "did you mean 'location'"),
    ("speaker: CENTCOM", "spekaer: CENTCOM", 9, "claimant.spekaer", "did you mean 'speaker'"),
    ("{relation: near, place: Rusafa}", "{relation: inside, place: Rusafa}", 16, "where.relation", "one of: at"),
    ("{relation: near, place: Rusafa}", "{km: 5000, direction: north, place: Rusafa}", 16, "where.km", "2000"),
    ("quote: \"It dropped bombs.\"", "qoute: x", 13, "source.qoute", "did you mean 'quote'"),
    ("colors: {US: '#1f77b4'}", "colors: {US: blue}", 1, "colors.US", "hex colour"),
    ("  r1.txt: {outlet: Reuters, date: 2017-06-19}", "  r1.txt: {publisher: Reuters}", 3,
     "reports.r1.txt.publisher", "in report 'r1.txt' (allowed: outlet"),
    ("        claimant: Syria\n", "", 14, "claimant", "has no 'claimant'"),
    ("      - id: us\n", "      - name: us\n", 8, "id", "a claim has no 'id' (add 'id: ...')"),
    ("    date: 2017-06-18\n", "    date: [2017]\n", 6, "date", "expected text, found a list"),
    ("location: south of Tabqa", "location: {a: 1}", 10, "location", "in quotes"),
])
def test_each_failure_names_line_and_field_and_the_fix(old, new, line, field, words):
    text = GOOD.replace(old, new)
    assert text != GOOD
    with pytest.raises(ClaimFormatError) as err:
        read_claims_text(text, source="c.yaml")
    e = err.value
    assert (e.source, e.line, e.field) == ("c.yaml", line, field), str(e)
    assert words in str(e), str(e)


def test_a_table_row_is_checked_against_the_same_claim_schema():
    csv = "incident,party,location,uncertainty_km\na,US,near Tabqa,5\na,Syria,near Rusafa,far\n"
    with pytest.raises(ClaimFormatError) as err:
        read_claims_text(csv, source="c.csv", fmt="csv")
    assert (err.value.line, err.value.field) == (3, "uncertainty_km") and "expected a number" in str(err.value)
    far = csv.replace(",far", ",30000")
    with pytest.raises(ClaimFormatError, match="out of range"):
        read_claims_text(far, source="c.csv", fmt="csv")


def test_a_field_name_that_is_not_text_is_named():
    with pytest.raises(ClaimFormatError, match="field name 12 in a claim is not text"):
        read_claims_text(GOOD.replace("        uncertainty_km: 5\n", "        12: 5\n"))


@pytest.mark.parametrize("old, new, field", [
    ("uncertainty_km: 5", "uncertainty_km: .nan", "uncertainty_km"),
    ("{place: 0.9}", "{place: .nan}", "confidence.place"),
    ("{relation: near, place: Rusafa}", "{km: .nan, direction: north, place: Rusafa}", "where.km"),
])
def test_nan_passes_every_json_schema_range_but_not_geomap(old, new, field):
    with pytest.raises(ClaimFormatError, match="NaN is not a number") as err:
        read_claims_text(GOOD.replace(old, new))
    assert err.value.field == field


def test_field_lists_in_code_come_from_the_schema():
    from geomap.claim_fields import CLAIM_FIELDS, WHERE_KEYS

    assert list(CLAIM_FIELDS) == list(json.loads(SCHEMA_PATH.read_text())["definitions"]["claim"]["properties"])
    assert "km" in WHERE_KEYS


def test_a_geojson_claim_is_named_by_its_feature_number():
    feats = [{"type": "Feature", "geometry": None,
              "properties": {"incident": "a", "party": "US", "location": "near Tabqa", "uncertainty_km": u}}
             for u in ("5", "lots")]
    text = json.dumps({"type": "FeatureCollection", "features": feats})
    with pytest.raises(ClaimFormatError) as err:
        read_claims_text(text, source="c.geojson")
    assert str(err.value).startswith("c.geojson, feature 2: field 'uncertainty_km': expected a number")
