"""The basemap kept beside the gazetteer: what drawing it gives today, and ignored once stale."""

import json
import shutil

from geomap.gazetteer import data_path
from geomap.render import basemap


def _drawn_default():
    return json.loads(json.dumps(basemap._drawn(*basemap.DEFAULT)))


def test_the_kept_basemap_is_what_the_gazetteer_draws_today():
    """A stale basemap.json fails here: rerun 'geomap gazetteer build'."""
    kept = json.loads((data_path() / "gazetteer" / "basemap.json").read_text(encoding="utf-8"))
    assert kept["key"] == basemap._key(*basemap.DEFAULT), "data/gazetteer/basemap.json is stale"
    assert kept["basemap"] == _drawn_default()


def test_a_basemap_kept_for_other_gazetteer_files_is_not_used(tmp_path, monkeypatch):
    gaz = tmp_path / "gazetteer"
    shutil.copytree(data_path() / "gazetteer", gaz)
    kept = json.loads((gaz / "basemap.json").read_text(encoding="utf-8"))
    kept["basemap"]["towns"]["features"] = []       # what a stale file would hold
    (gaz / "basemap.json").write_text(json.dumps(kept), encoding="utf-8")
    with (gaz / "places.tsv").open("a", encoding="utf-8") as fh:
        fh.write("\n")                                 # the gazetteer changed since
    monkeypatch.setenv("GEOMAP_DATA", str(tmp_path))
    basemap.basemap_data.cache_clear()
    try:
        assert basemap.basemap_data()["towns"]["features"]
    finally:
        basemap.basemap_data.cache_clear()


def test_write_basemap_is_deterministic(tmp_path):
    a = basemap.write_basemap(tmp_path).read_bytes()
    assert a == basemap.write_basemap(tmp_path).read_bytes()
    assert json.loads(a)["basemap"] == _drawn_default()
