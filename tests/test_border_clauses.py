"""Clauses about borders (geomap.border_clauses): the border band, a country's side, across it."""

from __future__ import annotations

import shapely

from geomap.gazetteer import Gazetteer
from geomap.relations import claim_geometry


def _country(name):
    gaz = Gazetteer.default()
    return gaz.shape(gaz.resolve(name).place)


def test_a_countrys_side_of_the_border_lies_inside_it_near_the_border():
    cg = claim_geometry("the Syrian side of the border with Iraq")
    syria, iraq = _country("Syria"), _country("Iraq")
    assert cg.precision == 5 and cg.geometry.area > 0
    assert shapely.difference(cg.geometry, syria).area < 1e-6 * cg.geometry.area   # inside Syria
    assert cg.geometry.distance(iraq) < 1e-6                                       # along Iraq
    # With another place in the claim, the side near it.
    near = claim_geometry("on the Syrian side of the border, near al-Baghuz")
    assert near.precision == 2 and shapely.difference(near.geometry, syria).area < 1e-6 * near.geometry.area


def test_the_border_a_report_means_is_the_one_nearest_its_places():
    from geomap.borders import nearest_neighbour

    gaz = Gazetteer.default()
    syria = gaz.resolve("Syria").place
    assert nearest_neighbour(gaz, syria, [gaz.resolve("al-Baghuz").place.point]).name == "Iraq"
    assert nearest_neighbour(gaz, syria, [gaz.resolve("Jarablus").place.point]).name == "Turkey"
    assert nearest_neighbour(gaz, syria, []) is None


def test_across_the_border_from_a_town_is_near_it_in_another_country():
    cg = claim_geometry("across the border from the Iraqi town of al-Qaim")
    iraq = _country("Iraq")
    assert cg.geometry.area > 0 and shapely.intersection(cg.geometry, iraq).area < 1e-6 * cg.geometry.area
    # The words are not read as the town itself.
    assert cg.point is None and cg.parts[0].startswith("across the border from")
