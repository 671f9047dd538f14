"""The gazetteer's sources, one function each: what each contributes and how it is read.

Each ``add_*`` function takes the :class:`geomap.build._Builder` being filled
and the source folder (``../shared/data``), reads one source and adds its
records; :func:`geomap.build.build_gazetteer` calls them in order (the order
decides which record of a place others merge into).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Optional

from .build import (SOURCE_FILES, GazetteerError, _Builder, _geonames_kind, _read_geojson,
                    _read_tsv, _Rec, _town_precision)
from .geodesy import haversine_km
from .query import parse_place_query
from .text import normalize

__all__ = ["add_countries", "add_admin1", "add_curated", "add_geonames", "add_geonames_admin1",
           "add_ne_places", "add_wof", "add_airports", "add_waters", "add_ucdp", "add_facility_cores",
           "add_aliases"]

AdminLookup = Callable[[float, float], Optional[_Rec]]


def add_countries(b: _Builder, src: Path) -> None:
    """Natural Earth admin-0: every country of the region, with its polygon."""
    countries = _read_geojson(src / SOURCE_FILES["countries"])
    for f in sorted(countries["features"], key=lambda f: f["properties"]["adm0_a3"]):
        p = f["properties"]
        sid = f"ne0:{p['adm0_a3']}"
        cc = p["iso_a2"] if p["iso_a2"] not in ("-99", None) else p["adm0_a3"][:2]
        if p["adm0_a3"] == "PSX":
            cc = "PS"
        b.shapes[sid] = {"kind": "country", "geometry": f["geometry"], "name": p["name"]}
        names = [p.get(k) for k in ("admin", "name", "name_long", "formal_en", "name_en", "name_ar",
                                    "name_alt") if p.get(k)]   # not "sovereignt": Palestine is not "Israel"
        b.add(_Rec(sid, p["name"], "country", p["label_x"], p["label_y"], cc=cc, prec=100000,
                   source="naturalearth", shape_id=sid, names=names), merge=False)


def add_admin1(b: _Builder, src: Path) -> list:
    """Natural Earth's Syrian governorates (their common English names); returns the records.

    :func:`geomap.admin_units.add_admin_units` then gives them OCHA's polygons and P-codes.
    """
    adm = _read_geojson(src / SOURCE_FILES["admin1_shapes"])
    recs = []
    for f in sorted(adm["features"], key=lambda f: f["properties"]["ne_adm1_code"]):
        p = f["properties"]
        code = p.get("geonames_admin1_code") or p["ne_adm1_code"]
        sid = f"ne1:{code}"
        b.shapes[sid] = {"kind": "admin1", "geometry": f["geometry"], "name": p["name"]}
        name = p.get("geonames_admin1_name") or p["name"]
        names = [name, p["name"]]
        names += [re.sub(r"\s*\(.*\)", "", p["name"])]
        r = b.add(_Rec(sid, name, "admin1", p["ne_label_x"], p["ne_label_y"], cc="SY",
                       admin1=name, prec=60000, source="naturalearth", shape_id=sid, names=names),
                  merge=False)
        if p.get("hasc"):  # not the UNDOF zone, which is no governorate
            recs.append(r)
    return recs


def add_curated(b: _Builder, cur: dict, curated_path: Path, syrian_admin1: AdminLookup) -> None:
    """The curated places (air bases, dams, oil fields), each citing its source."""
    for e in cur.get("places", []):
        try:
            rec = _Rec(f"cur:{e['id']}", e["name"], e["kind"], e["lon"], e["lat"],
                       cc=e.get("country_code", ""), prec=e.get("precision_m", 1000),
                       source="curated", names=e.get("names", []))
        except KeyError as err:
            raise GazetteerError(f"{curated_path}: place {e.get('id', e)!r} lacks {err}") from err
        if rec.cc == "SY" and not rec.admin1:
            a = syrian_admin1(rec.lon, rec.lat)
            rec.admin1 = a.name if a else ""
        b.add(rec, merge=False)


def add_geonames(b: _Builder, rows: list, label: str, admin1_code_name: dict, syrian_admin1: AdminLookup) -> None:
    """GeoNames rows (cities500 extracts or a country dump), merged by GeoNames id."""
    for row in rows:
        kind = _geonames_kind(row)
        if kind is None:
            continue
        lon, lat = float(row["longitude"]), float(row["latitude"])
        pop = int(row["population"] or 0)
        alts = [a for a in (row["alternatenames"] or "").split(",") if a]
        cc = row["country_code"]
        admin1 = admin1_code_name.get(f"{cc}.{row['admin1_code']}", "")
        if cc == "SY":
            a = syrian_admin1(lon, lat)
            admin1 = a.name if a else admin1
        prec = _town_precision(pop) if kind == "populated_place" else 2000
        rec = _Rec(f"gn:{row['geonameid']}", row["name"], kind, lon, lat, cc=cc, admin1=admin1,
                   pop=pop, prec=prec, source=label, names=[row["asciiname"], *alts],
                   fcode=row["feature_code"])
        b.add(rec, geonameid=row["geonameid"])


def add_geonames_admin1(b: _Builder, admin1_code_name: dict) -> None:
    """Admin-1 of Iraq and Qatar: names only, placed at their towns' population-weighted centre."""
    members = defaultdict(list)
    for r in b.recs:
        if r.kind == "populated_place" and r.cc in ("IQ", "QA") and r.admin1:
            members[(r.cc, r.admin1)].append(r)
    for code, name in sorted(admin1_code_name.items()):
        cc = code[:2]
        if cc == "SY" or not members.get((cc, name)):
            continue
        ms = members[(cc, name)]
        w = [max(m.pop, 1) for m in ms]
        lon = sum(m.lon * x for m, x in zip(ms, w)) / sum(w)
        lat = sum(m.lat * x for m, x in zip(ms, w)) / sum(w)
        spread = max(float(haversine_km(lon, lat, m.lon, m.lat)) for m in ms)
        b.add(_Rec(f"gnadm1:{code}", name, "admin1", lon, lat, cc=cc, admin1=name,
                   prec=max(30000, round(spread * 1000, -3)), source="geonames"), merge=False)


def add_ne_places(b: _Builder, src: Path) -> None:
    """Natural Earth populated places: English names and populations of the larger towns."""
    for row in _read_tsv(src / SOURCE_FILES["ne_places"]):
        gid = (row.get("geonameid") or "").split(".")[0]
        gid = gid if gid and gid not in ("-1", "0") else ""
        names = [row[k] for k in ("namealt", "nameascii", "namepar", "name_en") if row.get(k)]
        names = [n for part in names for n in part.split("|")]
        pop = int(float(row["pop_max"] or 0))
        rec = _Rec(f"ne:{normalize(row['name']).replace(' ', '-')}-{row['adm0_a3']}", row["name"],
                   "populated_place", row["longitude"], row["latitude"], cc=row["iso_a2"],
                   admin1=row["adm1name"], pop=pop, prec=_town_precision(pop),
                   source="naturalearth", names=names)
        b.add(rec, geonameid=gid if gid in b.by_geonameid else "")


def add_wof(b: _Builder, src: Path, syrian_admin1: AdminLookup) -> None:
    """Who's On First's Syrian villages, with Arabic names; its governorate spellings become names."""
    wof_admin1 = Counter()
    for row in _read_tsv(src / SOURCE_FILES["wof"]):
        lon, lat = float(row["longitude"]), float(row["latitude"])
        a = syrian_admin1(lon, lat)
        if a and row["admin1"]:
            wof_admin1[(row["admin1"], a.id)] += 1
        alts = [x for x in (row["alt_names"] or "").split("|") if x]
        names = ([row["name_ar"]] if row["name_ar"] else []) + alts
        rec = _Rec(row["id"], row["name_en"], "populated_place", lon, lat, cc="SY",
                   admin1=a.name if a else "", admin2=row["admin2"],
                   pop=int(row["population"] or 0), prec=_town_precision(int(row["population"] or 0)),
                   source="whosonfirst", names=names, fcode=row["feature_type"])
        b.add(rec)
    # WOF's governorate spellings ("Deir-ez-Zor", "Idleb") become names of the governorate.
    by_id = {r.id: r for r in b.recs}
    for (spelling, rid), n in sorted(wof_admin1.items()):
        if n >= 20:
            by_id[rid].add_names([spelling])
            b._index(by_id[rid], [spelling])


def add_airports(b: _Builder, src: Path, syrian_admin1: AdminLookup) -> None:
    """airportsdata: airports and air bases, known also by their city and bare names."""
    for row in _read_tsv(src / SOURCE_FILES["airports"]):
        name = row["name"]
        kind = "air_base" if re.search(r"air ?base|military|airfield", name, re.I) else "airport"
        names = [name]
        core = re.sub(r"\b(international|military|air ?base|airport|airfield)\b", "", name, flags=re.I)
        core = " ".join(core.split())
        if row["city"]:
            names.append(f"{row['city']} airport")
        if core and core != name:
            names.append(f"{core} airport" if kind == "airport" else f"{core} air base")
        cc = row["country"]
        admin1 = row["subd"]
        lon, lat = float(row["lon"]), float(row["lat"])
        if cc == "SY":
            a = syrian_admin1(lon, lat)
            admin1 = a.name if a else admin1
        b.add(_Rec(f"ap:{row['icao']}", name, kind, lon, lat, cc=cc, admin1=admin1, prec=2000,
                   source="airportsdata", names=names))


def add_waters(b: _Builder, fc: dict, cur: dict):
    from shapely import line_merge, unary_union
    from shapely.geometry import shape
    from shapely.geometry import mapping

    groups = defaultdict(list)
    for f in fc["features"]:
        p = f["properties"]
        is_water_body = p.get("featurecla") in ("Lake", "Reservoir")
        if p.get("river_group") == "Euphrates" and not is_water_body:
            # One chained, downstream-oriented line stands for all the river's pieces.
            if p.get("derived"):
                groups["Euphrates"].insert(0, f)
            continue
        key = p["name"] if is_water_body else (p.get("river_group") or p["name"])
        groups[key].append(f)
    for key in sorted(groups):
        feats = groups[key]
        p0 = feats[0]["properties"]
        geoms = [shape(f["geometry"]) for f in feats]
        if p0["featurecla"] in ("Lake", "Reservoir"):
            kind = "lake"
            geom = unary_union(geoms)
        else:
            kind = "river"
            geom = geoms[0] if key == "Euphrates" else line_merge(unary_union(geoms))
        names = {p0["name"]}
        for f in feats:
            for k in ("name", "name_alt", "name_en"):
                value = f["properties"].get(k)
                if value and "(" not in value:  # not the derived line's description
                    names.add(value)
        if key == "Euphrates":
            names.update({"Firat", "Al Furat", "Euphrates River"})
        rep = geom.representative_point() if kind == "lake" else geom.interpolate(0.5, normalized=True)
        if key == "Euphrates":
            # Label point on the Syrian stretch, where reports speak of it.
            from shapely import Point
            rep = geom.interpolate(geom.project(Point(39.5, 35.6)))
        sid = f"ne:water:{normalize(key).replace(' ', '-')}"
        b.shapes[sid] = {"kind": kind, "geometry": mapping(geom), "name": key}
        b.add(_Rec(sid, key if kind == "river" else p0.get("name_alt") or p0["name"], kind, rep.x, rep.y,
                   prec=5000, source="naturalearth", shape_id=sid, names=sorted(names)), merge=False)


_UCDP_KIND = {
    "air_base": "air_base", "airport": "airport", "oil_field": "oil_field", "dam": "dam",
    "populated_place": "populated_place", "admin1": None, "river": None, "lake": "lake",
    "country": None,
}


#: Feature words that name a built thing, not a settlement nor a stretch of land ("area", "hill").
_FACILITY_WORD = re.compile(r"\b(?:station|checkpoint|camps?|crossing|bridge|roundabout|junction|hospital|base|"
                            r"prison|factory|silos|mills)\b", re.I)


_DESCRIPTION = re.compile(
    r"^(?:the\s+)?(?:\w+\s+)?(?:countryside|outskirts|suburbs|vicinity|environs|area|region|"
    r"province|governorate|district|desert|plains?)\s+(?:of|around)\b", re.I)
_CITY_PART = re.compile(r"^(.+?)\s+[-–—]\s+(.+)$")


def _without_locator(raw: str) -> str:
    """"Taybah farms (Mayadin)" -> "Taybah farms"; "Kobani (Ayn al Arab)" is kept whole only when
    the parenthesis spells the same name (similar keys) or is in another script."""
    from rapidfuzz.distance import Indel

    from .text import is_arabic, name_key

    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$", raw)
    if not m:
        return raw
    outside = " ".join((m.group(1) + " " + m.group(3)).split())
    inner = m.group(2).strip()
    core = parse_place_query(outside).names[0] if outside else ""
    if not core or is_arabic(inner) or Indel.normalized_similarity(name_key(core), name_key(inner)) >= 0.6:
        return raw
    return outside


def add_ucdp(b: _Builder, rows: list, syrian_admin1):
    """UCDP GED place names of precise events (precision 1-2), at the coordinates coders gave.

    A parenthesis naming another place ("Taybah farms (Mayadin)") is a locator,
    not a second name of the place; in "City - Neighbourhood" the name is the
    neighbourhood's, and only an exactly placed event (precision 1) gives it.
    """
    groups = defaultdict(Counter)
    for r in rows:
        if r["where_prec"] not in ("1", "2"):
            continue
        raw = r["where_coordinates"].strip()
        part = _CITY_PART.match(raw)
        if part:
            if r["where_prec"] != "1":
                continue
            raw = part.group(2).strip()
        groups[_without_locator(raw)][(float(r["longitude"]), float(r["latitude"]))] += 1
    for raw in sorted(groups):
        (lon, lat), _ = groups[raw].most_common(1)[0]
        q = parse_place_query(raw)
        kind = _UCDP_KIND.get(q.kind, "facility") if q.kind else "populated_place"
        if kind is None or not q.names:
            continue
        full = q.full_names
        if q.kind is None and q.featured and _FACILITY_WORD.search(raw):
            # "T2 Pumping Station", "Syriatel Checkpoint": a facility under its whole name (its
            # bare name, "T2", is another); not a settlement called "T2 Pumping" or "Syriatel"
            kind, full = "facility", [_without_locator(raw)]
        if q.modifier or _DESCRIPTION.match(raw):
            continue  # "Western countryside of Raqqa" describes an area of Raqqa; it is no place "Raqqa"
        if re.search(r"\b(of|in|between|near|road|highway|front|triangle)\b|[-–]", raw, re.I) and len(q.names) == 1 \
                and len(q.names[0].split()) > 3:
            continue  # descriptions ("Silos east of Palmyra") are not names
        a = syrian_admin1(lon, lat)
        slug = normalize(raw).replace(" ", "-")[:60]
        # A facility keeps its feature word ("Tishrin Dam"); a town drops "town".
        names = q.names if kind == "populated_place" else (full or [raw]) + q.names
        rec = _Rec(f"ucdp:{slug}", names[0], kind, lon, lat, cc="SY", admin1=a.name if a else "",
                   prec=2000, source="ucdp-ged", names=names[1:])
        b.add(rec)


def count_events(b: _Builder, rows: list, radius_km: float = 2.0):
    """How many precise UCDP events lie within ``radius_km`` of each place.

    Conflict reports name the places where fighting happens: the count is a
    prior that prefers the Raqqa-governorate Ja'din, where events were
    recorded, to a namesake village elsewhere.
    """
    import numpy as np
    from shapely import STRtree, points

    at = Counter((float(r["longitude"]), float(r["latitude"])) for r in rows
                 if r["where_prec"] in ("1", "2"))
    if not at:
        return
    locs = list(at)
    counts = np.array([at[c] for c in locs])
    tree = STRtree(points(locs))
    pts = points([(r.lon, r.lat) for r in b.recs])
    idx_place, idx_loc = tree.query(pts, predicate="dwithin", distance=radius_km / 111.0)
    lon = np.array([r.lon for r in b.recs])[idx_place]
    lat = np.array([r.lat for r in b.recs])[idx_place]
    ll = np.array(locs)[idx_loc]
    near = haversine_km(lon, lat, ll[:, 0], ll[:, 1]) <= radius_km
    totals = np.bincount(idx_place[near], weights=counts[idx_loc[near]], minlength=len(b.recs))
    for r, n in zip(b.recs, totals):
        if r.kind not in ("country", "admin1", "river", "lake"):
            r.events = int(n)


def add_facility_cores(b: _Builder) -> None:
    """Facilities are also known by their bare name with the kind as hint ("Tiyas air base")."""
    for r in b.recs:
        if r.kind in ("air_base", "airport", "dam", "oil_field"):
            core = [n for name in list(r.names) for n in parse_place_query(name).names
                    if parse_place_query(name).kind]
            b._index(r, [c for c in core if c not in r.names])
            r.add_names(core)


def add_aliases(b: _Builder, cur: dict, curated_path: Path) -> None:
    """Curated aliases: demonyms, Arabic names of rivers ..."""
    by_id = {r.id: r for r in b.recs}
    for e in cur.get("aliases", []):
        target = by_id.get(e["id"])
        if target is None:
            raise GazetteerError(f"{curated_path}: alias target {e['id']!r} is not in the gazetteer")
        target.add_names(e["names"])
