"""Real pages in headless Chromium: offline, working, safe."""

import pathlib

import pytest

from geomap.claims import read_claims, read_claims_text
from geomap.incidents import claims_frame
from geomap.publish import publish_site
from geomap.render.maps import claims_map, save_map

pytestmark = pytest.mark.browser
SEEDS = pathlib.Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("maps") / "seeds.html"
    frame = claims_frame(read_claims(SEEDS))
    save_map(claims_map(frame, title="Seeds"), out)
    return out, frame


def _open(watch, path):
    watch.page.goto(path.as_uri())
    watch.page.wait_for_function("window.L !== undefined && window.geomap && window.geomap.map")
    watch.page.wait_for_timeout(300)


def _click_claim(page, claim_id):
    """Click the marker of a claim where Chromium draws it."""
    pos = page.evaluate("""(id) => {
        const mine = geomap.registry.filter(r => r.layer.claimKey === id);
        const r = mine.find(r => r.layer instanceof L.CircleMarker && !(r.layer instanceof L.Circle));
        if (!r) {  // an area claim has no marker: open its area's popup where the area is
            const area = mine[0].layer;
            const at = area.getBounds ? area.getBounds().getCenter() : area.getLatLng();
            area.openPopup(at);
            return null;
        }
        // Markers of claims at one place are spread around it (spiderfied) anew at each zoom:
        // centre on the place itself, then find where the marker is drawn.
        geomap.map.setView(r.layer.baseLatLng || r.layer.getLatLng(), 11, {animate: false});
        return true;
    }""", claim_id)
    page.wait_for_timeout(200)
    if pos is not None:
        pos = page.evaluate("""(id) => {
            const r = geomap.registry.find(r => r.layer.claimKey === id && r.layer instanceof L.CircleMarker
                                               && !(r.layer instanceof L.Circle));
            r.layer.bringToFront();  // markers of claims at one place may overlap: put this one on top
            const p = geomap.map.latLngToContainerPoint(r.layer.getLatLng());
            const box = geomap.map.getContainer().getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""", claim_id)
        page.mouse.click(pos["x"], pos["y"])
    page.wait_for_selector(".leaflet-popup-content", timeout=3000)
    return page.inner_text(".leaflet-popup-content")


def test_seeds_map_initialises_offline_without_errors(watch, seeds_page):
    path, _ = seeds_page
    _open(watch, path)
    assert watch.page.locator(".leaflet-container").count() == 1
    assert watch.errors == []
    assert watch.outside_requests(path.as_uri()) == []


def test_layer_control_lists_every_claimant_and_the_line(watch, seeds_page):
    path, frame = seeds_page
    _open(watch, path)
    labels = watch.page.locator(".leaflet-control-layers label").all_inner_texts()
    text = "\n".join(labels)
    for party in frame["party"].unique():
        assert party in text
    assert "Line: Euphrates" in text


def test_clicking_a_claim_opens_its_popup_with_the_quote(watch, seeds_page):
    path, frame = seeds_page
    _open(watch, path)
    row = frame[frame["claim_id"] == "russia-mod-west-bank-mayadin"].iloc[0]
    popup = _click_claim(watch.page, "russia-mod-west-bank-mayadin")
    assert row["quote"] in popup and "Russian Ministry of Defence" in popup
    # The source as a citation from the report's header, not its file name.
    assert "Joaquin Flores, “Dangerous Crossroads" in popup and "west" in popup
    assert "001_a379a69c71b5a3de.txt" not in popup


def test_screenshot_is_not_blank(watch, seeds_page, tmp_path):
    from PIL import Image, ImageStat

    path, _ = seeds_page
    _open(watch, path)
    shot = tmp_path / "shot.png"
    watch.page.screenshot(path=str(shot))
    stat = ImageStat.Stat(Image.open(shot).convert("L"))
    assert stat.stddev[0] > 10  # a map, not a blank page
    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 200


def test_published_incident_page(watch, tmp_path):
    frame = claims_frame(read_claims(SEEDS))
    publish_site(frame, tmp_path / "site")
    page_path = tmp_path / "site" / "incidents" / "su22-shootdown-2017-06-18.html"
    watch.page.goto(page_path.as_uri())
    frame_el = watch.page.frame_locator("iframe.map")
    frame_el.locator(".leaflet-container").wait_for()
    watch.page.wait_for_timeout(500)
    assert watch.errors == []
    assert watch.outside_requests((tmp_path / "site").as_uri()) == []
    assert watch.page.locator("img").evaluate("img => img.naturalWidth") > 100
    labels = "\n".join(frame_el.locator(".leaflet-control-layers label").all_inner_texts())
    assert "US-led coalition" in labels and "Syrian government" in labels
    # Every control of the embedded map (zoom, title, layers, legend, scale, the credit line)
    # together hides less than a tenth of it.
    covered = frame_el.locator(".leaflet-container").evaluate("""m => {
        const r = m.getBoundingClientRect(); let s = 0;
        m.querySelectorAll('.leaflet-control').forEach(c => {
            const q = c.getBoundingClientRect(); s += q.width * q.height; });
        return s / (r.width * r.height); }""")
    assert covered < 0.10


def test_hostile_strings_do_not_run(watch, tmp_path, hostile_claims):
    frame = hostile_claims
    out = tmp_path / "xss.html"
    save_map(claims_map(frame, title="</script><script>window.__xss=1</script>"), out)
    _open(watch, out)
    popup = _click_claim(watch.page, "a")
    assert "<script>window.__xss=1</script>" in popup       # shown as text
    labels = "\n".join(watch.page.locator(".leaflet-control-layers label").all_inner_texts())
    assert "<img src=x onerror=window.__xss=1>" in labels    # shown as text
    assert watch.page.evaluate("window.__xss") is None
    assert watch.errors == []
    publish_site(frame, tmp_path / "site")
    watch.page.goto((tmp_path / "site" / "incidents" / "xss.html").as_uri())
    watch.page.frame_locator("iframe.map").locator(".leaflet-container").wait_for()
    watch.page.wait_for_timeout(300)
    assert watch.page.evaluate("window.__xss") is None


TEMPLATE_PAYLOADS = ["A{{ 7*7 }}B", "{% raw %}C{# x #}", "{{ cycler.__init__.__globals__ }}"]


def test_template_syntax_is_shown_literally(watch, tmp_path):
    from geomap.claims import read_claims_text

    title, party, quote = TEMPLATE_PAYLOADS
    text = f"""
incidents:
  - id: tpl
    date: 2017-11-23
    title: "{title}"
    claims:
      - id: a
        claimant: {{party: "{party}"}}
        location: near Mayadin
        source: {{report: r.txt, quote: "{quote}"}}
"""
    frame = claims_frame(read_claims_text(text))
    out = tmp_path / "tpl.html"
    save_map(claims_map(frame, title=title), out)
    _open(watch, out)
    assert title in watch.page.inner_text(".geomap-title")
    labels = "\n".join(watch.page.locator(".leaflet-control-layers label").all_inner_texts())
    assert party in labels
    assert quote in _click_claim(watch.page, "a")
    body = watch.page.inner_text("body")
    assert "A49B" not in body
    assert watch.errors == []
    publish_site(frame, tmp_path / "site", title=title)
    watch.page.goto((tmp_path / "site" / "index.html").as_uri())
    assert title in watch.page.inner_text("h1")
    watch.page.goto((tmp_path / "site" / "incidents" / "tpl.html").as_uri())
    page_text = watch.page.inner_text("body")
    assert quote in page_text and party in page_text and "A49B" not in page_text


AREA_ONLY = """
incidents:
  - id: area
    date: 2017-11-23
    title: Area-only claims
    claims:
      - {id: a, claimant: US, location: west of the Euphrates}
      - {id: b, claimant: Russia, location: east of the Euphrates}
"""


def test_the_view_fits_the_claims_areas_and_the_controls_stay_out_of_the_way(watch, tmp_path):
    from geomap.claims import read_claims_text

    frame = claims_frame(read_claims_text(AREA_ONLY))
    out = tmp_path / "area.html"
    save_map(claims_map(frame), out)
    _open(watch, out)
    b = watch.page.evaluate("(() => { const b = geomap.map.getBounds(); "
                            "return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth(), geomap.map.getZoom()]; })()")
    xmin, ymin, xmax, ymax = frame.total_bounds
    assert b[0] <= xmin and b[1] <= ymin and b[2] >= xmax and b[3] >= ymax   # every area in view
    assert b[4] >= 5                                                        # and not zoomed out to the region
    dots = watch.page.evaluate("geomap.registry.filter(r => r.layer instanceof L.CircleMarker"
                               " && !(r.layer instanceof L.Circle)).length")
    assert dots == 0                                                        # area claims name no point
    covered = watch.page.evaluate("""(() => {
        const sel = '.leaflet-control-layers, .geomap-legend, .geomap-title, .geomap-slider';
        return Array.from(document.querySelectorAll(sel)).reduce((s, e) => {
            const r = e.getBoundingClientRect(); return s + r.width * r.height; }, 0); })()""")
    assert covered / (1280 * 860) < 0.10
    assert watch.errors == []


def test_labels_never_overlap_or_repeat(watch, seeds_page, tmp_path):
    # The Su-22 incident names Raqqa: a town of the basemap and a claimed place, labelled once.
    _, frame = seeds_page
    path = tmp_path / "su22.html"
    save_map(claims_map(frame[frame["incident"] == "su22-shootdown-2017-06-18"]), path)
    _open(watch, path)
    start = watch.page.evaluate("geomap.map.getZoom()")
    for zoom in (start, start + 1):
        watch.page.evaluate(f"() => {{ geomap.map.setZoom({zoom}, {{animate: false}}); }}")
        watch.page.wait_for_timeout(300)
        shown = watch.page.evaluate("""Array.from(document.querySelectorAll('.geomap-label, .geomap-side-label'))
            .filter(e => e.style.visibility !== 'hidden' && e.getBoundingClientRect().width > 0)
            .map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.top, r.right, r.bottom]; })""")
        for i, a in enumerate(shown):
            for b in shown[i + 1:]:
                overlap = not (a[3] < b[1] or a[1] > b[3] or a[4] < b[2] or a[2] > b[4])
                assert not overlap, (a, b)
                assert not (a[0] == b[0] and abs(a[1] - b[1]) + abs(a[2] - b[2]) < 120), (a, b)


def test_claims_at_one_place_spread_out_with_legs(watch, tmp_path):
    """Three parties' claims of the same town do not hide one another (spiderfied)."""
    text = "incidents:\n  - id: a\n    claims:\n" + "".join(
        f"      - {{id: c{k}, claimant: {party}, location: Mayadin}}\n"
        for k, party in enumerate(["Russian MoD", "US-led coalition", "Syrian government"]))
    frame = claims_frame(read_claims_text(text, source="same.yaml"))
    path = tmp_path / "same.html"
    save_map(claims_map(frame, title="Same place"), path)
    _open(watch, path)
    spread = watch.page.evaluate("""() => {
        geomap.map.setView([35.02, 40.45], 11, {animate: false});
        geomap.spiderfy();
        const live = geomap.dots.filter(m => m._map);
        const pts = live.map(m => geomap.map.latLngToContainerPoint(m.getLatLng()));
        let closest = 1e9;
        for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++)
            closest = Math.min(closest, pts[i].distanceTo(pts[j]));
        const base = live.map(m => m.baseLatLng.toString());
        return {n: live.length, closest: closest, same: new Set(base).size};
    }""")
    assert spread["n"] == 3 and spread["same"] == 1  # one true position ...
    assert spread["closest"] >= 8  # ... three markers, none on top of another
    _click_claim(watch.page, "c1")  # each stays clickable
