"""``geomap resolve``: GeoJSON out, one feature per name, clean errors."""

import json


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
