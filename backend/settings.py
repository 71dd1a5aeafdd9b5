"""Tandem settings: TANDEM_* environment variables over an optional tandem.toml in the data dir."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import msgspec
import platformdirs

EMBEDDERS = ("minilm", "minilm-int8", "wordllama")
LLM_CHOICES = ("auto", "anthropic", "extractive")


class SettingsError(ValueError):
    """A setting has a value Tandem cannot use."""


class Settings(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Everything configurable; built by `load_settings`, never mutated."""

    data_dir: str
    embedder: str = "minilm-int8"
    llm: str = "auto"
    # Sonnet 4.6: current, and it answers without up-front thinking (Sonnet 5 thinks adaptively by
    # default, which costs time before the first token); claude-sonnet-4-5 reaches end of life 2026-11-30.
    anthropic_model: str = "claude-sonnet-4-6"
    anthropic_base_url: str | None = None
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

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)

    @property
    def db_path(self) -> Path:
        return self.data_path / "tandem.db"

    @property
    def index_dir(self) -> Path:
        return self.data_path / "index"


def default_data_dir() -> Path:
    """The per-user data directory used when neither --data-dir nor TANDEM_DATA_DIR is given."""
    return Path(platformdirs.user_data_dir("tandem", appauthor=False))


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


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
    for key in ("embedder", "llm", "anthropic_model", "anthropic_base_url", "host"):
        if env.get(f"TANDEM_{key.upper()}"):
            values[key] = env[f"TANDEM_{key.upper()}"]
    if env.get("TANDEM_PORT"):
        try:
            values["port"] = int(env["TANDEM_PORT"])
        except ValueError as exc:
            raise SettingsError(f"TANDEM_PORT must be a number, got {env['TANDEM_PORT']!r}") from exc
    for key, kind in (("llm_timeout_s", float), ("llm_max_retries", int), ("faq_mine_every_h", float),
                      ("faq_min_count", int), ("retention_days", int)):
        raw = env.get(f"TANDEM_{key.upper()}")
        if raw:
            try:
                values[key] = kind(raw)
            except ValueError as exc:
                raise SettingsError(f"TANDEM_{key.upper()} must be a number, got {raw!r}") from exc
    if env.get("TANDEM_REDACT_PII"):
        values["redact_pii"] = _parse_bool("TANDEM_REDACT_PII", env["TANDEM_REDACT_PII"])
    if env.get("TANDEM_CORS_ORIGINS"):
        values["cors_origins"] = [o.strip() for o in env["TANDEM_CORS_ORIGINS"].split(",") if o.strip()]
    values["data_dir"] = str(root)
    try:
        settings = msgspec.convert(values, Settings, strict=False)
    except msgspec.ValidationError as exc:
        raise SettingsError(f"invalid setting: {exc}") from exc
    if settings.embedder not in EMBEDDERS and not Path(settings.embedder).exists():
        raise SettingsError(
            f"TANDEM_EMBEDDER must be one of {', '.join(EMBEDDERS)} or a sentence-transformers model path, "
            f"got {settings.embedder!r}"
        )
    if settings.llm not in LLM_CHOICES:
        raise SettingsError(f"TANDEM_LLM must be one of {', '.join(LLM_CHOICES)}, got {settings.llm!r}")
    return settings
