"""``geomap map``."""

from __future__ import annotations

import click

from .options import claims_count, column_opt, handle_errors, line_opt, read_text_arg


@click.command("map", short_help="Write an offline HTML map of claims.")
@click.argument("source", default="-", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="The HTML file to write (atomically).")
@line_opt
@click.option("--incident", "incidents", multiple=True, metavar="ID",
              help="Only these incidents (repeatable; default: all).")
@click.option("--title", default=None, help="Title shown on the map.")
@click.option("--tiles", default=None, metavar="NAME",
              help="Add web tiles from an xyzservices provider (e.g. OpenStreetMap.Mapnik). "
                   "The page then loads tiles over the network; by default it makes no request.")
@click.option("--no-links", is_flag=True, help="Do not draw links between competing claims.")
@click.option("--cloud/--layers", "cloud", default=None,
              help="Draw the claims as one compact canvas layer (density when zoomed out, single claims "
                   "zoomed in) or as one layer per claim. Default: a cloud above 20,000 claims.")
@column_opt
@click.option("--preset", type=click.Choice(["ucdp", "acled"]), default=None,
              help="Column names of an event table (detected when omitted).")
@handle_errors
def map_cmd(source, output, lines, incidents, title, tiles, no_links, cloud, columns, preset):
    """Write a self-contained HTML map of claims, lines and their sides.

    SOURCE is a claims file or folder (seeds/), GeoJSON features ('-' for
    stdin, e.g. from 'geomap classify'), or an event table. The page works
    offline: Leaflet is inlined and the basemap is drawn from bundled data.
    The same input always gives the same bytes.

    \b
    Examples:
      geomap map seeds/ -o seeds.html
      geomap map seeds/ --incident su22-shootdown-2017-06-18 -o su22.html
      geomap resolve - < names.txt | geomap classify - | geomap map - -o names.html
      geomap map ucdp_ged_syria.tsv --cloud -o events.html
    """
    from ..classify import load_input
    from ..render.maps import claims_map, features_frame, save_map

    if source == "-":
        text, _ = read_text_arg("-")
        kind, data = load_input("-", text, preset=preset, columns=columns)
    else:
        kind, data = load_input(source, preset=preset, columns=columns)
    frame = features_frame(data) if kind == "features" else data
    if kind == "events":
        from ..events import events_as_claims

        frame = events_as_claims(frame)
    if incidents:
        known = set(frame["incident"]) if "incident" in frame else set()
        missing = [i for i in incidents if i not in known]
        if missing:
            raise click.BadParameter(f"no incident {', '.join(missing)}; known: {', '.join(sorted(known))}",
                                     param_hint="--incident")
        frame = frame[frame["incident"].isin(incidents)]
    m = claims_map(frame, lines=list(lines) or None, title=title, tiles=tiles,
                   links=False if (no_links or kind == "events") else "auto",
                   cloud="auto" if cloud is None else cloud)
    save_map(m, output)
    click.echo(f"geomap: wrote {output} ({claims_count(len(frame))})", err=True)

