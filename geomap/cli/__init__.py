"""geomap's command line: ``geomap COMMAND ...`` (one module per command).

Commands are imported only when run, so ``geomap --help`` stays instant.
"""

from __future__ import annotations

import importlib
import logging

import click

from .. import __version__

_COMMANDS = {
    "resolve": ("geomap.cli.resolve", "resolve"),
    "extract": ("geomap.cli.extract", "extract_cmd"),
    "classify": ("geomap.cli.classify", "classify"),
    "lines": ("geomap.cli.lines", "lines"),
    "map": ("geomap.cli.map", "map_cmd"),
    "publish": ("geomap.cli.publish", "publish"),
    "export": ("geomap.cli.export", "export"),
    "gazetteer": ("geomap.cli.gazetteer", "gazetteer"),
}
_SHORT_HELP = {
    "resolve": "Resolve place names against the offline gazetteer (GeoJSON out).",
    "extract": "Draft claims (or list place mentions) from report texts.",
    "classify": "Decide the side of a deconfliction line for features or claims.",
    "lines": "List and show deconfliction lines.",
    "map": "Write an offline HTML map of claims.",
    "publish": "Write a static site: index, incident pages, figures.",
    "export": "Export claims with areas and verdicts: KML, GeoPackage, CSV, GeoJSON.",
    "gazetteer": "Build or inspect the bundled gazetteer.",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx):
        return sorted(_COMMANDS)

    def get_command(self, ctx, name):
        if name not in _COMMANDS:
            return None
        module, attr = _COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, _SHORT_HELP[name]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log messages (repeat for more).")
@click.option("-q", "--quiet", count=True, help="Fewer log messages.")
@click.version_option(__version__, "--version", prog_name="geomap")
@click.pass_context
def main(ctx, verbose, quiet):
    """geomap: map competing claims about where an incident happened.

    Offline: place names resolve against a bundled gazetteer, claims become
    geometries with their uncertainty, sides of a deconfliction line are
    decided with shapely, and maps are written as self-contained HTML.

    \b
    Pipes, fio-style (GeoJSON between commands):
      geomap resolve - < names.txt | geomap classify - | geomap map - -o names.html
      geomap classify seeds/ --line euphrates > verdicts.geojson
      geomap map seeds/ -o seeds.html
    """
    _exit_cleanly_on_signals()
    _warnings_as_lines()
    _collect_cycles_rarely()
    reuse_freed_memory()
    level = max(logging.DEBUG, logging.WARNING - 10 * verbose + 10 * quiet)
    logging.basicConfig(level=level, format="geomap: %(message)s")
    ctx.ensure_object(dict)


#: The cyclic garbage collector's thresholds for a command (CPython's default: 700, 10, 10).
GC_THRESHOLDS = (100_000, 50, 100)


def _collect_cycles_rarely() -> None:
    """A command is one process that builds millions of objects which live until it ends
    (records, geometries, rows). With CPython's default thresholds the cyclic collector walks
    them again and again as they accumulate: 5 s of the 30 s a million-row event table takes,
    0.6 s of a 100,000-claim map. A command runs with higher thresholds, as mypy does:
    reference counting still frees everything at once, cycles are still collected, only rarely
    (peak memory is unchanged on those inputs). The library leaves the collector as it finds it.
    """
    import gc

    gc.set_threshold(*GC_THRESHOLDS)


#: glibc's ``mallopt`` parameters (``<malloc.h>``) and the values a command sets.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD = 32 << 20    # the largest glibc accepts
_TRIM_THRESHOLD = 2**31 - 1


def reuse_freed_memory() -> bool:
    """Let a command reuse the memory it frees instead of handing it back to the kernel.

    glibc maps each large block (from 128 KB, a threshold it raises as it goes) on its own and
    unmaps it when freed, and gives the top of the heap back as soon as 128 KB are free there:
    a command that builds and drops arrays of a million values pays the kernel to map and zero
    the same pages again and again (about 1 s of system time in the 4.5 s a million-claim map
    takes). A command keeps blocks under 32 MB in the heap and does not trim it: on that map the
    median of seven runs fell from 4.52 to 4.27 s, with 4 % more peak memory (1.31 GB). Only
    with glibc, and not when the environment sets glibc's own ``MALLOC_*`` variables; the library
    leaves the allocator as it finds it. Returns whether the allocator was tuned.
    """
    import ctypes
    import os
    import sys

    if not sys.platform.startswith("linux") or any(k.startswith("MALLOC_") for k in os.environ):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False   # another C library (musl): nothing to tune
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)) and bool(mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


def _exit_cleanly_on_signals() -> None:
    """SIGTERM and SIGHUP unwind like Ctrl-C: half-written temporary files and folders are removed."""
    import signal
    import sys

    def stop(signum, frame):
        sys.exit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                signal.signal(sig, stop)
            except ValueError:  # not the main thread (a library caller's thread): leave it alone
                pass


def _warnings_as_lines() -> None:
    """geomap's warnings about the input, as one line each on standard error."""
    import warnings

    from ..errors import GeomapWarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, GeomapWarning):
            click.echo(f"geomap: warning: {message}", err=True)
        else:
            logging.getLogger("geomap").debug("%s: %s", category.__name__, message)

    warnings.showwarning = show
