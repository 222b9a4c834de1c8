"""The optional rewrite by a language model behind an OpenAI-compatible endpoint.

Any server that speaks the chat-completions protocol will do (a hosted API, a local
llama.cpp or vLLM server). The request asks for one JSON object ``{"summary": …,
"implications": …}``, in the prompt and with ``response_format`` (a server that
refuses that parameter is asked once more without it). Whatever goes wrong (the
server down, slower than ``llm_timeout`` in all, an HTTP error, an answer that is
not that object) raises ``ModelFailure`` with one sentence for the draft's warnings;
the caller keeps the extractive draft.

The HTTP client is made by ``make_client`` and passed in, never kept in a global: the
CLI makes one per command, the web app one per process, tests their own. httpx is
imported where it is used: it costs about 0.1 s, which a draft without a model
should not pay.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import httpx

COMPLETIONS_PATH = "/chat/completions"
MAX_ANSWER_BYTES = 1_000_000


@dataclass(frozen=True)
class ModelSettings:
    url: str
    model: str = ""
    api_key: str = ""
    timeout: float = 30.0

    @property
    def endpoint(self) -> str:
        """The chat-completions URL: the base URL with ``/chat/completions`` added."""
        url = self.url.rstrip("/")
        return url if url.endswith(COMPLETIONS_PATH) else url + COMPLETIONS_PATH

    @property
    def where(self) -> str:
        """The endpoint's host and port, for messages."""
        return urlsplit(self.endpoint).netloc or self.endpoint


@dataclass(frozen=True)
class ModelAnswer:
    summary: str
    implications: str
    model: str  # as the server named it, else as asked


class ModelFailure(Exception):
    """The endpoint gave no usable answer; the message is one sentence for users."""


def model_settings(settings: Any) -> ModelSettings | None:
    """The model endpoint of ``settings`` (a ``config.Settings``), None when unset."""
    if not getattr(settings, "llm_url", ""):
        return None
    return ModelSettings(
        settings.llm_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout
    )


def make_client(settings: ModelSettings) -> httpx.Client:
    """An HTTP client for the endpoint: its timeout, its key, no redirects."""
    import httpx

    headers = {"Accept": "application/json"}
    if settings.api_key:
        headers["Authorization"] = f"Bearer {settings.api_key}"
    return httpx.Client(timeout=httpx.Timeout(settings.timeout), headers=headers)


def ask_model(
    client: httpx.Client,
    settings: ModelSettings,
    messages: Sequence[dict[str, str]],
    clock: Callable[[], float] = time.monotonic,
) -> ModelAnswer:
    """The model's summary and implications, or ``ModelFailure``."""
    deadline = clock() + settings.timeout
    request: dict[str, Any] = {
        "messages": list(messages),
        "temperature": 0.2,
        "response_format": {"type": "json_object"},
    }
    if settings.model:
        request["model"] = settings.model
    status, body = _post(client, settings, request, deadline, clock)
    if status in (400, 422) and "response_format" in body.decode("utf-8", "replace"):
        del request["response_format"]  # a server without JSON mode: the prompt asks anyway
        status, body = _post(client, settings, request, deadline, clock)
    if status != 200:
        raise ModelFailure(
            f"The drafting model at {settings.where} answered HTTP {status}, "
            "so this draft is extractive."
        )
    content, named_model = _completion_content(body, settings)
    summary, implications = _answer_fields(content, settings)
    return ModelAnswer(summary, implications, named_model or settings.model or "unknown")


def _post(
    client: httpx.Client,
    settings: ModelSettings,
    request: dict[str, Any],
    deadline: float,
    clock: Callable[[], float],
) -> tuple[int, bytes]:
    """POST and read the answer in chunks, giving up at ``deadline`` (a server that
    trickles bytes would otherwise never hit the per-read timeout)."""
    import httpx

    try:
        with client.stream("POST", settings.endpoint, json=request) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if clock() > deadline:
                    raise httpx.ReadTimeout("deadline passed")
                if size > MAX_ANSWER_BYTES:
                    raise ModelFailure(
                        f"The drafting model at {settings.where} sent an answer over "
                        f"{MAX_ANSWER_BYTES:,} bytes, so this draft is extractive."
                    )
            return response.status_code, b"".join(chunks)
    except httpx.TimeoutException:
        raise ModelFailure(
            f"The drafting model at {settings.where} did not answer within "
            f"{settings.timeout:g} seconds, so this draft is extractive."
        ) from None
    except httpx.HTTPError as error:
        raise ModelFailure(
            f"The drafting model at {settings.where} could not be reached "
            f"({type(error).__name__}), so this draft is extractive."
        ) from None


def _completion_content(body: bytes, settings: ModelSettings) -> tuple[str, str]:
    try:
        completion = json.loads(body)
        content = completion["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        content = None
    if not isinstance(content, str):
        raise ModelFailure(
            f"The drafting model at {settings.where} did not answer with a chat completion, "
            "so this draft is extractive."
        )
    named = completion.get("model") if isinstance(completion, dict) else None
    return content, named if isinstance(named, str) else ""


def _answer_fields(content: str, settings: ModelSettings) -> tuple[str, str]:
    """The two strings of the JSON object in ``content`` (tolerating a code fence or
    words around it, which some models add despite being asked not to)."""
    start = content.find("{")
    try:
        answer, _ = json.JSONDecoder().raw_decode(content[start:]) if start >= 0 else (None, 0)
    except ValueError:
        answer = None
    fields = (
        (answer.get("summary"), answer.get("implications"))
        if isinstance(answer, dict)
        else (None, None)
    )
    if not all(isinstance(field, str) and field.strip() for field in fields):
        raise ModelFailure(
            f"The drafting model at {settings.where} did not answer with the JSON object "
            "asked for (a summary and implications), so this draft is extractive."
        )
    return fields[0].strip(), fields[1].strip()
