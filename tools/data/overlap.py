"""How much the common-word list and the name and place lists overlap, read from the TSVs the other
scripts wrote (run it last). Prints counts only; writes nothing.

A name or place that is also one of the 30,000 most frequent GloVe words ("will", "grace", "mobile",
"independence") cannot be taken as a name or place by spelling alone: these counts size that problem.
"""

from common import OUT


def read_column(name: str, column: int = 0, limit: int | None = None) -> list[str]:
    with open(OUT / name, encoding="utf-8") as handle:
        next(handle)
        values = [line.rstrip("\n").split("\t")[column] for line in handle]
    return values[:limit] if limit else values


def report(label: str, common: list[str], other: set[str]) -> None:
    shared = [word for word in common if word in other]
    print(f"  {label}: {len(shared)} (most frequent: {' '.join(shared[:12])})")


def main() -> None:
    words = read_column("glove_rank.tsv")
    top_words = words[:10_000]
    given = set(read_column("given_names.tsv", limit=20_000))
    surnames = set(read_column("surnames.tsv", limit=20_000))
    people = set(read_column("people_names.tsv"))
    places = set(read_column("places.tsv"))
    places_named = set()
    with open(OUT / "places.tsv", encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            name, _state, population, *_ = line.rstrip("\n").split("\t")
            if int(population) >= 10_000:
                places_named.add(name)
    counties = set(read_column("counties.tsv"))
    states = set(read_column("states.tsv"))
    print(f"  of the {len(words)} most frequent GloVe words:")
    report("among the 20,000 most frequent SSA given names", words, given)
    report("among the 20,000 most frequent 1990 Census surnames", words, surnames)
    report("among the cspell people names", words, people)
    report("US place names (places.tsv, every form)", words, places)
    report("US place names of places with 10,000 people or more", words, places_named)
    report("US county names", words, counties)
    report("US state names", words, states)
    print(f"  of the {len(top_words)} most frequent:")
    report("given names (top 20,000)", top_words, given)
    report("US place names", top_words, places)


if __name__ == "__main__":
    main()
