"""A static site for publication: an index, one page per incident, PNG figures.

Pages are plain HTML with inline CSS (no web fonts, no scripts but the
inlined map pages), so they work from a file system or any static host and
print cleanly. Every string from a claims file is escaped.

Layout of ``SITE/``::

    index.html                 title, method note, incidents table, attributions
    incidents/ID.html          an incident: map, claims, verdicts, pairs, sources
    incidents/ID-map.html      the incident's interactive map (offline)
    figures/ID.png             the incident map as a static figure
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional

from jinja2.sandbox import ImmutableSandboxedEnvironment

from .io import atomic_write
from .render.claim_layers import public_notes

__all__ = ["publish_site"]

# The page templates below are fixed text; claims reach them only as autoescaped variables.
# The sandbox is defence in depth: even a template that somehow held input could reach no Python internals.
_ENV = ImmutableSandboxedEnvironment(autoescape=True, trim_blocks=True, lstrip_blocks=True)

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
.sub { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.6rem 0 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #f4f2ec; }
.map { width: 100%; height: 34rem; border: 1px solid #bbb; }
figure { margin: 1rem 0; } figure img { max-width: 100%; border: 1px solid #ccc; }
blockquote { margin: 0.2rem 0; padding-left: 0.6rem; border-left: 3px solid #aaa; font-style: italic; }
.no { color: #b02a2a; font-weight: bold; } .yes { color: #2b7a3b; font-weight: bold; }
.note, footer { color: #555; font-size: 0.85rem; }
footer { margin-top: 2.5rem; border-top: 1px solid #ddd; padding-top: 0.6rem; }
a { color: #1b5e9e; }
@media print { .map { display: none; } .print-only { display: block; } a { color: #222; text-decoration: none; }
               body { max-width: none; margin: 0; } h2 { page-break-after: avoid; } table { page-break-inside: auto; } }
.print-only { display: none; }
.draft { color: #8a4b00; background: #fff3d6; font-size: 12px; font-weight: 600; padding: 1px 4px; }
"""

_INDEX = _ENV.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title><style>{{ css|safe }}</style></head>
<body>
<h1>{{ title }}</h1>
<p class="sub">{{ incidents|length }} incidents, {{ n_claims }} claims, made with geomap {{ version }}.</p>
<h2>Method</h2>
<p>Each claim is a place plus a relation, read from the words the source used and turned into the area it
allows: a named place is its point with its extent; <em>near</em> is within {{ defaults.near_km }} km of the
place; <em>the suburbs of</em> its extent plus {{ defaults.suburbs_km }} km; <em>west of</em> a sector of
±{{ defaults.direction_half_deg }}° up to {{ defaults.direction_km }} km; <em>N km north of</em> a sector of
±{{ defaults.offset_half_deg }}° and ±{{ (defaults.offset_rel * 100)|round|int }} % of the distance; a
<em>bank</em> of a river is that side within {{ defaults.bank_km }} km of it; a province its polygon.
Places are resolved offline against a gazetteer built from GeoNames, Who's On First, Natural Earth,
OCHA's administrative boundaries of Syria, Open-Syria, airportsdata and UCDP GED, each name in the
context of the claim's, incident's and file's other places. The side of each deconfliction line is decided geometrically; a claim within
the line's positional accuracy is flagged, not hidden. Two claims <em>can both be true</em> when their
areas share ground.</p>
<h2>Lines</h2>
<table><tr><th>Line</th><th>Sides</th><th>Accuracy</th><th>In force</th><th>Source</th></tr>
{% for ln in lines %}<tr><td>{{ ln.title }}</td><td>{{ ln.left_label }} / {{ ln.right_label }}</td>
<td>±{{ ln.accuracy_km }} km{% if ln.approximate %} (approximate){% endif %}</td>
<td>{{ ln.valid_from or '…' }} – {{ ln.valid_to or '…' }}</td><td>{{ ln.source }}</td></tr>{% endfor %}
</table>
<h2>Incidents</h2>
<table><tr><th>Date</th><th>Incident</th><th>Claimant</th><th>Claimed position</th><th>Verdict</th></tr>
{% for inc in incidents %}{% for c in inc.claims %}<tr>
{% if loop.first %}<td rowspan="{{ inc.claims|length }}">{{ inc.date }}</td>
<td rowspan="{{ inc.claims|length }}"><a href="incidents/{{ inc.slug }}.html">{{ inc.title }}</a>
{% if inc.pairs_text %}<div class="note">{{ inc.pairs_text }}</div>{% endif %}</td>{% endif %}
<td>{{ c.party }}</td><td>“{{ c.location }}”<div class="note">{{ c.reading }}</div></td>
<td>{% for v in c.verdicts %}<div>{{ v }}</div>{% endfor %}</td></tr>{% endfor %}{% endfor %}
</table>
<footer>{{ attribution }}. Sources are cited by report file name. Positions of the deconfliction lines are
approximate; no official geometry was published.</footer>
</body></html>
""")

_INCIDENT = _ENV.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ inc.title }}</title><style>{{ css|safe }}</style></head>
<body>
<p><a href="../index.html">← All incidents</a></p>
<h1>{{ inc.title }}</h1>
<p class="sub">{{ inc.date }}{% if inc.summary %} — {{ inc.summary }}{% endif %}</p>
<iframe class="map" src="{{ inc.slug }}-map.html" title="Interactive map of {{ inc.title }}"></iframe>
<figure><img src="../figures/{{ inc.slug }}.png" alt="Map of the claims about {{ inc.title }}">
<figcaption class="note">Static figure of the same map (for print and for readers without JavaScript).</figcaption></figure>
<h2>Claims</h2>
<table><tr><th>Claimant</th><th>Claim</th><th>Position as worded</th><th>Read as</th><th>Verdict</th></tr>
{% for c in inc.claims %}<tr><td>{{ c.party }}{% if c.speaker %}<div class="note">{{ c.speaker }}</div>{% endif %}{% if c.draft %}<div class="draft">DRAFT: {{ c.draft }}</div>{% endif %}</td>
<td>{{ c.claim }}{% if c.denies %}<div class="note">denies {{ c.denies }}</div>{% endif %}</td><td>“{{ c.location }}”</td>
<td>{{ c.reading }}<div class="note">precision {{ c.precision }}{% if c.notes %}; {{ c.notes }}{% endif %}</div></td>
<td>{% for v in c.verdicts %}<div>{{ v }}</div>{% endfor %}</td></tr>{% endfor %}
</table>
{% if inc.pairs %}<h2>Can the competing claims both be true?</h2>
<table><tr><th>Claims</th><th>Can both be true?</th><th>Sides</th></tr>
{% for p in inc.pairs %}<tr><td>{{ p.party_a }} ({{ p.a }})<br>vs {{ p.party_b }} ({{ p.b }})</td>
<td><span class="{{ 'yes' if p.compatible else 'no' }}">{{ 'Yes' if p.compatible else 'No' }}:</span> {{ p.why }}</td>
<td>{% for name, s in p.sides.items() %}<div>{{ name }}: {{ (s[0] or '–')|replace('_', ' ') }} / {{ (s[1] or '–')|replace('_', ' ') }}</div>{% endfor %}</td>
</tr>{% endfor %}</table>{% endif %}
<h2>Sources</h2>
<ul>{% for c in inc.claims %}<li><b>{{ c.party }}</b>{% if c.speaker %}, {{ c.speaker }}{% endif %}:
<blockquote>{{ c.quote }}</blockquote> <span class="note">{{ c.citation or c.report }}{% if c.url and c.url not in (c.citation or '') %} {{ c.url }}{% endif %}</span></li>{% endfor %}</ul>
<footer>{{ attribution }}.</footer>
</body></html>
""")


def _slug(text: str) -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return s[:80] or "incident"


def publish_site(frame, out: os.PathLike, *, title: str = "Competing location claims",
                 lines: Optional[list] = None, progress=None) -> list:
    """Write the static site for a claims frame; return the files written.

    Parameters
    ----------
    frame : GeoDataFrame
        From :func:`geomap.incidents.claims_frame`.
    out : path
        The site folder. It is written whole into a temporary sibling and then
        swapped in, so a reader (or a run killed half-way) never sees a mix of
        old and new pages. An existing folder is replaced only if it is a
        geomap site (it has ``index.html`` and ``incidents/``) or empty.
    lines : list, optional
        Lines to judge by and draw (default: each incident's own, else the
        built-in ones; see :func:`geomap.verdicts.verdict_table`).
    """
    from .errors import InputError
    from .incidents import check_claims_frame
    from .io import atomic_folder
    from .lines import get_line

    check_claims_frame(frame)
    target = Path(out)
    if target.exists() and (not target.is_dir() or (any(target.iterdir()) and not (
            (target / "index.html").is_file() and (target / "incidents").is_dir()))):
        raise InputError("is not empty and not a geomap site: publishing would replace it", source=str(target),
                         hint="choose a new folder for the site")
    if lines:
        lines = [get_line(x) for x in lines]  # files read once; user lines are known by object after
    final = target
    with atomic_folder(final) as tmp:
        written = _write_site(frame, tmp, title=title, lines=lines, progress=progress)
    return [final / Path(w).relative_to(tmp) for w in written]


def _write_site(frame, out: Path, *, title: str, lines, progress) -> list:
    from . import __version__
    from .lines import get_line
    from .relations import RelationDefaults
    from .render.basemap import ATTRIBUTION
    from .render.figure import incident_figure
    from .render.maps import claims_map, render_html
    from .verdicts import applicable_lines, compare_claims, line_label, verdict_table

    from .render.elements import frame_colors

    say = progress or (lambda m: None)
    written = []
    colors = frame_colors(frame)  # one colour per party on every page and figure
    incidents = []
    all_lines = {}
    used_slugs = set()
    for inc_id, rows in frame.groupby("incident", sort=False):
        rows = rows.reset_index(drop=True)
        date = rows["incident_date"].iloc[0]
        table = verdict_table(rows, lines)
        active = [get_line(x) for x in (lines or applicable_lines(table))]
        for ln in active:
            all_lines[ln.name] = ln
        verdicts = [[] for _ in range(len(rows))]
        shown = {ln.name: line_label(ln) for ln in active}
        for row, name, text in table[["row", "line", "sentence"]].itertuples(index=False):
            if name in shown:
                verdicts[row].append(text)
        pairs = compare_claims(rows, table)
        slug = _slug(str(inc_id))
        while slug in used_slugs:
            slug += "-x"
        used_slugs.add(slug)
        title_i = rows["incident_title"].iloc[0] or inc_id
        claims = []
        for i, r in rows.iterrows():
            claims.append({k: (r.get(k) if r.get(k) is not None else "") for k in
                           ("party", "speaker", "claim", "location", "reading", "notes", "report", "quote", "url",
                            "precision", "draft", "denies", "citation")} | {"verdicts": verdicts[i]})
            claims[-1]["notes"] = public_notes(claims[-1]["notes"])
        n_no = sum(not p["compatible"] for p in pairs)
        pairs_text = (f"{len(pairs)} pairs of competing claims; {n_no} cannot both be true" if pairs else "")
        inc = {"id": inc_id, "slug": slug, "title": title_i, "date": date or "", "claims": claims,
               "pairs": pairs, "pairs_text": pairs_text,
               "summary": rows["incident_summary"].iloc[0] if "incident_summary" in rows else ""}
        incidents.append(inc)
        say(f"incident {inc_id}: map, figure, page")
        m = claims_map(rows, lines=lines, verdicts=table, colors=colors, title=title_i, compact=True)
        written.append(atomic_write(out / "incidents" / f"{slug}-map.html", render_html(m)))
        written.append(out / "figures" / f"{slug}.png")
        incident_figure(rows, lines=active, colors=colors, title=f"{title_i} ({date})",
                        path=out / "figures" / f"{slug}.png")
        written.append(atomic_write(out / "incidents" / f"{slug}.html",
                                    _INCIDENT.render(inc=inc, css=_CSS, attribution=ATTRIBUTION)))
    lines_meta = [ln.metadata() for ln in all_lines.values()]
    written.append(atomic_write(out / "index.html", _INDEX.render(
        title=title, incidents=incidents, n_claims=len(frame), css=_CSS, attribution=ATTRIBUTION,
        version=__version__, lines=lines_meta, defaults=RelationDefaults)))
    return [Path(w) for w in written]
