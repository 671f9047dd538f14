"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright's Python package.

A missing browser fails these tests with the install command: the pages are
what users see, and a test run that did not look at them has not passed.
``GEOMAP_SKIP_BROWSER=1`` leaves them out explicitly (they are then reported as
deselected, never silently skipped).
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-default-apps", "--disable-quic"]


def _chromium() -> str | None:
    for name in (os.environ.get("GEOMAP_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser")):
        if name and os.path.exists(name):
            return name
    return None


@pytest.fixture(scope="session")
def browser():
    exe = _chromium()
    if exe is None:
        pytest.fail("Chromium is not installed: apt-get install -y chromium "
                    "(or set GEOMAP_SKIP_BROWSER=1 to leave the browser tests out)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageWatch:
    """A page plus every request it made and every console error it logged."""

    def __init__(self, page):
        self.page = page
        self.requests = []
        self.errors = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def outside_requests(self, allowed_prefix: str) -> list:
        return [u for u in self.requests if not (u.startswith("data:") or u.startswith(allowed_prefix))]


@pytest.fixture()
def watch(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 860})
    page = ctx.new_page()
    w = PageWatch(page)
    yield w
    ctx.close()


def pytest_collection_modifyitems(config, items):
    """``GEOMAP_SKIP_BROWSER=1``: the browser tests are deselected, and the run says so."""
    if os.environ.get("GEOMAP_SKIP_BROWSER") != "1":
        return
    here = os.path.dirname(__file__)
    dropped = [i for i in items if str(i.fspath).startswith(here)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [i for i in items if i not in dropped]
