"""Names from many cultures: the cspell people-names dictionary (npm @cspell/dict-people-names,
dict/people-names.txt: one name a line, as capitalized). Writes target/data/people_names.tsv: one
lowercase name a line, sorted by bytes, each once.

The dictionary is a spelling word list, so it holds a few entries that are not names: abbreviations
("Co.", "Ala.", "Dec."), contractions ("I'm", "We'll", "S'en") and "Patricia 1.". Left out: entries with a
period, a digit or a space, and entries whose apostrophe is not followed by a capital (O'Brien and
D'Angelo stay). Names with accents are kept as written (lowercased, NFC) and also added in their
ASCII form ("josé" and "jose").
"""

import re
import tarfile
import unicodedata

from common import Source, fetch, fold, write_tsv

PEOPLE_NAMES = Source(
    "npm", "@cspell/dict-people-names", "1.1.16", "cspell-dict-people-names-1.1.16.tgz",
    "952fd90301eddb2c41c0bd6116b0d2609b52381b1241ea3ac7a1a64b36438c81",
)
MEMBER = "package/dict/people-names.txt"
NOT_A_NAME = re.compile(r"[.\d\s]|'(?![A-Z])")


def main() -> None:
    path = fetch(PEOPLE_NAMES)
    with tarfile.open(path, "r:gz") as archive:
        text = archive.extractfile(MEMBER).read().decode("utf-8")
    entries = [line.strip() for line in text.splitlines()]
    entries = [entry for entry in entries if entry and not entry.startswith("#")]
    names, dropped = set(), []
    for entry in entries:
        if NOT_A_NAME.search(entry):
            dropped.append(entry)
        else:
            names.add(unicodedata.normalize("NFC", entry).lower())
    ascii_forms = {fold(name) for name in names if not name.isascii()} - {None}
    folded_added = len(ascii_forms - names)
    rows = sorted(names | ascii_forms, key=lambda n: n.encode("utf-8"))
    print(f"  {MEMBER}: {len(entries)} entries; left out {len(dropped)}: {' '.join(sorted(dropped))}")
    print(f"  ASCII forms added: {folded_added}; non-ASCII names kept: {sum(1 for n in rows if not n.isascii())}")
    write_tsv("people_names.tsv", ["name"], [(name,) for name in rows])


if __name__ == "__main__":
    main()
