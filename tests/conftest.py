"""Shared fixtures: temp data dirs, the CLI in-process (click's CliRunner) and through its entry point,
runtimes, and stores built once per session and copied for each test."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# Most tests run the tiny WordLlama embedder (imports in milliseconds); the `shipped_demo_*` fixtures run
# the product's default (ONNX MiniLM) for what `make demo` shows. TANDEM_TEST_EMBEDDER overrides.
TEST_EMBEDDER = os.environ.get("TANDEM_TEST_EMBEDDER", "wordllama")
SHIPPED_EMBEDDER = "minilm"
TANDEM = shutil.which("tandem", path=str(Path(sys.executable).parent)) or "tandem"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.pop("ANTHROPIC_API_KEY", None)  # the offline engine unless a test asks for another


@dataclass
class Outcome:
    """What a CLI call printed and how it ended (the same shape in-process and as a subprocess)."""

    stdout: str
    stderr: str
    returncode: int


class CLI:
    """Runs `tandem` in this process with click's CliRunner against one data dir (the runtime is closed
    after every command, as in a real invocation)."""

    def __init__(self, data_dir: Path, embedder: str = TEST_EMBEDDER, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.env = {"TANDEM_DATA_DIR": str(data_dir), "TANDEM_EMBEDDER": embedder, "TANDEM_LLM": "extractive",
                    **(env or {})}

    def run(self, *args: str, check: bool = True, input: str | None = None) -> Outcome:
        from click.testing import CliRunner

        from cli.main import cli

        result = CliRunner().invoke(cli, list(args), input=input, env=self.env, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        outcome = Outcome(result.stdout, result.stderr, result.exit_code)
        if check and outcome.returncode != 0:
            raise AssertionError(f"tandem {' '.join(args)} failed ({outcome.returncode}):\n{outcome.stdout}\n{outcome.stderr}")
        return outcome

    def json(self, *args: str) -> object:
        return json.loads(self.run(*args).stdout)


class ProcessCLI(CLI):
    """The installed `tandem` console script in a real subprocess (entry point, signals, serve)."""

    def run(self, *args: str, check: bool = True, input: str | None = None) -> Outcome:
        result = subprocess.run([TANDEM, *args], env={**os.environ, **self.env}, capture_output=True, text=True,
                                input=input, timeout=300)
        if check and result.returncode != 0:
            raise AssertionError(f"tandem {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return Outcome(result.stdout, result.stderr, result.returncode)

    def popen(self, *args: str) -> subprocess.Popen:
        # Ctrl-C must reach the child as it would from a terminal even when the suite was started in the
        # background: a non-interactive shell's `&` ignores SIGINT, an ignored signal survives exec, and Python
        # then installs no KeyboardInterrupt handler. A handled signal is reset to the default by exec.
        ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
        if ignored:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            return subprocess.Popen([TANDEM, *args], env={**os.environ, **self.env}, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
        finally:
            if ignored:
                signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.fixture
def cli(tmp_path: Path) -> CLI:
    """The CLI in-process on a fresh data dir."""
    return CLI(tmp_path / "data")


@pytest.fixture
def process_cli(tmp_path: Path) -> ProcessCLI:
    """The CLI as a subprocess through its entry point, on a fresh data dir."""
    return ProcessCLI(tmp_path / "data")


def make_runtime(data_dir: Path, embedder: str = TEST_EMBEDDER, **env: str):
    from backend.services.runtime import Runtime
    from backend.settings import load_settings

    return Runtime(load_settings(data_dir, env={"TANDEM_EMBEDDER": embedder, "TANDEM_LLM": "extractive", **env}))


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator:
    """A Runtime on a fresh data dir."""
    rt = make_runtime(tmp_path / "rt")
    yield rt
    rt.close()


@pytest.fixture
def demo_kb() -> Path:
    return ROOT / "kb"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the demo KB imported (the test embedder), built once; copy it with `copy_store`."""
    data = tmp_path_factory.mktemp("demo-store") / "data"
    CLI(data).run("kb", "import", str(ROOT / "kb"), "--source", "demo")
    return data


@pytest.fixture(scope="session")
def shipped_demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo KB imported with the product's default embedder, built once (what `make demo` serves)."""
    data = tmp_path_factory.mktemp("shipped-demo-store") / "data"
    CLI(data, embedder=SHIPPED_EMBEDDER).run("kb", "import", str(ROOT / "kb"), "--source", "demo")
    return data


@pytest.fixture
def shipped_demo_cli(shipped_demo_store: Path, tmp_path: Path) -> CLI:
    """The CLI, with the product's default embedder, on a private copy of the shipped demo store."""
    return CLI(copy_store(shipped_demo_store, tmp_path / "shipped"), embedder=SHIPPED_EMBEDDER)


def copy_store(source: Path, target: Path) -> Path:
    """A private copy of a prepared data dir (the SQLite file, its WAL and the published index)."""
    shutil.copytree(source, target)
    return target


@pytest.fixture
def demo_data(demo_store: Path, tmp_path: Path) -> Path:
    """A private data dir holding the demo KB."""
    return copy_store(demo_store, tmp_path / "data")


@pytest.fixture
def demo_cli(demo_data: Path) -> CLI:
    """The CLI on a data dir that already holds the demo KB."""
    return CLI(demo_data)


@pytest.fixture
def demo_runtime(demo_data: Path) -> Iterator:
    """A Runtime on a data dir that already holds the demo KB."""
    rt = make_runtime(demo_data)
    yield rt
    rt.close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The real app on uvicorn in a background thread, on a loopback port (one process, real HTTP); `options`
    are uvicorn's (`tandem serve` passes backend.api.server.uvicorn_options)."""

    def __init__(self, app, **options) -> None:
        import threading

        import uvicorn

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error",
                                                     **options))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        import httpx

        self._thread.start()
        for _ in range(600):
            try:
                if httpx.get(f"{self.base}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError("live server did not start")

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=20)


def wait_for(condition, timeout: float = 10.0, interval: float = 0.05):
    """Poll `condition()` until it returns a truthy value (returned) or the timeout passes (AssertionError)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)


# ---- PostgreSQL: Debian's server, started once per session on a temp dir; a fresh database per test ----

class PostgresServer:
    """A throwaway PostgreSQL cluster (initdb + pg_ctl) on loopback, run as the `postgres` user when we are
    root (the server refuses to run as root). Durability is off: the tests never survive a power cut."""

    def __init__(self, *, durable: bool = False) -> None:
        import glob
        import tempfile

        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
        if not found:
            raise RuntimeError("PostgreSQL server binaries not found: run `make postgres` (Debian's postgresql)")
        self.bin = Path(found[-1]).parent
        self.root = Path(tempfile.mkdtemp(prefix="tandem-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.durable = durable
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            import pwd

            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._names = iter(range(1, 10**9))

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as_user, *args], check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> PostgresServer:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = [f"-p {self.port}", "-h 127.0.0.1", f"-k {self.root}", "-c max_connections=300",
                   "-c shared_buffers=128MB"]
        if not self.durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                  "-t", "60", "-o", " ".join(options), "start")
        return self

    def postmaster_pid(self) -> int:
        """The server's main process (its backends are its children)."""
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def url(self, database: str = "postgres", password: str | None = None) -> str:
        auth = f"postgres:{password}" if password else "postgres"
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction)."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database; returns its URL."""
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole test session."""
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped after it, connections and all)."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store on each backend: a SQLite file path, then a fresh PostgreSQL database URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store" / "tandem.db")
    return request.getfixturevalue("postgres_url")


def store_env(store_url: str) -> dict[str, str]:
    """The environment that points Tandem at this store (nothing for SQLite: it lives in the data dir)."""
    return {"TANDEM_DATABASE_URL": store_url} if store_url.startswith("postgresql://") else {}


@pytest.fixture
def any_runtime(store_url: str, tmp_path: Path) -> Iterator:
    """A Runtime with WordLlama on each backend (SQLite in its data dir; PostgreSQL with its own data dir)."""
    data = Path(store_url).parent if not store_url.startswith("postgresql://") else tmp_path / "rt"
    rt = make_runtime(data, **store_env(store_url))
    yield rt
    rt.close()


def growth(work: Callable[[int], object], size: int, times: int = 4) -> float:
    """How much longer `work(times * size)` takes than `work(size)` (CPU, best of five each): about `times`
    for linear work, `times` squared for quadratic."""
    import gc
    import time

    def seconds(n: int) -> float:
        best = float("inf")
        for _ in range(5):  # best of five: a neighbour process or a cache warming up only ever adds time
            started = time.process_time()
            work(n)
            best = min(best, time.process_time() - started)
        return max(best, 1e-4)

    enabled = gc.isenabled()
    gc.disable()  # a collection landing in one measurement and not the other is not the work's growth
    try:
        return seconds(times * size) / seconds(size)
    finally:
        if enabled:
            gc.enable()
