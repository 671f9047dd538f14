import pathlib
import re

from geomap.claims import read_claims, read_claims_text
from geomap.incidents import claims_frame
from geomap.publish import publish_site

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


def test_site_layout_and_content(tmp_path):
    frame = claims_frame(read_claims(SEEDS))
    files = publish_site(frame, tmp_path / "site", title="Seed incidents")
    site = tmp_path / "site"
    assert (site / "index.html").exists()
    index = (site / "index.html").read_text()
    assert "Seed incidents" in index and "GeoNames (CC BY 4.0)" in index and "Method" in index
    for inc in frame["incident"].unique():
        page = site / "incidents" / f"{inc}.html"
        assert page.exists() and (site / "incidents" / f"{inc}-map.html").exists()
        png = (site / "figures" / f"{inc}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10000
        assert f'href="incidents/{inc}.html"' in index
    su25 = (site / "incidents" / "su25-intercept-mayadin-2017-11-23.html").read_text()
    # Sources as citations from the reports' headers, not file names.
    assert "Joaquin Flores, “Dangerous Crossroads" in su25 and "Global Research" in su25
    assert "001_a379a69c71b5a3de.txt" not in su25.split("<h2>Sources</h2>")[1]
    assert "cannot" in index
    assert "Can the competing claims both be true?" in su25
    for f in files:
        text = f.read_bytes()
        assert not re.search(rb"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text)


def test_pages_escape_claim_text(tmp_path):
    frame = claims_frame(read_claims_text("""
incidents:
  - id: x
    date: 2017-06-18
    title: "<script>alert(1)</script>"
    claims:
      - id: a
        claimant: "<img src=x onerror=alert(1)>"
        location: near Tabqa
        source: {report: "<b>r</b>", quote: "<script>alert(2)</script>"}
"""))
    publish_site(frame, tmp_path / "s")
    for page in (tmp_path / "s").rglob("*.html"):
        text = page.read_text()
        assert "<script>alert" not in text and "<img src=x" not in text


def test_one_party_one_colour_across_the_site(tmp_path):
    import json
    import pathlib
    import re

    from geomap.claims import read_claims
    from geomap.incidents import claims_frame
    from geomap.publish import publish_site
    from geomap.render.elements import party_colors

    frame = claims_frame(read_claims(pathlib.Path(__file__).resolve().parents[1] / "seeds"))
    publish_site(frame, tmp_path / "site")
    seen = {}
    pages = sorted((tmp_path / "site" / "incidents").glob("*-map.html"))
    assert len(pages) == frame["incident"].nunique()
    for page in pages:
        items = json.loads(re.search(r"var items = (\[.*?\]);", page.read_text(encoding="utf-8")).group(1))
        for it in items:
            assert seen.setdefault(it["name"], it["color"]) == it["color"], it["name"]
    assert seen == party_colors(frame["party"])
