"""Map controls: the legend, the title box, the date slider, notices and the data credits.

Written like folium's plugins (a ``MacroElement`` with a class-level
template); every string reaches the page through :func:`inert_json` and is
inserted with ``textContent`` (see :mod:`geomap.render.inert`).
"""

from __future__ import annotations

import html
from typing import Sequence

from folium.template import Template

from .inert import InertMacroElement, inert_json

__all__ = ["Legend", "TitleBox", "TimeSlider", "TilesNotice", "Attribution"]


class Legend(InertMacroElement):
    """Claimants and their colours, plus a note on what the shapes mean."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var items = {{ this.items_json }};
          var note = {{ this.note_json }};
          var legend = L.control({position: 'bottomright'});
          legend.onAdd = function () {
            var box = geomap.el('details', 'geomap-legend');
            if (items.length <= 4 && !{{ this.folded_json }}) { box.open = true; }  // a long legend starts folded
            box.appendChild(geomap.el('summary', null, 'Claimants (' + items.length + ')'));
            items.forEach(function (it) {
              var row = geomap.el('div', 'geomap-legend-item');
              var sw = geomap.el('span', 'geomap-swatch'); sw.style.background = it.color;
              row.appendChild(sw); row.appendChild(geomap.el('span', null, it.name));
              box.appendChild(row);
            });
            if (note) { box.appendChild(geomap.el('div', 'geomap-legend-note', note)); }
            L.DomEvent.disableClickPropagation(box);
            return box;
          };
          legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, items: Sequence[dict], note: str = "", *, folded: bool = False):
        super().__init__()
        self._name = "Legend"
        self.folded_json = inert_json(bool(folded))
        self.items_json = inert_json(list(items))
        self.note_json = inert_json(note)


class TitleBox(InertMacroElement):
    """The page title and a subtitle, top left."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var t = {{ this.data_json }};
          var c = L.control({position: 'topleft'});
          c.onAdd = function () {
            var box = geomap.el('div', 'geomap-title');
            box.appendChild(geomap.el('h1', null, t.title));
            t.lines.forEach(function (s) { box.appendChild(geomap.el('div', null, s)); });
            L.DomEvent.disableClickPropagation(box);
            return box;
          };
          c.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, title: str, lines: Sequence[str] = ()):
        super().__init__()
        self._name = "TitleBox"
        self.data_json = inert_json({"title": title, "lines": list(lines)})


class TimeSlider(InertMacroElement):
    """A date slider: show the claims made up to the chosen date (offline; no plugin assets)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var dates = {{ this.dates_json }};
          var c = L.control({position: 'bottomleft'});
          c.onAdd = function () {
            var box = geomap.el('div', 'geomap-slider');
            var label = geomap.el('div', null, 'All dates');
            var input = document.createElement('input');
            input.type = 'range'; input.min = 0; input.max = dates.length; input.step = 1; input.value = dates.length;
            input.setAttribute('aria-label', 'Show claims up to date');
            input.addEventListener('input', function () {
              var i = parseInt(input.value, 10);
              var d = i >= dates.length ? null : dates[i];
              label.textContent = d ? 'Claims up to ' + d : 'All dates';
              geomap.showUpTo(d);
            });
            box.appendChild(geomap.el('b', null, 'Date'));
            box.appendChild(input); box.appendChild(label);
            L.DomEvent.disableClickPropagation(box);
            return box;
          };
          c.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, dates: Sequence[str]):
        super().__init__()
        self._name = "TimeSlider"
        self.dates_json = inert_json(sorted(set(dates)))


class TilesNotice(InertMacroElement):
    """Says, on the page, that it loads web tiles from a provider."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var c = L.control({position: 'bottomleft'});
          c.onAdd = function () { return geomap.el('div', 'geomap-tiles-note', {{ this.text_json }}); };
          c.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, provider: str):
        super().__init__()
        self._name = "TilesNotice"
        self.text_json = inert_json(f"This page loads map tiles from {provider} over the network.")


class Attribution(InertMacroElement):
    """The data credits, in Leaflet's attribution control (escaped: the control takes HTML)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix(false);
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text_json }});
        {% endmacro %}
    """)

    def __init__(self, text: str):
        super().__init__()
        self._name = "Attribution"
        self.text_json = inert_json(html.escape(text))
