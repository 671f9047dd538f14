"""One verdict per claim and line, the same from every command; lines judge only where they reach."""

from __future__ import annotations

import json
import pathlib

import markupsafe
import pytest

from geomap.claims import read_claims, read_claims_text
from geomap.incidents import claims_frame
from geomap.render.inert import inert_json
from geomap.verdicts import NOT_APPLICABLE, compare_claims, judge, verdict_table

SEEDS = pathlib.Path(__file__).resolve().parents[1] / "seeds"
NA = NOT_APPLICABLE

#: Every seed claim's side under each built-in line, written from the reports (shared/seeds/):
#: (claim id) -> (Euphrates, Tabqa arc). The Euphrates' east is its left (north/east) bank.
GOLDEN = {
    # 002/004: "Ja'Din, south of Tabqa" - on the right (west/south) bank, 2 km north of the arc.
    "coalition-jadin-bombing": ("west", "north"),
    # "near Tabqa" is judged at Tabqa (as UCDP codes "near"): on the south bank by the dam, north
    # of the arc, which starts south-west of the town (the 10 km around it cross both).
    "us-shootdown-near-tabqa": ("west", "north"),
    # "near Raqqa": the city is on the north bank, near the arc's northern side.
    "us-downed-near-raqqa": ("east", "north"),
    # A whole province spans both lines.
    "both-sides-raqqa-province": ("straddles", "straddles"),
    # "the southern Raqqa countryside": mostly south of the river, across the arc.
    "damascus-anti-is-mission": ("straddles", "straddles"),
    # 003: Russia warned about targets "west of the Euphrates" - defined by the line; far from the arc.
    "russia-west-of-euphrates-targets": ("west", NA),
    # The hotline's US end is al-Udeid in Qatar: no Syrian line applies.
    "hotline-us-end-al-udeid": (NA, NA),
    # Hmeimim air base, Latakia: west of the river, far from the arc.
    "hotline-russian-end-hemeimeem": ("west", NA),
    # 000/003: the US said the Su-25s crossed east of the Euphrates.
    "us-crossed-east-of-euphrates": ("east", NA),
    "us-coalition-airspace-east": ("east", NA),
    # 000/001: Russia's MoD: the western bank near Mayadin; 200 km from the Tabqa arc.
    "russia-mod-west-bank-mayadin": ("west", NA),
    "russia-mod-west-side-near-mayadin": ("west", NA),
    # "the suburbs of al-Mayadin": judged at the town, on the west bank (its suburbs reach across).
    "syria-allies-suburbs-al-mayadin": ("west", NA),
    # "the Euphrates River valley": most of the valley lies in Turkey and Iraq, beyond a Syrian line.
    "syria-allies-euphrates-valley": (NA, NA),
    # "towards Iraqi airspace": beyond Syria.
    "fortruss-f22-towards-iraq": (NA, NA),
}


@pytest.fixture(scope="module")
def seeds():
    return claims_frame(read_claims(SEEDS))


@pytest.fixture(scope="module")
def table(seeds):
    return verdict_table(seeds)


def test_golden_table(table):
    got = {}
    for (cid, line), side in table.set_index(["claim_id", "line"])["side"].items():
        got.setdefault(cid, {})[line] = side
    assert {cid: (v["euphrates"], v["tabqa-arc-2017"]) for cid, v in got.items()} == GOLDEN


def test_not_applicable_rows_say_why(table):
    rows = table.set_index(["claim_id", "line"])
    assert "outside the line's area" in rows.loc[("russia-mod-west-bank-mayadin", "tabqa-arc-2017"), "reason"]
    assert "another country (QA)" in rows.loc[("hotline-us-end-al-udeid", "euphrates"), "reason"]
    na = table[table["side"] == NA]
    assert na["reason"].notna().all() and not na["applies"].any() and na["distance_km"].isna().all()
    assert not na["near_line"].any()


def test_claims_that_name_a_side_are_not_uncertain(table):
    rows = table.set_index(["claim_id", "line"])
    # "west side of the Euphrates near Mayadin" is west by its own words, whatever the line's accuracy.
    assert not rows.loc[("russia-mod-west-side-near-mayadin", "euphrates"), "near_line"]
    # Ja'Din is a position 2.1 km from an arc accurate to 5 km: its side is uncertain.
    jadin = rows.loc[("coalition-jadin-bombing", "tabqa-arc-2017")]
    assert jadin["near_line"] and 1.5 < jadin["distance_km"] < 3.0
    assert "not certain" in jadin["sentence"]


def test_a_line_not_in_force_does_not_apply():
    frame = claims_frame(read_claims_text("""
incidents:
  - id: later
    date: 2018-03-01
    claims:
      - {id: a, claimant: A, location: "Ja'Din"}
"""))
    rows = verdict_table(frame).set_index("line")
    assert rows.loc["tabqa-arc-2017", "side"] == NA
    assert "not in force on 2018-03-01" in rows.loc["tabqa-arc-2017", "reason"]
    assert rows.loc["euphrates", "side"] == "west"


def test_incident_lines_and_caller_lines_choose_the_lines():
    text = """
incidents:
  - id: own
    date: 2017-06-18
    lines: [tabqa-arc-2017]
    claims:
      - {id: a, claimant: A, location: "Ja'Din"}
"""
    frame = claims_frame(read_claims_text(text))
    assert verdict_table(frame)["line"].tolist() == ["tabqa-arc-2017"]
    assert verdict_table(frame, ["euphrates"])["line"].tolist() == ["euphrates"]


TURKISH_TOWN = """
incidents:
  - id: border
    date: 2017-11-23
    claims:
      - {id: tr, claimant: A, location: Akcakale}
      - {id: sy, claimant: B, location: Tal Abyad}
"""


def test_a_town_in_turkey_is_not_judged_by_a_syrian_line_from_every_command(tmp_path, runner, cli):
    # Akcakale lies on the border, inside Syria's (widened, generalised) outline: only the
    # gazetteer's country says it is in Turkey.
    frame = claims_frame(read_claims_text(TURKISH_TOWN))
    rows = verdict_table(frame).set_index(["claim_id", "line"])
    assert rows.loc[("tr", "euphrates"), "side"] == NA and rows.loc[("sy", "euphrates"), "side"] == "east"
    src = tmp_path / "border.yaml"
    src.write_text(TURKISH_TOWN, encoding="utf-8")
    out = runner.invoke(cli, ["classify", str(src)])
    props = {f["properties"]["claim_id"]: f["properties"] for f in json.loads(out.stdout)["features"]}
    assert props["tr"]["side"] == NA
    res = runner.invoke(cli, ["resolve", "Akcakale"])
    out = runner.invoke(cli, ["classify", "-"], input=res.stdout)
    assert json.loads(out.stdout)["features"][0]["properties"]["side"] == NA


def test_far_and_foreign_areas_are_not_applicable():
    frame = claims_frame(read_claims_text("""
incidents:
  - id: far
    date: 2017-11-23
    claims:
      - {id: iraq, claimant: A, location: towards Iraqi airspace}
      - {id: mayadin, claimant: B, location: near Mayadin}
"""))
    rows = verdict_table(frame).set_index(["claim_id", "line"])
    assert rows.loc[("iraq", "euphrates"), "side"] == NA
    assert rows.loc[("mayadin", "tabqa-arc-2017"), "side"] == NA
    assert rows.loc[("mayadin", "euphrates"), "side"] in ("west", "straddles")


def test_same_verdicts_from_every_command(seeds, table, runner, cli, tmp_path):
    """classify, --compare, the map's popups, the published pages and the library say the same."""
    sentences = {(r.claim_id, r.line): r.sentence for r in table.itertuples()}
    # geomap classify (every line, in 'sides')
    out = runner.invoke(cli, ["classify", str(SEEDS)])
    assert out.exit_code == 0, out.output
    for f in json.loads(out.stdout)["features"]:
        p = f["properties"]
        for line, v in p["sides"].items():
            assert v["verdict"] == sentences[(p["claim_id"], line)]
            assert v["side"] == table.set_index(["claim_id", "line"]).loc[(p["claim_id"], line), "side"]
    # geomap classify --compare
    rep = json.loads(runner.invoke(cli, ["classify", str(SEEDS), "--compare"]).stdout)
    for inc in rep.values():
        for line, rows in inc["verdicts"].items():
            for v in rows:
                assert v["sentence"] == sentences[(v["claim_id"], line)]
    # geomap map: each popup holds the sentences of the lines drawn
    page = tmp_path / "seeds.html"
    assert runner.invoke(cli, ["map", str(SEEDS), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    applied = table[table["applies"]]
    for r in applied.itertuples():
        assert inert_json(r.sentence)[1:-1] in html
    # geomap publish: each incident page lists its claims' sentences
    site = tmp_path / "site"
    assert runner.invoke(cli, ["publish", str(SEEDS), "-o", str(site)]).exit_code == 0
    pages = "".join(p.read_text(encoding="utf-8") for p in (site / "incidents").glob("*.html")
                    if not p.name.endswith("-map.html"))
    for r in applied.itertuples():
        assert str(markupsafe.escape(r.sentence)) in pages
    # pairs: the same from --compare and the library
    lib = {(p["a"], p["b"]): p["sentence"] for p in compare_claims(seeds, table)}
    cli_pairs = {(p["a"], p["b"]): p["sentence"] for inc in rep.values() for p in inc["pairs"]}
    assert lib == cli_pairs


def test_judge_is_vectorised_over_any_geometries():
    import numpy as np
    import shapely

    from geomap.lines import get_line

    pts = shapely.points(np.array([[40.452, 35.020], [40.830, 34.690], [10.0, 10.0]]))
    v = judge(pts, pts, get_line("euphrates"))
    assert v["side"].tolist() == ["west", "east", NA]
    assert v["applies"].tolist() == [True, True, False]


def test_events_are_judged_on_their_honest_area_not_their_coded_point(runner, cli, tmp_path):
    # A governorate-level event (precision 4) is coded at a point, but it only says "somewhere in the
    # governorate": it spans the river, whatever side its coded point is on.
    from geomap.events import read_events_text

    table = ("id\tdate_start\twhere_coordinates\twhere_prec\tadm_1\tlatitude\tlongitude\n"
             "1\t2017-01-01\tAl Mayadin town\t1\tx\t35.02089\t40.453455\n"
             "2\t2017-01-01\tDayr az Zawr Governorate\t4\tx\t35.0\t40.3\n"
             "3\t2017-01-01\tSyria\t6\tx\t35.0\t38.0\n")
    events = read_events_text(table)
    sides = verdict_table(events, ["euphrates"])["side"].tolist()
    assert sides == ["west", "straddles", "straddles"]
    path = tmp_path / "ev.tsv"
    path.write_text(table, encoding="utf-8")
    out = runner.invoke(cli, ["classify", str(path), "--line", "euphrates"])
    assert [f["properties"]["side"] for f in json.loads(out.stdout)["features"]] == sides
    summary = runner.invoke(cli, ["classify", str(path), "--line", "euphrates", "--summary"]).stdout
    assert "| precision | west | straddles | near the line | total |" in summary
    assert "| 4 | 0 | 1 | 0 | 1 |" in summary


def test_a_claim_near_a_place_is_judged_there_and_its_sentence_says_its_area_reaches_across():
    frame = claims_frame(read_claims_text("""
incidents:
  - id: demo
    date: 2017-11-23
    claims:
      - {id: near, claimant: Russia, location: near Mayadin}
      - {id: bank, claimant: Russia, location: west side of the Euphrates near Mayadin}
"""))
    rows = verdict_table(frame, ["euphrates"]).set_index("claim_id")
    assert rows.loc["near", "side"] == rows.loc["bank", "side"] == "west"
    assert 0 < rows.loc["near", "share_left"] < 0.5   # some of the 10 km around the town lie east
    assert "reaches across" in rows.loc["near", "sentence"]
    assert "reaches across" not in rows.loc["bank", "sentence"]
