"""Tandem settings: TANDEM_* environment variables over an optional tandem.toml in the data dir.

Every value is validated when settings load, so a bad setting stops the start with a message naming it.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import msgspec

from backend.tuning import LANGUAGES

EMBEDDERS = ("minilm", "minilm-int8", "wordllama", "e5-small", "use-m3", "use-m3+e5")
MULTILINGUAL_EMBEDDERS = ("e5-small", "use-m3", "use-m3+e5")  # the others read English only
LLM_CHOICES = ("auto", "anthropic", "openai", "extractive")


class SettingsError(ValueError):
    """A setting has a value Tandem cannot use."""


class Settings(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Everything configurable; built by `load_settings`, never mutated."""

    data_dir: str
    database_url: str | None = None  # unset: SQLite in the data dir; postgresql://...: PostgreSQL
    embedder: str = "minilm"
    # Questions confidently in another language than the KB's (or any question, when the KB is not English) are
    # searched with this multilingual encoder when `embedder` reads English only. auto: use-m3 (its index is
    # built in seconds); use-m3+e5 finds more but embeds a KB ~25x slower; off: every question goes to
    # `embedder` (through the word bridge).
    foreign_embedder: str = "auto"
    llm: str = "auto"
    # Sonnet 4.6: current, and it answers without up-front thinking (Sonnet 5 thinks adaptively by
    # default, which costs time before the first token); claude-sonnet-4-5 reaches end of life 2026-11-30.
    anthropic_model: str = "claude-sonnet-4-6"
    anthropic_base_url: str | None = None
    openai_base_url: str | None = None
    openai_model: str | None = None
    openai_api_key: str | None = None
    llm_timeout_s: float = 20.0
    llm_max_retries: int = 2
    redact_pii: bool = True
    cors_origins: tuple[str, ...] = ()
    host: str = "127.0.0.1"
    port: int = 8080
    chunk_tokens: int = 200
    chunk_overlap: int = 40
    high_value_tiers: tuple[str, ...] = ("vip", "enterprise", "premium")
    faq_mine_every_h: float = 0.0  # the server mines FAQ drafts this often; 0 = only `tandem faq mine`
    faq_min_count: int = 5
    retention_days: int = 90  # `tandem conversations purge` default
    review_every_days: int = 180  # an article without its own period is due for review this long after the last
    assist_rate_per_min: int = 120  # per user; 0 = no limit
    session_hours: float = 8.0  # dashboard sign-in lifetime
    secure_cookies: bool = False  # set behind a TLS-terminating proxy: cookies get `Secure`
    access_log: str = "off"  # off | text | json
    metrics_bind: str | None = None  # "host:port" serves /metrics there without a token
    trusted_proxies: tuple[str, ...] = ()  # addresses/networks whose X-Forwarded-For/-Proto are believed
    summary_language: str = "en"  # summaries are written in it (with a model); a user's own language wins
    qa_idle_h: float = 24.0  # auto-QA scores a conversation once it had no new message for this long
    # Requests worked on at once per server process (more wait their turn, in order); 0 = by engine: 2 offline
    # (CPU-bound), 40 with a model (a streamed answer holds a thread while it waits for the next tokens).
    work_threads: int = 0

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)

    @property
    def db_path(self) -> Path:
        return self.data_path / "tandem.db"

    @property
    def store_url(self) -> str:
        """Where the store lives: the PostgreSQL URL, or the SQLite file's path."""
        return self.database_url or str(self.db_path)

    @property
    def index_dir(self) -> Path:
        return self.data_path / "index"


def default_data_dir() -> Path:
    """The per-user data directory used when neither --data-dir nor TANDEM_DATA_DIR is given."""
    import platformdirs

    return Path(platformdirs.user_data_dir("tandem", appauthor=False))


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_STRINGS = ("database_url", "embedder", "foreign_embedder", "llm", "anthropic_model", "anthropic_base_url", "openai_base_url",
            "openai_model", "openai_api_key", "host", "access_log", "metrics_bind",
            "summary_language")
_NUMBERS = (("port", int), ("llm_timeout_s", float), ("llm_max_retries", int), ("faq_mine_every_h", float),
            ("faq_min_count", int), ("retention_days", int), ("review_every_days", int),
            ("assist_rate_per_min", int), ("session_hours", float),
            ("chunk_tokens", int), ("chunk_overlap", int), ("qa_idle_h", float), ("work_threads", int))
_FLAGS = ("redact_pii", "secure_cookies")


def _parse_bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(f"{name} must be one of on/off/true/false/1/0, got {raw!r}")


def load_settings(data_dir: str | Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from an explicit data dir, then TANDEM_* env, then tandem.toml, then defaults."""
    env = os.environ if env is None else env
    root = Path(data_dir or env.get("TANDEM_DATA_DIR") or default_data_dir()).expanduser()
    values: dict[str, object] = {}
    toml_path = root / "tandem.toml"
    if toml_path.is_file():
        try:
            values.update(msgspec.toml.decode(toml_path.read_bytes()))
        except msgspec.DecodeError as exc:
            raise SettingsError(f"{toml_path}: {exc}") from exc
    for key in _STRINGS:
        if env.get(f"TANDEM_{key.upper()}"):
            values[key] = env[f"TANDEM_{key.upper()}"]
    for key, kind in _NUMBERS:
        raw = env.get(f"TANDEM_{key.upper()}")
        if raw:
            try:
                values[key] = kind(raw)
            except ValueError as exc:
                raise SettingsError(f"TANDEM_{key.upper()} must be a number, got {raw!r}") from exc
    for key in _FLAGS:
        if env.get(f"TANDEM_{key.upper()}"):
            values[key] = _parse_bool(f"TANDEM_{key.upper()}", env[f"TANDEM_{key.upper()}"])
    if env.get("TANDEM_CORS_ORIGINS"):
        values["cors_origins"] = [o.strip() for o in env["TANDEM_CORS_ORIGINS"].split(",") if o.strip()]
    if env.get("TANDEM_TRUSTED_PROXIES"):
        values["trusted_proxies"] = [p.strip() for p in env["TANDEM_TRUSTED_PROXIES"].split(",") if p.strip()]
    values["data_dir"] = str(root)
    try:
        settings = msgspec.convert(values, Settings, strict=False)
    except msgspec.ValidationError as exc:
        raise SettingsError(f"invalid setting: {exc}") from exc
    validate(settings)
    return settings


def _at_least_zero(settings: Settings, name: str, bad: Callable[[str, str], SettingsError]) -> None:
    value = getattr(settings, name)
    if value < 0:
        raise bad(name, f"must be >= 0, got {value}")


def _check_embedders(settings: Settings, bad: Callable[[str, str], SettingsError]) -> None:
    if settings.embedder not in EMBEDDERS and not Path(settings.embedder).exists():
        raise bad("embedder", f"must be one of {', '.join(EMBEDDERS)} or a sentence-transformers model path, "
                              f"got {settings.embedder!r}")
    if settings.foreign_embedder not in ("auto", "off", *MULTILINGUAL_EMBEDDERS):
        raise bad("foreign_embedder", f"must be auto, off or one of {', '.join(MULTILINGUAL_EMBEDDERS)}, "
                                      f"got {settings.foreign_embedder!r}")


def validate(settings: Settings) -> None:
    """Raise SettingsError naming the first setting Tandem cannot use."""
    def bad(name: str, why: str) -> SettingsError:
        return SettingsError(f"TANDEM_{name.upper()} {why}")

    _check_embedders(settings, bad)
    if settings.llm not in LLM_CHOICES:
        raise bad("llm", f"must be one of {', '.join(LLM_CHOICES)}, got {settings.llm!r}")
    if settings.database_url and not settings.database_url.startswith(("postgresql://", "postgres://")):
        raise bad("database_url", "must be a postgresql:// URL (unset for the SQLite file in the data dir)")
    if not 1 <= settings.port <= 65535:
        raise bad("port", f"must be between 1 and 65535, got {settings.port}")
    if not 0 < settings.llm_timeout_s <= 600:
        raise bad("llm_timeout_s", f"must be between 0 and 600 seconds, got {settings.llm_timeout_s}")
    if not 0 <= settings.llm_max_retries <= 10:
        raise bad("llm_max_retries", f"must be between 0 and 10, got {settings.llm_max_retries}")
    short = [name for name in ("retention_days", "review_every_days") if getattr(settings, name) < 1]
    if short:
        raise bad(short[0], f"must be at least 1 day, got {getattr(settings, short[0])}")
    _at_least_zero(settings, "work_threads", bad)
    if settings.faq_mine_every_h < 0 or settings.faq_min_count < 2:
        raise bad("faq_mine_every_h" if settings.faq_mine_every_h < 0 else "faq_min_count",
                  "must be >= 0 (hours) / >= 2 (conversations)")
    _at_least_zero(settings, "qa_idle_h", bad)
    if settings.assist_rate_per_min < 0 or settings.session_hours <= 0:
        raise bad("assist_rate_per_min" if settings.assist_rate_per_min < 0 else "session_hours", "must be positive")
    if not 50 <= settings.chunk_tokens <= 2000 or not 0 <= settings.chunk_overlap < settings.chunk_tokens // 2:
        raise bad("chunk_tokens", "must be 50-2000 with chunk_overlap below half of it")
    if "*" in settings.cors_origins:
        raise bad("cors_origins", "must list origins (e.g. https://support.example.com); '*' would let any web "
                                  "page call Tandem with an agent's browser")
    for origin in settings.cors_origins:
        if not origin.startswith(("http://", "https://")) or origin.rstrip("/") != origin:
            raise bad("cors_origins", f"entries must be origins like https://desk.example.com, got {origin!r}")
    if settings.summary_language not in LANGUAGES:
        raise bad("summary_language", f"must be one of {', '.join(LANGUAGES)}, got {settings.summary_language!r}")
    if settings.access_log not in ("off", "text", "json"):
        raise bad("access_log", f"must be off, text or json, got {settings.access_log!r}")
    if settings.llm == "openai" and not (settings.openai_base_url and settings.openai_model):
        raise bad("llm", "=openai needs TANDEM_OPENAI_BASE_URL (e.g. http://127.0.0.1:11434/v1) and "
                         "TANDEM_OPENAI_MODEL")
    for proxy in settings.trusted_proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise bad("trusted_proxies", f"entries must be IP addresses or networks (e.g. 10.0.0.5, 10.0.0.0/24), "
                                         f"got {proxy!r}") from None
    if settings.metrics_bind:
        host, _, port = settings.metrics_bind.rpartition(":")
        if not host or not port.isdigit():
            raise bad("metrics_bind", f"must look like 127.0.0.1:9100, got {settings.metrics_bind!r}")
