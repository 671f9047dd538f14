import pytest

from geomap.coords import looks_like_coordinates, parse_coordinates
from geomap.errors import CoordinateError


@pytest.mark.parametrize("text, lon, lat", [
    ("35°01′N 40°27′E", 40.45, 35.016667),
    ("35 01 N 40 27 E", 40.45, 35.016667),       # geopy's Point reads this wrongly
    ("N35.02 E40.45", 40.45, 35.02),             # ... and cannot read this
    ("N 35.02 E 40.45", 40.45, 35.02),
    ("35.02, 40.45", 40.45, 35.02),
    ("35.02 40.45", 40.45, 35.02),
    ("40.45E 35.02N", 40.45, 35.02),             # longitude first, with hemispheres
    ("35:01:00N 40:27:00E", 40.45, 35.016667),
    ("35°01'12\"N 40°27'05\"E", 40.451389, 35.02),
    ("35d01m N 40d27m E", 40.45, 35.016667),
    ("35° 1.2′ N, 40° 27.3′ E", 40.455, 35.02),
    ("lat 35.02 lon 40.45", 40.45, 35.02),
    ("33.5S 151.2E", 151.2, -33.5),
    ("-33.5, 151.2", 151.2, -33.5),
])
def test_formats(text, lon, lat):
    assert parse_coordinates(text) == pytest.approx((lon, lat), abs=1e-6)


def test_mgrs_round_trip():
    import mgrs

    ref = mgrs.MGRS().toMGRS(35.02, 40.45, MGRSPrecision=5)
    lon, lat = parse_coordinates(ref)
    assert abs(lon - 40.45) < 1e-4 and abs(lat - 35.02) < 1e-4
    spaced = f"{ref[:3]} {ref[3:5]} {ref[5:10]} {ref[10:]}"
    assert parse_coordinates(spaced) == (lon, lat)


@pytest.mark.parametrize("text", ["Mayadin", "35.02", "95, 40", "35 N 40 N", "35 40", "35°61′N 40°27′E", ""])
def test_bad_coordinates_raise(text):
    with pytest.raises(CoordinateError):
        parse_coordinates(text)
    assert not looks_like_coordinates(text)


def test_the_quick_reading_of_decimal_pairs_equals_the_general_one():
    import random

    from geomap.coords import _parse_general, parse_coordinates

    rnd = random.Random(5)
    for _ in range(3000):
        lat, lon = rnd.uniform(-95, 95), rnd.uniform(-185, 185)
        ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
        sep = rnd.choice([" ", ", ", "  ", ",", " / ", ";"])
        text = f"{abs(lat):.{rnd.randint(1, 7)}f}{rnd.choice(['', ' '])}{ns}{sep}{abs(lon):.{rnd.randint(1, 7)}f}{ew}"
        try:
            expected = _parse_general(text)
        except Exception as err:          # out of range: both refuse, with the same error
            with pytest.raises(type(err)):
                parse_coordinates(text)
            continue
        assert parse_coordinates(text) == expected, text
