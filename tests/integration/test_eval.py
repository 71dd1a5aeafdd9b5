"""`tandem eval`: golden questions and a shadow replay of history, through the CLI, the API and Chromium."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CLI, SHIPPED_EMBEDDER, LiveServer, ProcessCLI, make_runtime

GOLDEN = [
    {"query": "how long until my refund shows up on my card after you get the return", "expected_article_id": "refund-timing"},
    {"query": "can I send a parcel to a PO box or an APO address", "expected_article_id": "po-boxes-and-military"},
    {"query": "the sofa arrived with a torn cushion and a broken leg", "expected_article_id": "damaged-in-transit"},
    {"query": "what is the capital of Mongolia", "expected_article_id": None},
    {"query": "do you sell used cars", "expected_article_id": ""},  # empty: the KB should not answer
    {"query": "how do I get my money back for a return", "expected_article_id": "exchanges"},  # a deliberate miss
]


def _write_golden(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_golden_questions_report_every_metric_and_list_the_misses(demo_cli: CLI, tmp_path: Path):
    report = demo_cli.json("eval", "questions", str(_write_golden(tmp_path / "golden.jsonl", GOLDEN)), "--json")
    assert report["kind"] == "questions" and report["items"] == 6
    # The same search agents get: each answerable line's rank is where `kb search` puts its article.
    ranks = []
    for row in GOLDEN:
        if row["expected_article_id"]:
            ids = [h["article_id"] for h in demo_cli.json("kb", "search", row["query"], "--json")]
            ranks.append(ids.index(row["expected_article_id"]) + 1 if row["expected_article_id"] in ids else None)
    assert report["recall_at_1"] == pytest.approx(sum(r == 1 for r in ranks) / 4, abs=1e-4)
    assert report["recall_at_5"] == pytest.approx(sum(r is not None for r in ranks) / 4, abs=1e-4)
    assert report["mrr"] == pytest.approx(sum(1 / r for r in ranks if r) / 4, abs=1e-4)
    assert report["oos_abstain"] == 1.0  # Mongolia and used cars: no answer from the KB
    assert report["false_abstain"] is not None and report["calibration_error"] is not None
    miss = next(c for c in report["worst"] if c["expected_article_id"] == "exchanges")  # a deliberate miss
    assert miss["line"] == 6 and miss["got"] != "exchanges"
    missed_lines = {c["line"] for c in report["worst"]}
    assert missed_lines >= {i for i, r in zip((1, 2, 3, 6), ranks, strict=True) if r != 1}
    assert report["agreement"] is None and report["citation"] is None and report["escalation"] is None
    assert {row["article_id"] for row in report["per_article"]} == {
        "refund-timing", "po-boxes-and-military", "damaged-in-transit", "exchanges"}

    text = demo_cli.run("eval", "questions", str(tmp_path / "golden.jsonl")).stdout
    assert f"R@1 {100 * report['recall_at_1']:.1f}%" in text and "line 6:" in text


def test_a_golden_csv_without_the_expected_column_is_refused(demo_cli: CLI, tmp_path: Path):
    path = tmp_path / "golden.csv"
    path.write_text("query\nwhen will my refund arrive\n")
    outcome = demo_cli.run("eval", "questions", str(path), check=False)
    assert outcome.returncode == 1 and "'expected_article_id' columns" in outcome.stderr


def test_golden_csv_and_an_unknown_article_are_read(demo_cli: CLI, tmp_path: Path):
    path = tmp_path / "golden.csv"
    path.write_text("query,expected_article_id,notes\nwhen will my refund arrive,refund-timing,x\n"
                    "do you sell used cars,,\nwhere is my order,no-such-article,\n")
    report = demo_cli.json("eval", "questions", str(path), "--json")
    assert report["items"] == 2 and any("no-such-article" in n and "line 4" in n for n in report["notes"])


@pytest.mark.parametrize(("content", "reason"), [
    ('{"query": "fine", "expected_article_id": "refund-timing"}\n{oops\n', "line 2: invalid JSON"),
    ('{"expected_article_id": "refund-timing"}\n', "line 1: 'query' must be a non-empty string"),
    ('{"query": "x", "expected_article_id": ["a"]}\n', "line 1: 'expected_article_id' must be a string or null"),
    ('["not an object"]\n', "line 1: expected an object"),
    ("", "empty file"), ("\n\n", "empty file"),
    ('{"query": "where is my order"}\n', "line 1: missing 'expected_article_id'"),
])
def test_bad_golden_files_name_the_line_and_the_reason(demo_cli: CLI, tmp_path: Path, content: str, reason: str):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    outcome = demo_cli.run("eval", "questions", str(path), check=False)
    assert outcome.returncode == 1 and reason in outcome.stderr and str(path) in outcome.stderr


def _history(path: Path) -> Path:
    """Three conversations: one answered with a link to the KB, one escalated, one the KB cannot answer."""
    conversations = [
        {"helpdesk": "zendesk", "ticket_id": "h1", "messages": [
            {"id": "1", "role": "customer", "text": "I sent my return back last week. When will the refund reach my card?"},
            {"id": "2", "role": "agent", "text": "Refunds reach your card 5 to 10 business days after the warehouse "
                                                 "receives the return: https://help.harborandpine.example/articles/refund-timing"}]},
        {"helpdesk": "zendesk", "ticket_id": "h2", "messages": [
            {"id": "1", "role": "customer", "text": "This is the THIRD time I'm writing. You charged me twice and I "
                                                    "will dispute it with my bank and cancel my account if you don't fix "
                                                    "it today. I want a manager."},
            {"id": "2", "role": "agent", "text": "I'm so sorry. I'm escalating this to my supervisor right now."},
            {"id": "3", "role": "note", "text": "Transferred to billing tier 2."}]},
        {"helpdesk": "zendesk", "ticket_id": "h3", "messages": [
            {"id": "1", "role": "customer", "text": "Can you recommend a good plumber in Leeds?"},
            {"id": "2", "role": "agent", "text": "Sorry, we can't recommend tradespeople, but a local directory is a "
                                                 "good place to start."}]},
    ]
    path.write_text("".join(json.dumps(c) + "\n" for c in conversations))
    return path


def test_history_replay_compares_with_what_agents_sent(demo_cli: CLI, tmp_path: Path):
    report = demo_cli.json("eval", "history", str(_history(tmp_path / "history.jsonl")), "--json",
                           "--out", str(tmp_path / "replay.html"))
    assert report["kind"] == "history" and report["items"] == 3
    assert report["citation"]["checked"] == 1  # one reply links a KB article
    if report["citation"]["matched"] == 0:  # and when Tandem did not cite it, the case is listed with why
        assert any(c["expected_article_id"] == "refund-timing" and "links" in c["reason"] for c in report["worst"]), report["worst"]
    assert report["recall_at_5"] == 1.0 and report["recall_at_1"] in (0.0, 1.0)
    assert report["escalation"]["actual"] == 1 and report["escalation"]["predicted"] >= 1
    assert report["escalation"]["recall"] == 1.0
    assert 0 < report["agreement"]["cosine"] <= 1 and 0 <= report["agreement"]["rouge_l"] <= 1
    assert report["false_abstain"] == 0.0  # the linked question was answered
    assert report["answered_rate"] < 1.0  # the plumber question got no KB answer
    assert report["per_article"] and all(row["items"] >= 1 and row["title"] for row in report["per_article"])
    # Nothing was stored by the replay: no conversations, suggestions or knowledge gaps.
    assert demo_cli.json("report", "--json")["totals"]["conversations"] == 0
    page = (tmp_path / "replay.html").read_text()
    assert page.startswith("<!doctype html>")
    # Answered and abstained are told apart by colour, in the bars and in the legend.
    chart = re.search(r'<figure data-chart="outcome">.*?</figure>', page, re.S).group(0)
    fills = {label: colour for colour, label in re.findall(r'fill="(#[0-9a-f]{6})"><title>(\w+):', chart)}
    assert set(fills) == {"answered", "abstained"} and fills["answered"] != fills["abstained"], chart
    legend = {label: colour for colour, label in re.findall(r'background:(#[0-9a-f]{6})"></i>(\w+)', chart)}
    assert legend == fills


def test_history_from_imported_conversations_and_the_operating_point(demo_cli: CLI, tmp_path: Path):
    rows = []
    questions = ["When will my refund reach my card?", "How long do refunds take to show up?",
                 "I returned a lamp, when do I get the money?", "refund still not on my statement, when?"]
    for i in range(24):
        rows.append({"helpdesk": "zendesk", "ticket_id": f"r{i}", "messages": [
            {"id": "1", "role": "customer", "text": questions[i % 4]},
            {"id": "2", "role": "agent", "text": "Refunds take 5 to 10 business days once the warehouse has the "
                                                 "return: https://help.harborandpine.example/articles/refund-timing"}]})
    for i in range(6):
        rows.append({"helpdesk": "zendesk", "ticket_id": f"o{i}", "messages": [
            {"id": "1", "role": "customer", "text": ["Do you have a job opening in Leeds?", "What's your CEO's name?",
                                                     "Can I park at your warehouse overnight?"][i % 3]},
            {"id": "2", "role": "agent", "text": "That is not something our support team can help with, sorry."}]})
    path = tmp_path / "imported.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    demo_cli.run("conversations", "import", str(path))
    before = demo_cli.json("kb", "calibrate", "--json")["operating_point"]
    report = demo_cli.json("eval", "history", "--imported", "--calibrate", "--json")
    proposal = report["operating_point"]
    assert report["items"] == 30 and proposal["answerable"] >= 20 and proposal["not_answerable"] >= 5
    assert proposal["current"] == before and proposal["proposed"] is not None and not proposal["applied"]
    assert proposal["false_abstain"]["proposed"] <= 0.10
    assert demo_cli.json("kb", "calibrate", "--json")["operating_point"] == before  # not applied without --apply

    applied = demo_cli.json("eval", "history", "--imported", "--calibrate", "--apply", "--json")
    assert applied["operating_point"]["applied"]
    stored = demo_cli.json("kb", "calibrate", "--json")
    assert stored["operating_point"] == proposal["proposed"] and stored["operating_point_source"] == "history"

    too_few = demo_cli.run("eval", "history", "--imported", "--limit", "3", "--calibrate", "--apply", check=False)
    assert too_few.returncode == 1 and "too few labelled replies" in too_few.stderr


def test_history_arguments_are_checked(demo_cli: CLI, tmp_path: Path):
    assert "FILES or --imported" in demo_cli.run("eval", "history", check=False).stderr
    assert "--apply needs --calibrate" in demo_cli.run("eval", "history", "--imported", "--apply", check=False).stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"messages": [{"role": "customer", "text": "hi"}]}\n{nope\n')
    outcome = demo_cli.run("eval", "history", str(broken), check=False)
    assert outcome.returncode == 1 and "line 2" in outcome.stderr


@pytest.mark.subprocess
def test_ctrl_c_stops_cleanly_with_what_was_measured(shipped_demo_cli: CLI, tmp_path: Path):
    # The shipped embedder (~8 ms a question) keeps 20,000 questions busy for minutes; WordLlama finished
    # them before the signal on a fast machine.
    rows = [{"query": f"when will my refund number {i} arrive", "expected_article_id": "refund-timing"}
            for i in range(20_000)]
    cli = ProcessCLI(shipped_demo_cli.data_dir, embedder=SHIPPED_EMBEDDER)
    process = cli.popen("eval", "questions", str(_write_golden(tmp_path / "big.jsonl", rows)), "--json")
    import signal
    import time

    time.sleep(6)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    report = json.loads(out)
    assert report["interrupted"] and 0 < report["items"] < 20_000 and report["recall_at_1"] is not None
    assert "stopped by Ctrl-C" in err


def test_eval_questions_through_the_api_and_the_remote_cli(demo_data: Path, tmp_path: Path):
    from backend.app import create_app
    from backend.services import evaluation

    cli = CLI(demo_data)
    curator = cli.run("users", "add", "kim", "--role", "knowledge_manager").stdout.strip()
    agent = cli.run("users", "add", "ana", "--role", "agent").stdout.strip()
    rt = make_runtime(demo_data)
    with LiveServer(create_app(runtime=rt)) as server:
        import httpx

        body = {"questions": GOLDEN[:4]}
        ok = httpx.post(f"{server.base}/v1/eval/questions", json=body, headers={"Authorization": f"Bearer {curator}"})
        assert ok.status_code == 200 and ok.json()["items"] == 4 and ok.json()["kind"] == "questions"
        assert httpx.post(f"{server.base}/v1/eval/questions", json=body,
                          headers={"Authorization": f"Bearer {agent}"}).status_code == 403
        unknown = httpx.post(f"{server.base}/v1/eval/questions", json={"questions": [], "extra": 1},
                             headers={"Authorization": f"Bearer {curator}"})
        assert unknown.status_code == 400 and "extra" in unknown.text
        blank = httpx.post(f"{server.base}/v1/eval/questions", headers={"Authorization": f"Bearer {curator}"},
                           json={"questions": [{"query": "   ", "expected_article_id": None}]})
        assert blank.status_code == 400 and "non-empty" in blank.text
        # The work is bounded, not only the count: 300 questions of 1,900 characters took 26.5 s.
        at_limit = {"questions": [{"query": "refund?", "expected_article_id": None}] * 90}  # 96.3 units
        assert httpx.post(f"{server.base}/v1/eval/questions", json=at_limit, timeout=60,
                          headers={"Authorization": f"Bearer {curator}"}).status_code == 200
        for questions in ([{"query": "refund?", "expected_article_id": None}] * (evaluation.MAX_API_WORK + 1),
                          [{"query": "r" * 1900, "expected_article_id": None}] * 6):
            too_big = httpx.post(f"{server.base}/v1/eval/questions", json={"questions": questions, "k": 20},
                                 headers={"Authorization": f"Bearer {curator}"})
            assert too_big.status_code == 413 and "units of work" in too_big.text, too_big.text

        # The CLI takes any number against a server: one search there per question, scored here.
        many = GOLDEN * 30
        remote = cli.json("eval", "questions", str(_write_golden(tmp_path / "g.jsonl", many)), "--json",
                          "--server", server.base, "--token", curator)
    rt.close()
    local = cli.json("eval", "questions", str(tmp_path / "g.jsonl"), "--json")
    assert remote["items"] == len(many)
    for key in ("items", "recall_at_1", "recall_at_5", "mrr", "oos_abstain", "false_abstain", "kb_version",
                "embedder", "engine", "per_article", "calibration_error"):
        assert remote[key] == local[key], key


@pytest.mark.slow
@pytest.mark.subprocess
def test_the_html_report_opens_offline_in_chromium(demo_cli: CLI, tmp_path: Path):
    out = tmp_path / "eval.html"
    demo_cli.run("eval", "history", str(_history(tmp_path / "h.jsonl")), "--out", str(out))
    script = tmp_path / "open.mjs"
    script.write_text(f"""
import {{ createRequire }} from 'node:module';
const {{ chromium }} = createRequire('{Path(__file__).resolve().parent.parent / "extension" / "package.json"}')('playwright-core');
const browser = await chromium.launch({{ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox'] }});
const page = await browser.newPage();
const requests = [];
page.on('request', r => {{ if (!r.url().startsWith('file:')) requests.push(r.url()); }});
await page.goto('file://{out}');
const result = {{
  title: await page.title(),
  cards: await page.locator('[data-section="summary"] .card').count(),
  tables: await page.locator('table').count(),
  svg: await page.locator('svg').count(),
  scripts: await page.locator('script').count(),
  requests,
}};
console.log(JSON.stringify(result));
await browser.close();
""")
    extension_tests = Path(__file__).resolve().parent.parent / "extension"
    run = subprocess.run(["node", str(script)], cwd=extension_tests, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    page = json.loads(run.stdout.strip().splitlines()[-1])
    assert page["title"].startswith("Tandem evaluation") and page["cards"] >= 6 and page["tables"] >= 1
    assert page["svg"] >= 1 and page["scripts"] == 0 and page["requests"] == []
