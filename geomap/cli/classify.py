"""``geomap classify``."""

from __future__ import annotations

import click

from .options import (column_opt, handle_errors, indent_opt, line_opt, precision_opt, read_text_arg,
                      sequence_opt, tolerance_opt, use_rs_opt)


@click.command(short_help="Decide the side of a deconfliction line for features or claims.")
@click.argument("source", default="-", required=False)
@line_opt
@tolerance_opt
@column_opt
@click.option("--preset", type=click.Choice(["ucdp", "acled"]), default=None,
              help="Column names and precision codes of an event table (detected when omitted).")
@click.option("--geometry", "geometry", type=click.Choice(["area", "point"]), default="area",
              show_default=True, help="Write claims and events as their area or their point.")
@click.option("--summary", is_flag=True, help="Print a table of verdicts per precision instead of GeoJSON.")
@click.option("--compare", is_flag=True,
              help="Claims: print each incident's verdicts and whether competing claims can both be true (JSON).")
@sequence_opt
@use_rs_opt
@indent_opt
@precision_opt
@handle_errors
def classify(source, lines, tolerance_km, columns, preset, geometry, summary, compare, sequence, use_rs,
             indent, precision):
    """Add side-of-line verdicts to GeoJSON features, claims or events.

    SOURCE is GeoJSON (a FeatureCollection or a feature sequence; '-' for
    stdin, e.g. the output of 'geomap resolve'), a claims file (.yaml, .csv,
    .geojson) or a folder of them (seeds/), or an event table (.csv/.tsv, UCDP
    GED or ACLED columns). Each feature gets side, side_share, distance_km,
    near_line, line and verdict in its properties; features without a
    geometry pass through with side null, and positions beyond the line's
    area of interest get 'outside'.

    \b
    Examples:
      geomap resolve - < names.txt | geomap classify -
      geomap classify seeds/ --line euphrates --line tabqa-arc-2017
      geomap classify seeds/ --compare
      geomap classify ucdp_ged_syria_2016_2019.tsv --summary
    """
    import json

    from ..classify import classify_features, classify_frame, load_input, summary_table
    from ..io import dump_features
    from ..lines import get_line
    from ..render.maps import features_frame

    lns = [get_line(x) for x in lines] or None
    if source == "-":
        text, name = read_text_arg("-")
        kind, data = load_input("-", text, preset=preset, columns=columns)
    else:
        kind, data = load_input(source, preset=preset, columns=columns)
    if compare:
        if kind != "claims":
            raise click.UsageError("--compare needs claims (a claims file or folder)")
        from ..incidents import incident_report

        report = incident_report(data, lines=list(lines) or None)
        click.echo(json.dumps(report, ensure_ascii=False, indent=indent if indent is not None else 1,
                              default=_jsonable))
        return
    if summary:
        from ..verdicts import verdict_table

        frame = features_frame(data) if kind == "features" else data
        table = verdict_table(frame, lns, tolerance_km=tolerance_km)
        prec = frame["precision"] if "precision" in frame else ["-"] * len(frame)
        first = table["line"].iloc[0] if len(table) else "-"
        click.echo(summary_table(prec, table, first), nl=False)
        return
    if kind == "features":
        feats = classify_features(data, lns, tolerance_km=tolerance_km)
    else:
        feats = classify_frame(data, lns, geometry=geometry, tolerance_km=tolerance_km)
    click.echo(dump_features(feats, sequence=sequence, indent=indent, precision=precision, use_rs=use_rs),
               nl=False)


def _jsonable(obj):
    import numpy as np

    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, float) and obj != obj:
        return None
    return str(obj)
