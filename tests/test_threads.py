"""GEOS work split over threads gives what one call gives."""

import numpy as np
import pytest
import shapely

from geomap.errors import GeomapWarning
from geomap.geodesy import discs
from geomap.lines import get_line
from geomap.threads import split_call, thread_count


def test_split_intersections_equal_one_call(monkeypatch):
    monkeypatch.setenv("GEOMAP_THREADS", "4")
    rng = np.random.default_rng(5)
    d = discs(rng.uniform(38, 41, 6000), rng.uniform(34.5, 36.5, 6000), 20.0, quad_segs=8)
    left = get_line("euphrates").sides[0]
    shapely.prepare(left)       # a prepared argument is copied for each thread, never shared
    one = shapely.intersection(d, left)
    split = split_call(shapely.intersection, d, left)
    assert len(split) == len(d)
    assert bool(shapely.equals_exact(one, split, 0.0).all())


def test_thread_count_from_the_environment(monkeypatch):
    monkeypatch.setenv("GEOMAP_THREADS", "1")
    assert thread_count() == 1
    monkeypatch.setenv("GEOMAP_THREADS", "many")
    with pytest.warns(GeomapWarning, match="GEOMAP_THREADS"):
        assert thread_count() >= 1
