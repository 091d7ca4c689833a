"""The world's country outlines, for the map page: drawn by the server as SVG paths.

The outlines are the Natural Earth 1:110m countries that ``countryinfo`` ships as
GeoJSON (installed with gaiko; nothing is fetched).  :func:`outlines` projects
them once (equirectangular, latitudes 85°N to 60°S, so Antarctica is left out)
into SVG path data for a canvas ``width`` wide; :func:`project` places a point
on the same canvas.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

NORTH, SOUTH = 85.0, -60.0


@dataclass(frozen=True)
class Outline:
    iso3: str
    name: str
    path: str   # SVG path data


def height_for(width: int) -> int:
    """The canvas height that keeps degrees square."""
    return round(width * (NORTH - SOUTH) / 360.0)


def project(lat: float, lon: float, width: int) -> tuple[float, float]:
    """(x, y) of a point on a canvas ``width`` wide."""
    x = (lon + 180.0) / 360.0 * width
    y = (NORTH - max(SOUTH, min(NORTH, lat))) / (NORTH - SOUTH) * height_for(width)
    return round(x, 1), round(y, 1)


def _ring(ring: list[list[float]], width: int) -> str:
    points = []
    last = None
    for lon, lat, *_ in ring:
        p = project(lat, lon, width)
        if p != last:
            points.append(p)
            last = p
    if len(points) < 3:
        return ""
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z"


def _path(geometry: dict[str, Any], width: int) -> str:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return "".join(_ring(ring, width) for polygon in polygons for ring in polygon)


@functools.lru_cache(maxsize=4)
def outlines(width: int = 1000) -> tuple[Outline, ...]:
    """Every country with an outline, as SVG path data for a canvas ``width`` wide."""
    from countryinfo import CountryInfo

    out: dict[str, Outline] = {}
    for info in CountryInfo.all().values():
        iso3 = (info.get("ISO") or {}).get("alpha3")
        features = (info.get("geoJSON") or {}).get("features") or []
        if not iso3 or iso3 in out or not features or iso3 == "ATA":
            continue
        path = "".join(_path(f["geometry"], width) for f in features if f.get("geometry"))
        if path:
            out[iso3] = Outline(iso3, str(info.get("name") or iso3), path)
    return tuple(sorted(out.values(), key=lambda o: o.iso3))
