"""The model endpoint: a good answer is read, every failure is one clear sentence.

Against the tests' own OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest
from model_server import (
    answer,
    closed_port_url,
    content,
    garbage,
    refuses_response_format,
    slow,
    status,
    trickle,
)

from binational.config import Settings
from binational.drafting.llm import (
    ModelFailure,
    ModelSettings,
    ask_model,
    make_client,
    model_settings,
)

MESSAGES = [{"role": "system", "content": "Draft."}, {"role": "user", "content": "Event."}]


def ask(url: str, timeout: float = 5.0, model: str = "test-model", api_key: str = ""):
    settings = ModelSettings(url, model, api_key, timeout)
    with make_client(settings) as client:
        return ask_model(client, settings, MESSAGES)


def test_a_good_answer(model_server):
    model_server.reset(answer("The summary.", "The implications.", model="served-model"))
    result = ask(model_server.url, api_key="sekrit")
    assert (result.summary, result.implications, result.model) == (
        "The summary.", "The implications.", "served-model",
    )  # fmt: skip
    [request] = model_server.requests
    assert request["messages"] == MESSAGES
    assert request["model"] == "test-model"
    assert request["response_format"] == {"type": "json_object"}
    assert model_server.headers[0]["authorization"] == "Bearer sekrit"


def test_no_key_no_authorization_header_and_no_model_asked(model_server):
    model_server.reset(answer("S.", "I.", model="whatever-the-server-runs"))
    result = ask(model_server.url, model="")
    assert "authorization" not in model_server.headers[0]
    assert "model" not in model_server.requests[0]
    assert result.model == "whatever-the-server-runs"


def test_a_server_without_json_mode_is_asked_again_without_it(model_server):
    model_server.reset(refuses_response_format(answer("S.", "I.")))
    assert ask(model_server.url).summary == "S."
    assert ["response_format" in r for r in model_server.requests] == [True, False]


def test_an_answer_in_a_code_fence_is_read(model_server):
    fenced = '```json\n{"summary": "S.", "implications": "I."}\n```'
    model_server.reset(content(fenced))
    assert ask(model_server.url).implications == "I."


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (status(500), "answered HTTP 500"),
        (status(401, b'{"error": "bad key"}'), "answered HTTP 401"),
        (garbage(), "did not answer with a chat completion"),
        (content("Sure! Here is a summary of the event."), "did not answer with the JSON object"),
        (content('{"summary": "S."}'), "did not answer with the JSON object"),
        (content('{"summary": "S.", "implications": 42}'), "did not answer with the JSON object"),
        (content('{"summary": "  ", "implications": "I."}'), "did not answer with the JSON object"),
        (content('["S.", "I."]'), "did not answer with the JSON object"),
    ],
)
def test_failures_are_one_sentence(model_server, reply, message):
    model_server.reset(reply)
    with pytest.raises(ModelFailure) as raised:
        ask(model_server.url)
    text = str(raised.value)
    assert message in text
    assert text.endswith("so this draft is extractive.") and text.count(". ") == 0
    assert f"127.0.0.1:{model_server.port}" in text


def test_a_slow_server(model_server):
    model_server.reset(slow(2.0, answer("S.", "I.")))
    started = time.monotonic()
    with pytest.raises(ModelFailure, match="did not answer within 0.5 seconds"):
        ask(model_server.url, timeout=0.5)
    assert time.monotonic() - started < 1.5


def test_a_server_that_trickles_is_cut_off_at_the_deadline(model_server):
    model_server.reset(trickle(interval=0.1, count=40))  # each read is quick; all takes 4 s
    started = time.monotonic()
    with pytest.raises(ModelFailure, match="did not answer within 1 seconds"):
        ask(model_server.url, timeout=1.0)
    assert time.monotonic() - started < 2.0


def test_a_server_that_is_down():
    with pytest.raises(ModelFailure, match="could not be reached"):
        ask(closed_port_url())


@pytest.mark.parametrize(
    ("url", "endpoint"),
    [
        ("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1/chat/completions"),
        ("http://127.0.0.1:8080/v1/", "http://127.0.0.1:8080/v1/chat/completions"),
        ("http://h/x/chat/completions", "http://h/x/chat/completions"),
    ],
)
def test_endpoint(url, endpoint):
    assert ModelSettings(url).endpoint == endpoint


def test_settings_turn_the_model_on_and_off():
    assert model_settings(Settings()) is None
    settings = Settings(llm_url="http://127.0.0.1:9/v1", llm_model="m", llm_api_key="k",
                        llm_timeout=3.0)  # fmt: skip
    assert model_settings(settings) == ModelSettings("http://127.0.0.1:9/v1", "m", "k", 3.0)
