"""geomap: map competing claims about where an incident happened.

The data flow one way: report text -> mentions -> gazetteer matches ->
claim geometries -> side verdicts -> layers -> map / page. Each step is a
function usable alone from a notebook; they are all reachable from here
(imported on first use, so ``import geomap`` stays light).

>>> import geomap
>>> geomap.resolve("Dair Alzour").place.name
'Deir ez-Zor'
>>> geomap.claim_geometry("west bank of the Euphrates near Mayadin").precision
2
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# name -> module that defines it
_LAZY = {
    "Gazetteer": "geomap.gazetteer",
    "OfflineGazetteer": "geomap.geocoder",
    "resolve_places": "geomap.resolution",
    "resolve_joint": "geomap.joint",
    "make_context": "geomap.context",
    "ResolutionContext": "geomap.context",
    "resolve_event_names": "geomap.event_names",
    "parse_coordinates": "geomap.coords",
    "claim_geometry": "geomap.relations",
    "read_claims": "geomap.claims",
    "claims_frame": "geomap.incidents",
    "classify_claims": "geomap.incidents",
    "compare_incident": "geomap.incidents",
    "verdict_table": "geomap.verdicts",
    "compare_claims": "geomap.verdicts",
    "DeconflictionLine": "geomap.lines",
    "get_line": "geomap.lines",
    "load_line": "geomap.lines",
    "builtin_lines": "geomap.lines",
    "side_of_points": "geomap.sides",
    "side_of_geometries": "geomap.sides",
    "read_events": "geomap.events",
    "claims_map": "geomap.render.maps",
    "save_map": "geomap.render.maps",
    "publish_site": "geomap.publish",
    "export_claims": "geomap.export",
}

__all__ = ["__version__", "resolve", *_LAZY]


def resolve(query: str, **kwargs):
    """Resolve one name against the bundled gazetteer (see :meth:`Gazetteer.resolve`)."""
    from .gazetteer import Gazetteer

    return Gazetteer.default().resolve(query, **kwargs)


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geomap' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__():
    return sorted(__all__)
