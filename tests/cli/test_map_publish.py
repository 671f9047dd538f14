import pathlib

SEEDS = str(pathlib.Path(__file__).resolve().parents[2] / "seeds")


def test_map_command(runner, cli, tmp_path):
    out = tmp_path / "seeds.html"
    res = runner.invoke(cli, ["map", SEEDS, "-o", str(out)])
    assert res.exit_code == 0, res.output
    first = out.read_bytes()
    runner.invoke(cli, ["map", SEEDS, "-o", str(out)])
    assert out.read_bytes() == first  # byte-identical re-run


def test_map_incident_selection(runner, cli, tmp_path):
    out = tmp_path / "one.html"
    res = runner.invoke(cli, ["map", SEEDS, "--incident", "su22-shootdown-2017-06-18", "-o", str(out),
                              "--title", "Su-22"])
    assert res.exit_code == 0 and "Su-22" in out.read_text()
    res = runner.invoke(cli, ["map", SEEDS, "--incident", "nope", "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 2 and "no incident nope" in res.output
    assert not (tmp_path / "x.html").exists()


def test_map_from_a_pipe(runner, cli, tmp_path):
    res = runner.invoke(cli, ["resolve", "Mayadin", "Hajin"])
    cls = runner.invoke(cli, ["classify", "-"], input=res.stdout)
    out = tmp_path / "p.html"
    res = runner.invoke(cli, ["map", "-", "-o", str(out)], input=cls.stdout)
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Mayadin" in page


def test_map_bad_input_writes_nothing(runner, cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("incidents:\n  - id: x\n    claims:\n      - {id: a, claimant: A, location: near Atlantis}\n")
    out = tmp_path / "out.html"
    res = runner.invoke(cli, ["map", str(bad), "-o", str(out)])
    assert res.exit_code == 1 and "bad.yaml, line 4" in res.output and not out.exists()


def test_publish_command(runner, cli, tmp_path):
    res = runner.invoke(cli, ["publish", SEEDS, "-o", str(tmp_path / "site") + "/"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "site" / "index.html").exists()
    assert f"open {tmp_path / 'site' / 'index.html'})" in res.stderr   # one slash, a path that opens


def test_map_as_a_cloud_or_as_layers_on_request(runner, cli, tmp_path):
    cloud, layers = tmp_path / "cloud.html", tmp_path / "layers.html"
    assert runner.invoke(cli, ["map", SEEDS, "--cloud", "-o", str(cloud)]).exit_code == 0
    assert runner.invoke(cli, ["map", SEEDS, "--layers", "-o", str(layers)]).exit_code == 0
    assert "geomap.cloud(" in cloud.read_text(encoding="utf-8")
    assert "geomap.cloud(" not in layers.read_text(encoding="utf-8")
