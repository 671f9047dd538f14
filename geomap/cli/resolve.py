"""``geomap resolve``."""

from __future__ import annotations

import click

from ..place import KINDS

from .options import handle_errors, indent_opt, precision_opt, read_text_arg, sequence_opt, use_rs_opt

#: Names resolved and written at a time with --sequence.
STREAM_NAMES = 10_000


@click.command(short_help="Resolve place names against the offline gazetteer.")
@click.argument("names", nargs=-1)
@click.option("-f", "--file", "files", multiple=True, type=click.Path(allow_dash=True),
              help="Read names from a file, one per line ('-' for stdin). Repeatable.")
@click.option("--kind", type=click.Choice(list(KINDS)), default=None, help="Prefer places of this kind.")
@click.option("--country", default=None, metavar="CC", help="Only places in this ISO country code.")
@click.option("--within", default=None, metavar="ADMIN|BBOX",
              help="Only places inside an area: a governorate, district or subdistrict (name or "
                   "OCHA P-code, e.g. SY0903), a country, or a bbox W,S,E,N.")
@click.option("--near", default=None, metavar="PLACE|LON,LAT[:KM]",
              help="Prefer places near a place or point; with :KM, only places within KM of it.")
@click.option("--region", default=None, metavar="ADMIN|BBOX",
              help="Prefer places inside an area (a hint, not a limit).")
@click.option("--joint", is_flag=True,
              help="The names come from one document: resolve them together, each with the "
                   "others as context.")
@click.option("--events", "events", default=None, type=click.Path(allow_dash=True), metavar="TABLE",
              help="Resolve the place names of an event table (UCDP, ACLED), each with its row's "
                   "admin columns as context and never farther from the coded point than its "
                   "precision code allows.")
@click.option("--preset", type=click.Choice(["ucdp", "acled"]), default=None,
              help="The event table's columns (detected from the header when omitted).")
@click.option("--strict", is_flag=True, help="Exit 2 if any name is not found or ambiguous.")
@sequence_opt
@use_rs_opt
@indent_opt
@precision_opt
@handle_errors
def resolve(names, files, kind, country, within, near, region, joint, events, preset, strict, sequence,
            use_rs, indent, precision):
    """Resolve place names to gazetteer records, as GeoJSON on stdout.

    NAMES are place names as arguments; '-' as the only name (or -f FILE)
    reads one name per line (blank lines and lines starting with # are
    skipped). Exactly one feature is written per name, in input order, with
    properties query, status (resolved / ambiguous / not_found), name, kind,
    country_code, admin1-3, pcode, score, match (exact, variant, fuzzy,
    context, parent, pcode), context (what supported the answer), reason,
    candidates (rivals, with their distance) and source; the geometry is
    null when a name is not found.

    Queries may carry their own context: "Al Karamah, Raqqa", "Hatla in Deir
    ez-Zor", "Taybah farms (Mayadin)", "Deir-ez-Zor - Hatla", or a P-code.

    \b
    Examples:
      geomap resolve Mayadin "Deir-Ezzor" "Hemeimeem air base"
      geomap resolve --joint Tabqa Raqqa al-Karamah al-Sabkha
      geomap resolve --within SY09 --near Mayadin:40 Thiban Basira
      geomap resolve --events ucdp_ged.tsv --sequence > checked.geojsons
      geomap resolve - < names.txt | geomap classify -
      geomap resolve --sequence -f names.txt > places.geojsons
    """
    from ..context import make_context
    from ..gazetteer import Gazetteer
    from ..io import dump_features, read_lines
    from ..resolution import resolution_features

    if events:
        feats = _event_features(events, preset)
        click.echo(dump_features(feats, sequence=sequence, indent=indent, precision=precision,
                                 use_rs=use_rs), nl=False)
        return
    queries = []
    sources = list(files)
    if names == ("-",):
        sources.append("-")
        names = ()
    queries.extend(n for n in names if n.strip())
    for src in sources:
        text, _ = read_text_arg(src)
        queries.extend(read_lines(text))
    if not queries:
        raise click.UsageError("no names given: pass names as arguments, or '-' / -f FILE with one per line")
    gaz = Gazetteer.default()
    context = make_context(gaz, within=within, near=near, region=region,
                           country=country.upper() if country else None)
    bad, memo = [], {}
    # A sequence is written as it is resolved, a part at a time (memory stays flat however many
    # names); joint resolution reads all names together, and a FeatureCollection is one document.
    step = STREAM_NAMES if sequence and not joint else max(len(queries), 1)
    for start in range(0, len(queries), step):
        part = queries[start:start + step]
        feats = (resolution_features(part, gazetteer=gaz, joint=True, context=context) if joint else
                 resolution_features(part, gazetteer=gaz, kind=kind, context=context, memo=memo))
        click.echo(dump_features(feats, sequence=sequence, indent=indent, precision=precision, use_rs=use_rs),
                   nl=False)
        bad.extend(f["properties"]["query"] for f in feats if f["properties"]["status"] != "resolved")
    if strict and bad:
        click.echo(f"geomap: not resolved: {', '.join(bad)}", err=True)
        raise SystemExit(2)


def _event_features(path: str, preset) -> list:
    import json

    from ..event_names import resolve_event_names
    from ..events import _detect, read_events_text

    text, source = read_text_arg(path)
    header = text.split("\n", 1)[0].replace("\t", ",").split(",")
    preset = preset or _detect(header) or "ucdp"
    table = read_events_text(text, source=source, preset=preset,
                             delimiter="\t" if source.lower().endswith(".tsv") else None)
    out = resolve_event_names(table, preset=preset, source=source)
    return json.loads(out.to_json(na="null", drop_id=True))["features"]
