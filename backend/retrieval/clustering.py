"""Grouping customers' questions into topics without being told how many (FAQ mining).

Average-linkage agglomerative clustering on cosine distance. The cut is not one global distance: how far
apart two wordings of one question sit depends on the business and on how its customers write (templated
retail requests sit close together, tweets far apart). So each history measures itself: the cut is
CUT_SCALE times the median distance from a question to its NEIGHBOUR_K-th (4th) nearest neighbour, i.e.
how close the questions of a small topic are in *this* data (fixed, not tied to `--min-count`: the scale
was fitted with it). Then the groups big enough to become drafts merge at a second level
(`merge_subtopics`): one topic asked in several wordings falls into several tight groups, and two such groups
are one topic when their questions are each other's nearest neighbours (a share of the kNN edges, so the
history's own density sets the scale) or when their agents answered alike (the centroids of their replies,
links removed): wording splits a topic, the answer does not. CUT_SCALE, SUBTOPIC_MERGE and REPLY_MERGE are
fitted leave-one-dataset-out (bench/bench_mining.py, bench/results/mining.json).

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


def merge_subtopics(vectors: np.ndarray, groups: list[list[int]], reply_centroids: list[np.ndarray | None], *,
                    link: float | None = None, replies: float | None = None, pages: list[str | None] | None = None,
                    seed: int = 0) -> list[int]:
    """For each group, the group it merges into (itself if none): sub-groups of one topic.

    Greedy agglomeration, strongest pair first, recomputed after each merge (average-style, so one loose pair
    does not chain two topics together). Two groups join when the kNN edges between their questions (each
    question's SUBTOPIC_K nearest, fewer in a smaller group) are at least `link` (SUBTOPIC_MERGE) of the edges
    inside and between them, or when the weighted centroids of
    their agents' replies are at least `replies` (REPLY_MERGE) alike, or when most of both groups' replies link
    the same page (`pages`: each group's, or None; an agent sends the article that answers the question, so a
    topic asked in two wordings gets the same link). At most SUBTOPIC_POOL questions take
    part (an even sample per group), so the cost stays bounded on large histories.
    """
    link = tuning.SUBTOPIC_MERGE if link is None else link
    replies = tuning.REPLY_MERGE if replies is None else replies
    n = len(groups)
    if n < 2:
        return list(range(n))
    rng = np.random.default_rng(seed)
    per = max(tuning.MIN_SUBTOPIC_SAMPLE, tuning.SUBTOPIC_POOL // n)
    picked_parts, owner_parts = [], []
    for index, group in enumerate(groups):
        members = np.asarray(group)
        if len(members) > per:
            members = rng.choice(members, size=per, replace=False)
        picked_parts.append(members)
        owner_parts.append(np.full(len(members), index))
    picked, owner = np.concatenate(picked_parts), np.concatenate(owner_parts)
    pool = np.ascontiguousarray(vectors[picked], dtype=np.float32)
    k = min(tuning.SUBTOPIC_K, len(picked) - 1)
    # A question looks at no more neighbours than its own group could hold (a group of 4 has 3 others):
    # more would send edges out of any small topic, however distinct.
    sampled = np.array([len(p) for p in picked_parts])
    reach = np.minimum(k, sampled[owner] - 1)
    edges = np.zeros((n, n))
    for start in range(0, len(picked), 1024):  # blocks keep the similarity matrix small
        rows = np.arange(start, min(start + 1024, len(picked)))
        similarity = pool[rows] @ pool.T
        similarity[np.arange(len(rows)), rows] = -np.inf  # not its own neighbour
        nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(similarity, nearest, axis=1), axis=1)
        nearest = np.take_along_axis(nearest, order, axis=1)
        kept = np.arange(k)[None, :] < reach[rows][:, None]
        sources = np.broadcast_to(owner[rows][:, None], nearest.shape)[kept]
        np.add.at(edges, (sources, owner[nearest][kept]), 1.0)
    edges = edges + edges.T
    inside = np.diag(edges).copy()
    np.fill_diagonal(edges, 0.0)
    known = np.array([c is not None for c in reply_centroids]) if replies <= 1 else np.zeros(n, dtype=bool)
    weight = np.array([len(g) for g in groups], dtype=float) * known
    dim = next((c.shape[0] for c in reply_centroids if c is not None), 1)
    reply_sum = np.stack([c * w if c is not None else np.zeros(dim) for c, w in zip(reply_centroids, weight,
                                                                                     strict=True)])
    alive = np.ones(n, dtype=bool)
    page = list(pages) if pages is not None else [None] * n
    page_ids = {p: i for i, p in enumerate(sorted({p for p in page if p}))}
    page_of = np.array([page_ids[p] if p else -1 for p in page])

    def scores(rows: np.ndarray) -> np.ndarray:
        """Each pair's strongest reason to merge, in units of its threshold (>= 1 merges)."""
        out = edges[rows] / (edges[rows] + inside[rows, None] + inside[None, :] + 1e-9) / link
        if known.any():
            unit = reply_sum / (np.linalg.norm(reply_sum, axis=1, keepdims=True) + 1e-12)
            alike = (unit[rows] @ unit.T) / replies
            alike[:, weight == 0] = 0.0
            alike[weight[rows] == 0] = 0.0
            out = np.maximum(out, alike)
        if page_ids:
            same_page = (page_of[rows][:, None] == page_of[None, :]) & (page_of[rows][:, None] >= 0)
            out = np.where(same_page, np.maximum(out, 1.0), out)
        out[:, ~alive] = -1.0
        out[~alive[rows]] = -1.0
        out[np.arange(len(rows)), rows] = -1.0
        return out

    matrix = scores(np.arange(n))
    parent = list(range(n))
    while True:
        a, b = (int(i) for i in np.unravel_index(int(np.argmax(matrix)), matrix.shape))
        if matrix[a, b] < 1.0:
            break
        inside[a] += inside[b] + edges[a, b]
        edges[a] += edges[b]
        edges[:, a] += edges[:, b]
        edges[a, a] = 0.0
        edges[b], edges[:, b] = 0.0, 0.0
        reply_sum[a] += reply_sum[b]
        if page_of[a] < 0:
            page_of[a] = page_of[b]
        weight[a] += weight[b]
        weight[b] = 0.0
        alive[b] = False
        parent[b] = a
        row = scores(np.array([a]))[0]
        matrix[a], matrix[:, a] = row, row
        matrix[b], matrix[:, b] = -1.0, -1.0

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    return [root(i) for i in range(n)]
