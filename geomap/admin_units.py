"""Syria's administrative units (OCHA COD-AB, with Open-Syria aliases) for the gazetteer build.

Three levels: 14 governorates (admin1), 62 districts (admin2) and 272
subdistricts (nahiya, admin3), each with English and Arabic names and an
OCHA P-code (``SY09`` Deir ez-Zor, ``SY0903`` Al Mayadin district,
``SY090301`` Thiban subdistrict). The build

- repairs the invalid source polygons (``shapely.make_valid``, polygonal parts),
- adds districts and subdistricts as places of their own kind, with their
  polygons simplified as a coverage (neighbours keep a shared edge),
- gives the governorate records geomap already has (Natural Earth's, which
  carry the common English names) OCHA's polygon, P-code and names,
- adds Open-Syria's aliases (formal names, spellings, transliterations),
- and, once every source is in, gives every Syrian place its admin1, admin2,
  admin3 and P-code by point-in-polygon on the full-resolution polygons.

Credits: OCHA (Common Operational Dataset, Syrian Arab Republic
administrative boundaries, CC BY-IGO 3.0); Open-Syria data-geography (CC BY 4.0).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from .build import GazetteerError, _Builder, _Rec

__all__ = ["ADMIN_FILES", "AdminUnits", "add_admin_units"]

ADMIN_FILES = {
    1: ("ocha_cod_ab_syria_adm1.geojson", "opensyria_governorates.json"),
    2: ("ocha_cod_ab_syria_adm2.geojson", "opensyria_districts.json"),
    3: ("ocha_cod_ab_syria_adm3.geojson", "opensyria_subdistricts.json"),
}
#: Tolerance (degrees) of the coverage simplification: about 200 m.
SIMPLIFY_DEG = 0.002
#: A point this close (degrees, about 5 km) outside every unit takes the nearest one.
SNAP_DEG = 0.05
_KIND = {1: "admin1", 2: "admin2", 3: "admin3"}
_VOWELLESS = re.compile(r"\b[b-df-hj-np-tv-z]{3,}\b", re.I)


def _read_json(path: Path):
    if not path.exists():
        raise GazetteerError(f"{path}: source file missing (expected in the --source folder)")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _aliases(record: dict) -> list:
    """Open-Syria names and aliases of one unit, without machine transliterations ("nahyt mrkz")."""
    out = [record.get("name", {}).get("en"), record.get("name", {}).get("ar")]
    for a in record.get("aliases", ()):
        value = a.get("value") or ""
        if a.get("language") == "en" and _VOWELLESS.search(value):
            continue
        out.append(value)
    return [n for n in out if n]


class AdminUnits:
    """The three levels read, repaired and indexed; :meth:`assign` labels places."""

    def __init__(self, src: Path):
        import shapely
        from shapely.geometry import shape

        self.levels: dict = {}
        for level, (geo, aliases) in ADMIN_FILES.items():
            fc = _read_json(src / geo)
            alias = {r.get("externalIds", {}).get("ochaPcode"): r for r in _read_json(src / aliases)}
            feats = sorted(fc["features"], key=lambda f: f["properties"]["PCODE"])
            geoms = []
            for f in feats:
                g = shape(f["geometry"])
                if not g.is_valid:
                    g = shapely.make_valid(g, method="structure", keep_collapsed=False)
                geoms.append(g)
            self.levels[level] = {
                "props": [f["properties"] for f in feats],
                "geoms": geoms,
                "tree": shapely.STRtree(geoms),
                "simple": list(shapely.coverage_simplify(geoms, SIMPLIFY_DEG)),
                "aliases": [alias.get(f["properties"]["PCODE"], {}) for f in feats],
                "recs": [None] * len(feats),
            }

    def containing(self, level: int, lon, lat, *, snap: bool = True):
        """Index of the unit of ``level`` containing each point (-1 outside; with ``snap``, a
        point just outside takes the nearest unit)."""
        import numpy as np
        import shapely

        lv = self.levels[level]
        pts = shapely.points(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        out = np.full(len(pts), -1, dtype=int)
        ip, iu = lv["tree"].query(pts, predicate="intersects")
        # A point on a shared edge: the unit with the lowest P-code, deterministically.
        for p, u in sorted(zip(ip.tolist(), iu.tolist()), reverse=True):
            out[p] = u
        lost = np.flatnonzero(out < 0)
        if snap and len(lost):
            # Border and coastal towns whose point lies just outside the generalised
            # boundary: the nearest unit within SNAP_DEG.
            ip, iu = lv["tree"].query_nearest(pts[lost], max_distance=SNAP_DEG, all_matches=False)
            out[lost[ip]] = iu
        return out

    def assign(self, b: _Builder) -> int:
        """Give every Syrian place (and every place inside Syria) its admin names and P-code."""
        recs = [r for r in b.recs if r.kind not in ("country", "river", "lake")]
        lon = [r.lon for r in recs]
        lat = [r.lat for r in recs]
        found = {lv: self.containing(lv, lon, lat) for lv in (1, 2, 3)}
        # Snapping to the nearest unit is for places known to be Syrian; others must lie inside.
        inside = self.containing(3, lon, lat, snap=False)
        n = 0
        for k, r in enumerate(recs):
            u3 = found[3][k]
            if r.kind in ("admin1", "admin2", "admin3") and r.pcode:
                continue
            if u3 < 0 or (r.cc and r.cc != "SY") or (not r.cc and inside[k] < 0):
                continue
            p = self.levels[3]["props"][u3]
            adm1 = self.levels[1]["recs"][found[1][k]] if found[1][k] >= 0 else None
            r.cc = "SY"
            r.admin1 = adm1.name if adm1 is not None else p["ADM1_EN"]
            r.admin2 = p["ADM2_EN"]
            r.admin3 = p["NAME_EN"]
            r.pcode = p["PCODE"]
            n += 1
        return n

    def admin1_of(self, lon: float, lat: float) -> Optional[_Rec]:
        """The governorate record at a point (the lookup the sources use while adding)."""
        u = self.containing(1, [lon], [lat])[0]
        return self.levels[1]["recs"][u] if u >= 0 else None


def _unit_names(props: dict, aliases: dict) -> list:
    names = [props.get("NAME_EN"), props.get("NAM_EN_REF"), props.get("NAME_AR"),
             props.get("NAM_AR_REF")]
    return [n for n in names if n] + _aliases(aliases)


def add_admin_units(b: _Builder, src: Path, governorates: list) -> AdminUnits:
    """Add OCHA's units to the builder; ``governorates`` are the admin1 records already there."""
    import math

    from shapely.geometry import mapping

    units = AdminUnits(src)
    # Governorates: the existing records (common English names) get OCHA's polygon and names.
    lv = units.levels[1]
    for rec in governorates:
        u = units.containing(1, [rec.lon], [rec.lat])[0]
        if u < 0:
            continue
        props = lv["props"][u]
        rec.pcode = props["PCODE"]
        rec.add_names(_unit_names(props, lv["aliases"][u]))
        b._index(rec, rec.names)
        b.shapes[rec.shape_id] = {"kind": "admin1", "geometry": mapping(lv["simple"][u]),
                                  "name": rec.name}
        if "ocha" not in rec.sources:
            rec.sources.append("ocha")
            rec.source_ids.append(f"ocha:{props['PCODE']}")
        lv["recs"][u] = rec
    missing = [p["PCODE"] for p, r in zip(lv["props"], lv["recs"]) if r is None]
    if missing:
        raise GazetteerError(f"OCHA governorates {missing} match no governorate record")
    governorate = {r.pcode: r for r in units.levels[1]["recs"]}
    for level in (2, 3):
        lv = units.levels[level]
        for u, (props, geom) in enumerate(zip(lv["props"], lv["geoms"])):
            sid = f"ocha:{props['PCODE']}"
            at = geom.point_on_surface()
            area_km2 = float(lv["aliases"][u].get("area", {}).get("value") or 0.0)
            radius_m = 1000 * math.sqrt(area_km2 / math.pi) if area_km2 else 20000.0
            b.shapes[sid] = {"kind": _KIND[level], "geometry": mapping(lv["simple"][u]),
                             "name": props["NAME_EN"]}
            adm1 = governorate[props["ADM1_PCODE"]]
            rec = _Rec(sid, props["NAME_EN"], _KIND[level], at.x, at.y, cc="SY", admin1=adm1.name,
                       admin2=props["ADM2_EN"] if level == 3 else props["NAME_EN"],
                       prec=round(radius_m, -2), source="ocha", shape_id=sid,
                       names=_unit_names(props, lv["aliases"][u]))
            rec.admin3 = props["NAME_EN"] if level == 3 else ""
            rec.pcode = props["PCODE"]
            if lv["aliases"][u]:
                rec.sources.append("opensyria")
            lv["recs"][u] = b.add(rec, merge=False)
    return units
