"""Claims and incidents: the model, and reading claims files (YAML, CSV, GeoJSON).

The YAML format, written by analysts::

    incidents:
      - id: su22-shootdown-2017-06-18
        date: 2017-06-18
        title: US Navy F/A-18E shoots down a Syrian Su-22 near Tabqa
        claims:
          - id: coalition-jadin
            claimant: {party: US-led coalition, speaker: CJTF-OIR statement}
            claim: The Su-22 dropped bombs near SDF fighters at Ja'Din.
            location: Ja'Din, which is west of Raqqa
            coordinates: 35.6847 38.6945        # optional; any format geomap reads
            uncertainty_km: 1                   # optional, with coordinates
            source: {report: 004_52a27579c9f229eb.txt, quote: "The attack drove the SDF from Ja'Din"}

A ``reports:`` mapping at the top cites each report the claims' ``source.report``
names: ``{000_e8b945cf758ab19a.txt: {outlet: GPA, title: ..., author: ..., date:
2017-11-24, url: ...}}``; pages and popups show that citation, never a bare file name.
A ``colors:`` mapping (``{Russian MoD: '#d62728'}``) overrides a party's colour
on every map, page and figure of the run.

A ``region:`` (at the top of the file or on an incident) names where the
claims are: a governorate, district or subdistrict (name or OCHA P-code), a
country or a bbox ``W,S,E,N``. Names are preferred inside it (a hint, not a
limit). The places of one incident, and of one file, are read together: a
name with namesakes takes the one near the file's other places.

A CSV has one claim a row with the columns ``incident, date, title, id,
party, speaker, claim, location, coordinates, uncertainty_km, report,
quote`` (``incident`` groups rows). A GeoJSON FeatureCollection has one
claim a feature with the same properties; a feature's Point geometry
stands for ``coordinates``.

Every error names the file, the line and the field, and says how to fix it.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import KW_ONLY, dataclass
import io
from pathlib import Path
from typing import Iterable, Optional, Union

from .bulk import gc_paused
from .claim_fields import CLAIM_FIELDS, _citations, _cited, _claim_from_dict, _colors, _date, _line, _text, _yaml_load
from .errors import ClaimFormatError, ExpressionError
from .schema import validate

__all__ = ["Claim", "Incident", "read_claims", "read_claims_text", "CLAIM_FIELDS"]

@dataclass(frozen=True, repr=False)
class Claim:
    """One party's claim about where something happened."""

    id: str
    _: KW_ONLY
    incident_id: str
    party: str
    location: str = ""
    speaker: str = ""
    text: str = ""
    coordinates: Optional[tuple] = None
    uncertainty_km: Optional[float] = None
    report: str = ""
    quote: str = ""
    url: str = ""
    date: Optional[dt.date] = None
    citation: str = ""        # the report as a reader cites it: author, title, outlet, date, URL
    color: str = ""           # the party's colour, when the file sets one
    where: str = ""           # geomap's reading of ``location`` (filled by extract, correctable)
    drafted: bool = False     # drafted by ``geomap extract``, not yet checked by a person
    confidence: tuple = ()    # (field, 0-1) pairs of a drafted claim
    denies: str = ""          # the id of the claim this one denies
    source_file: str = ""
    line: Optional[int] = None

    def __repr__(self) -> str:
        return f"Claim({self.id!r}, {self.party!r}, {self.location!r})"

    def geometry(self, *, gazetteer=None, near=None, lines=None, context=None, defer_disc=False):
        """The claim's :class:`~geomap.relations.ClaimGeometry` (errors name file and line).

        ``context`` (a :class:`~geomap.context.ResolutionContext`) carries what
        else is known: the incident's other places, the file's region.
        """
        from .relations import claim_geometry

        try:
            return claim_geometry(self.where or self.location, coordinates=self.coordinates,
                                  gazetteer=gazetteer, claim_id=self.id, near=near, lines=lines,
                                  uncertainty_km=self.uncertainty_km, context=context,
                                  defer_disc=defer_disc)
        except ExpressionError as err:
            raise ClaimFormatError(str(err), source=self.source_file, line=self.line,
                                   field="where" if self.where else "location",
                                   hint="give geomap's reading in 'where:' (e.g. 'west bank of the "
                                        "Euphrates near Mayadin') or coordinates; 'location' may "
                                        "keep the source's words") from err


@dataclass(frozen=True, repr=False)
class Incident:
    """An event about which claimants disagree."""

    id: str
    _: KW_ONLY
    date: Optional[dt.date] = None
    title: str = ""
    summary: str = ""
    claims: tuple = ()
    lines: tuple = ()
    region: str = ""
    source_file: str = ""
    line: Optional[int] = None

    def __post_init__(self):
        object.__setattr__(self, "title", self.title or self.id)
        object.__setattr__(self, "claims", tuple(self.claims))
        object.__setattr__(self, "lines", tuple(self.lines))

    def __repr__(self) -> str:
        return f"Incident({self.id!r}, {self.date}, {len(self.claims)} claims)"

    @property
    def parties(self) -> list:
        out = []
        for c in self.claims:
            if c.party not in out:
                out.append(c.party)
        return out


# -- the file formats -------------------------------------------------------

def _from_yaml(text: str, source: str) -> list:
    """Incidents from a YAML claims file: the fast parser when the file is plain, else the safe one.

    A file read the fast way that has anything to say (an error, a warning) is read again
    the safe way, which knows every line: messages always name the line to fix.
    """
    import warnings

    from .safe_yaml import load_yaml_fast

    data = load_yaml_fast(text, source)
    if data is not None:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            try:
                out = _from_data(data, source)
            except ClaimFormatError:
                out = None
        if out is not None and not said:
            return out
    return _from_data(_yaml_load(text, source), source)


def _from_data(data, source: str) -> list:
    if data is None:
        raise ClaimFormatError("the file is empty", source=source, hint="add 'incidents:' with claims")
    if isinstance(data, list):
        data = {"incidents": data, "__line__": 1}
    if not isinstance(data, dict):
        raise ClaimFormatError("no 'incidents' list at the top", source=source, line=1,
                               hint="start the file with 'incidents:'")
    validate(data, source)  # types, ranges, required and unknown fields: claims.schema.json
    colors = _colors(data.get("colors"))
    file_region = _text(data, "region")
    citations = _citations(data.get("reports"), source)
    out = []
    for d in data["incidents"]:
        iid = _text(d, "id")
        date = _date(d.get("date"), source, _line(d, "date"))
        lines = d.get("lines") or []
        if isinstance(lines, str):
            lines = [lines]
        out.append(Incident(iid, date=date, title=_text(d, "title"), summary=_text(d, "summary"),
                            claims=[_cited(_claim_from_dict(c, iid, date, source), citations, colors)
                                    for c in d["claims"]],
                            lines=[str(x) for x in lines], region=_text(d, "region") or file_region,
                            source_file=source, line=_line(d)))
    return out


def _from_rows(rows: Iterable[dict], source: str) -> list:
    incidents: dict = {}
    for lineno, row in rows:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        iid = row.get("incident") or row.get("incident_id")
        if not iid:
            raise ClaimFormatError("row has no 'incident'", source=source, line=lineno, field="incident",
                                   hint="add an 'incident' column naming the incident each claim belongs to")
        if not (row.get("party") or row.get("claimant")):
            raise ClaimFormatError("row has no 'party'", source=source, line=lineno, field="party")
        d = {"id": row.get("id") or row.get("claim_id") or f"{iid}-{lineno}",
             "claimant": {"party": row.get("party") or row.get("claimant"), "speaker": row.get("speaker")},
             "claim": row.get("claim"), "location": row.get("location"),
             "coordinates": row.get("coordinates") or None,
             "uncertainty_km": _number(row.get("uncertainty_km")),
             "source": {"report": row.get("report"), "quote": row.get("quote"), "url": row.get("url")},
             "__line__": lineno}
        validate(d, source, part="claim")  # the same schema as a YAML claim's
        date = _date(row.get("date"), source, lineno)
        head, claims = incidents.setdefault(iid, ({"date": date, "title": row.get("title", ""), "line": lineno}, []))
        claims.append(_claim_from_dict(d, iid, date or head["date"], source))
    if not incidents:
        raise ClaimFormatError("no claims in the file", source=source)
    return [Incident(iid, date=head["date"], title=head["title"], claims=claims, source_file=source,
                     line=head["line"]) for iid, (head, claims) in incidents.items()]


def _number(cell: Optional[str]):
    """A table cell as a number when it is one (the schema then checks its range), else as it is."""
    if not cell:
        return None
    try:
        return float(cell)
    except ValueError:
        return cell


def _from_csv(text: str, source: str, delimiter: str) -> list:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        fields = reader.fieldnames
    except csv.Error as err:
        raise ClaimFormatError(f"not a readable table ({err})", source=source, line=1) from err
    if not fields or "location" not in [f.strip().lower() for f in reader.fieldnames]:
        raise ClaimFormatError("a claims table needs a 'location' column", source=source, line=1,
                               hint="columns: incident, date, title, id, party, speaker, claim, location, "
                                    "coordinates, report, quote")
    try:
        rows = [(reader.line_num, _csv_row(r, reader.line_num, source)) for r in reader]
    except csv.Error as err:
        raise ClaimFormatError(f"not a readable table ({err})", source=source, line=reader.line_num,
                               hint="quote fields that hold line breaks or the delimiter") from err
    return _from_rows(rows, source)


def _csv_row(row: dict, line: int, source: str) -> dict:
    if None in row:
        raise ClaimFormatError(f"{len(row[None])} more fields than the header has columns", source=source,
                               line=line, hint="quote text holding the delimiter, or add the column to the header")
    return {k: ("" if v is None else v) for k, v in row.items()}


def _from_geojson(text: str, source: str) -> list:
    from .io import read_features

    feats = read_features(text, source=source)
    rows = []
    for i, f in enumerate(feats, 1):
        p = dict(f.get("properties") or {})
        g = f.get("geometry")
        if g and g.get("type") == "Point" and not p.get("coordinates"):
            lon, lat = g["coordinates"][:2]
            p["coordinates"] = f"{lat}, {lon}"
        rows.append((i, {k: ("" if v is None else str(v)) for k, v in p.items()
                         if not isinstance(v, (dict, list))}))
    try:
        return _from_rows(rows, source)
    except ClaimFormatError as err:
        raise err.counting("feature") from None  # a collection's rows are its features


@gc_paused()
def read_claims_text(text: str, *, source: str = "<stdin>", fmt: Optional[str] = None) -> list:
    """Parse claims from text; ``fmt`` is 'yaml', 'csv', 'tsv' or 'geojson' (guessed when None)."""
    if fmt is None:
        s = text.lstrip()
        if s.startswith("{") or s.startswith("\x1e"):
            fmt = "geojson"
        elif s.split("\n", 1)[0].count("\t") >= 2:
            fmt = "tsv"
        elif s.split("\n", 1)[0].count(",") >= 2 and ":" not in s.split("\n", 1)[0]:
            fmt = "csv"
        else:
            fmt = "yaml"
    if fmt == "yaml":
        return _from_yaml(text, source)
    if fmt in ("csv", "tsv"):
        return _from_csv(text, source, "\t" if fmt == "tsv" else ",")
    if fmt == "geojson":
        return _from_geojson(text, source)
    raise ClaimFormatError(f"unknown claims format {fmt!r}", source=source,
                           hint="use .yaml, .csv, .tsv or .geojson")


_EXT = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".tsv": "tsv", ".geojson": "geojson",
        ".json": "geojson"}


def read_claims(path: Union[str, Path]) -> list:
    """Read incidents from a claims file, or from every claims file in a folder.

    Returns
    -------
    list of Incident
        In file order (a folder: its files sorted by name). Incident ids must
        be unique across files, claim ids within an incident.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.suffix.lower() in _EXT and not f.name.startswith("."))
        if not files:
            raise ClaimFormatError("no claims files (.yaml, .csv, .tsv, .geojson) in the folder",
                                   source=str(p))
    elif p.exists():
        files = [p]
    else:
        raise ClaimFormatError("no such file or folder", source=str(p))
    incidents = []
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise ClaimFormatError(f"not UTF-8 text ({err.reason})", source=str(f)) from err
        incidents.extend(read_claims_text(text, source=str(f), fmt=_EXT.get(f.suffix.lower())))
    _check_unique(incidents)
    return incidents


def _check_unique(incidents: list):
    seen = {}
    for inc in incidents:
        if inc.id in seen:
            raise ClaimFormatError(f"incident id {inc.id!r} is used twice (also in {seen[inc.id]})",
                                   source=inc.source_file, line=inc.line, field="id",
                                   hint="give each incident its own id")
        seen[inc.id] = inc.source_file
        ids = set()
        for c in inc.claims:
            if c.id in ids:
                raise ClaimFormatError(f"claim id {c.id!r} is used twice in incident {inc.id!r}",
                                       source=c.source_file, line=c.line, field="id")
            ids.add(c.id)
        for c in inc.claims:
            if c.denies and c.denies not in ids:
                raise ClaimFormatError(f"claim {c.id!r} denies {c.denies!r}, which is no claim of "
                                       f"incident {inc.id!r}", source=c.source_file, line=c.line,
                                       field="denies", hint=f"one of: {', '.join(sorted(ids))}")
