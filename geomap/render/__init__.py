"""Rendering: offline folium maps of claims, lines and a vector basemap.

Data flow: a claims frame (``geomap.incidents.claims_frame``) with side
verdicts -> layers (``elements``) -> a ``folium.Map`` (``maps.claims_map``)
-> a self-contained HTML page (``maps.save_map``).
"""

from .maps import claims_map, render_html, save_map

__all__ = ["claims_map", "render_html", "save_map"]
