"""``geomap lines``."""

from __future__ import annotations

import click

from .options import handle_errors, indent_opt


@click.group(invoke_without_command=True, short_help="List and show deconfliction lines.")
@click.pass_context
@handle_errors
def lines(ctx):
    """List the built-in deconfliction lines (or 'show' one)."""
    if ctx.invoked_subcommand is not None:
        return
    from ..lines import builtin_lines

    for ln in builtin_lines():
        valid = f"{ln.valid_from or '…'} to {ln.valid_to or '…'}" if (ln.valid_from or ln.valid_to) else "always"
        approx = ", approximate" if ln.approximate else ""
        click.echo(f"{ln.name:16} {ln.left_label}/{ln.right_label}, ±{ln.accuracy_km:g} km{approx}, "
                   f"valid {valid}: {ln.title}")


@lines.command(short_help="Write a line (and its side areas) as GeoJSON.")
@click.argument("name")
@click.option("--sides", is_flag=True, help="Also write the two side areas.")
@indent_opt
@handle_errors
def show(name, sides, indent):
    """Write the line NAME (a built-in name or a file) as GeoJSON, with its metadata: a line file
    that --line and 'geomap lines prepare' read again.

    \b
    Example:
      geomap lines show euphrates --sides > euphrates.geojson
    """
    import json

    from shapely.geometry import mapping

    from ..lines import get_line

    ln = get_line(name)
    feats = [ln.to_feature()]
    if sides:
        left, right = ln.sides
        for label, area in ((ln.left_label, left), (ln.right_label, right)):
            feats.append({"type": "Feature", "id": f"{ln.name}:{label}",
                          "properties": {"line": ln.name, "side": label}, "geometry": mapping(area)})
    click.echo(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, indent=indent))


@lines.command(short_help="Compute a line file's area, sides and grid once, next to it.")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@handle_errors
def prepare(files):
    """Write FILE's area of interest, side areas and side/distance grid to FILE's stem +
    '.prepared.npz', so that every later use of the line reads them instead of computing
    them (about 1 s for a country-sized area). They are used only while the line file and
    the gazetteer are unchanged; a stale one is ignored and can be rewritten with this command.

    \b
    Example:
      geomap lines show tabqa-arc-2017 > my-line.geojson
      geomap lines prepare my-line.geojson
      geomap classify seeds/ --line my-line.geojson --summary
    """
    from ..prepared import write_prepared

    for f in files:
        click.echo(f"geomap: wrote {write_prepared(f)}", err=True)
