import json
import pathlib

SEEDS = str(pathlib.Path(__file__).resolve().parents[2] / "seeds")


def test_resolve_pipe_classify(runner, cli):
    res = runner.invoke(cli, ["resolve", "Mayadin", "Hajin", "al-Udeid", "Pentagon", "Raqqa Province"])
    out = runner.invoke(cli, ["classify", "-"], input=res.stdout)
    assert out.exit_code == 0, out.output
    props = [f["properties"] for f in json.loads(out.stdout)["features"]]
    assert [p["query"] for p in props] == ["Mayadin", "Hajin", "al-Udeid", "Pentagon", "Raqqa Province"]
    assert [p["side"] for p in props] == ["west", "east", "not_applicable", None, "straddles"]
    assert props[0]["near_line"] is True and props[0]["line"] == "euphrates"
    assert 0 < props[0]["distance_km"] < 3
    assert set(props[4]["side_share"]) == {"east", "west"}


def test_sequence_in_and_out(runner, cli):
    res = runner.invoke(cli, ["resolve", "--sequence", "Mayadin", "Hajin"])
    out = runner.invoke(cli, ["classify", "--sequence", "-"], input=res.stdout)
    sides = [json.loads(x)["properties"]["side"] for x in out.stdout.splitlines()]
    assert sides == ["west", "east"]


def test_claims_folder_with_two_lines(runner, cli):
    out = runner.invoke(cli, ["classify", SEEDS, "--line", "euphrates", "--line", "tabqa-arc-2017"])
    assert out.exit_code == 0, out.output
    feats = {f["properties"]["claim_id"]: f["properties"] for f in json.loads(out.stdout)["features"]}
    j = feats["coalition-jadin-bombing"]
    assert j["side"] == "west" and j["sides"]["tabqa-arc-2017"]["side"] == "north"


def test_compare(runner, cli):
    out = runner.invoke(cli, ["classify", SEEDS, "--compare"])
    assert out.exit_code == 0, out.output
    rep = json.loads(out.stdout)
    assert set(rep) == {"su22-shootdown-2017-06-18", "russia-targets-warning-2017-06-19",
                        "deconfliction-hotline-2017-06-19", "su25-intercept-mayadin-2017-11-23"}
    mayadin = rep["su25-intercept-mayadin-2017-11-23"]
    pairs = {(p["a"], p["b"]): p for p in mayadin["pairs"]}
    p = pairs[("us-crossed-east-of-euphrates", "russia-mod-west-bank-mayadin")]
    assert p["compatible"] is False and p["sides"]["euphrates"] == ["east", "west"]
    assert "cannot both be true" in p["sentence"]
    tabqa = {v["claim_id"]: v for v in mayadin["verdicts"]["tabqa-arc-2017"]}
    assert all(v["side"] == "not_applicable" for v in tabqa.values())


def test_event_table_summary(runner, cli, tmp_path):
    p = tmp_path / "ev.tsv"
    p.write_text("id\tdate_start\twhere_coordinates\twhere_prec\tlatitude\tlongitude\n"
                 "1\t2017-01-01\tAl Mayadin town\t1\t35.02089\t40.453455\n"
                 "2\t2017-01-01\tHajin\t1\t34.69\t40.83\n"
                 "3\t2017-01-01\tSyria\t6\t35.0\t38.0\n")
    out = runner.invoke(cli, ["classify", str(p), "--summary"])
    assert out.exit_code == 0, out.output
    assert "| 1 | 1 | 1 |" in out.stdout and "| all |" in out.stdout


def test_user_line_file(runner, cli, tmp_path):
    line = tmp_path / "l.geojson"
    line.write_text('{"type": "Feature", "properties": {"left_label": "n", "right_label": "s", "area": "SY"},'
                    ' "geometry": {"type": "LineString", "coordinates": [[35, 35.5], [43, 35.5]]}}')
    res = runner.invoke(cli, ["resolve", "Mayadin", "Raqqa"])
    out = runner.invoke(cli, ["classify", "-", "--line", str(line)], input=res.stdout)
    assert [f["properties"]["side"] for f in json.loads(out.stdout)["features"]] == ["s", "n"]


def test_errors_are_one_line(runner, cli, tmp_path):
    out = runner.invoke(cli, ["classify", "-", "--line", "rhine"], input='{"type": "FeatureCollection", "features": []}')
    assert out.exit_code == 1 and "unknown line 'rhine'" in out.output and "Traceback" not in out.output
    out = runner.invoke(cli, ["classify", "-"], input="{not json")
    assert out.exit_code == 1 and "<stdin>" in out.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("incidents:\n  - id: x\n    claims:\n      - {id: a, claimant: A, location: near Atlantis}\n")
    out = runner.invoke(cli, ["classify", str(bad)])
    assert out.exit_code == 1 and "bad.yaml, line 4" in out.output and "Atlantis" in out.output


def test_lines_list_and_show(runner, cli):
    out = runner.invoke(cli, ["lines"])
    assert "euphrates" in out.output and "tabqa-arc-2017" in out.output
    out = runner.invoke(cli, ["lines", "show", "euphrates", "--sides"])
    fc = json.loads(out.stdout)
    assert [f["id"] for f in fc["features"]] == ["euphrates", "euphrates:east", "euphrates:west"]


def test_geojson_in_the_claims_format_is_read_as_claims(runner, cli, tmp_path):
    p = tmp_path / "claims.geojson"
    p.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, "properties":'
                 ' {"incident": "x", "party": "P", "location": "near Mayadin"}}]}')
    out = runner.invoke(cli, ["classify", str(p)])
    assert out.exit_code == 0, out.output
    (f,) = json.loads(out.stdout)["features"]
    # judged at Mayadin (west), its 10 km reaching across the river
    assert f["geometry"]["type"] == "Polygon" and f["properties"]["side"] == "west"
    assert "reaches across" in f["properties"]["verdict"]


def test_event_table_with_own_column_names(runner, cli, tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text("event,y,x,acc\n1,35.02089,40.453455,1\n2,34.69,40.83,1\n")
    out = runner.invoke(cli, ["classify", str(p), "--preset", "ucdp", "--column", "lat=y", "--column", "lon=x",
                              "--column", "precision=acc", "--column", "id=event"])
    assert out.exit_code == 0, out.output
    assert [f["properties"]["side"] for f in json.loads(out.stdout)["features"]] == ["west", "east"]
    bad = runner.invoke(cli, ["classify", str(p), "--column", "height=z"])
    assert bad.exit_code == 2 and "KEY=COLUMN" in bad.output


def test_border_towns_and_foreign_places(runner, cli):
    # Al-Baghuz lies just beyond Natural Earth's generalised outline of Syria; Nusaybin (Turkey)
    # and al-Qaim (Iraq) are as close but in other countries.
    res = runner.invoke(cli, ["resolve", "al-Baghuz", "Nusaybin", "al-Qaim", "Raqqa Province"])
    out = runner.invoke(cli, ["classify", "-"], input=res.stdout)
    props = [f["properties"] for f in json.loads(out.stdout)["features"]]
    assert [p["side"] for p in props] == ["east", "not_applicable", "not_applicable", "straddles"]
    assert "another country (TR)" in props[1]["reason"] and "another country (IQ)" in props[2]["reason"]
    assert props[0]["near_line"] is True
    assert props[3]["near_line"] is False  # a straddling area is described by its shares


def test_output_file_gets_what_stdout_would(runner, cli, tmp_path):
    out = tmp_path / "verdicts.geojson"
    res = runner.invoke(cli, ["classify", SEEDS, "-o", str(out)])
    assert res.exit_code == 0, res.output
    to_stdout = runner.invoke(cli, ["classify", SEEDS])
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["verdicts.geojson"]    # no temporary file left


def test_a_nan_tolerance_is_refused_like_an_out_of_range_one(runner, cli):
    for value in ("nan", "-5"):
        out = runner.invoke(cli, ["classify", SEEDS, "--tolerance-km", value])
        assert out.exit_code == 2 and "Invalid value for '--tolerance-km'" in out.output


def test_a_command_tunes_the_allocator_only_where_it_may(monkeypatch):
    import sys

    from geomap.cli import reuse_freed_memory

    # The user's own glibc settings win: nothing is changed.
    monkeypatch.setenv("MALLOC_ARENA_MAX", "2")
    assert reuse_freed_memory() is False
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert reuse_freed_memory() is False


def test_with_glibc_a_command_keeps_freed_memory_for_reuse(monkeypatch):
    import ctypes
    import os
    import sys

    import geomap.cli as cli_module

    from types import SimpleNamespace

    calls = []

    def mallopt(param, value):
        calls.append((param, value))
        return 1

    # The allocator glibc exposes: the command sets its mmap and trim thresholds, nothing else.
    monkeypatch.setattr(ctypes, "CDLL", lambda name: SimpleNamespace(mallopt=mallopt))
    monkeypatch.setattr(sys, "platform", "linux")
    for key in [k for k in os.environ if k.startswith("MALLOC_")]:
        monkeypatch.delenv(key)
    assert cli_module.reuse_freed_memory() is True
    assert calls == [(-3, 32 << 20), (-1, 2**31 - 1)]

    # A C library without mallopt (musl): nothing to tune, and no error.
    monkeypatch.setattr(ctypes, "CDLL", lambda name: object())
    assert cli_module.reuse_freed_memory() is False
