"""``binational settings`` never prints a secret: the session key or the model's API key."""

import json

from typer.testing import CliRunner

from binational.cli import app


def test_secrets_are_masked(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no binational.toml of the developer's
    monkeypatch.setenv("BINATIONAL_SECRET_KEY", "session-secret")
    monkeypatch.setenv("BINATIONAL_LLM_API_KEY", "model-secret")
    monkeypatch.setenv("BINATIONAL_LLM_URL", "http://127.0.0.1:8080/v1")
    result = CliRunner().invoke(app, ["settings", "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    values = json.loads(result.stdout)
    assert values["secret_key"] == "(set)" and values["llm_api_key"] == "(set)"
    assert values["llm_url"] == "http://127.0.0.1:8080/v1"
    assert "secret" not in result.stdout.replace("secret_key", "")
