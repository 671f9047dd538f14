"""``geomap publish``."""

from __future__ import annotations

import click

from .options import handle_errors, line_opt


@click.command(short_help="Write a static site: index, incident pages, figures.")
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(file_okay=False), required=True, help="The site folder.")
@click.option("--title", default="Competing location claims", show_default=True, help="Site title.")
@line_opt
@handle_errors
def publish(source, output, title, lines):
    """Write a static site for publication from a claims file or folder.

    The site holds an index (method note, lines, incidents table with
    verdicts), one page per incident (interactive offline map, PNG figure,
    claims, whether competing claims can both be true, source citations)
    and the data attributions. It works from a file system or any static
    host and prints cleanly.

    \b
    Example:
      geomap publish seeds/ -o site/
    """
    from ..classify import load_input
    from ..publish import publish_site

    kind, frame = load_input(source)
    if kind != "claims":
        raise click.UsageError("publish needs claims (a claims file or a folder of them)")
    files = publish_site(frame, output, title=title, lines=list(lines) or None,
                         progress=lambda m: click.echo(f"geomap: {m}", err=True))
    folder = str(output).rstrip("/\\") or str(output)   # "-o site/" is written "site/", not "site//"
    click.echo(f"geomap: wrote {len(files)} files to {folder}/ (open {folder}/index.html)", err=True)
