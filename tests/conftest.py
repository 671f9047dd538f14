"""Shared fixtures. The suite needs only the installed package and its bundled data."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gaz():
    from geomap.gazetteer import Gazetteer

    return Gazetteer.default()


@pytest.fixture()
def runner():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture()
def cli():
    from geomap.cli import main

    return main
