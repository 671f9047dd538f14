"""The examples in the docstrings run and give what they show."""

import doctest
import importlib
import pkgutil

import pytest

import geomap

MODULES = sorted(m.name for m in pkgutil.walk_packages(geomap.__path__, "geomap.")
                 if not m.name.startswith("geomap.cli"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
