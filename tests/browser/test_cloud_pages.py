"""Maps at scale in headless Chromium: decoded offline, drawn, clickable, filtered, responsive."""

import pathlib

import numpy as np
import pytest

from geomap.claims import read_claims
from geomap.incidents import claims_frame
from geomap.render.maps import claims_map, save_map

pytestmark = pytest.mark.browser
SEEDS = pathlib.Path(__file__).resolve().parents[2] / "seeds"
READY = "window.geomap && geomap.clouds && geomap.clouds.length && geomap.clouds[0].ready"


def _synthetic(n: int, seed: int = 5):
    import geopandas as gpd
    import shapely

    rng = np.random.default_rng(seed)
    # Claims around a few towns, as event tables are: dense where fighting was.
    centres = np.array([[38.55, 35.84], [40.45, 35.02], [39.0, 35.95], [36.7, 34.7]])
    c = centres[rng.integers(0, len(centres), n)]
    lon, lat = c[:, 0] + rng.normal(0, 0.15, n), c[:, 1] + rng.normal(0, 0.1, n)
    dates = (np.datetime64("2017-01-01") + rng.integers(0, 365, n)).astype(str)
    return gpd.GeoDataFrame({
        "incident": [f"i{k // 2}" for k in range(n)], "date": dates, "claim_id": [f"c{k}" for k in range(n)],
        "party": np.array(["Coalition", "Russian MoD", "SDF"])[rng.integers(0, 3, n)],
        "quote": "a quote", "radius_km": 1.0, "disc_km": 1.0, "point_lon": lon, "point_lat": lat,
    }, geometry=shapely.points(lon, lat), crs="EPSG:4326")


@pytest.fixture(scope="module")
def big_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("cloud") / "big.html"
    save_map(claims_map(_synthetic(30_000), title="30,000 claims"), out)
    return out


def _open(watch, path):
    watch.page.goto(path.as_uri())
    watch.page.wait_for_function(READY, timeout=30_000)
    watch.page.wait_for_timeout(200)


def _state(page):
    return page.evaluate("(() => { const c = geomap.clouds[0]; "
                         "return {k: c.k, aggregated: c.aggregated, zoom: geomap.map.getZoom()}; })()")


def test_a_large_map_decodes_offline_and_draws_density_then_single_claims(watch, big_page, tmp_path):
    _open(watch, big_page)
    assert watch.errors == []
    assert watch.outside_requests(big_page.parent.as_uri()) == []
    first = _state(watch.page)
    assert first["k"] == 30_000 and first["aggregated"]            # all in view, as density squares
    watch.page.screenshot(path=str(tmp_path / "cloud-density.png"))
    painted = watch.page.evaluate("""(() => { const cv = geomap.clouds[0].canvas;
        const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data; let n = 0;
        for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; })()""")
    assert painted > 1000
    watch.page.evaluate("() => { geomap.map.setView([35.84, 38.55], 14, {animate: false}); }")
    watch.page.wait_for_timeout(200)
    near = _state(watch.page)
    assert 0 < near["k"] < 30_000 and not near["aggregated"]       # zoomed in: one by one


def test_clicking_a_claim_opens_its_popup_built_on_demand(watch, big_page):
    _open(watch, big_page)
    watch.page.evaluate("() => { geomap.map.setView([35.84, 38.55], 13, {animate: false}); }")
    watch.page.wait_for_timeout(200)
    pos = watch.page.evaluate("""(() => { const c = geomap.clouds[0];
        const b = geomap.map.getContainer().getBoundingClientRect();
        for (let j = 0; j < c.k; j++) { const i = c.vis[j];
            if (c.px[i] > 200 && c.px[i] < 1000 && c.py[i] > 250 && c.py[i] < 700) {
                return {x: b.left + c.px[i], y: b.top + c.py[i], id: c.props(i).claim_id}; } }
        return null; })()""")
    assert pos is not None
    watch.page.mouse.click(pos["x"], pos["y"])
    watch.page.wait_for_selector(".leaflet-popup-content", timeout=3000)
    text = watch.page.inner_text(".leaflet-popup-content")
    assert "a quote" in text and "Side (Euphrates)" in text and "2017-" in text


def test_the_date_slider_and_the_layer_control_filter_the_cloud(watch, big_page):
    _open(watch, big_page)
    total = _state(watch.page)["k"]
    watch.page.evaluate("() => geomap.showUpTo('2017-03-31')")
    watch.page.wait_for_timeout(100)
    early = _state(watch.page)["k"]
    assert 0.15 * total < early < 0.35 * total                    # about a quarter of the year
    watch.page.evaluate("() => geomap.showUpTo(null)")
    # Untick one party in the layer control.
    watch.page.hover(".leaflet-control-layers")
    watch.page.get_by_role("checkbox", name="SDF", exact=True).uncheck()
    watch.page.wait_for_timeout(100)
    assert 0.55 * total < _state(watch.page)["k"] < 0.8 * total
    assert watch.errors == []


def test_redrawing_a_large_map_stays_fast_enough_to_pan(watch, big_page):
    _open(watch, big_page)
    times = watch.page.evaluate("""() => { const t = [];
        for (let n = 0; n < 10; n++) { const a = performance.now();
            geomap.map.panBy([15, 10], {animate: false}); t.push(performance.now() - a); }
        return t.sort((a, b) => a - b); }""")
    assert times[len(times) // 2] < 250    # ms per full redraw of 30,000 claims, median (a frame while dragging is cheaper)


def test_seeds_drawn_as_a_cloud_show_the_same_claims(watch, tmp_path):
    frame = claims_frame(read_claims(SEEDS))
    out = tmp_path / "seeds-cloud.html"
    save_map(claims_map(frame, cloud=True), out)
    _open(watch, out)
    ids = watch.page.evaluate("(() => { const c = geomap.clouds[0]; const out = [];"
                              " for (let i = 0; i < c.d.n; i++) out.push(c.props(i).claim_id); return out; })()")
    assert ids == frame["claim_id"].tolist()
    assert watch.errors == []


def test_texts_in_any_script_come_back_whole_from_the_string_table(watch, tmp_path):
    """The page finds each text by its length in UTF-8 bytes: Arabic, accents, emoji and empty texts
    read back exactly as written."""
    import geopandas as gpd
    import shapely

    quotes = ["قال المرصد إن الغارة وقعت في دير الزور", "Ja'Din — «south of Tabqa»", "", "🛩️ over Mayadin",
              "plain", "قال المرصد إن الغارة وقعت في دير الزور"]
    n = len(quotes)
    frame = gpd.GeoDataFrame({
        "incident": ["a", "a", "b", "b", "c", "c"], "date": "2017-06-18", "claim_id": [f"é{k}" for k in range(n)],
        "party": ["Coalition", "Syrian government"] * 3, "quote": quotes, "point_lon": 40.0, "point_lat": 35.0,
    }, geometry=shapely.points(np.full(n, 40.0), np.full(n, 35.0)), crs="EPSG:4326")
    out = tmp_path / "scripts.html"
    save_map(claims_map(frame, cloud=True), out)
    _open(watch, out)
    got = watch.page.evaluate("(() => { const c = geomap.clouds[0]; const out = [];"
                              " for (let i = 0; i < c.d.n; i++) { const p = c.props(i);"
                              " out.push([p.claim_id, p.quote === undefined ? '' : p.quote]); } return out; })()")
    assert got == [[f"é{k}", q] for k, q in enumerate(quotes)]
    assert watch.errors == []
