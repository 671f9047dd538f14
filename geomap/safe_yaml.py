"""YAML from untrusted files: safe tags only, with limits, line numbers kept.

* Only YAML's plain types are built (PyYAML's safe loader, in C when
  libyaml is there): no tag can build an object or run code.
* Limits: document size, nesting depth (checked before parsing: parsers
  recurse), and the size of the document once aliases are expanded (a
  kilobyte of nested aliases can stand for billions of nodes).
* Every mapping carries ``__line__`` (its first line) and ``__keylines__``
  (key -> line), so errors can name the line to fix.

Examples
--------
>>> load_yaml("a: 1\\nb: [x, y]\\n", "demo.yaml")["__keylines__"]
{'a': 1, 'b': 2}
>>> load_yaml("a: &x [1, 2]\\nb: [*x, *x, *x]\\n", "demo.yaml", max_nodes=5)
Traceback (most recent call last):
...
geomap.errors.ClaimFormatError: demo.yaml: the document expands to more than 5 values through its aliases (&anchors and *references) ...
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .errors import ClaimFormatError

__all__ = ["load_yaml", "load_yaml_fast", "dump_yaml", "MAX_BYTES", "MAX_DEPTH", "MAX_NODES"]

#: Largest claims file read (bytes of text).
MAX_BYTES = 256 * 1024 * 1024
#: Deepest nesting of mappings and sequences (a claims file needs about six levels).
MAX_DEPTH = 64
#: Most values a document may expand to through its aliases.
MAX_NODES = 5_000_000


def _loader_class():
    import yaml

    base = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None
    base = base or yaml.SafeLoader

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    def construct_mapping(loader, node, deep=False):
        mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__keylines__"] = {k.value: k.start_mark.line + 1 for k, _ in node.value
                                   if isinstance(k, yaml.ScalarNode)}
        return mapping

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    # Dates stay text: geomap reads them itself and says which line holds an impossible one
    # (YAML's own resolver would fail on 2017-09-31 with no line to point at).
    Loader.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
        for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return Loader


def dump_yaml(doc, *, width: int = 100) -> str:
    """Plain values (mappings, lists, text, numbers) as block YAML: keys in their order, Unicode
    as written. In C when libyaml is there: the text PyYAML's own dumper writes, several times
    sooner (a draft of a thousand reports is megabytes of YAML).

    >>> print(dump_yaml({"where": "near Mayadin", "parties": ["SOHR", "Russia"]}), end="")
    where: near Mayadin
    parties:
    - SOHR
    - Russia
    """
    import yaml

    dumper = getattr(yaml, "CSafeDumper", None) if yaml.__with_libyaml__ else None
    return yaml.dump(doc, Dumper=dumper or yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=width)


def _too_deep(text: str, max_depth: int) -> bool:
    """Whether ``text`` may nest deeper than ``max_depth`` (brackets, and indentation in steps of
    two), fast: an upper bound of its nesting."""
    import numpy as np

    raw = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    step = _bracket_steps()[raw]
    step = step[np.flatnonzero(step)].astype(np.int64)   # the brackets alone
    if len(step) and int(np.cumsum(step).max()) > max_depth:
        return True
    return _indented(2 * max_depth + 2).search("\n" + text) is not None


@lru_cache(maxsize=4)
def _indented(width: int):
    """A line indented by at least ``width`` (spaces and dashes), after any line break YAML knows."""
    return re.compile(f"(?:\r\n?|[\n\x85\u2028\u2029])[ -]{{{width}}}")


@lru_cache(maxsize=1)
def _bracket_steps():
    """+1 for each byte that opens a flow collection, -1 for each that closes one."""
    import numpy as np

    out = np.zeros(256, dtype=np.int8)
    out[[ord("["), ord("{")]], out[[ord("]"), ord("}")]] = 1, -1
    return out


def _expanded_size(node, limit: int) -> int:
    """How many nodes the document holds once every alias is expanded (stops past ``limit``)."""
    import yaml

    memo: dict = {}
    # Iterative post-order walk: deep documents must not exhaust Python's stack here either.
    stack = [(node, False)]
    while stack:
        n, done = stack.pop()
        if id(n) in memo:
            continue
        if isinstance(n, yaml.ScalarNode):
            memo[id(n)] = 1
            continue
        children = [c for pair in n.value for c in pair] if isinstance(n, yaml.MappingNode) else list(n.value)
        if done:
            total = 1 + sum(memo[id(c)] for c in children)
            memo[id(n)] = min(total, limit + 1)
            continue
        stack.append((n, True))
        stack.extend((c, False) for c in children if id(c) not in memo)
    return memo[id(node)]


def load_yaml(text: str, source: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
              max_nodes: int = MAX_NODES):
    """Parse one YAML document safely; raise :class:`ClaimFormatError` naming the file and line.

    Returns the document's data, with ``__line__`` and ``__keylines__`` in every mapping.
    """
    import yaml

    if len(text) > max_bytes:
        raise ClaimFormatError(f"the file is larger than {max_bytes // 2**20} MB", source=source,
                               hint="split it into several claims files in one folder")
    if _too_deep(text, max_depth):
        raise ClaimFormatError(f"nested more than {max_depth} levels deep", source=source,
                               hint="a claims file needs incidents > claims > fields: flatten the document")
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, max_nodes) > max_nodes:
            raise ClaimFormatError(
                f"the document expands to more than {max_nodes:,} values through its aliases "
                "(&anchors and *references)", source=source,
                hint="write the repeated parts out, or use fewer nested aliases")
        return loader.construct_document(node)
    except ClaimFormatError:
        raise
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        msg = getattr(err, "problem", None) or str(err)
        raise ClaimFormatError(f"not valid YAML: {msg}", source=source, line=line,
                               hint="check indentation and quote text containing ': ' or '#'") from err
    except RecursionError as err:
        raise ClaimFormatError(f"nested more than {max_depth} levels deep", source=source,
                               hint="flatten the document") from err
    except (ValueError, TypeError, OverflowError) as err:  # a tagged value that cannot be built
        raise ClaimFormatError(f"a value cannot be read ({err})", source=source,
                               hint="remove YAML tags (!!...) and write plain values") from err
    finally:
        loader.dispose()


# -- the fast path ---------------------------------------------------------------
# PyYAML builds every node in Python (about 15 s for a 12 MB claims file on a small
# machine). Plain documents, the kind people and ``geomap extract`` write, are parsed by a
# compiled YAML 1.2 parser (ryaml) instead; whatever it cannot be trusted with goes the
# safe way above, so both paths give the same data.

#: Text that the fast parser would read differently, or that only the safe path limits:
#: anchors, aliases, tags, directives, more than one document, exponent and octal numbers,
#: "+.5", block texts. Each pattern runs only when one of its cheap substrings is present; the
#: two that would be tried at every character run only on the lines a simpler pattern finds.
_NOT_PLAIN = [
    (("&", "*", "!"), None, re.compile(r"(?:^|[\s\[{,:?-])(?:[&*][^\s]|!)", re.MULTILINE)),
    (("%", "---", "..."), None, re.compile(r"^(?:%|---|\.\.\.)", re.MULTILINE)),
    (("e", "E"), re.compile(r"[eE][-+]?\d"),
     re.compile(r"(?<![\w.])[-+]?(?:\d[\d_]*\.?\d*|\.\d+)[eE][-+]?\d")),
    (("0o",), None, re.compile(r"(?<![\w.])0o[0-7]")),
    ((".",), re.compile(r"[-+]\.\d"), re.compile(r"(?<![\w.])[-+]\.\d")),                # +.5: text in 1.1
    (("|", ">"), None, re.compile(r":[ ]*[|>][-+0-9]*[ ]*(?:#.*)?$", re.MULTILINE)),  # block texts
]


def _not_plain(text: str) -> bool:
    """Whether ``text`` may hold any of the above."""
    return any(any(n in text for n in needles) and _found(text, first, rx) for needles, first, rx in _NOT_PLAIN)


def _found(text: str, first, rx) -> bool:
    if first is None:
        return rx.search(text) is not None
    for m in first.finditer(text):
        start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        if rx.search(text[start:end if end >= 0 else len(text)]):
            return True
    return False


@lru_cache(maxsize=1)
def _yaml11_typed():
    """A test: would YAML 1.1 (PyYAML) read this plain text as something other than text?"""
    import yaml

    skip = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:str")
    table = yaml.resolver.Resolver.yaml_implicit_resolvers
    combined = re.compile("|".join(f"(?:{p})" for p in sorted({rx.pattern for rs in table.values()
                                                                for tag, rx in rs if tag not in skip})), re.X)
    # PyYAML only tries the resolvers listed under a text's first character.
    first = frozenset(ch for ch, rs in table.items() if ch is not None and any(t not in skip for t, _ in rs))

    def typed(text: str) -> bool:
        return text == "" or (text[0] in first and combined.fullmatch(text) is not None)

    return typed


#: A line that starts a mapping as an item of a sequence ("- id: x", "- {id: x, ...}"): its first key.
_ITEM = re.compile(r"^[ ]*-[ ]+\{?[ ]*(\"[^\"]*\"|'[^']*'|[^\s:#{}\[\],\"'][^:#{}\[\],]*?)[ ]*:"
                   r"(?:[ ]+([^\n]*)|$)", re.MULTILINE)


def _item_lines(text: str) -> list:
    """(line number, first key, the rest of the line) of every line that starts a mapping as a
    sequence item."""
    import numpy as np

    found = list(_ITEM.finditer(text))
    if not found:
        return []
    newlines = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == 10)
    lines = np.searchsorted(newlines, np.asarray([m.start() for m in found])) + 1
    return [(int(n), m.group(1).strip("\"'"), m.group(2) or "") for n, m in zip(lines, found)]


def _walk(data, typed) -> Optional[list]:
    """Mappings that are sequence items, in document order; None when a text would read differently in 1.1."""
    items, texts = [], []

    def mapping(d: dict) -> None:
        for k, v in d.items():
            if type(k) is str:
                texts.append(k)
            elif not isinstance(k, (int, float, bool)):
                raise _Differs
            value(v, False)

    def value(v, is_item: bool) -> None:
        if type(v) is str:
            texts.append(v)
        elif isinstance(v, dict):
            if is_item:
                items.append(v)
            mapping(v)
        elif isinstance(v, list):
            for x in v:
                value(x, True)

    try:
        value(data, False)
    except _Differs:
        return None
    return None if any(map(typed, set(texts))) else items


class _Differs(Exception):
    """A mapping key the fast parser reads as something YAML 1.1 would not."""


def load_yaml_fast(text: str, source: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH):
    """The data of a plain YAML document, read by a compiled parser, or None (then use :func:`load_yaml`).

    Mappings that are sequence items (incidents, claims) carry ``__line__``, checked against
    the document: each such mapping's first key on its line, in order. Other mappings carry
    no lines; a caller that meets an error re-reads with :func:`load_yaml` to name the line.

    >>> load_yaml_fast("incidents:\\n  - id: a\\n    claims:\\n      - {id: c, claimant: US}\\n", "x.yaml")
    {'incidents': [{'id': 'a', 'claims': [{'id': 'c', 'claimant': 'US', '__line__': 4}], '__line__': 2}], '__line__': 1}
    >>> load_yaml_fast("a: &x 1\\nb: *x\\n", "x.yaml") is None  # aliases: the safe path's limits apply
    True
    """
    try:
        import ryaml
    except ImportError:
        return None
    if len(text) > max_bytes or _not_plain(text) or _too_deep(text, max_depth):
        return None
    try:
        data = ryaml.loads(text)
    except Exception:  # anything the fast parser refuses: the safe path gives the message and line
        return None
    items = _walk(data, _yaml11_typed())
    if items is None:
        return None
    found = _item_lines(text)
    if len(found) != len(items):
        return None
    for d, (line, key, rest) in zip(items, found):
        if not d or str(next(iter(d))) != key or not _value_on_line(d[next(iter(d))], rest):
            return None
        d["__line__"] = line
    if isinstance(data, dict):
        data["__line__"] = _first_content_line(text)
    return data


def _value_on_line(value, rest: str) -> bool:
    """Whether the text after the first key on a line can be the first value read (a check on the line found)."""
    if isinstance(value, (dict, list)) or value is None:
        return True
    rest = rest.lstrip("\"' ")
    if isinstance(value, str):
        head = value.split("\n", 1)[0].split("'", 1)[0].split("\\", 1)[0][:20]
        return rest.startswith(head)
    return bool(rest) and (rest[0].isdigit() or rest[0] in "-+.tTfF~n")


def _first_content_line(text: str) -> int:
    """The line of the document's first value (after blank lines and comments), as PyYAML counts it."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            return n
    return 1
