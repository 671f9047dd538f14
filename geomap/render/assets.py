"""Inlined web assets: Leaflet from the ``xstatic-leaflet`` package.

Pages carry their JavaScript and CSS inline, and Leaflet's images as data
URIs, so a page opened from a file system or behind a firewall makes no
network request.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["leaflet_js", "leaflet_css"]


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as xl

    return Path(xl.BASE_DIR)


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Leaflet's minified JavaScript, without its source-map comment."""
    text = (_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")
    text = re.sub(r"//# sourceMappingURL=\S+", "", text)
    # The attribution prefix links to leafletjs.com; geomap turns the prefix off, and a
    # page should hold no web address it could fetch.
    return text.replace('href="https://leafletjs.com"', 'href="#"')


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's CSS with its images inlined as data URIs."""
    folder = _leaflet_dir()
    css = (folder / "leaflet.css").read_text(encoding="utf-8")

    def inline(m):
        path = folder / m.group(1)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)


def _script_safe(text: str) -> str:
    # Inline JS must not close its own <script> element.
    return text.replace("</script", "<\\/script")
