"""The traced fast path for queries must give what sentence-transformers' encode gives."""

import numpy as np

from backend.retrieval.embed import _TracedEncoder, get_embedder

QUERIES = ["where is my parcel", "I was charged twice for one order, can you refund the second charge?", "ok"]


def test_queries_take_the_traced_path_and_match_encode():
    embedder = get_embedder("minilm-int8")
    assert embedder._fast is not None
    for query in QUERIES:
        fast = embedder.embed([query])
        assert float(fast[0] @ embedder._encode([query])[0]) > 0.9999
    batch = embedder.embed(QUERIES)  # padded batch, still the traced path
    assert np.min((batch * embedder._encode(QUERIES)).sum(1)) > 0.9999
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)


def test_a_trace_that_disagrees_with_encode_is_not_used():
    model = get_embedder("minilm-int8")._model
    rng = np.random.default_rng(0)

    def wrong_reference(texts):
        out = rng.normal(size=(len(texts), 384)).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    assert _TracedEncoder.build(model, wrong_reference) is None
