"""``geomap extract`` and maps straight from report texts."""

import json

import yaml

from tests.test_extract import SU25_FORTRUSS, SU25_GPA


def _report(tmp_path, text):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_writes_a_draft_claims_file(runner, cli, tmp_path):
    report = _report(tmp_path, SU25_FORTRUSS)
    out = tmp_path / "claims.yaml"
    result = runner.invoke(cli, ["extract", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    claims = doc["incidents"][0]["claims"]
    assert all(c["drafted"] is True and c["confidence"] and c["where"] for c in claims)
    assert claims[0]["source"]["report"] == "report.txt"


def test_voice_names_whose_release_a_report_is(runner, cli, tmp_path):
    report = _report(tmp_path, "Strikes continue\nMarch 4, 2017\n\nNear Mayadin, two strikes destroyed a vehicle.\n")
    assert runner.invoke(cli, ["extract", str(report)]).exit_code != 0   # nobody's claim without it
    result = runner.invoke(cli, ["extract", str(report), "--voice", "CJTF-OIR"])
    assert result.exit_code == 0, result.output
    claim = yaml.safe_load(result.output)["incidents"][0]["claims"][0]
    assert claim["claimant"] == {"party": "US-led coalition", "speaker": "CJTF-OIR"}


def test_mentions_as_geojson_with_spans(runner, cli, tmp_path):
    report = _report(tmp_path, SU25_GPA)
    result = runner.invoke(cli, ["extract", "--mentions", "--sequence", str(report)])
    assert result.exit_code == 0, result.output
    feats = [json.loads(line) for line in result.output.splitlines()]
    for f in feats:
        p = f["properties"]
        assert SU25_GPA[p["start"]:p["end"]] == p["text"] and p["status"] and f["geometry"]
    assert "Mayadin" in [f["properties"]["text"] for f in feats]


def test_map_straight_from_a_report(runner, cli, tmp_path):
    report = _report(tmp_path, SU25_FORTRUSS)
    page = tmp_path / "map.html"
    result = runner.invoke(cli, ["map", str(report), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "Mayadin" in page.read_text(encoding="utf-8")


def test_bad_date_and_empty_reports_are_clean_errors(runner, cli, tmp_path):
    report = _report(tmp_path, "Nothing here.\n\nThe weather was fine.")
    bad = runner.invoke(cli, ["extract", str(report), "--date", "2017-13-01"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output
    empty = runner.invoke(cli, ["extract", str(report)])
    assert empty.exit_code != 0 and "no claim about a place" in empty.output
    assert "Traceback" not in empty.output + bad.output


def test_an_undated_report_is_drafted_with_a_warning_that_names_the_fix(runner, cli, tmp_path):
    report = _report(tmp_path, "Jets strike Mayadin\n\nBEIRUT, Aug 21 (Reuters) - Russia's Defence Ministry said "
                               "its jets struck near Mayadin on Monday.\n")
    result = runner.invoke(cli, ["extract", str(report)])
    assert result.exit_code == 0 and "no full date" in result.stderr and "--date" in result.stderr
    dated = runner.invoke(cli, ["extract", str(report), "--date", "2017-08-21"])
    assert "no full date" not in dated.stderr
    assert yaml.safe_load(dated.stdout)["incidents"][0]["claims"][0]["date"] == "2017-08-21"


def test_counts_are_said_in_the_singular_too(runner, cli, tmp_path):
    report = _report(tmp_path, "Jets strike Mayadin\n\nMOSCOW (Reuters) - August 21, 2017 - Russia's Defence "
                               "Ministry said its jets struck near Mayadin.\n")
    page = tmp_path / "map.html"
    result = runner.invoke(cli, ["map", str(report), "-o", str(page)])
    assert result.exit_code == 0 and "(1 claim)" in result.stderr


def test_an_archive_drafted_in_several_processes_is_the_same_file(runner, cli, tmp_path):
    paths = []
    for k, text in enumerate([SU25_GPA, SU25_FORTRUSS] * 4):
        paths.append(str(_report(tmp_path, text).rename(tmp_path / f"r{k}.txt")))
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    assert runner.invoke(cli, ["extract", *paths, "-o", str(one), "--jobs", "1"]).exit_code == 0
    result = runner.invoke(cli, ["extract", *paths, "-o", str(two), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert two.read_text() == one.read_text()
    first = one.read_text().splitlines()[0]
    assert "from 8 reports (r0.txt, r1.txt, r2.txt, r3.txt, r4.txt ...)" in first   # not every name
    assert set(yaml.safe_load(one.read_text())["reports"]) == {f"r{k}.txt" for k in range(8)}
