"""Every exception geomap raises on purpose.

One root, :class:`GeomapError`, with builtin mix-ins so callers can catch
either the domain error or the builtin (``except LookupError`` works for a
place that is not in the gazetteer). The CLI turns these into one-line
messages; nothing here prints.
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "GeomapError",
    "GazetteerError",
    "PlaceNotFound",
    "AmbiguousPlace",
    "CoordinateError",
    "ClaimFormatError",
    "ExpressionError",
    "LineError",
    "EventTableError",
    "InputError",
    "ContextError",
]


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class GazetteerError(GeomapError, OSError):
    """The gazetteer data could not be read or is inconsistent."""


class ContextError(GeomapError, ValueError):
    """A resolution context (``--within``, ``--near``, a claims file's ``region``) could not be read.

    Parameters
    ----------
    message : str
    hint : str, optional
        How to fix it.
    """

    def __init__(self, message: str, hint: str = ""):
        self.hint = hint
        super().__init__(f"{message} ({hint})" if hint else message)


class PlaceNotFound(GeomapError, LookupError):
    """A name matched no place in the gazetteer.

    Parameters
    ----------
    query : str
        The name as given.
    suggestions : list of str
        "Did you mean" names, best first (may be empty).
    """

    def __init__(self, query: str, suggestions: Optional[list] = None):
        self.query = query
        self.suggestions = list(suggestions or [])
        msg = f"no place matches {query!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions[:3]) + "?"
        super().__init__(msg)


class AmbiguousPlace(GeomapError, LookupError):
    """A name matched several distinct places with close scores."""

    def __init__(self, query: str, candidates: list):
        self.query = query
        self.candidates = list(candidates)
        names = ", ".join(f"{c.name} ({c.admin1 or c.country_code})" for c in self.candidates[:4])
        super().__init__(
            f"{query!r} is ambiguous: {names}; add the governorate or country, or give coordinates"
        )


class CoordinateError(GeomapError, ValueError):
    """A coordinate string could not be parsed or is out of range."""


class InputError(GeomapError, ValueError):
    """Input data (GeoJSON, a names file, ...) is malformed.

    Carries the ``source`` (file name or ``<stdin>``) and, where known, the
    ``line`` so the message points at the place to fix.
    """

    def __init__(self, message: str, *, source: Optional[str] = None, line: Optional[int] = None,
                 field: Optional[str] = None, hint: Optional[str] = None, unit: str = "line"):
        self.message = message
        self.source = source
        self.line = line
        self.field = field
        self.hint = hint
        self.unit = unit  # what ``line`` counts: "line", or "feature" in a GeoJSON collection
        where = ""
        if source:
            where = str(source)
            if line:
                where += f", {unit} {line}"
            where += ": "
        if field:
            where += f"field {field!r}: "
        text = where + message
        if hint:
            text += f" ({hint})"
        super().__init__(text)


    def counting(self, unit: str, kind=None) -> "InputError":
        """The same error with ``line`` counting something else ("feature 3" of a collection),
        as another kind of InputError when ``kind`` is given."""
        return (kind or type(self))(self.message, source=self.source, line=self.line, field=self.field,
                                    hint=self.hint, unit=unit)


class ClaimFormatError(InputError):
    """A claims file does not follow geomap's claims format."""


class EventTableError(InputError):
    """An event table (CSV/TSV of events) lacks a column or has a bad value."""


class ExpressionError(GeomapError, ValueError):
    """A location expression has words geomap cannot interpret.

    Parameters
    ----------
    expression : str
        The whole expression.
    unparsed : str
        The words that were not understood.
    claim : str, optional
        The claim id, so the message names it.
    reason : str or callable, optional
        Why; a callable is asked only when the message is read (a "did you mean" that scans the
        gazetteer costs nothing to a caller that only tries whether words can be read).
    """

    def __init__(self, expression: str, unparsed: str, *, claim: Optional[str] = None,
                 reason=None):
        self.expression = expression
        self.unparsed = unparsed
        self.claim = claim
        self._reason = reason
        self._message: Optional[str] = None
        super().__init__(expression, unparsed)

    def _why(self) -> str:
        why = self._reason() if callable(self._reason) else self._reason
        return why or f"could not interpret {self.unparsed!r}"

    def __reduce__(self):
        # Sent to another process (a dask worker's error) with its reason written out.
        return (_expression_error, (self.expression, self.unparsed, self.claim, self._why()))

    def __str__(self) -> str:
        if self._message is None:
            who = f"claim {self.claim!r}: " if self.claim else ""
            why = self._why()
            self._message = (f"{who}location {self.expression!r}: {why}; write it as e.g. 'near PLACE', "
                             "'N km west of PLACE', 'west bank of the Euphrates near PLACE', 'PLACE province', "
                             "or give coordinates")
        return self._message


def _expression_error(expression, unparsed, claim, reason) -> "ExpressionError":
    return ExpressionError(expression, unparsed, claim=claim, reason=reason)


class LineError(InputError):
    """A deconfliction line is unknown, unreadable or unusable (a line file's property: its field)."""


class GeomapWarning(UserWarning):
    """Input that is legal but suspicious (coordinates that look swapped, duplicate claims).

    The CLI prints these as ``geomap: warning: ...`` lines; in a notebook they
    show as Python warnings (``warnings.simplefilter("error", GeomapWarning)``
    makes them errors).
    """
