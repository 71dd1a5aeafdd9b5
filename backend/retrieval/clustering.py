"""Grouping customers' questions into topics without being told how many (FAQ mining).

Average-linkage agglomerative clustering on cosine distance. The cut is not one global distance: how far
apart two wordings of one question sit depends on the business and on how its customers write (templated
retail requests sit close together, tweets far apart). So each history measures itself: the cut is
CUT_SCALE times the median distance from a question to its NEIGHBOUR_K-th (4th) nearest neighbour, i.e.
how close the questions of a small topic are in *this* data (fixed, not tied to `--min-count`: the scale
was fitted with it). Then topics whose agents
answered alike (the centroids of their replies, links removed) are one topic and merge: wording splits a
topic, the answer does not. CUT_SCALE and REPLY_MERGE are fitted leave-one-dataset-out
(bench/bench_mining.py, bench/results/mining.json).

Above DENSE_LIMIT questions, identical questions are clustered once; if more than DENSE_LIMIT distinct ones
remain, a faiss k-means pass (weighted by how often each was asked) compresses them to micro-clusters first
and the same linkage runs on their centroids (memory stays linear).
"""

from __future__ import annotations

import numpy as np

from backend import tuning


def neighbour_distance(vectors: np.ndarray, k: int, *, sample: int = 2000, seed: int = 0) -> float:
    """Median cosine distance from a question to its k-th nearest other question (on a sample of them)."""
    n = len(vectors)
    if n <= k:
        return 1.0
    rng = np.random.default_rng(seed)
    picked = rng.choice(n, size=min(sample, n), replace=False)
    distances = []
    for start in range(0, len(picked), 512):  # blocks keep the similarity matrix small at 100k questions
        block = picked[start:start + 512]
        similarity = vectors[block] @ vectors.T
        similarity[np.arange(len(block)), block] = -np.inf  # not its own neighbour
        kth = -np.partition(-similarity, k - 1, axis=1)[:, k - 1]
        distances.append(1.0 - kth)
    return float(np.median(np.concatenate(distances)))


def cut_distance(vectors: np.ndarray) -> float:
    """The clustering cut fitted to these questions (see the module docstring)."""
    scale = neighbour_distance(vectors, tuning.NEIGHBOUR_K)
    return float(np.clip(tuning.CUT_SCALE * scale, tuning.CUT_MIN, tuning.CUT_MAX))


def cluster(vectors: np.ndarray, threshold: float, *, dense_limit: int = tuning.DENSE_LIMIT,
            seed: int = 0) -> np.ndarray:
    """Cluster labels for normalized vectors cut at `threshold` (cosine distance, average linkage)."""
    n = len(vectors)
    if n < 2:
        return np.zeros(n, dtype=int)
    if n <= dense_limit:
        return _average_linkage(vectors, threshold)
    # Customers ask the same thing in the same words again and again (100,000 stored questions held 17,596
    # distinct texts): identical texts have identical vectors, so k-means runs on each distinct vector once,
    # weighted by how often it was asked, and every copy takes its original's label.
    distinct, inverse, counts = _distinct_rows(vectors)
    if len(distinct) <= dense_limit:
        return _average_linkage(distinct, threshold)[inverse]
    import faiss

    k = min(len(distinct) // 10, dense_limit)
    kmeans = faiss.Kmeans(vectors.shape[1], k, niter=12, seed=seed, spherical=True, verbose=False)
    kmeans.train(distinct, weights=counts.astype(np.float32))
    _, assignment = kmeans.index.search(distinct, 1)
    assignment = assignment[:, 0]
    used = np.unique(assignment)
    assert kmeans.centroids is not None
    centroids = kmeans.centroids[used]
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True) + 1e-12
    top = _average_linkage(centroids, threshold)
    relabel = np.full(k, -1, dtype=int)
    relabel[used] = top
    return relabel[assignment][inverse]


def _distinct_rows(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct rows (float32, contiguous), each row's index among them, and how often each occurs."""
    rows = np.ascontiguousarray(vectors, dtype=np.float32)
    keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
    _, first, inverse, counts = np.unique(keys, return_index=True, return_inverse=True, return_counts=True)
    return rows[first], inverse.ravel(), counts


def _average_linkage(vectors: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage clusters on cosine distance, cut at `threshold` (scipy: lighter to import than sklearn)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=int)
    tree = linkage(np.asarray(vectors, dtype=np.float64), method="average", metric="cosine")
    return fcluster(tree, t=threshold, criterion="distance") - 1


def merge_by_replies(reply_centroids: list[np.ndarray | None], threshold: float | None = None) -> list[int]:
    """For each group, the group it merges into (itself if none): groups whose agents answered alike."""
    threshold = tuning.REPLY_MERGE if threshold is None else threshold
    parent = list(range(len(reply_centroids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    known = [i for i, c in enumerate(reply_centroids) if c is not None]
    if len(known) > 1:
        matrix = np.stack([reply_centroids[i] for i in known])  # type: ignore[misc]
        similarity = matrix @ matrix.T
        for a in range(len(known)):
            for b in np.nonzero(similarity[a, a + 1:] >= threshold)[0]:
                parent[root(known[a])] = root(known[a + 1 + int(b)])
    return [root(i) for i in range(len(reply_centroids))]
