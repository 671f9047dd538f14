"""``geomap extract``."""

from __future__ import annotations

import click

from .options import claims_count, handle_errors, indent_opt, precision_opt, read_text_arg, sequence_opt, use_rs_opt


def _date(ctx, param, value):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date: write it as YYYY-MM-DD") from err


@click.command(short_help="Draft claims (or list place mentions) from report texts.")
@click.argument("reports", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the draft claims file here (atomically); default: standard output.")
@click.option("--date", callback=_date, default=None, metavar="YYYY-MM-DD",
              help="The report's date, when its text gives none.")
@click.option("--voice", default=None, metavar="SOURCE",
              help="Whose own release the reports are (e.g. 'CJTF-OIR'), when their headlines do not "
                   "say: their sentences that name no source are drafted as that source's claims.")
@click.option("-j", "--jobs", type=click.IntRange(0, 256), default=0, show_default=True,
              help="Processes to draft the reports in; 0: every core when the reports come to "
                   "half a megabyte or more, else one.")
@click.option("--mentions", is_flag=True,
              help="Print the place mentions as GeoJSON instead (text, span, place, kind, status, score).")
@sequence_opt
@use_rs_opt
@indent_opt
@precision_opt
@handle_errors
def extract_cmd(reports, output, date, voice, jobs, mentions, sequence, use_rs, indent, precision):
    """Draft incidents and claims from REPORTS (plain text; '-' for standard input).

    From each report: its headline and date; the places it names (resolved
    together); who claims what (reported speech, 'according to', a spokesman,
    the last named source for 'he' or 'the ministry'); the words of each
    claimed position ('location') and geomap's reading of them ('where');
    denials. Every claim is marked 'drafted: true' with a confidence per
    field: check them, correct 'where', then map the file.

    \b
    Examples:
      geomap extract report.txt -o claims.yaml
      geomap extract report.txt --date 2017-11-24 --mentions
      geomap extract strike-release.txt --voice CJTF-OIR
      geomap extract archive/*.txt -o claims.yaml --jobs 4
      geomap map claims.yaml -o map.html      # or straight from the text:
      geomap map report.txt -o map.html
    """
    from ..extract import drafts_yaml
    from ..io import atomic_write, dump_features

    texts = []
    for path in reports:
        text, source = read_text_arg(path)
        texts.append((text, source.split("/")[-1]))
    extractions = _drafted(texts, date, voice, jobs)
    if mentions:
        feats = [f for ex in extractions for f in ex.mention_features()]
        click.echo(dump_features(feats, sequence=sequence, indent=indent, precision=precision,
                                 use_rs=use_rs), nl=False)
        return
    if not any(ex.incidents for ex in extractions):
        raise click.ClickException("no claim about a place was found in "
                                   f"{', '.join(reports)} (try --mentions to see the places named)")
    for ex in extractions:
        if ex.date is None and ex.incidents:
            click.echo(f"geomap: warning: {ex.source}: no full date (with its year) in the report's first "
                       "lines, so its claims are undated and 'on Monday' is not resolved; give the "
                       "report's date with --date YYYY-MM-DD", err=True)
    text = drafts_yaml(extractions)
    if output:
        atomic_write(output, text)
        n = sum(len(inc.claims) for ex in extractions for inc in ex.incidents)
        click.echo(f"geomap: wrote {output} ({claims_count(n, 'drafted claims')})", err=True)
    else:
        click.echo(text, nl=False)


def _drafted(texts: list, date, voice, jobs: int) -> list:
    """The reports drafted (in worker processes for an archive), with a count on a terminal."""
    import sys

    from ..batch import extract_many

    done = 0
    shown = sys.stderr.isatty() and len(texts) > 1

    def progress(n: int) -> None:
        nonlocal done
        done += n
        if shown:
            click.echo(f"\rgeomap: {done:,} of {len(texts):,} reports drafted", err=True, nl=False)

    out = extract_many(texts, date=date, voice=voice, jobs=jobs, progress=progress)
    if shown:
        click.echo("", err=True)
    return out
