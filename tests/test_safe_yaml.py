"""The fast YAML path gives exactly the data of the safe one, or steps aside."""

import pathlib

import pytest

from geomap import claims as claims_mod
from geomap.claims import read_claims, read_claims_text
from geomap.errors import ClaimFormatError
from geomap.safe_yaml import load_yaml, load_yaml_fast

pytest.importorskip("ryaml")
SEEDS = pathlib.Path(__file__).resolve().parents[1] / "seeds"


def _strip_lines(data):
    """The safe loader's data with only the lines the fast one keeps (sequence-item mappings, the top)."""
    def walk(node, is_item, top=False):
        if isinstance(node, dict):
            out = {k: walk(v, False) for k, v in node.items() if k not in ("__line__", "__keylines__")}
            if is_item or top:
                out["__line__"] = node["__line__"]
            return out
        if isinstance(node, list):
            return [walk(v, True) for v in node]
        return node
    return walk(data, False, top=True)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.yaml")), ids=lambda p: p.name)
def test_seed_files_read_the_same_both_ways(path):
    text = path.read_text(encoding="utf-8")
    fast = load_yaml_fast(text, path.name)
    slow = load_yaml(text, path.name)
    if fast is not None:          # a seed the fast parser may not take is read the safe way
        assert fast == _strip_lines(slow)


def test_the_fast_path_reads_plain_files_and_keeps_claim_lines():
    text = ("# a comment first\n"
            "incidents:\n  - id: a\n    date: 2017-11-01\n    claims:\n"
            "      - {id: c1, claimant: US, location: '35N 40E', uncertainty_km: 2.5}\n"
            "      - id: c2\n        claimant: {party: Russia, speaker: MoD}\n        location: near Mayadin\n")
    fast = load_yaml_fast(text, "f.yaml")
    assert fast is not None and fast == _strip_lines(load_yaml(text, "f.yaml"))
    assert [c.line for c in read_claims_text(text)[0].claims] == [6, 7]


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",                       # aliases: the safe path's expansion limit applies
    "a: !!python/object:os.system x\n",        # tags
    "a: yes\n", "a: 'on'\n", "a: 012\n",       # YAML 1.1 reads these differently from 1.2
    "a: 1e3\n", "a: 0o17\n", "a: 1_000\n",
    "a: 1\n---\nb: 2\n",                       # two documents
    "a: 1\na: 2\n",                            # a repeated key
    "- - {id: x}\n",                           # a mapping item the line scan does not see
    "a: |\n  - id: not a claim\nb: [{id: c}]\n",  # a block text that looks like an item
])
def test_anything_the_fast_parser_may_read_differently_goes_the_safe_way(text):
    assert load_yaml_fast(text, "f.yaml") is None


def test_errors_from_fast_read_files_still_name_the_line():
    text = "incidents:\n  - id: a\n    date: 2017-09-31\n    claims:\n      - {id: c, claimant: US, location: x}\n"
    assert load_yaml_fast(text, "f.yaml") is not None
    with pytest.raises(ClaimFormatError) as err:
        read_claims_text(text, source="f.yaml")
    assert err.value.line == 3 and "f.yaml" in str(err.value)


def test_the_safe_loader_is_used_when_the_fast_one_is_missing(monkeypatch):
    text = "incidents:\n  - id: a\n    claims:\n      - {id: c, claimant: US, location: near Mayadin}\n"
    with_fast = read_claims_text(text)
    monkeypatch.setattr(claims_mod, "_from_data", claims_mod._from_data)
    import geomap.safe_yaml as sy
    monkeypatch.setattr(sy, "load_yaml_fast", lambda *a, **k: None)
    assert read_claims_text(text) == with_fast


def test_seeds_read_the_same_as_with_the_safe_loader_only(monkeypatch):
    fast = read_claims(SEEDS)
    import geomap.safe_yaml as sy
    monkeypatch.setattr(sy, "load_yaml_fast", lambda *a, **k: None)
    assert read_claims(SEEDS) == fast


TRICKY = ["0x1F", "+.5", "-.5", ".5", "5.", "+5", "-0", "00", "1_0", "1e3", "1E+3", "1.5e-3", ".inf", "-.Inf",
          "inf", "Infinity", "~", "null", "NULL", "true", "TRUE", "false", "yes", "No", "on", "OFF", "y", "n",
          "0b101", "0o17", "017", "1:30", "190:20:30", "2017-01-01", "2017-1-1", "2017-01-01 10:00:00",
          "12:30:00", "0.1.2", "1,000", '"1"', "'yes'", '""', "<<", "=", "!", "! x", "-", "--", "?", "0.",
          "-.", "+", "1.e3", "1.5E3", "US & Russia", "&a x", "*", "a*b", "@x"]


@pytest.mark.parametrize("token", TRICKY)
def test_any_scalar_reads_the_same_both_ways_or_goes_the_safe_way(token):
    doc = f"a: {token}\nb: [{token}]\n"
    fast = load_yaml_fast(doc, "f.yaml")
    if fast is None:
        return
    slow = _strip_lines(load_yaml(doc, "f.yaml"))
    assert repr(fast) == repr(slow)            # repr: NaN equals NaN, and 1 is not True or 1.0


def test_dump_yaml_writes_what_pyyaml_writes_and_reads_back():
    import yaml

    from geomap.safe_yaml import dump_yaml

    doc = {"incidents": [{"id": "su-22", "quote": "“Ja'Din, south of Tabqa” " * 12, "ar": "غرب نهر الفرات",
                          "confidence": {"place": 0.9}, "drafted": True, "note": "line one\nline two"}]}
    text = dump_yaml(doc)
    assert text == yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    assert "غرب نهر الفرات" in text and yaml.safe_load(text) == doc
