"""geomap's gazetteer behind geopy's Geocoder contract."""

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.geocoder import OfflineGazetteer


@pytest.fixture(scope="module")
def geocoder():
    return OfflineGazetteer()


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


def test_exactly_one_returns_a_location_with_the_record_in_raw(geocoder):
    loc = geocoder.geocode("Deir-Ezzor")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 35.336) < 0.05 and abs(loc.longitude - 40.141) < 0.05
    assert loc.raw["name"] == "Deir ez-Zor" and loc.raw["status"] == "resolved"
    assert loc.raw["kind"] == "populated_place" and "score" in loc.raw


def test_not_found_is_none(geocoder):
    assert geocoder.geocode("Konashenkov") is None
    assert geocoder.geocode("Konashenkov", exactly_one=False) is None


def test_exactly_one_false_gives_a_list(geocoder):
    locs = geocoder.geocode("al-Karamah", exactly_one=False, limit=3)
    assert isinstance(locs, list) and 1 < len(locs) <= 3
    assert all(isinstance(x, Location) for x in locs)


def test_ambiguous_can_be_refused():
    strict = OfflineGazetteer(allow_ambiguous=False)
    assert strict.geocode("al-Karamah") is None
    assert strict.geocode("Mayadin") is not None


def test_country_codes_filter(geocoder):
    assert geocoder.geocode("Mosul", country_codes="sy") is None
    assert geocoder.geocode("Mosul", country_codes=["iq"]).raw["country_code"] == "IQ"


def test_structured_query_dict(geocoder):
    assert geocoder.geocode({"city": "Tabqa", "country": "Syria"}).raw["admin1"] == "Raqqa"


def test_reverse_gives_the_nearest_town(geocoder):
    loc = geocoder.reverse((35.02, 40.45))
    assert "Mayādīn" in loc.address


def test_plugs_into_geopandas_geocode():
    from geopandas.tools import geocode

    gdf = geocode(["Mayadin", "Raqqah"], provider=OfflineGazetteer)
    assert list(gdf.crs.to_epsg() for _ in [0]) == [4326]
    assert gdf.geometry.y.round(1).tolist() == [35.0, 36.0]


def test_resolve_places_returns_a_geodataframe():
    from geomap.resolution import resolve_places

    gdf = resolve_places(["Mayadin", "Pentagon", "Raqqa Province"])
    assert gdf["query"].tolist() == ["Mayadin", "Pentagon", "Raqqa Province"]
    assert gdf["status"].tolist() == ["resolved", "not_found", "resolved"]
    assert gdf.geometry.iloc[1] is None or gdf.geometry.iloc[1].is_empty
    assert gdf.geometry.iloc[2].geom_type in ("Polygon", "MultiPolygon")
