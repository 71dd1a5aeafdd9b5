import pytest

from backend.settings import SettingsError, load_settings


def test_env_overrides_toml(tmp_path):
    (tmp_path / "tandem.toml").write_text('embedder = "wordllama"\nport = 9000\n')
    s = load_settings(tmp_path, env={"TANDEM_PORT": "9100", "TANDEM_REDACT_PII": "off"})
    assert s.embedder == "wordllama" and s.port == 9100 and s.redact_pii is False
    assert s.db_path == tmp_path / "tandem.db"


@pytest.mark.parametrize("env,message", [
    ({"TANDEM_EMBEDDER": "nope"}, "TANDEM_EMBEDDER"),
    ({"TANDEM_LLM": "gpt"}, "TANDEM_LLM"),
    ({"TANDEM_PORT": "eighty"}, "TANDEM_PORT"),
    ({"TANDEM_REDACT_PII": "maybe"}, "TANDEM_REDACT_PII"),
])
def test_bad_settings_are_named(tmp_path, env, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(tmp_path, env=env)


def test_unknown_toml_key_rejected(tmp_path):
    (tmp_path / "tandem.toml").write_text('embeder = "x"\n')
    with pytest.raises(SettingsError, match="embeder"):
        load_settings(tmp_path, env={})
