"""Surnames with frequency: the US Census Bureau's 1990 surname list (dist.all.last) as shipped in the
sdist of the PyPI package names 0.3.0. Writes target/data/surnames.tsv in the list's rank order.

Each line of dist.all.last is: NAME, frequency in percent of the 1990 population, cumulative
percent, rank (fixed-width columns). The frequency is copied as written (three decimals, so the rarer
names all read "0.001"); the rank is the Census Bureau's.
"""

import tarfile

from common import Source, fetch, write_tsv

NAMES = Source(
    "pypi", "names", "0.3.0", "names-0.3.0.tar.gz",
    "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
)
MEMBER = "names-0.3.0/names/dist.all.last"


def main() -> None:
    path = fetch(NAMES)
    with tarfile.open(path, "r:gz") as archive:
        text = archive.extractfile(MEMBER).read().decode("ascii")
    rows = []
    for line in text.splitlines():
        name, frequency, _cumulative, rank = line.split()
        if not name.isalpha():
            raise SystemExit(f"unexpected surname {name!r}")
        rows.append((name.lower(), frequency, int(rank)))
    rows.sort(key=lambda r: (r[2], r[0]))
    if len({r[0] for r in rows}) != len(rows):
        raise SystemExit("a surname appears twice in dist.all.last")
    print(f"  {MEMBER}: {len(rows)} surnames, ranks 1-{rows[-1][2]}")
    write_tsv("surnames.tsv", ["name", "frequency_percent", "rank"], rows)


if __name__ == "__main__":
    main()
