import pytest

from geomap.claims import read_claims, read_claims_text
from geomap.errors import ClaimFormatError

GOOD = """\
incidents:
  - id: demo
    date: 2017-06-18
    title: Demo
    claims:
      - id: a
        claimant: {party: Coalition, speaker: statement}
        claim: something
        location: near Tabqa
        source: {report: 002.txt, quote: "near Tabqa"}
      - id: b
        claimant: Syria
        location: the southern Raqqa countryside
      - id: c
        claimant: Someone
        location: Mayadin
        coordinates: "35.02, 40.45"
        uncertainty_km: 2
"""


def test_yaml_claims():
    (inc,) = read_claims_text(GOOD, source="demo.yaml")
    assert inc.id == "demo" and inc.date.isoformat() == "2017-06-18"
    assert [c.id for c in inc.claims] == ["a", "b", "c"]
    assert inc.claims[0].party == "Coalition" and inc.claims[0].quote == "near Tabqa"
    assert inc.claims[1].party == "Syria" and inc.claims[1].date == inc.date
    assert inc.claims[2].coordinates == (40.45, 35.02)
    assert inc.parties == ["Coalition", "Syria", "Someone"]


def test_csv_claims():
    text = ("incident,date,title,id,party,speaker,claim,location,coordinates,report,quote\n"
            "x,2017-06-18,T,a,Coalition,,c,near Tabqa,,r.txt,q\n"
            "x,2017-06-18,T,b,Syria,,c,Raqqa Province,,r.txt,q\n")
    (inc,) = read_claims_text(text, source="c.csv", fmt="csv")
    assert [c.party for c in inc.claims] == ["Coalition", "Syria"] and inc.claims[1].line == 3


def test_geojson_claims_point_is_coordinates():
    text = ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point",'
            ' "coordinates": [40.45, 35.02]}, "properties": {"incident": "x", "party": "P", "location": "Mayadin"}}]}')
    (inc,) = read_claims_text(text, source="c.geojson")
    assert inc.claims[0].coordinates == (40.45, 35.02)


@pytest.mark.parametrize("mutate, line, field, words", [
    (lambda t: t.replace("        claimant: Syria\n", ""), 11, "claimant", "has no 'claimant'"),
    (lambda t: t.replace("date: 2017-06-18", "date: 18/06/2017"), 3, "date", "YYYY-MM-DD"),
    (lambda t: t.replace("        location: near Tabqa\n", "        locaton: near Tabqa\n"), 9, "locaton",
     "did you mean 'location'"),
    (lambda t: t.replace('coordinates: "35.02, 40.45"', 'coordinates: "95, 40"'), 17, "coordinates", "out of range"),
    (lambda t: t.replace("uncertainty_km: 2", "uncertainty_km: far"), 18, "uncertainty_km", "expected a number"),
    (lambda t: t.replace("    title: Demo\n", "    title: Demo\n  bad indent\n"), 6, None, "not valid YAML"),
])
def test_errors_name_file_line_and_field(mutate, line, field, words):
    with pytest.raises(ClaimFormatError) as err:
        read_claims_text(mutate(GOOD), source="demo.yaml")
    msg = str(err.value)
    assert msg.startswith("demo.yaml, line ") and words in msg
    assert err.value.line == line
    if field:
        assert f"field {field!r}" in msg


def test_uninterpretable_location_names_file_line_and_claim():
    incs = read_claims_text(GOOD.replace("near Tabqa\n        source", "near Atlantis\n        source"),
                            source="demo.yaml")
    with pytest.raises(ClaimFormatError) as err:
        incs[0].claims[0].geometry()
    assert "demo.yaml, line 6" in str(err.value) and "'a'" in str(err.value) and "Atlantis" in str(err.value)


def test_duplicate_ids(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    with pytest.raises(ClaimFormatError, match="used twice"):
        read_claims(tmp_path)


def test_empty_and_missing(tmp_path):
    (tmp_path / "e.yaml").write_text("")
    with pytest.raises(ClaimFormatError, match="empty"):
        read_claims(tmp_path / "e.yaml")
    with pytest.raises(ClaimFormatError, match="no such file"):
        read_claims(tmp_path / "nope.yaml")


def test_seed_claims_read_and_cite_their_reports():
    import pathlib

    seeds = pathlib.Path(__file__).resolve().parent.parent / "seeds"
    incs = read_claims(seeds)
    assert len(incs) >= 4
    for inc in incs:
        for c in inc.claims:
            assert c.report and c.quote, c.id
            c.geometry()  # every seed location is understood


def test_suspicious_input_warns(tmp_path):
    import warnings

    from geomap.claims import read_claims_text
    from geomap.errors import GeomapWarning
    from geomap.incidents import claims_frame

    text = """
incidents:
  - id: i
    date: 2017-11-23
    claims:
      - {id: a, claimant: A, coordinates: '40.45, 35.02'}
      - {id: b, claimant: B, location: near Mayadin}
      - {id: c, claimant: B, location: near Mayadin}
"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims_frame(read_claims_text(text, source="sw.yaml"))
    messages = [str(w.message) for w in caught if issubclass(w.category, GeomapWarning)]
    assert any("'a'" in m and "swapped" in m for m in messages)
    assert any("'b' and 'c'" in m and "duplicate" in m for m in messages)
    with warnings.catch_warnings(record=True) as caught:  # the same claims, written right: no warning
        warnings.simplefilter("always")
        claims_frame(read_claims_text(text.replace("40.45, 35.02", "35.02, 40.45").replace(
            "{id: c, claimant: B, location: near Mayadin}", "{id: c, claimant: B, location: near Hajin}")))
    assert not [w for w in caught if issubclass(w.category, GeomapWarning)]


def _one_incident(tmp_path, claims: str, head: str = "", name: str = "c.yaml"):
    """A claims file with one incident 'a' holding ``claims`` (YAML list items, 6-space indent)."""
    path = tmp_path / name
    path.write_text(head + "incidents:\n  - id: a\n    claims:\n" + claims, encoding="utf-8")
    return path


def test_where_is_geomaps_reading_and_location_the_sources_words(tmp_path):
    """Wording geomap cannot read is no error when 'where' gives the reading."""
    from geomap.incidents import claims_frame

    path = _one_incident(tmp_path, "      - id: a1\n        claimant: Russian MoD\n"
                         "        location: the industrial zone east of the river by the city\n"
                         "        where: east of the Euphrates near Deir ez-Zor\n"
                         "        drafted: true\n        confidence: {place: 0.9, where: 0.5}\n")
    inc = read_claims(path)[0]
    c = inc.claims[0]
    assert c.drafted and dict(c.confidence) == {"place": 0.9, "where": 0.5}
    frame = claims_frame([inc])
    assert frame.iloc[0]["side_of"] == "euphrates"


@pytest.mark.parametrize("extra, field", [
    ("        drafted: maybe\n", "drafted"),
    ("        confidence: {place: 2}\n", "confidence"),
    ("        denies: nowhere\n", "denies"),
])
def test_draft_fields_are_checked(tmp_path, extra, field):
    path = _one_incident(tmp_path, "      - id: a1\n        claimant: X\n        location: Mayadin\n" + extra)
    with pytest.raises(ClaimFormatError, match=field):
        read_claims(path)


def test_reports_are_cited_not_named_by_file(tmp_path):
    from geomap.incidents import claims_frame

    path = _one_incident(tmp_path, "      - {id: a1, claimant: X, location: Mayadin, source: {report: r1.txt}}\n"
                         "      - {id: a2, claimant: Y, location: Raqqa, source: {report: other.txt}}\n",
                         head="reports:\n  r1.txt: {outlet: Global Research, title: Fight in the Skies, "
                              "author: Sophie Mangal, date: 2017-12-10, url: 'https://example.org/a'}\n")
    frame = claims_frame(read_claims(path)).set_index("claim_id")
    assert frame.loc["a1", "citation"] == ("Sophie Mangal, “Fight in the Skies”, Global Research, "
                                           "2017-12-10. https://example.org/a")
    assert frame.loc["a2", "citation"] == "other.txt (report file)"


@pytest.mark.parametrize("reports, words", [
    ("reports: [a, b]\n", "reports"),
    ("reports:\n  r1.txt: {publisher: X}\n", "publisher"),
    ("reports:\n  r1.txt: {date: 2017-13-40}\n", "date"),
])
def test_bad_report_citations_are_clean_errors(tmp_path, reports, words):
    path = _one_incident(tmp_path, "      - {id: a1, claimant: X, location: Mayadin}\n", head=reports)
    with pytest.raises(ClaimFormatError, match=words):
        read_claims(path)


def test_a_claims_file_sets_party_colours_for_the_whole_run(tmp_path):
    from geomap.incidents import claims_frame
    from geomap.render.elements import frame_colors
    from geomap.render.maps import claims_map, render_html

    path = _one_incident(tmp_path, "      - {id: a1, claimant: Russian MoD, location: Mayadin}\n"
                         "      - {id: a2, claimant: SDF, location: Raqqa}\n",
                         head="colors: {Russian MoD: '#AA0000'}\n")
    frame = claims_frame(read_claims(path))
    colors = frame_colors(frame)
    assert colors["Russian MoD"] == "#aa0000" and colors["SDF"].startswith("#")
    assert '"#aa0000"' in render_html(claims_map(frame))
    bad = _one_incident(tmp_path, "      - {id: a1, claimant: SDF, location: Raqqa}\n",
                        head="colors: {SDF: red-ish}\n", name="bad.yaml")
    with pytest.raises(ClaimFormatError, match="colors"):
        read_claims(bad)


@pytest.mark.parametrize("where, words", [
    ("{side: west, of: Euphrates, relation: bank, place: Mayadin}", "west bank of the Euphrates near Mayadin"),
    ("{km: 12, direction: north, place: Tabqa}", "12 km north of Tabqa"),
    ("{relation: suburbs, place: Mayadin}", "the suburbs of Mayadin"),
    ("{side: east, of: Euphrates}", "east side of the Euphrates"),
])
def test_where_as_a_structured_reading(tmp_path, where, words):
    from geomap.incidents import claims_frame

    path = _one_incident(tmp_path, "      - id: a1\n        claimant: X\n"
                         f"        location: as the source worded it\n        where: {where}\n")
    claim = read_claims(path)[0].claims[0]
    assert claim.where == words
    assert claims_frame(read_claims(path)).iloc[0]["geometry"] is not None


@pytest.mark.parametrize("where, field", [
    ("{side: west}", "where.of"), ("{km: 12, place: Tabqa}", "where.direction"),
    ("{relation: beside, place: Tabqa}", "where.relation"), ("{colour: red}", "colour"),
])
def test_bad_structured_readings_name_the_part(tmp_path, where, field):
    path = _one_incident(tmp_path, f"      - id: a1\n        claimant: X\n        location: words\n"
                         f"        where: {where}\n")
    with pytest.raises(ClaimFormatError, match=field):
        read_claims(path)
