"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright's Python package.

On CI (CI=true) a missing browser fails the suite; on a developer's machine
without Chromium these tests are skipped with the install command.
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
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (CI installs it: apt-get install -y chromium)")
        pytest.skip("needs Chromium: apt-get install -y chromium")
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
