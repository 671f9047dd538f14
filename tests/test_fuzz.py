"""Generated broken input: a result or a GeomapError, never another exception (hypothesis, fixed budget).

The budget is small and the search derandomised so CI is reproducible; the
longer run is ``python benchmarks/fuzz.py`` (cases tried, failures found).
"""

from __future__ import annotations

import json
import math
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.errors import GeomapError

#: Examples per test: small in CI (derandomised, reproducible); GEOMAP_FUZZ_EXAMPLES=2000 for a long hunt.
EXAMPLES = int(os.environ.get("GEOMAP_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 40, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

#: Values that have broken readers before: odd types, impossible dates, non-finite numbers, control
#: and separator characters, template and markup syntax, very long text.
NASTY = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", " ", "2017-09-31", "2017-13-01", "0000-00-00", "near", "near Atlantis", "35-40",
                     "95, 181", "33 51 12 S 151 12 36 E", "nan", "-inf", "1e400", "{{ 7*7 }}", "<script>",
                     "Mayadin\u2028Raqqa", "a\x00b", "\ud800", "\x1c\x1d\x1e", "west of", "12 km of Tabqa",
                     "x" * 5000, "Mayadin, Mayadin, Mayadin", "suburbs of", "the", "Raqqa Province airspace"]),
    st.text(max_size=40),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)

CLAIM_KEYS = ["id", "claimant", "claim", "location", "coordinates", "uncertainty_km", "source", "date", "notes",
              "where", "drafted", "confidence", "denies", "bogus", 5]


@st.composite
def claims_documents(draw):
    claims = []
    for i in range(draw(st.integers(0, 3))):
        c = {"id": f"c{i}", "claimant": draw(st.sampled_from(["A", "B"])), "location": "near Mayadin"}
        for key in draw(st.lists(st.sampled_from(CLAIM_KEYS), max_size=3)):
            c[key] = draw(NASTY)
        claims.append(c)
    inc = {"id": draw(st.one_of(st.just("i"), NASTY)), "date": draw(st.one_of(st.just("2017-11-23"), NASTY)),
           "claims": claims if draw(st.booleans()) else draw(NASTY)}
    return {"incidents": [inc] if draw(st.booleans()) else draw(NASTY)}


def _dump(doc) -> str:
    try:
        return yaml.safe_dump(doc, allow_unicode=True)
    except Exception:
        return "incidents: [\n"


def _through_library(text: str, fmt=None):
    from geomap.claims import read_claims_text
    from geomap.incidents import claims_frame
    from geomap.render.maps import claims_map, render_html
    from geomap.verdicts import compare_claims, verdict_table

    try:
        frame = claims_frame(read_claims_text(text, source="fuzz", fmt=fmt))
        if len(frame):
            table = verdict_table(frame)
            compare_claims(frame, table)
            render_html(claims_map(frame, verdicts=table, links=True))
    except GeomapError:
        pass


@FUZZ
@given(claims_documents())
def test_claims_yaml(doc):
    _through_library(_dump(doc), fmt="yaml")


@FUZZ
@given(st.lists(st.lists(NASTY.map(lambda v: str(v).replace(",", " ")), min_size=2, max_size=6), max_size=4))
def test_claims_csv(rows):
    text = "incident,id,claimant,location,coordinates,date\n" + "".join(",".join(r) + "\n" for r in rows)
    _through_library(text, fmt="csv")


@FUZZ
@given(st.lists(st.tuples(NASTY, NASTY, NASTY, NASTY, NASTY), max_size=4))
def test_event_tables(rows):
    from geomap.events import read_events_text
    from geomap.verdicts import verdict_table

    head = "id\tdate_start\twhere_coordinates\twhere_prec\tadm_1\tlatitude\tlongitude\n"
    body = "".join(f"{i}\t{d}\t{p}\t{prec}\tx\t{lat}\t{lon}\n".replace("\n", " ", 0)
                   for i, (d, p, prec, lat, lon) in enumerate(rows))
    try:
        events = read_events_text(head + body)
        if len(events):
            verdict_table(events)
    except GeomapError:
        pass


LINE_KEYS = ["name", "left_label", "right_label", "accuracy_km", "area", "area_grow_km", "valid_from",
             "valid_to", "approximate", "side_parties", "title"]


@FUZZ
@given(st.dictionaries(st.sampled_from(LINE_KEYS), NASTY, max_size=4))
def test_line_files(tmp_path_factory, props):
    from geomap.lines import load_line
    from geomap.verdicts import verdict_table
    from geomap.incidents import claims_frame
    from geomap.claims import read_claims_text

    p = tmp_path_factory.mktemp("line") / "l.geojson"
    p.write_text(json.dumps({"type": "Feature", "properties": props, "geometry": {
        "type": "LineString", "coordinates": [[38, 35], [40, 36]]}}, default=str), encoding="utf-8")
    try:
        line = load_line(p)
        verdict_table(claims_frame(read_claims_text(
            "incidents: [{id: i, date: 2017-11-23, claims: [{id: a, claimant: A, location: near Mayadin}]}]")),
            lines=[line])
    except GeomapError:
        pass


GEOMETRY = st.one_of(
    NASTY,
    st.fixed_dictionaries({"type": st.sampled_from(["Point", "Polygon", "LineString", "MultiPolygon", "Bogus"]),
                           "coordinates": st.recursive(st.one_of(NASTY, st.floats()),
                                                       lambda c: st.lists(c, max_size=4), max_leaves=12)}),
)


@FUZZ
@given(feats=st.lists(st.fixed_dictionaries({"type": st.sampled_from(["Feature", "Feature", "X"]),
                                             "properties": st.one_of(st.none(), NASTY,
                                                                     st.dictionaries(st.text(max_size=8), NASTY)),
                                             "geometry": GEOMETRY}), max_size=3))
def test_geojson_through_classify_and_map(tmp_path_factory, feats):
    from click.testing import CliRunner

    from geomap.cli import main

    try:
        text = json.dumps({"type": "FeatureCollection", "features": feats}, allow_nan=True)
    except (TypeError, ValueError):
        return
    runner = CliRunner()
    out = tmp_path_factory.mktemp("fz") / "o.html"
    for args in (["classify", "-"], ["map", "-", "-o", str(out)]):
        res = runner.invoke(main, args, input=text)
        assert res.exit_code in (0, 1, 2), res.output
        assert not (res.exception and not isinstance(res.exception, SystemExit)), repr(res.exception)
        if res.exit_code == 0 and args[0] == "classify":
            json.loads(res.stdout)  # valid JSON out, always


@FUZZ
@given(st.one_of(st.text(max_size=60), NASTY.map(str)))
def test_names_resolve_or_not(name):
    from geomap.gazetteer import Gazetteer

    res = Gazetteer.default().resolve(name)
    assert res.status in ("resolved", "ambiguous", "not_found")


@FUZZ
@given(st.one_of(st.text(alphabet="0123456789 .,-+NSEWnsew°'\"dms:/", max_size=30), NASTY.map(str)))
def test_coordinates_in_range_or_refused(text):
    from geomap.coords import parse_coordinates
    from geomap.errors import CoordinateError

    try:
        lon, lat = parse_coordinates(text)
    except CoordinateError:
        return
    assert math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90


@pytest.mark.parametrize("args", [["resolve", "-"], ["classify", "-"], ["map", "-", "-o", "{out}"]])
@FUZZ
@given(text=st.text(max_size=200))
def test_cli_on_arbitrary_text(tmp_path_factory, args, text):
    from click.testing import CliRunner

    from geomap.cli import main

    out = tmp_path_factory.mktemp("fz") / "o.html"
    res = CliRunner().invoke(main, [a.format(out=out) for a in args], input=text)
    assert not (res.exception and not isinstance(res.exception, SystemExit)), repr(res.exception)
    assert "Traceback" not in res.output


#: Pieces of report text: real-looking sentences, relation words, names, and noise.
REPORT_PIECES = st.sampled_from([
    "According to the MoD, the jets stayed on the west side of the river near the village of Mayadin.",
    "The coalition said the Su-22 bombed SDF fighters at Ja'Din, south of Tabqa.",
    "He added:", '"The jets crossed east of the Euphrates," he said.', "Damascus stated nothing.",
    "Al-Mayadeen television reported clashes.", "rather than crossing the Euphrates", "on Sunday",
    "December 10, 2017", "# Headline", "By Somebody", "\n\n", "Mayadin" * 50, "\u2028", "\x00", "{{ 7*7 }}",
])


@FUZZ
@given(st.lists(st.one_of(REPORT_PIECES, st.text(max_size=60)), max_size=12))
def test_extract_survives_any_report(pieces):
    """Report text of any shape drafts claims (maybe none) and never raises."""
    from geomap.claims import read_claims_text
    from geomap.extract import extract

    ex = extract(" ".join(pieces), source="fuzz.txt")
    if ex.incidents:  # what it drafts reads back as a claims file
        read_claims_text(ex.to_yaml(), source="draft.yaml")
