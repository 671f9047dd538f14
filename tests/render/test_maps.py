"""Maps: offline, deterministic, escaped, layered."""

import json
import pathlib
import re

import pytest

from geomap.claims import read_claims
from geomap.incidents import claims_frame
from geomap.render.inert import inert_json as safe_json
from geomap.render.maps import claims_map, features_frame, render_html

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "seeds"
ASSET_REF = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I)


@pytest.fixture(scope="module")
def seeds_frame():
    return claims_frame(read_claims(SEEDS))


@pytest.fixture(scope="module")
def seeds_html(seeds_frame):
    return render_html(claims_map(seeds_frame, title="Seeds"))


def test_no_network_asset_references(seeds_html):
    assert not ASSET_REF.search(seeds_html)
    for cdn in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrapcdn", "unpkg.com", "tile.openstreetmap"):
        assert cdn not in seeds_html


def test_leaflet_is_inlined(seeds_html):
    from geomap.render.assets import leaflet_js

    js = leaflet_js()
    assert js[:500] in seeds_html and js[-500:] in seeds_html  # Leaflet's own code, whole
    assert "<script src" not in seeds_html and "<link rel=\"stylesheet\" href" not in seeds_html


def test_same_input_same_bytes(seeds_frame, seeds_html):
    assert render_html(claims_map(seeds_frame, title="Seeds")) == seeds_html


def test_layers_per_claimant_and_line(seeds_frame, seeds_html):
    for party in seeds_frame["party"].unique():
        assert json.dumps(party) in seeds_html
    assert '"Line: Euphrates"' in seeds_html and '"Basemap (offline, bundled data)"' in seeds_html
    assert "Links between competing claims" in seeds_html


def test_time_slider_when_dates_differ(seeds_html):
    assert "Show claims up to date" in seeds_html


def test_web_tiles_only_on_request(seeds_frame):
    html = render_html(claims_map(seeds_frame, tiles="OpenStreetMap.Mapnik"))
    assert "tile.openstreetmap.org" in html
    assert "loads map tiles from OpenStreetMap.Mapnik" in html


def test_unknown_tiles_is_an_error(seeds_frame):
    from geomap.errors import InputError

    with pytest.raises(InputError, match="unknown tile provider"):
        claims_map(seeds_frame, tiles="NoSuch.Provider")


def test_hostile_strings_are_never_markup(hostile_claims):
    html = render_html(claims_map(hostile_claims, title="</script><script>window.__xss=1</script>"))
    # No user string lands in the page as markup: JSON is \\u003c-escaped, layer names are HTML-escaped.
    assert "<script>window.__xss" not in html
    assert "<img src=x" not in html
    assert "</script><script>" not in html
    assert "\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e" in html
    # The layer control writes names as HTML: they arrive escaped (then JSON-encoded by folium).
    assert "\\u0026lt;img src=x onerror=window.__xss=1\\u0026gt;" in html


def test_safe_json_escapes_script_breakers():
    s = safe_json({"q": "</script><!-- \u2028 & '"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"q": "</script><!-- \u2028 & '"}


def test_save_is_atomic(tmp_path, seeds_frame, monkeypatch):
    out = tmp_path / "m.html"
    out.write_text("old")
    import geomap.render.maps as maps

    def boom(m):
        raise RuntimeError("render failed")

    monkeypatch.setattr(maps, "render_html", boom)
    with pytest.raises(RuntimeError):
        maps.save_map(claims_map(seeds_frame), out)
    assert out.read_text() == "old" and list(tmp_path.iterdir()) == [out]


def test_map_of_resolved_features():
    from geomap.resolution import resolution_features

    feats = resolution_features(["Mayadin", "Hajin", "Pentagon"])
    frame = features_frame(feats)
    assert len(frame) == 2  # the name not found has no geometry
    html = render_html(claims_map(frame))
    assert "Resolved places" in html


def test_empty_frame_is_an_error(seeds_frame):
    from geomap.errors import InputError

    with pytest.raises(InputError):
        claims_map(seeds_frame.iloc[0:0])


def test_the_date_slider_offers_every_claim_date(seeds_frame, seeds_html):
    import json
    import re

    dates = json.loads(re.search(r"var dates = (\[.*?\]);", seeds_html).group(1))
    assert dates == sorted(set(seeds_frame["date"]))
    assert len(dates) == 3
