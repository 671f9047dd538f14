"""``geomap resolve``: GeoJSON out, one feature per name, clean errors."""

import json

import pytest


def _fc(result):
    assert result.exit_code == 0, result.output
    fc = json.loads(result.stdout)
    assert fc["type"] == "FeatureCollection"
    return fc["features"]


def test_names_as_arguments_keep_order(runner, cli):
    feats = _fc(runner.invoke(cli, ["resolve", "Raqqah", "Pickart", "Dair Alzour"]))
    assert [f["properties"]["query"] for f in feats] == ["Raqqah", "Pickart", "Dair Alzour"]
    assert [f["properties"]["status"] for f in feats] == ["resolved", "not_found", "resolved"]
    assert feats[1]["geometry"] is None
    p = feats[2]["properties"]
    for key in ("name", "kind", "country_code", "admin1", "score", "candidates", "source"):
        assert key in p
    assert p["name"] == "Deir ez-Zor" and feats[2]["geometry"]["type"] == "Point"


def test_stdin_one_name_per_line(runner, cli):
    text = "Mayadin\n\n# a comment\nal-Udeid air base\nالرقة\n"
    feats = _fc(runner.invoke(cli, ["resolve", "-"], input=text))
    assert [f["properties"]["query"] for f in feats] == ["Mayadin", "al-Udeid air base", "الرقة"]
    assert feats[1]["properties"]["kind"] == "air_base"


def test_duplicate_names_give_one_feature_each(runner, cli):
    feats = _fc(runner.invoke(cli, ["resolve", "-"], input="Tabqa\nTabqa\n"))
    assert len(feats) == 2


def test_sequence_output(runner, cli):
    result = runner.invoke(cli, ["resolve", "--sequence", "Mayadin", "Tabqa"])
    assert result.exit_code == 0
    lines = result.stdout.strip().split("\n")
    assert [json.loads(x)["properties"]["query"] for x in lines] == ["Mayadin", "Tabqa"]


def test_file_option(runner, cli, tmp_path):
    f = tmp_path / "names.txt"
    f.write_text("Hemeimeem\nKonashenkov\n", encoding="utf-8")
    feats = _fc(runner.invoke(cli, ["resolve", "-f", str(f)]))
    assert [x["properties"]["status"] for x in feats] == ["resolved", "not_found"]


def test_missing_file_is_one_clean_line(runner, cli, tmp_path):
    result = runner.invoke(cli, ["resolve", "-f", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "no such file" in result.output
    assert "Traceback" not in result.output


def test_empty_input_is_a_usage_error(runner, cli):
    result = runner.invoke(cli, ["resolve", "-"], input="\n\n")
    assert result.exit_code == 2
    assert "no names given" in result.output


def test_bad_option_value(runner, cli):
    result = runner.invoke(cli, ["resolve", "--kind", "volcano", "Tabqa"])
    assert result.exit_code == 2 and "volcano" in result.output


def test_strict_exits_nonzero_when_a_name_is_not_resolved(runner, cli):
    result = runner.invoke(cli, ["resolve", "--strict", "Mayadin", "Pentagon"])
    assert result.exit_code == 2
    assert "Pentagon" in result.stderr


def test_not_utf8_file(runner, cli, tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Ja\xe9din\n".encode("latin-1"))
    result = runner.invoke(cli, ["resolve", "-f", str(f)])
    assert result.exit_code == 2 and "not UTF-8" in result.output


def test_version_and_help(runner, cli):
    assert runner.invoke(cli, ["--version"]).exit_code == 0
    out = runner.invoke(cli, ["--help"]).output
    for cmd in ("resolve", "classify", "map", "publish", "lines", "gazetteer"):
        assert cmd in out


def test_rs_sequences_round_trip(runner, cli):
    import json

    res = runner.invoke(cli, ["resolve", "--sequence", "--rs", "Mayadin", "Hajin"])
    assert res.exit_code == 0, res.output
    records = res.stdout.split("\x1e")
    assert records[0] == "" and len(records) == 3                      # RFC 8142: RS before each text
    assert [json.loads(r)["properties"]["query"] for r in records[1:]] == ["Mayadin", "Hajin"]
    out = runner.invoke(cli, ["classify", "-", "--sequence", "--rs"], input=res.stdout)
    assert out.exit_code == 0, out.output
    assert [json.loads(r)["properties"]["side"] for r in out.stdout.split("\x1e")[1:]] == ["west", "east"]


def _props(output: str) -> list:
    return [json.loads(line)["properties"] for line in output.splitlines() if line.strip()]


def test_joint_reads_the_names_as_one_document(runner, cli):
    result = runner.invoke(cli, ["resolve", "--sequence", "--joint", "Tabqa", "Raqqa", "al-Karamah"])
    assert result.exit_code == 0, result.output
    karamah = _props(result.output)[2]
    assert karamah["status"] == "resolved" and karamah["admin1"] == "Raqqa"
    assert karamah["match"] == "context" and karamah["context"] and karamah["reason"]


def test_within_a_pcode_and_near_with_a_radius(runner, cli):
    result = runner.invoke(cli, ["resolve", "--sequence", "--within", "SY09", "al-Karamah"])
    assert _props(result.output)[0]["pcode"].startswith("SY09")
    result = runner.invoke(cli, ["resolve", "--sequence", "--near", "Raqqa:60", "al-Karamah"])
    assert _props(result.output)[0]["pcode"].startswith("SY11")
    result = runner.invoke(cli, ["resolve", "--sequence", "--near", "39.0,35.9:60", "al-Karamah"])
    assert _props(result.output)[0]["pcode"].startswith("SY11")


@pytest.mark.parametrize("option, value, words", [
    ("--within", "Nowhereland", "within: no administrative unit"),
    ("--within", "41,35,40,36", "W < E"),
    ("--near", "200,40", "LON,LAT"),
    ("--near", "Qwzxv", "near: no place matches"),
])
def test_bad_context_is_one_clean_line(runner, cli, option, value, words):
    result = runner.invoke(cli, ["resolve", option, value, "Mayadin"])
    assert result.exit_code != 0 and words in result.output and "Traceback" not in result.output


def test_rivals_carry_their_distance(runner, cli):
    result = runner.invoke(cli, ["resolve", "--sequence", "Rusafa area"])
    props = _props(result.output)[0]
    assert props["status"] == "ambiguous" and props["candidates"]
    assert all(c["distance_km"] > 10 for c in props["candidates"])


def test_event_table_names_resolve_in_their_rows_context(runner, cli, tmp_path):
    table = tmp_path / "events.tsv"
    table.write_text(
        "id\tdate_start\twhere_coordinates\twhere_prec\tadm_1\tadm_2\tlatitude\tlongitude\n"
        "1\t2018-01-01\tAl Karamah village\t4\tRaqqa governorate\tAr Raqqa district\t35.95\t39.0\n"
        "2\t2018-01-01\tAl Karamah village\t4\tDeir ez-Zor governorate\tAl Mayadin district\t35.0\t40.45\n"
        "3\t2018-01-01\tAl Karamah village\t2\t\t\t35.0\t40.45\n", encoding="utf-8")
    result = runner.invoke(cli, ["resolve", "--sequence", "--events", str(table)])
    assert result.exit_code == 0, result.output
    rows = _props(result.output)
    assert rows[0]["admin2"] == "Ar-Raqqa" and rows[1]["admin2"] == "Al Mayadin"
    # Precision 2: never farther than 25 km from the coded point.
    assert rows[2]["distance_km"] <= 25 and rows[2]["pcode"].startswith("SY09")
    assert [r["row"] for r in rows] == [2, 3, 4]


def test_output_does_not_depend_on_hash_order(tmp_path):
    """Ties between equally good spellings are broken by the spelling, not by set order."""
    import os
    import subprocess
    import sys

    names = "\n".join(["Bshili", "Mayadxin", "Rusafa", "Qaryatayn", "Dhiban", "Abu Kamalxx"])
    outs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", "from geomap.cli import main; main()", "resolve",
                              "--sequence", "-"], input=names, capture_output=True, text=True, env=env,
                             check=True).stdout
        outs.add(out)
    assert len(outs) == 1


@pytest.mark.parametrize("name, bank", [
    ("Mayadin", "west"), ("Thiban", "east"), ("Dhiban", "east"), ("Hajin", "east"),
    ("Abu Kamal", "west"), ("Al Ashara", "west"), ("Susah", "east"), ("Khasham", "east"),
    ("Muhasan", "west"), ("Basira", "east"),
])
def test_towns_on_the_right_bank_through_resolve_and_classify(runner, cli, name, bank):
    """`geomap resolve - | geomap classify -`: the place picked decides the bank."""
    resolved = runner.invoke(cli, ["resolve", "-"], input=name + "\n")
    classified = runner.invoke(cli, ["classify", "--sequence", "-"], input=resolved.stdout)
    assert classified.exit_code == 0, classified.output
    assert json.loads(classified.stdout.splitlines()[0])["properties"]["side"] == bank


def test_a_sequence_is_written_part_by_part_with_the_same_output(runner, cli, monkeypatch):
    import geomap.cli.resolve as mod

    names = "\n".join(["Mayadin", "Hajin", "Nowhereville", "Tabqa", "Raqqa Province", "Hajin"] * 3) + "\n"
    whole = runner.invoke(cli, ["resolve", "--sequence", "-"], input=names)
    monkeypatch.setattr(mod, "STREAM_NAMES", 4)
    parts = runner.invoke(cli, ["resolve", "--sequence", "-"], input=names)
    assert whole.exit_code == parts.exit_code == 0
    assert parts.stdout == whole.stdout and len(whole.stdout.splitlines()) == 18
    strict = runner.invoke(cli, ["resolve", "--sequence", "--strict", "-"], input=names)
    assert strict.exit_code == 2 and "Nowhereville" in strict.stderr
