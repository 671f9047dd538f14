"""The claims file's schema: one place where a claims file's structure is checked.

``claims.schema.json`` (JSON Schema, draft 07, shipped with geomap) states every
field of a claims file, its type, its range and whether it is required, with the
fix for each in its ``description``. Every format is checked against it before
anything is read from it: a YAML file whole, each row of a CSV, TSV or GeoJSON
table as a claim. The check is compiled once by ``fastjsonschema``; a failure
becomes a :class:`~geomap.errors.ClaimFormatError` naming the file, the line
(the YAML reader marks every mapping with its lines) and the field, and saying
how to fix it.

What a schema cannot say stays with the readers: that a date exists in the
calendar, that coordinates parse, that ids are unique, that a denial names a
claim of its incident.

Editors check a file as it is typed with the YAML language server:
``# yaml-language-server: $schema=<path printed by geomap.schema.SCHEMA_PATH>``.

Examples
--------
>>> validate({"incidents": [{"id": "a", "claims": [{"id": "c", "claimant": "US",
...           "location": "near Tabqa", "uncertainty_km": -2, "__line__": 4}]}]}, "demo.yaml")
Traceback (most recent call last):
...
geomap.errors.ClaimFormatError: demo.yaml, line 4: field 'uncertainty_km': -2 is out of range (a number of km from 0 to 20000)
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

from .errors import ClaimFormatError

__all__ = ["SCHEMA_PATH", "LINE_SCHEMA_PATH", "schema", "validate"]

#: The claims file's JSON Schema.
SCHEMA_PATH = Path(__file__).with_name("claims.schema.json")
#: The JSON Schema of the properties a line file's feature may state.
LINE_SCHEMA_PATH = Path(__file__).with_name("line.schema.json")
_PATHS = {"claims": SCHEMA_PATH, "line": LINE_SCHEMA_PATH}
_WHAT = {"incidents": "an incident", "claims": "a claim", "where": "the reading ('where')",
         "claimant": "the claimant", "source": "the source", "reports": "a report"}
_TYPE_WORDS = {"string": "text", "number": "a number", "boolean": "true or false", "object": "a mapping",
               "array": "a list", "null": "nothing", "integer": "a whole number"}


@lru_cache(maxsize=2)
def schema(name: str = "claims") -> dict:
    """A JSON Schema of geomap's inputs, as a dict: ``"claims"`` (a claims file) or ``"line"``
    (a line file's properties)."""
    return json.loads(_PATHS[name].read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _validator(name: str, part: str):
    import fastjsonschema

    s = _with_markers(schema(name))
    target = s if not part else {"$ref": f"#/definitions/{part}", "definitions": s["definitions"]}
    return fastjsonschema.compile(target)


def _with_markers(node):
    """The schema with the readers' line markers as plain properties: the published schema allows
    them by pattern (``^__``), which a compiled validator would test by regex on every key."""
    if isinstance(node, list):
        return [_with_markers(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _with_markers(v) for k, v in node.items()}
    if out.get("patternProperties") == {"^__": {}}:
        del out["patternProperties"]
        out["properties"] = {**out.get("properties", {}), "__line__": {}, "__keylines__": {}}
    return out


def validate(data, source: str, *, part: str = "", name: str = "claims", error=ClaimFormatError) -> None:
    """Check data against a schema (``name``; ``part``: one of its definitions, e.g. ``"claim"``);
    ``error`` (an :class:`~geomap.errors.InputError`) naming line and field when it fails."""
    from fastjsonschema import JsonSchemaValueException

    try:
        _validator(name, part)(data)
    except JsonSchemaValueException as err:
        raise _as_error(err, data, source).counting("line", error) from None
    except TypeError:  # the validator matches field names as text: a number or a list as a key
        raise _key_not_text(data, source, []).counting("line", error) from None
    if _has_nan(data):  # every range lets NaN through (all its comparisons are false); no field takes it
        path = _nan_path(data)
        raise _error("NaN is not a number", source, _chain(data, path), path, _field_keys(path),
                     "write a number").counting("line", error)


def _has_nan(value) -> bool:
    kind = type(value)
    if kind is float:
        return value != value
    if kind is dict:
        return any(map(_has_nan, value.values()))
    if kind is list:
        return any(map(_has_nan, value))
    return False


def _nan_path(value, path=()) -> list:
    """The steps to the first NaN in ``value`` ([] when there is none)."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return list(path) if type(value) is float and value != value else []
    for k, v in items:
        found = _nan_path(v, path + (k,))
        if found:
            return found
    return []


def _key_not_text(value, source: str, path: list):
    """The error for the first mapping that has a field name that is not text."""
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                return ClaimFormatError(f"field name {k!r} in {_what(path)} is not text", source=source,
                                        line=value.get("__line__"), hint="write field names as text")
            found = _key_not_text(v, source, path + [k])
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found = _key_not_text(v, source, path + [i])
            if found is not None:
                return found
    return None


def _as_error(err, data, source: str, prefix: tuple = ()) -> ClaimFormatError:
    """The schema's complaint as geomap says it: what is wrong, where, and the fix."""
    path = _steps(data, list(prefix) + list(err.path[1:]))
    rule, value, definition = err.rule, err.value, err.definition or {}
    if rule in ("anyOf", "oneOf"):
        inner = _inside_alternative(definition[rule], value)
        if inner is not None:  # the value has the form of one alternative: say what is wrong inside it
            return _as_error(inner, data, source, tuple(path))
    chain, keys = _chain(data, path), _field_keys(path)
    if rule == "additionalProperties":
        return _unknown_field(value, definition, source, chain, path, keys)
    if rule == "required":
        missing = next(k for k in definition.get("required", ()) if k not in value)
        return _error(f"{_what(path)} has no {missing!r}", source, chain, path, keys + [missing],
                      f"add '{missing}: ...'")
    message, hint = _say(rule, value, definition, keys)
    return _error(message or err.message.replace("data.", "", 1), source, chain, path, keys, hint)


def _say(rule: str, value, definition: dict, keys: list) -> tuple:
    """(message, hint) for one broken rule ("" message: the validator's own words)."""
    hint = definition.get("description", "")
    field = keys[-1] if keys else "value"
    if rule == "type" or rule.endswith("Of"):
        want = _want(definition)
        found = _TYPE_WORDS.get(_json_type(value), type(value).__name__)
        return f"expected {want}, found {found}", "" if want == hint else hint
    if rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"{value!r} is out of range ({hint})", ""
    if rule == "maxLength":
        return f"{len(value):,} characters: longer than a field may be ({definition['maxLength']:,})", "shorten it"
    if rule == "pattern":
        return (f"{field!r} is empty" if not str(value).strip() else f"{value!r} is not in the expected form"), hint
    if rule in ("minItems", "maxItems"):
        return f"{field!r} has {len(value)} items", hint
    if rule == "enum":
        return f"unknown {field} {value!r}", hint
    return "", hint


def _steps(data, raw: list) -> list:
    """The path to the failing value, as keys and indexes of ``data``."""
    path, here = [], data
    while raw:
        step, raw = raw[0], raw[1:]
        if isinstance(here, list):
            step = int(step)
        else:  # the validator splits names at dots ("r1.txt"): join steps back until a key matches
            while step not in here and raw:
                step, raw = f"{step}.{raw[0]}", raw[1:]
        path.append(step)
        here = here[step]
    return path


def _chain(data, path: list) -> list:
    """The values along a path, from ``data`` to the value it ends at."""
    chain = [data]
    for step in path:
        chain.append(chain[-1][step])
    return chain


def _inside_alternative(alternatives: list, value):
    """The error of ``value`` against the alternative of its own type (a mapping against the
    mapping form), or None when no alternative has its type."""
    from fastjsonschema import JsonSchemaValueException

    for alt in alternatives:
        target = schema()["definitions"][alt["$ref"].rsplit("/", 1)[1]] if "$ref" in alt else alt
        types = target.get("type", ())
        if _json_type(value) in ([types] if isinstance(types, str) else types):
            try:
                _alternative(json.dumps(alt, sort_keys=True))(value)
            except JsonSchemaValueException as err:
                return err
            return None
    return None


@lru_cache(maxsize=32)
def _alternative(alt_json: str):
    import fastjsonschema

    return fastjsonschema.compile({**json.loads(alt_json), "definitions": schema()["definitions"]})


def _unknown_field(value: dict, definition: dict, source, chain, path, keys) -> ClaimFormatError:
    allowed = list(definition.get("properties", ()))
    for k in value:
        if not isinstance(k, str):
            return _error(f"field name {k!r} in {_what(path)} is not text", source, chain, path, keys,
                          f"allowed: {', '.join(allowed)}")
    bad = next(k for k in value if not k.startswith("__") and k not in allowed)
    close = difflib.get_close_matches(bad, allowed, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(allowed)}"
    return _error(f"unknown field {bad!r} in {_what(path)}", source, chain + [None], path + [bad], keys + [bad], hint)


def _error(message: str, source: str, chain: list, path: list, keys: list, hint: str) -> ClaimFormatError:
    return ClaimFormatError(message, source=source, line=_line_of(chain, path),
                            field=".".join(str(k) for k in keys) or None, hint=hint or None)


def _line_of(chain: list, path: list):
    """The line of the deepest value on the path a reader marked (a key's own line when known)."""
    for depth in range(len(path), -1, -1):
        holder = chain[depth - 1] if depth else None
        if holder is not None and isinstance(holder, dict) and isinstance(path[depth - 1], str):
            lines = holder.get("__keylines__")
            if isinstance(lines, dict) and path[depth - 1] in lines:
                return lines[path[depth - 1]]
        here = chain[depth] if depth < len(chain) else None
        if isinstance(here, dict) and isinstance(here.get("__line__"), int):
            return here["__line__"]
    return None


def _field_keys(path: list) -> list:
    """The field names below the last record on the path ("where.km" of a claim's reading)."""
    keys: list = []
    for step in path:
        keys = [] if isinstance(step, int) else keys + [step]
    return keys


def _what(path: list) -> str:
    named = [s for s in path if isinstance(s, str)]
    if path and isinstance(path[-1], int) and named:
        return _WHAT.get(named[-1], "an item")
    if len(named) >= 2 and named[-2] == "reports":
        return f"report {named[-1]!r}"
    if named:
        return _WHAT.get(named[-1], repr(named[-1]))
    return "the file"


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    return type(value).__name__


def _want(definition: dict) -> str:
    """What a definition accepts, in words."""
    types = definition.get("type")
    if types is None:
        return definition.get("description", "another value")
    if isinstance(types, str):
        types = [types]
    if "string" in types:
        return "text"  # numbers and true/false are taken as text too, but text is what is meant
    return " or ".join(_TYPE_WORDS.get(t, t) for t in types if t != "null")
