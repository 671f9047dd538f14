"""``geomap gazetteer build|info``."""

from __future__ import annotations

from pathlib import Path

import click

from .options import handle_errors


@click.group(short_help="Build or inspect the bundled gazetteer.")
def gazetteer():
    """Build or inspect the offline gazetteer."""


@gazetteer.command(short_help="Build data/gazetteer/ from source files.")
@click.option("--source", "source", type=click.Path(exists=True, file_okay=False), required=True,
              help="Folder with the source files (GeoNames, WOF, Natural Earth, airports, UCDP).")
@click.option("-o", "--output", type=click.Path(file_okay=False), default="data/gazetteer",
              show_default=True, help="Output folder (must hold curated.yaml).")
@click.option("--geonames", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Also add a GeoNames dump (e.g. a country file EG.txt). Repeatable.")
@click.option("--no-ucdp", is_flag=True, help="Leave out UCDP GED place names and event counts.")
@click.option("--lines-output", type=click.Path(file_okay=False), default=None,
              help="Also write the Euphrates line here (default: 'lines' beside the output folder).")
@handle_errors
def build(source, output, extra, no_ucdp, lines_output):
    """Build the gazetteer from source files, reproducibly.

    \b
    Example (from a checkout with ../shared beside it):
      geomap gazetteer build --source ../shared/data -o data/gazetteer
    """
    from ..build import build_gazetteer, build_lines

    counts = build_gazetteer(source, output, extra_geonames=extra, include_ucdp=not no_ucdp,
                             progress=lambda m: click.echo(f"geomap: {m}", err=True))
    click.echo(f"{counts['places']} places, {counts['names']} names -> {Path(output)}", err=True)
    lines_dir = Path(lines_output) if lines_output else Path(output).resolve().parent / "lines"
    click.echo(f"line -> {build_lines(source, lines_dir)}", err=True)
    _prepare(Path(output), lines_dir)


def _prepare(output: Path, lines_dir: Path) -> None:
    """The basemap and the lines' prepared data (:mod:`geomap.prepared`), computed from the
    gazetteer just built when it is the one geomap reads."""
    from ..gazetteer import data_path
    from ..prepared import write_prepared
    from ..render.basemap import write_basemap

    if output.resolve() != (data_path() / "gazetteer").resolve():
        click.echo(f"geomap: {output} is not the gazetteer geomap reads ({data_path() / 'gazetteer'}), so its "
                   f"basemap and the lines' prepared data were not written: run the build again with "
                   f"GEOMAP_DATA={output.resolve().parent} in the environment to write them", err=True)
        return
    click.echo(f"basemap -> {write_basemap()}", err=True)
    for f in sorted(lines_dir.glob("*.geojson")):
        click.echo(f"prepared -> {write_prepared(f)}", err=True)


@gazetteer.command(short_help="Show what the gazetteer holds.")
@click.argument("place_id", required=False)
@handle_errors
def info(place_id):
    """Counts per kind and source, or one record by id (JSON)."""
    import json
    from collections import Counter

    from ..gazetteer import Gazetteer, data_path

    gaz = Gazetteer.default()
    if place_id:
        try:
            click.echo(json.dumps(gaz.get(place_id).to_dict(), ensure_ascii=False, indent=1))
        except KeyError:
            raise click.BadParameter(f"no place with id {place_id!r}", param_hint="PLACE_ID")
        return
    click.echo(f"{len(gaz)} places in {data_path() / 'gazetteer'}")
    for kind, n in sorted(Counter(p.kind for p in gaz).items()):
        click.echo(f"  {kind:16} {n}")
