"""geomap: map competing claims about where an incident happened.

The data flow one way: report text -> mentions -> gazetteer matches ->
claim geometries -> side verdicts -> layers -> map / page. Each step is a
function usable alone from a notebook.

>>> import geomap
>>> geomap.resolve("Dair Alzour").place.name
'Deir ez-Zor'
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "__version__", "Gazetteer", "resolve", "resolve_places", "OfflineGazetteer",
]


def resolve(query: str, **kwargs):
    """Resolve one name against the bundled gazetteer (see :meth:`Gazetteer.resolve`)."""
    from .gazetteer import Gazetteer

    return Gazetteer.default().resolve(query, **kwargs)


def __getattr__(name):
    # Lazy: `import geomap` must not import pandas, shapely or folium.
    if name == "Gazetteer":
        from .gazetteer import Gazetteer
        return Gazetteer
    if name == "resolve_places":
        from .resolution import resolve_places
        return resolve_places
    if name == "OfflineGazetteer":
        from .geocoder import OfflineGazetteer
        return OfflineGazetteer
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
