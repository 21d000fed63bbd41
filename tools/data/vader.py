"""Sentiment priors: the VADER lexicon (vader_lexicon.txt in the vaderSentiment wheel). Writes
target/data/vader.tsv: token, mean valence, standard deviation, sorted by token bytes.

Each line of vader_lexicon.txt is: token, mean valence (-4 most negative .. +4 most positive), its
standard deviation, and the ten raters' scores (CRLF line endings). Tokens are lowercase words, slang
and ASCII emoticons (":-)"). The values are copied as written. Fourteen tokens appear twice with different
scores ("lol", "ok", "fav"...); vaderSentiment reads the file into a dict, so the later line wins, and
so it does here.
"""

import zipfile

from common import Source, fetch, write_tsv

VADER = Source(
    "pypi", "vaderSentiment", "3.3.2", "vaderSentiment-3.3.2-py2.py3-none-any.whl",
    "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311",
)
MEMBER = "vaderSentiment/vader_lexicon.txt"


def main() -> None:
    wheel = fetch(VADER)
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(MEMBER).decode("utf-8")
    lexicon, lines, repeated = {}, 0, []
    for line in text.splitlines():
        if not line.strip():
            continue
        token, mean, deviation, _ratings = line.split("\t")
        float(mean), float(deviation)  # both must be numbers
        if token in lexicon:
            repeated.append(token)
        lexicon[token] = (mean, deviation)
        lines += 1
    rows = sorted(((t, m, d) for t, (m, d) in lexicon.items()), key=lambda r: r[0].encode("utf-8"))
    print(f"  {MEMBER}: {lines} lines, {len(rows)} tokens; repeated (last kept): {' '.join(sorted(repeated))}")
    print(f"  negative {sum(1 for r in rows if float(r[1]) < 0)}, positive {sum(1 for r in rows if float(r[1]) > 0)}")
    write_tsv("vader.tsv", ["token", "mean_valence", "std_dev"], rows)


if __name__ == "__main__":
    main()
