"""Grounding calibrated to each KB: a business nobody tuned for grounds its customers' plain-word questions,
the calibration follows the KB, and `tandem kb calibrate` shows, recomputes and adjusts it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backend.services import kb as kb_service
from tests.conftest import CLI, FIXTURES, make_runtime

OFF_TOPIC = ["how do I reset my router password", "can I change the name on my flight ticket",
             "why was my card declined at the ATM", "what time does the pharmacy open on sundays",
             "how do I export my invoices to a spreadsheet"]


def _queries() -> tuple[list[dict], list[dict]]:
    rows = [json.loads(line) for line in (FIXTURES / "kb_heldout_bonsai_queries.jsonl").read_text().splitlines()]
    return [r for r in rows if r["expected_article_id"]], [r for r in rows if not r["expected_article_id"]]


# Most false abstention allowed, with a margin that holds on every CPU: this help centre's confidences sit
# near the operating point, so small differences in the vectors flip a few of its 42 questions. Measured
# with the default (full precision, the same on every kernel) 0.12, with the int8 variants' vectors
# 0.12-0.19 (bench/results/quantization.json, which carries the number itself); the tiny WordLlama embedder
# only better than the previous release's 0.57 (measured 0.33: its shipped operating point leans towards
# abstaining on this KB).
MAX_FALSE_ABSTENTION = {"minilm": 0.25, "wordllama": 0.45}


@pytest.mark.parametrize("embedder", ["minilm", "wordllama"])
def test_a_jargon_heavy_kb_nobody_tuned_for_grounds_its_customers_plain_questions(tmp_path: Path, embedder: str):
    # A bonsai nursery's help centre full of trade words (nebari, akadama, yamadori), asked in plain words.
    # Written for this test and never used to fit a weight or threshold. The previous release's global cosine
    # threshold abstained on 43% (MiniLM) / 57% (WordLlama) of these answerable questions.
    rt = make_runtime(tmp_path / "rt", embedder)
    try:
        kb_service.import_paths(rt, [FIXTURES / "kb_heldout_bonsai"])
        calibration = rt.retriever.calibration
        assert calibration.scale is not None and calibration.scale.n_pseudo >= 14
        assert calibration.kb_version == kb_service.stats(rt).kb_version

        answerable, unanswerable = _queries()
        results = [(q, kb_service.search(rt, q["query"], k=5)) for q in answerable]
        abstained = sum(not hits[0].grounded for _, hits in results) / len(results)
        in_top5 = sum(q["expected_article_id"] in [h.article_id for h in hits] for q, hits in results) / len(results)
        assert abstained <= MAX_FALSE_ABSTENTION[embedder], f"false abstention {abstained:.2f}"
        assert in_top5 >= 0.9
        for _, hits in results:
            assert all(0.0 <= h.confidence <= 1.0 for h in hits)
            assert hits[0].grounded == (hits[0].confidence >= calibration.operating_point)

        off_topic = [kb_service.search(rt, q, k=5) for q in OFF_TOPIC]
        assert sum(not hits[0].grounded for hits in off_topic) >= 3
        # Questions about the same shop that no article answers are the hard case: they share its vocabulary.
        # Not asserted as a target; the answerable ones must still score higher on average.
        unanswered = [kb_service.search(rt, q["query"], k=5)[0].confidence for q in unanswerable]
        answered = [hits[0].confidence for _, hits in results]
        assert sum(answered) / len(answered) > 2 * sum(unanswered) / len(unanswered)
    finally:
        rt.close()


def test_calibration_follows_the_kb_and_the_cli_shows_recomputes_and_adjusts_it(cli: CLI, demo_kb: Path):
    cli.run("kb", "import", str(FIXTURES / "kb_heldout_bonsai"))
    first = cli.json("kb", "calibrate", "--json")
    assert first["scale"]["n_pseudo"] > 0 and first["operating_point_source"] == "default"
    assert first["kb_version"] == cli.json("kb", "stats", "--json")["kb_version"]

    cli.run("kb", "import", str(demo_kb))  # the KB changes: the calibration is measured again
    second = cli.json("kb", "calibrate", "--json")
    assert second["kb_version"] == cli.json("kb", "stats", "--json")["kb_version"] > first["kb_version"]
    assert second["scale"]["n_pseudo"] > first["scale"]["n_pseudo"]

    text = cli.run("kb", "calibrate").stdout
    assert "questions the KB answers score" in text and "grounded at confidence" in text

    manual = cli.json("kb", "calibrate", "--operating-point", "0.3", "--json")
    assert manual["operating_point"] == 0.3 and manual["operating_point_source"] == "manual"
    again = cli.json("kb", "calibrate", "--recompute", "--json")  # the team's choice survives a recalibration
    assert again["operating_point"] == 0.3 and again["computed_at"] >= second["computed_at"]
    hits = cli.json("kb", "search", "how often should I water my tree", "--json")
    assert all(h["grounded"] == (h["confidence"] >= 0.3) for h in hits)

    reset = cli.json("kb", "calibrate", "--reset", "--json")
    assert reset["operating_point_source"] == "default" and reset["operating_point"] == first["operating_point"]

    bad = cli.run("kb", "calibrate", "--operating-point", "1.5", check=False)
    assert bad.returncode == 2 and "1.5" in bad.stderr
    both = cli.run("kb", "calibrate", "--operating-point", "0.2", "--reset", check=False)
    assert both.returncode == 2 and "cannot be combined" in both.stderr


def test_a_tiny_kb_keeps_the_neutral_scale_and_still_answers(cli: CLI, tmp_path: Path):
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "returns.md").write_text("---\nid: returns\ntitle: Returns\n---\nYou can return unworn shoes "
                                       "within 30 days for a full refund. Print the prepaid label from your account.\n")
    cli.run("kb", "import", str(folder))
    calibration = cli.json("kb", "calibrate", "--json")
    assert calibration["scale"] is None and "neutral" in calibration["method"]
    hits = cli.json("kb", "search", "can I send back shoes I haven't worn for a refund", "--json")
    assert hits[0]["article_id"] == "returns" and hits[0]["grounded"]
    off = cli.json("kb", "search", "what is the wifi password on the train", "--json")
    assert not off[0]["grounded"]


def test_an_edit_recalibrates_without_embedding_the_whole_kb_again(tmp_path: Path, demo_kb: Path):
    """Editing one article measures the KB again; the titles and headings of the others are not re-embedded
    (that made one article's API upsert cost a third of a second on the demo KB)."""
    from backend.models import ArticleIn

    rt = make_runtime(tmp_path / "data", embedder="wordllama")
    try:
        kb_service.import_paths(rt, [demo_kb])
        before = rt.retriever.calibration
        embedded: list[str] = []
        embed = rt.retriever.embedder.embed

        def counting(texts: list[str]):
            embedded.extend(texts)
            return embed(texts)

        rt.retriever.embedder.embed = counting  # type: ignore[method-assign]
        kb_service.upsert_articles(rt, [ArticleIn(external_id="zebra-crossings", title="Zebra crossing permits",
                                                  body="Permits for zebra crossings take ten days.")], source="x")
        after = rt.retriever.calibration
        assert after.kb_version != before.kb_version and after.scale is not None
        assert after.scale.n_pseudo >= before.scale.n_pseudo  # type: ignore[union-attr]
        # The new article's chunk and (when it is among the sampled questions) its title: nothing else.
        assert len(embedded) <= 2 and all("ebra" in text for text in embedded), embedded
    finally:
        rt.close()
