"""GEOS work split over threads gives what one call gives."""

import numpy as np
import pytest
import shapely

from geomap.errors import GeomapWarning
from geomap.geodesy import discs
from geomap.lines import get_line
from geomap.threads import split_call, split_predicate, thread_count, thread_map


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


@pytest.mark.parametrize("predicate", [shapely.intersects, shapely.contains])
def test_split_predicates_equal_one_call(monkeypatch, predicate):
    monkeypatch.setenv("GEOMAP_THREADS", "4")
    rng = np.random.default_rng(6)
    d = discs(rng.uniform(38, 41, 3000), rng.uniform(34.5, 36.5, 3000), 20.0, quad_segs=8)
    line = get_line("euphrates")
    shapely.prepare(line.area)
    assert (split_predicate(predicate, line.area, d) == predicate(line.area, d)).all()
    assert (split_predicate(predicate, line.geometry, d) == predicate(line.geometry, d)).all()
    assert shapely.is_prepared(line.area)     # the caller's geometry is left as it was


def test_thread_map_keeps_order(monkeypatch):
    monkeypatch.setenv("GEOMAP_THREADS", "3")
    assert thread_map(lambda k: k * k, range(50)) == [k * k for k in range(50)]


def test_thread_count_from_the_environment(monkeypatch):
    monkeypatch.setenv("GEOMAP_THREADS", "1")
    assert thread_count() == 1
    monkeypatch.setenv("GEOMAP_THREADS", "many")
    with pytest.warns(GeomapWarning, match="GEOMAP_THREADS"):
        assert thread_count() >= 1
