"""Untrusted text reaches a page only as data, never as template source.

branca renders a ``MacroElement`` by calling its macros and wrapping each
result in ``Element(text)``, which compiles that text as a Jinja template a
second time. Any ``{{ ... }}`` that a claims file, an event table, a line file
or a command-line option managed to place in the output would then be
evaluated (and a Jinja expression can reach ``os.popen``). folium's own
``Popup``, ``Tooltip`` and ``GeoJsonTooltip`` behave the same way.

geomap closes this twice over:

1. geomap's elements (:class:`InertMacroElement`, :class:`InertLayer`) add
   their rendered output to the page as :class:`Verbatim` text, which is never
   compiled again;
2. every string from input is written with :func:`inert_json` (data for
   ``<script>``) or :func:`inert_label` (HTML for Leaflet's layer control), and
   neither output can contain a Jinja delimiter (``{{``, ``{%``, ``{#``), so
   even folium's own elements, which do compile again (``LayerControl``),
   find nothing to evaluate.

Examples
--------
>>> inert_json({"quote": "{{ 7*7 }}"})
'{"quote":"\\\\u007b{ 7*7 }}"}'
>>> import json; json.loads(inert_json({"quote": "{{ 7*7 }}"}))["quote"]
'{{ 7*7 }}'
>>> inert_label("<b>{% raw %}</b>")
'&lt;b&gt;&#123;% raw %&#125;&lt;/b&gt;'
"""

from __future__ import annotations

import html
import json
import re

from branca.element import Element, MacroElement
from folium.map import Layer

__all__ = ["inert_json", "inert_label", "Verbatim", "InertMacroElement", "InertLayer",
           "TEMPLATE_DELIMITERS"]

#: What opens a Jinja tag: an expression, a statement or a comment.
TEMPLATE_DELIMITERS = re.compile(r"\{(?=[{%#])")

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def inert_json(obj) -> str:
    """JSON that is safe in an HTML ``<script>`` element and inert in a template.

    ``<``, ``>`` and ``&`` are escaped so that no string can close the script
    element; U+2028 and U+2029 so that older JavaScript parsers accept it; and
    a ``{`` that would open a Jinja tag is written ``\\u007b``. JSON's own
    punctuation never opens one (an object's ``{`` is followed by ``"`` or
    ``}``), so only characters inside strings are changed, and the data that
    ``JSON.parse`` or a script sees is exactly ``obj``.

    Raises ``ValueError`` for NaN or infinity, which JSON cannot hold.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if any(ch in text for ch in _SCRIPT_ESCAPES):   # a quick look first: large payloads seldom hold one
        text = _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)
    return TEMPLATE_DELIMITERS.sub("\\\\u007b", text)


def inert_label(text) -> str:
    """HTML-escaped text with no template delimiters, for controls that take HTML.

    Leaflet's layer control writes layer names with ``innerHTML``, and folium's
    ``LayerControl`` compiles its output again, so a layer name is escaped for
    both: ``<``, ``>``, ``&`` and quotes as HTML entities, braces as ``&#123;``
    and ``&#125;`` (the browser shows them as braces).
    """
    escaped = html.escape(str(text), quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


class Verbatim(Element):
    """An element whose output is its text, as given: never compiled as a template."""

    def __init__(self, text: str):
        super().__init__()
        self._name = "Verbatim"
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


def _render_macros(element: MacroElement, kwargs: dict, *, then: str = "") -> None:
    """branca's ``MacroElement.render`` without its second compilation.

    ``then`` is script that must run right after the element's own (a layer's
    ``addTo``).
    """
    figure = element.get_root()
    module = element._template.module
    for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
        macro = getattr(module, part, None)
        if macro is not None:
            target.add_child(Verbatim(str(macro(element, kwargs))), name=element.get_name())
    if then:
        figure.script.add_child(Verbatim(then), name=element.get_name() + "_then")
    for child in list(element._children.values()):
        child.render(**kwargs)


class InertMacroElement(MacroElement):
    """A ``MacroElement`` whose rendered macros reach the page verbatim."""

    def render(self, **kwargs):
        _render_macros(self, kwargs)


class InertLayer(Layer):
    """A folium ``Layer`` (it appears in the layer control) rendered like :class:`InertMacroElement`."""

    def __init__(self, name: str, *, overlay: bool = True, control: bool = True, show: bool = True):
        super().__init__(name=inert_label(name), overlay=overlay, control=control, show=show)

    def render(self, **kwargs):
        # What folium's Layer.render adds when the layer shows: the statement putting it on the map.
        then = f"{self.get_name()}.addTo({self._parent.get_name()});" if self.show else ""
        _render_macros(self, kwargs, then=then)
