import pytest

from backend.settings import SettingsError, load_settings


def test_env_overrides_toml(tmp_path):
    (tmp_path / "tandem.toml").write_text('embedder = "wordllama"\nport = 9000\n')
    s = load_settings(tmp_path, env={"TANDEM_PORT": "9100", "TANDEM_REDACT_PII": "off"})
    assert s.embedder == "wordllama" and s.port == 9100 and s.redact_pii is False
    assert s.db_path == tmp_path / "tandem.db" and s.store_url == str(tmp_path / "tandem.db")
    pg = load_settings(tmp_path, env={"TANDEM_DATABASE_URL": "postgresql://u@h/db"})
    assert pg.store_url == "postgresql://u@h/db"


@pytest.mark.parametrize("env,message", [
    ({"TANDEM_EMBEDDER": "nope"}, "TANDEM_EMBEDDER"),
    ({"TANDEM_LLM": "gpt"}, "TANDEM_LLM"),
    ({"TANDEM_PORT": "eighty"}, "TANDEM_PORT"),
    ({"TANDEM_PORT": "70000"}, "TANDEM_PORT must be between 1 and 65535"),
    ({"TANDEM_REDACT_PII": "maybe"}, "TANDEM_REDACT_PII"),
    ({"TANDEM_LLM_TIMEOUT_S": "0"}, "TANDEM_LLM_TIMEOUT_S"),
    ({"TANDEM_LLM_MAX_RETRIES": "-1"}, "TANDEM_LLM_MAX_RETRIES"),
    ({"TANDEM_RETENTION_DAYS": "0"}, "TANDEM_RETENTION_DAYS must be at least 1"),
    ({"TANDEM_RETENTION_DAYS": "-30"}, "TANDEM_RETENTION_DAYS"),
    ({"TANDEM_CORS_ORIGINS": "*"}, "TANDEM_CORS_ORIGINS must list origins"),
    ({"TANDEM_CORS_ORIGINS": "desk.example.com"}, "TANDEM_CORS_ORIGINS entries"),
    ({"TANDEM_DATABASE_URL": "mysql://x"}, "TANDEM_DATABASE_URL"),
    ({"TANDEM_LLM": "openai"}, "TANDEM_OPENAI_BASE_URL"),
    ({"TANDEM_ACCESS_LOG": "xml"}, "TANDEM_ACCESS_LOG"),
    ({"TANDEM_METRICS_BIND": "9100"}, "TANDEM_METRICS_BIND"),
    ({"TANDEM_TRUSTED_PROXIES": "*"}, "TANDEM_TRUSTED_PROXIES entries must be IP addresses"),
    ({"TANDEM_TRUSTED_PROXIES": "proxy.internal"}, "TANDEM_TRUSTED_PROXIES"),
    ({"TANDEM_WORK_THREADS": "-1"}, "TANDEM_WORK_THREADS must be >= 0"),
    ({"TANDEM_FOREIGN_EMBEDDER": "minilm"}, "TANDEM_FOREIGN_EMBEDDER must be auto, off or one of"),
])
def test_bad_settings_are_named(tmp_path, env, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(tmp_path, env=env)


def test_forwarded_headers_are_believed_only_from_trusted_proxies(tmp_path):
    from backend.api.server import uvicorn_options

    assert uvicorn_options(load_settings(tmp_path, env={}))["proxy_headers"] is False
    options = uvicorn_options(load_settings(tmp_path, env={"TANDEM_TRUSTED_PROXIES": "10.0.0.5, 10.1.0.0/16"}))
    assert options["proxy_headers"] is True and options["forwarded_allow_ips"] == "10.0.0.5,10.1.0.0/16"


def test_unknown_toml_key_rejected(tmp_path):
    (tmp_path / "tandem.toml").write_text('embeder = "x"\n')
    with pytest.raises(SettingsError, match="embeder"):
        load_settings(tmp_path, env={})


def test_bad_setting_stops_the_cli_with_its_name(cli):
    cli.env["TANDEM_CORS_ORIGINS"] = "*"
    out = cli.run("kb", "list", check=False)
    assert out.returncode == 1 and "TANDEM_CORS_ORIGINS" in out.stderr
