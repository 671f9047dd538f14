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
              show_default=True, help="Write claims and events as their area or their point (GeoJSON and "
                                      "GeoParquet; the verdicts are of the area either way).")
@click.option("--summary", is_flag=True, help="Print a table of verdicts per precision instead of GeoJSON.")
@click.option("--compare", is_flag=True,
              help="Claims: print each incident's verdicts and whether competing claims can both be true (JSON).")
@click.option("-o", "--output", type=click.Path(dir_okay=True, writable=True), default=None,
              help="Write the verdicts to FILE: .parquet for GeoParquet (the rows with each line's "
                   "verdict columns), else GeoJSON. Default: standard output.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="'dask': judge a Parquet table in partitions on a dask cluster (dask-geopandas); "
                   "-o then names the GeoParquet folder the workers write.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --engine dask: a running cluster's scheduler (tcp://host:8786). Default: a local cluster.")
@click.option("--workers", type=click.IntRange(1, 512), default=2, show_default=True,
              help="With --engine dask and no --scheduler: processes of the local cluster.")
@click.option("--partitions", type=click.IntRange(1, 1_000_000), default=None,
              help="With --engine dask: split the table into this many partitions (default: as stored).")
@sequence_opt
@use_rs_opt
@indent_opt
@precision_opt
@handle_errors
def classify(source, lines, tolerance_km, columns, preset, geometry, summary, compare, output, engine, scheduler,
             workers, partitions, sequence, use_rs, indent, precision):
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
      geomap classify events.parquet -o verdicts.parquet
      geomap classify events/ --engine dask --workers 2 -o verdicts/
    """
    import json

    from ..classify import classify_features, classify_frame, load_input, summary_table
    from ..io import dump_features
    from ..lines import get_line
    from ..render.maps import features_frame

    lns = [get_line(x) for x in lines] or None
    if engine == "dask":
        _classify_on_dask(source, lns, output, summary=summary, tolerance_km=tolerance_km, preset=preset,
                          columns=columns, scheduler=scheduler, workers=workers, partitions=partitions,
                          geometry=geometry)
        return
    if _parquet(output) and _parquet(source) and not (summary or compare):
        _judge_in_chunks(source, lns, output, tolerance_km=tolerance_km, preset=preset, columns=columns,
                         geometry=geometry)
        return
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
    if output and str(output).lower().endswith(".parquet"):
        _write_parquet(features_frame(data) if kind == "features" else data, lns, output, tolerance_km, geometry)
        return
    if kind == "features":
        feats = classify_features(data, lns, tolerance_km=tolerance_km)
    else:
        feats = classify_frame(data, lns, geometry=geometry, tolerance_km=tolerance_km)
    text = dump_features(feats, sequence=sequence, indent=indent, precision=precision, use_rs=use_rs)
    if output:
        from ..io import atomic_write

        atomic_write(output, text)
        click.echo(f"geomap: wrote {output} ({len(feats)} features)", err=True)
    else:
        click.echo(text, nl=False)


def _parquet(path) -> bool:
    return bool(path) and str(path).lower().endswith(".parquet")


def _judge_in_chunks(source, lns, output, *, tolerance_km, preset, columns, geometry) -> None:
    """Parquet in, Parquet out: judged a chunk of rows at a time, memory flat (:mod:`geomap.chunked`)."""
    import sys

    from ..chunked import judge_parquet

    def progress(done: int) -> None:
        if sys.stderr.isatty():
            click.echo(f"\rgeomap: {done:,} rows judged", err=True, nl=False)

    done = judge_parquet(source, output, lns, tolerance_km=tolerance_km, preset=preset, columns=columns,
                         progress=progress, geometry=geometry)
    if sys.stderr.isatty():
        click.echo("", err=True)
    click.echo(f"geomap: wrote {output} ({done:,} rows)", err=True)


def _write_parquet(frame, lns, output: str, tolerance_km, geometry: str) -> None:
    """The rows and each line's verdict columns as GeoParquet, written atomically."""
    import io

    from ..classify import judged_frame
    from ..io import atomic_write

    buf = io.BytesIO()
    judged_frame(frame, lns, tolerance_km=tolerance_km, geometry=geometry).to_parquet(buf, index=False)
    atomic_write(output, buf.getvalue())
    click.echo(f"geomap: wrote {output} ({len(frame)} rows)", err=True)


def _classify_on_dask(source, lns, output, *, summary, tolerance_km, preset, columns, scheduler, workers,
                      partitions, geometry) -> None:
    """``--engine dask``: the workers judge the partitions and write them (or the counts are summed)."""
    from ..distributed import classify_parquet
    from ..io import atomic_folder

    import os

    if source == "-" or not str(source).lower().endswith(".parquet") and not os.path.isdir(source):
        raise click.UsageError("--engine dask reads a Parquet file or a folder of them (a dataset)")
    if not output and not summary:
        raise click.UsageError("--engine dask writes a GeoParquet folder: give -o FOLDER (or --summary)")
    kw = dict(tolerance_km=tolerance_km, preset=preset, columns=columns, scheduler=scheduler, workers=workers,
              partitions=partitions, geometry=geometry)
    if summary:
        from ..classify import summary_table

        judged = classify_parquet(source, lns, **kw)
        from ..lines import builtin_lines

        first = (lns or builtin_lines())[0].name.replace("-", "_")
        click.echo(_summary_of_columns(judged, first, summary_table), nl=False)
        return
    with atomic_folder(output) as tmp:
        classify_parquet(source, lns, output=str(tmp / "part"), **kw)
        for f in (tmp / "part").iterdir():  # the dataset's files at the folder's top
            f.rename(tmp / f.name)
        (tmp / "part").rmdir()
    click.echo(f"geomap: wrote {output} (GeoParquet dataset)", err=True)


def _summary_of_columns(judged, col: str, summary_table) -> str:
    import pandas as pd

    table = pd.DataFrame({"row": range(len(judged)), "line": col,
                          "side": judged[f"{col}_side"].to_numpy(object),
                          "near_line": judged[f"{col}_near_line"].fillna(False).to_numpy(bool)})
    prec = judged["precision"] if "precision" in judged else ["-"] * len(judged)
    return summary_table(prec, table, col)


def _jsonable(obj):
    import numpy as np

    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, float) and obj != obj:
        return None
    return str(obj)
