"""Reusable click options and the error edge (fio/cligj style)."""

from __future__ import annotations

import functools
import os
import sys

import click
import cligj

from ..errors import GeomapError

# fio's options, from cligj: --sequence/--no-sequence, --rs, --indent, --precision.
sequence_opt = cligj.sequence_opt
use_rs_opt = cligj.use_rs_opt
indent_opt = cligj.indent_opt
precision_opt = cligj.precision_opt

line_opt = click.option(
    "--line", "lines", multiple=True, metavar="NAME|FILE",
    help="Deconfliction line: a built-in name (see 'geomap lines') or a GeoJSON/vector file. "
         "Repeat for several; default: euphrates.")
class FiniteRange(click.FloatRange):
    """A number in a range; NaN, which every range comparison lets through, is refused."""

    name = "finite float range"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


tolerance_opt = click.option(
    "--tolerance-km", type=FiniteRange(0, 100), default=None,
    help="Width of the band along the line where a side is not certain "
         "(default: the line's positional accuracy).")


def claims_count(n: int, what: str = "claims") -> str:
    """"1 claim", "2 claims", "1 drafted claim": a count as a sentence says it."""
    return f"{n:,} {what[:-1] if n == 1 else what}"


def handle_errors(func):
    """Turn geomap's own errors and I/O errors into one clean line and exit 1.

    Anything else is a bug in geomap, not the user's mistake: it is reported in
    one line naming the input (``GEOMAP_DEBUG=1`` shows the traceback), never
    as a traceback on a user's screen.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except GeomapError as err:
            raise click.ClickException(str(err)) from err
        except BrokenPipeError:  # pragma: no cover - `| head`
            sys.exit(0)
        except OSError as err:
            where = f"{err.filename}: " if getattr(err, "filename", None) else ""
            raise click.ClickException(f"{where}{err.strerror or err}") from err
        except (click.ClickException, click.Abort, click.exceptions.Exit, KeyboardInterrupt):
            raise
        except Exception as err:
            if os.environ.get("GEOMAP_DEBUG"):
                raise
            source = kwargs.get("source") or kwargs.get("names") or "the input"
            source = "<stdin>" if source == "-" else source
            raise click.ClickException(
                f"{source}: geomap failed on this input ({type(err).__name__}: {err}). This is a bug in "
                "geomap, not in your input's format: please report it with the input "
                "(GEOMAP_DEBUG=1 shows the details).") from err

    return wrapper


def read_text_arg(path: str) -> tuple:
    """(text, source name) of a file argument; ``-`` is standard input."""
    if path == "-":
        return sys.stdin.read(), "<stdin>"
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read(), path
    except UnicodeDecodeError as err:
        raise click.BadParameter(f"{path}: not UTF-8 text ({err.reason})") from err
    except FileNotFoundError as err:
        raise click.BadParameter(f"{path}: no such file") from err
    except IsADirectoryError as err:
        raise click.BadParameter(f"{path}: is a folder, expected a file") from err


def _parse_columns(ctx, param, values):
    out = {}
    for v in values:
        key, sep, name = v.partition("=")
        if not sep or key not in ("id", "lat", "lon", "precision", "place", "date") or not name:
            raise click.BadParameter(f"{v!r}: write KEY=COLUMN with KEY one of id, lat, lon, precision, "
                                     "place, date", param=param)
        out[key] = name
    return out


column_opt = click.option(
    "--column", "columns", multiple=True, callback=_parse_columns, metavar="KEY=COLUMN",
    help="Event tables: the column holding KEY (lat, lon, precision, place, date, id), "
         "overriding the preset. Repeatable.")
