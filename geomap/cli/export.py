"""``geomap export``."""

from __future__ import annotations

import click

from .options import claims_count, column_opt, handle_errors, line_opt, read_text_arg


@click.command(short_help="Export claims with areas and verdicts: KML, GeoPackage, CSV, GeoJSON.")
@click.argument("source", default="-", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The file to write (atomically); its suffix gives the format.")
@click.option("--format", "fmt", type=click.Choice(["kml", "gpkg", "csv", "geojson", "parquet"]), default=None,
              help="The format, when the file name does not say it.")
@line_opt
@column_opt
@click.option("--preset", type=click.Choice(["ucdp", "acled"]), default=None,
              help="Column names of an event table (detected when omitted).")
@handle_errors
def export(source, output, fmt, lines, columns, preset):
    """Write claims, their areas and their verdicts for other tools.

    SOURCE is a claims file or folder, GeoJSON features ('-' for stdin) or an
    event table. KML opens in Google Earth (a folder per claimant, areas in
    the claimant's colour); GeoPackage in QGIS; CSV in a spreadsheet, with
    the point, the area as WKT, UCDP's where_prec and ACLED's geo_precision;
    GeoParquet (.parquet, with pyarrow) for pandas, DuckDB and big-data tools.

    \b
    Examples:
      geomap export seeds/ -o claims.kml
      geomap export seeds/ -o claims.gpkg
      geomap export seeds/ -o claims.csv --line euphrates
      geomap export seeds/ -o claims.parquet
    """
    from ..classify import load_input
    from ..events import events_as_claims
    from ..export import export_claims
    from ..render.maps import features_frame

    if source == "-":
        text, _ = read_text_arg("-")
        kind, data = load_input("-", text, preset=preset, columns=columns)
    else:
        kind, data = load_input(source, preset=preset, columns=columns)
    frame = features_frame(data) if kind == "features" else events_as_claims(data) if kind == "events" else data
    path = export_claims(frame, output, fmt=fmt, lines=list(lines) or None)
    click.echo(f"geomap: wrote {path} ({claims_count(len(frame))})", err=True)
