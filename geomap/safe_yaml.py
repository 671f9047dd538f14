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

from .errors import ClaimFormatError

__all__ = ["load_yaml", "MAX_BYTES", "MAX_DEPTH", "MAX_NODES"]

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


def _depth_of_text(text: str) -> int:
    """An upper bound of the nesting in ``text`` (brackets, and indentation in steps of two), fast."""
    import numpy as np

    raw = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    step = (np.isin(raw, (ord("["), ord("{"))).astype(np.int32)
            - np.isin(raw, (ord("]"), ord("}"))).astype(np.int32))
    flow = int(np.cumsum(step).max()) if len(step) else 0
    indent = max((len(line) - len(line.lstrip(" -")) for line in text.splitlines()), default=0)
    return max(flow, indent // 2)


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
    if _depth_of_text(text) > max_depth:
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
