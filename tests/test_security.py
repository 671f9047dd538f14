"""Untrusted input is data: template syntax in any field is shown, never evaluated, and nothing runs.

Each payload goes through every text field of a claims file, the columns of
an event table that geomap shows, the properties of a line file, and the
CLI's text options, then through ``geomap map``, ``geomap publish`` and the
notebook API. The checks: no evaluated marker in any output (``7*7`` never
becomes ``49``), the command payload leaves no file, and the page equals the
page made with a harmless placeholder in the same field once the payload's
(escaped) text is swapped for the placeholder's: the payload changed nothing
but its own text.
"""

from __future__ import annotations

import ast
import json
import pathlib

import markupsafe
import pytest
import yaml

from geomap.render.inert import inert_json, inert_label

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "geomap"
PLACEHOLDER = "PLACEHOLDER-TEXT"


def payloads(sentinel: pathlib.Path) -> list:
    """Template-injection payloads; the last ones try to run a command that writes ``sentinel``."""
    cmd = f"touch {sentinel}"
    return [
        "A{{ 7*7 }}B",
        "A{{7*'7'}}B {# comment #} {% raw %}",
        "{% for x in range(3) %}A{{ x }}B{% endfor %}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ config }}{{ self.__dict__ }}{{ this._parent }}",
        "{{ cycler.__init__.__globals__.os.popen('" + cmd + "').read() }}",
        "{{ joiner.__init__.__globals__.os.system('" + cmd + "') }}",
        "{%- set x = namespace.__init__.__globals__.os.popen('" + cmd + "').read() %}A{{ x }}B",
        "{{{{ 7*7 }}}} }}{{ {% endraw %}",
    ]


def _claims_yaml(field: str, value: str) -> str:
    claim = {"id": "a", "claimant": {"party": "Party A", "speaker": "Speaker A"}, "claim": "Claim text",
             "location": "near Mayadin", "notes": "Notes",
             "source": {"report": "report.txt", "url": "https://example.org/r", "quote": "Quote"}}
    incident = {"id": "inc", "date": "2017-11-23", "title": "Title", "summary": "Summary",
                # Colours follow the parties' sorted order: the other party sorts after every payload
                # and the placeholder, so a payload changes no colour, only its own text.
                "claims": [claim, {"id": "b", "claimant": "~Party B", "location": "west of the Euphrates"}]}
    if field in ("party", "speaker"):
        claim["claimant"][field] = value
    elif field in ("report", "url", "quote"):
        claim["source"][field] = value
    elif field in ("title", "summary"):
        incident[field] = value
    elif field == "report_title":  # a citation from the file's reports: section
        return yaml.safe_dump({"reports": {"report.txt": {"title": value, "outlet": "Outlet"}},
                               "incidents": [incident]}, allow_unicode=True)
    else:
        claim[field] = value
    return yaml.safe_dump({"incidents": [incident]}, allow_unicode=True)


def _assert_inert(text: str, sentinel: pathlib.Path):
    assert "A49B" not in text and "A77777777B" not in text
    assert "A0BA1BA2B" not in text
    assert "<function" not in text and "<module" not in text and "__builtins__" not in text
    assert not sentinel.exists(), "a payload ran a command"


def _page_files(out: pathlib.Path) -> dict:
    if out.is_dir():
        return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(out.rglob("*.html"))}
    return {out.name: out.read_text(encoding="utf-8")}


def _swap(text: str, payload: str) -> str:
    """The page with the payload's escaped forms swapped for the placeholder's."""
    for enc in (lambda s: inert_json(s)[1:-1], 
                # the layer control: an inert label, then folium's tojson
                lambda s: inert_label(s).replace("&", "\\u0026"), inert_label,
                lambda s: str(markupsafe.escape(s)), lambda s: s):
        text = text.replace(enc(payload), enc(PLACEHOLDER))
    return text


CLAIM_FIELDS = ["claim", "quote", "party", "speaker", "title", "summary", "notes", "report", "url",
                "report_title"]


@pytest.mark.parametrize("command", ["map", "publish"])
@pytest.mark.parametrize("field", CLAIM_FIELDS)
def test_claims_file_fields_are_never_evaluated(tmp_path, runner, cli, command, field):
    sentinel = tmp_path / "PWNED"
    reference = None
    for i, value in enumerate([PLACEHOLDER] + payloads(sentinel)):
        src = tmp_path / f"claims-{i}.yaml"
        src.write_text(_claims_yaml(field, value), encoding="utf-8")
        out = tmp_path / f"run-{i}" / ("out.html" if command == "map" else "site")
        out.parent.mkdir()
        res = runner.invoke(cli, [command, str(src), "-o", str(out)])
        assert res.exit_code == 0, res.output
        pages = _page_files(out)
        for text in pages.values():
            _assert_inert(text, sentinel)
        if reference is None:
            reference = pages
            continue
        swapped = {k: _swap(v, value) for k, v in pages.items()}
        assert swapped == reference, f"{field}: payload {value!r} changed more than its own text"


def test_location_payload_is_a_clean_error_shown_literally(tmp_path, runner, cli):
    sentinel = tmp_path / "PWNED"
    for value in payloads(sentinel):
        src = tmp_path / "claims.yaml"
        src.write_text(_claims_yaml("location", "near Mayadin " + value), encoding="utf-8")
        res = runner.invoke(cli, ["map", str(src), "-o", str(tmp_path / "out.html")])
        assert res.exit_code != 0 and "Traceback" not in res.output
        assert "claims.yaml" in res.output
        _assert_inert(res.output, sentinel)
        assert not (tmp_path / "out.html").exists()


def test_cli_title_options_are_never_evaluated(tmp_path, runner, cli):
    sentinel = tmp_path / "PWNED"
    src = tmp_path / "claims.yaml"
    src.write_text(_claims_yaml("claim", "plain"), encoding="utf-8")
    for i, value in enumerate(payloads(sentinel)):
        for command in ("map", "publish"):
            out = tmp_path / f"{command}-{i}"
            out = out.with_suffix(".html") if command == "map" else out
            res = runner.invoke(cli, [command, str(src), "-o", str(out), "--title", value])
            assert res.exit_code == 0, res.output
            pages = _page_files(out)
            for text in pages.values():
                _assert_inert(text, sentinel)
            assert any(inert_json(value)[1:-1] in t or str(markupsafe.escape(value)) in t for t in pages.values())


def _line_file(path: pathlib.Path, value: str) -> pathlib.Path:
    feature = {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[38.0, 35.0], [41.0, 35.5]]},
               "properties": {"name": "user-line", "title": "T " + value, "description": "D " + value,
                              "source": "S " + value, "left_label": "L" + value, "right_label": "R" + value,
                              "accuracy_km": 2}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    return path


def test_line_file_properties_are_never_evaluated(tmp_path, runner, cli):
    sentinel = tmp_path / "PWNED"
    src = tmp_path / "claims.yaml"
    src.write_text(_claims_yaml("claim", "plain"), encoding="utf-8")
    for i, value in enumerate(payloads(sentinel)):
        line = _line_file(tmp_path / f"line-{i}.geojson", value)
        out = tmp_path / f"out-{i}.html"
        res = runner.invoke(cli, ["map", str(src), "-o", str(out), "--line", str(line)])
        assert res.exit_code == 0, res.output
        text = out.read_text(encoding="utf-8")
        _assert_inert(text, sentinel)
        assert inert_json("D " + value)[1:-1] in text


def test_event_table_columns_are_never_evaluated(tmp_path, runner, cli):
    sentinel = tmp_path / "PWNED"
    header = "id\tdate_start\twhere_coordinates\twhere_prec\tadm_1\tside_a\tlatitude\tlongitude\n"
    for i, value in enumerate(payloads(sentinel)):
        value = value.replace("\t", " ")
        table = tmp_path / f"events-{i}.tsv"
        table.write_text(header + f"E{value}\t2017-01-01\tW{value}\t1\tA{value}\tS{value}\t35.02\t40.45\n",
                         encoding="utf-8")
        out = tmp_path / f"out-{i}.html"
        res = runner.invoke(cli, ["map", str(table), "-o", str(out)])
        assert res.exit_code == 0, res.output
        text = out.read_text(encoding="utf-8")
        _assert_inert(text, sentinel)
        assert inert_json("W" + value)[1:-1] in text


def test_notebook_api_is_never_evaluated(tmp_path):
    from geomap.claims import read_claims_text
    from geomap.incidents import claims_frame
    from geomap.render import claims_map

    sentinel = tmp_path / "PWNED"
    for value in payloads(sentinel):
        frame = claims_frame(read_claims_text(_claims_yaml("quote", value)))
        m = claims_map(frame, title=value)
        page = m._repr_html_()  # what Jupyter shows
        _assert_inert(page, sentinel)
        _assert_inert(m.get_root().render(), sentinel)


def test_figures_draw_dollar_signs_as_text(tmp_path):
    from geomap.claims import read_claims_text
    from geomap.incidents import claims_frame
    from geomap.render.figure import incident_figure

    frame = claims_frame(read_claims_text(_claims_yaml("party", r"$\frac{1}{$ and $x^{{2}}$")))
    png = incident_figure(frame, lines=["euphrates"], title=r"$\undefinedcommand$ {{ 7*7 }}")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


# --- a static search: nothing on an input path evaluates text -------------------------------------------------

def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            yield node, f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_code_evaluation_on_input_paths(path):
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    for node, name in _calls(tree):
        where = f"{path.name}:{node.lineno}"
        builtin = isinstance(node.func, ast.Name)
        assert not (builtin and name in {"eval", "exec", "compile", "__import__", "breakpoint"}), where
        assert name not in {"system", "popen", "unsafe_load", "full_load", "spawnl", "execv"}, where
        if name == "Template":
            # A template's source is a literal written in geomap, never text built at run time.
            assert len(node.args) == 1 and isinstance(node.args[0], ast.Constant), where
        owner = getattr(getattr(node.func, "value", None), "id", None)
        folium_call = isinstance(node.func, ast.Name) or owner in ("folium", "branca", "element", "features")
        if folium_call and name in ("Element", "Html", "Popup", "Tooltip", "GeoJsonTooltip", "GeoJsonPopup",
                                    "IFrame"):
            pytest.fail(f"{where}: folium/branca {name} compiles or evaluates its text; use geomap's elements")
        if name in ("Environment", "SandboxedEnvironment"):
            pytest.fail(f"{where}: use jinja2.sandbox.ImmutableSandboxedEnvironment(autoescape=True)")
        if name == "ImmutableSandboxedEnvironment":
            kw = {k.arg: k.value for k in node.keywords}
            assert isinstance(kw.get("autoescape"), ast.Constant) and kw["autoescape"].value is True, where
        if name == "from_string":
            assert isinstance(node.args[0], ast.Constant), f"{where}: a template built from run-time text"
        if name == "load" and isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") == "yaml":
            loader = {k.arg: k.value for k in node.keywords}.get("Loader")
            assert loader is not None, f"{where}: yaml.load without a safe Loader"
    for banned in ("import pickle", "import marshal", "import subprocess", "import shelve",
                   "yaml.Loader", "yaml.FullLoader", "yaml.UnsafeLoader"):
        assert banned not in source, f"{path.name}: {banned}"


def test_report_text_is_never_evaluated(tmp_path, runner, cli):
    """A report drafted on the fly (geomap map report.txt): its headline and quotes are data."""
    sentinel = tmp_path / "PWNED"
    for i, value in enumerate(payloads(sentinel)):
        src = tmp_path / f"report-{i}.txt"
        src.write_text(f"# {value}\n\nGlobal Research, December 10, 2017\n\nAccording to the MoD, "
                       f"the jets stayed near Mayadin, {value}.\n", encoding="utf-8")
        out = tmp_path / f"report-{i}.html"
        res = runner.invoke(cli, ["map", str(src), "-o", str(out)])
        assert res.exit_code == 0, res.output
        _assert_inert(out.read_text(encoding="utf-8"), sentinel)
        drafted = runner.invoke(cli, ["extract", str(src)])
        _assert_inert(drafted.output, sentinel)


def _cloud_texts(page: str) -> list:
    """The texts a cloud page carries: its parties and its deflated string table, decoded."""
    import json

    from geomap.render.cloud import cloud_strings

    i = page.index("geomap.cloud(") + len("geomap.cloud(")
    payload = json.JSONDecoder().raw_decode(page[i:])[0]
    return payload["parties"] + cloud_strings(payload)


# (A claim's own ``notes`` reach no map, layered or cloud: the page's notes are geomap's reading notes.)
@pytest.mark.parametrize("field", ["claim", "quote", "party", "speaker", "title", "report", "report_title"])
def test_cloud_maps_carry_every_field_as_data(tmp_path, runner, cli, field):
    """--cloud packs the texts into a compressed table: each payload is there verbatim, none ran."""
    sentinel = tmp_path / "PWNED"
    for i, value in enumerate(payloads(sentinel)):
        src = tmp_path / f"claims-{i}.yaml"
        src.write_text(_claims_yaml(field, value), encoding="utf-8")
        out = tmp_path / f"cloud-{i}.html"
        res = runner.invoke(cli, ["map", str(src), "--cloud", "-o", str(out)])
        assert res.exit_code == 0, res.output
        page = out.read_text(encoding="utf-8")
        _assert_inert(page, sentinel)
        texts = _cloud_texts(page)
        assert any(value in t for t in texts), f"{field}: {value!r} is not carried as text"
