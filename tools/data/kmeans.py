"""K-means (k-means++ start, then Lloyd's iterations) whose result is the same on every machine.

Floating-point k-means can end differently on two machines: BLAS sums in a different order (threads,
CPU kernels), a near-tie flips one assignment, and the flip spreads. Here the points are unit vectors
rounded to integers (units of 1/SCALE), every sum and dot product is an integer computed exactly (in
float64 matrix products whose values stay below 2^53, where any summation order gives the same exact
result, then int64), and the only inexact steps are single IEEE roundings (an int64 to float64
conversion, one division), which every machine does alike. Ties go to the lowest index.

Bounds, for n points of dimension d with |x| <= SCALE: a coordinate is at most 2^13, a cluster sum at
most n * 2^13, a point-sum dot product at most n * 2^26, and 2 * n * dot and |sum|^2 stay below 2^63 for
n < 2^15. float64 products are exact while d * 2^13 * n * 2^13 < 2^53.
"""

import numpy as np

SCALE = 1 << 13


def to_fixed(unit_vectors: np.ndarray) -> np.ndarray:
    """Unit vectors (float64) to int64 coordinates in units of 1/SCALE (round half to even)."""
    return np.rint(unit_vectors * SCALE).astype(np.int64)


def _exact_dot(points: np.ndarray, others: np.ndarray) -> np.ndarray:
    """points @ others.T for int64 matrices, exact while every partial sum stays below 2^53."""
    return (points.astype(np.float64) @ others.astype(np.float64).T).astype(np.int64)


def _check_bounds(points: np.ndarray) -> None:
    n, d = points.shape
    if n >= 1 << 15 or int(np.abs(points).max()) > SCALE or d * SCALE * SCALE * n >= 1 << 53:
        raise ValueError("points outside the range where the arithmetic is exact")


def kmeans_plus_plus(points: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of k starting centers: the first uniform, each next one drawn with probability
    proportional to its squared distance to the nearest center chosen so far (exact integers)."""
    n = points.shape[0]
    norms = np.einsum("ij,ij->i", points, points)  # int64, exact
    chosen = [int(rng.integers(n))]
    nearest = norms - 2 * _exact_dot(points, points[chosen[0]][None, :])[:, 0] + norms[chosen[0]]
    for _ in range(1, k):
        total = int(nearest.sum())
        if total == 0:
            raise ValueError("fewer distinct points than clusters")
        draw = int(rng.integers(total))
        index = int(np.searchsorted(np.cumsum(nearest), draw, side="right"))
        chosen.append(index)
        distance = norms - 2 * _exact_dot(points, points[index][None, :])[:, 0] + norms[index]
        np.minimum(nearest, distance, out=nearest)
    return np.array(chosen, dtype=np.int64)


def _assign(points: np.ndarray, sums: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest center of each point, centers given as integer sums over counts. The point nearest to
    sum/n maximizes (2 n (x . sum) - |sum|^2) / n^2; numerator exact, then one rounding each."""
    dots = _exact_dot(points, sums)
    numerators = 2 * counts[None, :] * dots - np.einsum("ij,ij->i", sums, sums)[None, :]
    scores = numerators.astype(np.float64) / (counts.astype(np.float64) ** 2)[None, :]
    labels = np.argmax(scores, axis=1)
    return labels, scores[np.arange(points.shape[0]), labels]


def _cluster_sums(points: np.ndarray, labels: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    counts = np.bincount(labels, minlength=k).astype(np.int64)
    sums = np.zeros((k, points.shape[1]), dtype=np.int64)
    np.add.at(sums, labels, points)
    return sums, counts


def kmeans(points: np.ndarray, k: int, seed: int, max_iterations: int = 300) -> tuple[np.ndarray, int, bool]:
    """Clusters int64 fixed-point unit vectors into k groups. Returns (labels, iterations, converged):
    it stops when no assignment changes, or after max_iterations. A cluster left empty takes the point
    farthest from its own center (lowest index on a tie)."""
    _check_bounds(points)
    rng = np.random.Generator(np.random.PCG64(seed))
    starts = kmeans_plus_plus(points, k, rng)
    sums = points[starts].copy()
    counts = np.ones(k, dtype=np.int64)
    norms = np.einsum("ij,ij->i", points, points)
    labels = None
    for iteration in range(1, max_iterations + 1):
        new_labels, best = _assign(points, sums, counts)
        if labels is not None and np.array_equal(new_labels, labels):
            return labels, iteration - 1, True
        labels = new_labels
        sums, counts = _cluster_sums(points, labels, k)
        for empty in np.flatnonzero(counts == 0):
            # best is 2 x.c - |c|^2 for the point's center c, so |x|^2 - best is its squared distance.
            farthest = int(np.argmax(norms.astype(np.float64) - best))
            labels[farthest] = empty
            best[farthest] = np.inf  # do not take the same point twice
            sums, counts = _cluster_sums(points, labels, k)
    return labels, max_iterations, False


def inertia(points: np.ndarray, labels: np.ndarray, k: int) -> float:
    """Sum of squared distances to the cluster means, in units of the unit vectors (for the log)."""
    sums, counts = _cluster_sums(points, labels, k)
    centers = sums[labels].astype(np.float64) / counts[labels][:, None]
    return float(((points - centers) ** 2).sum()) / SCALE**2
