"""Two hosts behind a balancer, for real: two `tandem serve` processes on different ports, each with its own
data dir, sharing one PostgreSQL database. A CLI import reaches both; writes through both lose nothing; a
server killed with SIGKILL mid-write leaves the database consistent and the other one serving."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, TANDEM, TEST_EMBEDDER, ProcessCLI, free_port, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.subprocess]


class Host:
    """One `tandem serve` on loopback with its own data dir (the index files there are only a cache)."""

    def __init__(self, data_dir: Path, env: dict[str, str], workers: int = 1) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = (data_dir.parent / f"serve-{self.port}.log").open("w")
        self.proc = subprocess.Popen([TANDEM, "serve", "--port", str(self.port), "--workers", str(workers)],
                                     env={**os.environ, **env, "TANDEM_DATA_DIR": str(data_dir)},
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def ready(self, timeout: float = 120) -> Host:
        def up() -> bool:
            assert self.proc.poll() is None, Path(self.log.name).read_text()
            try:
                return httpx.get(f"{self.base}/healthz", timeout=2).status_code == 200
            except httpx.TransportError:
                return False

        wait_for(up, timeout=timeout, interval=0.1)
        return self

    def health(self) -> dict:
        return httpx.get(f"{self.base}/healthz", timeout=10).json()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self.log.close()


@pytest.fixture
def cluster(postgres_url, tmp_path) -> Iterator[tuple[Host, Host, ProcessCLI, dict]]:
    """The demo KB in PostgreSQL, a knowledge manager's token, and two hosts (the first with two workers)."""
    env = {"TANDEM_DATABASE_URL": postgres_url, "TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive",
           "TANDEM_ASSIST_RATE_PER_MIN": "0"}
    cli = ProcessCLI(tmp_path / "cli", env=env)
    cli.run("kb", "import", str(ROOT / "kb"), "--source", "demo")
    token = cli.run("users", "add", "kim", "--role", "knowledge_manager").stdout.strip()
    agent = cli.run("users", "add", "ana", "--role", "agent").stdout.strip()
    one, two = Host(tmp_path / "host-a", env, workers=2), Host(tmp_path / "host-b", env)
    try:
        one.ready()
        two.ready()
        yield one, two, cli, {"km": {"Authorization": f"Bearer {token}"}, "agent": {"Authorization": f"Bearer {agent}"}}
    finally:
        one.stop()
        two.stop()


def cited(host: Host, headers: dict, question: str, article_id: str) -> bool:
    body = {"helpdesk": "zendesk", "ticket_id": f"q-{time.monotonic_ns()}",
            "messages": [{"id": "m1", "role": "customer", "text": question}]}
    r = httpx.post(f"{host.base}/v1/assist", json=body, headers=headers, timeout=30)
    assert r.status_code == 200, r.text
    return any(c["article_id"] == article_id for s in r.json()["suggestions"] for c in s.get("citations", []))


def test_a_cli_import_is_cited_by_both_hosts(cluster, tmp_path):
    one, two, cli, headers = cluster
    question = "How long is the warranty on the Zorblax 3000 espresso machine?"
    assert not cited(one, headers["agent"], question, "zorblax-warranty")
    article = tmp_path / "zorblax.md"
    article.write_text("---\nid: zorblax-warranty\ntitle: Zorblax 3000 espresso machine warranty\n---\n"
                       "The Zorblax 3000 espresso machine has a warranty of seven years from the date of delivery. "
                       "Register the Zorblax 3000 espresso machine to claim the warranty.\n")
    cli.run("kb", "import", str(article), "--source", "demo")
    started = time.monotonic()
    for host in (one, two):
        wait_for(lambda host=host: cited(host, headers["agent"], question, "zorblax-warranty"), timeout=15,
                 interval=0.1)
    assert time.monotonic() - started < 15
    for host in (one, two):  # every worker of every host: the balancer may send the next request anywhere
        for _ in range(4):
            assert cited(host, headers["agent"], question, "zorblax-warranty")
    # A removal through one host disappears from the other.
    r = httpx.delete(f"{two.base}/v1/kb/articles/zorblax-warranty", params={"source": "demo"}, headers=headers["km"],
                     timeout=30)
    assert r.status_code == 204
    wait_for(lambda: not cited(one, headers["agent"], question, "zorblax-warranty"), timeout=15, interval=0.1)


def test_concurrent_writes_through_both_hosts_lose_nothing(cluster):
    one, two, cli, headers = cluster

    def write(i: int) -> int:
        host = (one, two)[i % 2]
        r = httpx.post(f"{host.base}/v1/kb/articles", headers=headers["km"], timeout=60, json={
            "source": "both", "articles": [{"external_id": f"both-{i}", "title": f"Shared article {i}",
                                            "body": f"The pelican-{i} rule applies to shared article {i}."}]})
        return r.status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(write, range(40)))
    assert statuses == [200] * 40
    listed = cli.json("kb", "list", "--json")
    assert sorted(a["article_id"] for a in listed if a["source"] == "both") == sorted(f"both-{i}" for i in range(40))
    for host in (one, two):
        health = wait_for(lambda host=host: (h := host.health())["stale"] is False and h)
        assert health["index_vectors"] == health["chunks"] and health["index_kb_version"] == health["kb_version"]
        for i in (0, 17, 39):
            hits = httpx.get(f"{host.base}/v1/kb/search", params={"q": f"pelican-{i} rule", "k": 3},
                             headers=headers["km"], timeout=30).json()
            assert f"both-{i}" in [h["article_id"] for h in hits]
    check = json.loads(cli.run("db", "check", "--json").stdout)
    assert check["ok"], check["problems"]


def test_a_host_killed_mid_write_leaves_the_store_consistent(cluster):
    one, two, cli, headers = cluster
    stop = threading.Event()
    outcomes: list[int | str] = []

    def write_to_two() -> None:
        i = 0
        while not stop.is_set():
            articles = [{"external_id": f"kill-{i}-{j}", "title": f"Kill article {i}.{j}",
                         "body": f"Article {i}.{j} about the ibis-{i}-{j} policy. " * 20} for j in range(10)]
            try:
                outcomes.append(httpx.post(f"{two.base}/v1/kb/articles", headers=headers["km"], timeout=60,
                                           json={"source": "kill", "articles": articles}).status_code)
            except httpx.TransportError as exc:
                outcomes.append(type(exc).__name__)
                return
            i += 1

    writer = threading.Thread(target=write_to_two)
    writer.start()
    wait_for(lambda: len(outcomes) >= 3, timeout=60)
    os.killpg(two.proc.pid, signal.SIGKILL)  # no shutdown, no rollback from the process: the server cleans up
    stop.set()
    writer.join(timeout=60)
    assert two.proc.wait(timeout=10) == -signal.SIGKILL
    assert 200 in outcomes
    # Every committed write is whole: each article has all its chunks and their vectors, nothing half-written.
    check = json.loads(cli.run("db", "check", "--json").stdout)
    assert check["ok"], check["problems"]
    counts = check["counts"]
    assert counts["chunk_vectors"] == counts["chunks"]
    kill_articles = [a for a in cli.json("kb", "list", "--json") if a["source"] == "kill"]
    assert len(kill_articles) % 10 == 0 and kill_articles  # whole requests only (one transaction each)
    # The other host still serves, and follows what was committed before the kill.
    health = wait_for(lambda: (h := one.health())["stale"] is False and h)
    assert health["index_vectors"] == health["chunks"] == counts["chunks"]
    cited(one, headers["agent"], "When will I get my refund after returning a lamp?", "refund-timing")  # a 200
    last = kill_articles[-1]["article_id"]
    hits = httpx.get(f"{one.base}/v1/kb/search", params={"q": f"ibis-{last.split('-', 1)[1]} policy", "k": 3},
                     headers=headers["km"], timeout=30).json()
    assert last in [h["article_id"] for h in hits]
