"""Geodesic discs: many at once, equal to the exact geodesic circle."""

import numpy as np
import pytest

from geomap.geodesy import _geod, discs, ring_offsets


def _vertex_error_m(lon, lat, r, n=64):
    """Largest distance (m) between ring_offsets' vertices and Geod.fwd's, over all discs."""
    dx, dy = ring_offsets(lat, r, n)
    az = np.linspace(0.0, 360.0, n, endpoint=False)
    x, y, _ = _geod().fwd(np.repeat(lon, n), np.repeat(lat, n), np.tile(az, len(lat)), np.repeat(r, n) * 1000.0)
    _, _, d = _geod().inv(x, y, np.repeat(lon, n) + dx.ravel(), np.repeat(lat, n) + dy.ravel())
    return float(np.max(d))


@pytest.mark.parametrize("lat_range, radii, tolerance_m", [
    ((34.5, 36.5), [1.0, 5.0, 10.0], 0.001),      # a claims file in Syria: shared radii, table path
    ((-75.0, 75.0), [0.1, 10.0, 100.0, 500.0], 0.1),
    ((-89.0, 89.0), [10.0, 100.0, 2000.0], 0.1),  # high latitudes; near the poles and very wide: exact
])
def test_shared_discs_equal_exact_geodesic_circles(lat_range, radii, tolerance_m):
    rng = np.random.default_rng(7)
    n = 20000
    lon, lat = rng.uniform(-179.0, 179.0, n), rng.uniform(*lat_range, n)
    r = rng.choice(radii, n)
    assert _vertex_error_m(lon, lat, r) < tolerance_m


def test_a_disc_is_the_same_alone_or_in_any_batch():
    rng = np.random.default_rng(3)
    n = 200   # a batch whose shared grid latitudes are computed once; one disc computes its own
    lon, lat = rng.uniform(35, 42, n), rng.uniform(30, 40, n)
    r = np.where(np.arange(n) % 2, rng.uniform(1, 50, n), 10.0)  # half share a radius, half do not
    assert _vertex_error_m(lon, lat, r) < 0.001
    together = discs(lon, lat, r)
    for i in (0, 17, 49, 150, 199):
        alone = discs(lon[i:i + 1], lat[i:i + 1], r[i:i + 1])[0]
        assert alone.equals_exact(together[i], 0.0)          # bit for bit: chunks get the areas the whole gets
    assert all(g.is_valid for g in together)


def test_disc_longitudes_wrap_as_geod_does():
    d = discs([179.99] * 40, np.linspace(10, 11, 40), [10.0] * 40)
    xs = np.asarray(d[0].exterior.coords)[:, 0]
    assert (np.abs(xs) <= 180.0).all() and (xs < 0).any()


def test_areas_from_ring_coordinates_equal_the_projected_geos_areas():
    """One-ring polygons are measured from their coordinates; every other geometry through a
    projected copy. Both give the same areas, in any order and mixed with empty or missing ones."""
    import shapely

    from geomap.geodesy import _sinusoidal, area_km2

    rng = np.random.default_rng(3)
    ds = list(discs(rng.uniform(36, 42, 50), rng.uniform(32, 37, 50), rng.choice([1.0, 10.0, 50.0], 50)))
    holed = shapely.box(38, 34, 39, 35).difference(shapely.box(38.2, 34.2, 38.4, 34.4))
    geoms = np.array([shapely.Polygon(), *ds, None, shapely.Point(40, 35), holed,
                      shapely.MultiPolygon([shapely.box(40, 35, 40.1, 35.1)]), shapely.Polygon()], dtype=object)
    got = area_km2(geoms)
    ok = ~shapely.is_missing(geoms)
    want = shapely.area(shapely.transform(geoms[ok], _sinusoidal))
    assert np.allclose(got[ok], want, rtol=1e-12, atol=0.0)
    assert np.isnan(got[~ok]).all()
    assert got[0] == got[-1] == 0.0 and got[1] > 0
