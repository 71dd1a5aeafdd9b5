import threading
import time

import numpy as np
import pytest

from backend.retrieval.embed import QueryBatcher


class SlowEmbedder:
    name, dim = "slow", 2

    def __init__(self):
        self.batches = []

    def embed(self, texts):
        self.batches.append(list(texts))
        time.sleep(0.05)
        if "boom" in texts:
            raise RuntimeError("model failed")
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_concurrent_queries_are_batched_and_each_gets_its_own_vector():
    inner = SlowEmbedder()
    batcher = QueryBatcher(inner)
    results = {}

    def run(text):
        results[text] = batcher.embed_one(text)

    threads = [threading.Thread(target=run, args=("x" * n,)) for n in range(1, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {k: v[0] for k, v in results.items()} == {"x" * n: n for n in range(1, 9)}
    assert len(inner.batches) < 8  # some calls shared a forward pass
    assert sum(len(b) for b in inner.batches) == 8


def test_single_query_is_not_delayed_and_errors_reach_the_caller():
    inner = SlowEmbedder()
    batcher = QueryBatcher(inner)
    assert batcher.embed_one("abc")[0] == 3 and inner.batches == [["abc"]]
    with pytest.raises(RuntimeError, match="model failed"):
        batcher.embed_one("boom")
    assert batcher.embed_one("ok")[0] == 2  # the leader role was released after the failure
