"""Places: an event's location name resolved to coordinates, country, first-level
division and GeoNames id, offline (see :mod:`gaiko.places.gazetteer`), and the
world's country outlines for the map (:mod:`gaiko.places.world`)."""

from gaiko.places.gazetteer import PLACE_KEYS, Gazetteer, Place, enrich, resolve

__all__ = ["PLACE_KEYS", "Gazetteer", "Place", "enrich", "resolve"]
