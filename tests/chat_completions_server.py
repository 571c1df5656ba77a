"""A local OpenAI-compatible chat-completions server for tests and benchmarks.

Speaks POST /v1/chat/completions with the documented response shape (an object
"chat.completion" with `choices[0].message.content` and `usage`) on 127.0.0.1 (an ephemeral
port), a fake of the kit (tests/kit/fake_server.py). The behaviour is scripted per request:

    async with ChatCompletionsServer() as server:
        server.answer_with(lambda request: {"rating": "SAFE", ...})  # content as JSON
        server.script("hang", "500", "off_schema", "malformed")      # consumed in order first
        ... OpenAIChatReviewer(server.base_url, "local-model", None) ...

"hang" never answers (until the server stops), "500" answers an OpenAI-shaped error body
with status 500, "off_schema" a JSON answer missing `confidence`, "malformed" content that
is not JSON. `requests` keeps every request body as the server read it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from tests.kit.fake_server import ASGIApp, AsgiFake, Receive, Scope, Send

Answer = Callable[[dict[str, Any]], object]


def first_figures(request: dict[str, Any], rating: str = "CAUTION") -> dict[str, Any]:
    """A well-formed answer citing the first figure the request sent."""
    sent = json.loads(request["messages"][-1]["content"])
    figure = sorted(sent["figures"])[0]
    return {
        "rating": rating,
        "reasons": [{"figure": figure, "text": f"{figure} is {sent['figures'][figure]}"}],
        "confidence": 0.7,
    }


class ChatCompletionsServer(AsgiFake):
    def __init__(self, model: str = "local-model") -> None:
        super().__init__()
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self._answer: Answer = first_figures
        self._script: list[str] = []
        self._stopping = asyncio.Event()

    @property
    def base_url(self) -> str:
        return f"{self.url}/v1"

    def answer_with(self, answer: Answer) -> None:
        """What a well-behaved request answers: the content, made into JSON text."""
        self._answer = answer

    def script(self, *behaviours: str) -> None:
        """Behaviours consumed one per request, before the well-formed answers."""
        self._script.extend(behaviours)

    def app(self) -> ASGIApp:
        return self

    async def stopping(self) -> None:
        self._stopping.set()  # the held ("hang") answers end with the server

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client gave up before its request was whole
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if scope["method"] != "POST" or scope["path"] != "/v1/chat/completions":
            await _reply(
                send, 404, {"error": {"message": "not found", "type": "invalid_request_error"}}
            )
            return
        request = json.loads(body)
        self.requests.append(request)
        behaviour = self._script.pop(0) if self._script else "answer"
        if behaviour == "hang":
            await self._stopping.wait()
            return
        if behaviour == "500":
            await _reply(
                send, 500, {"error": {"message": "the server had an error", "type": "server_error"}}
            )
            return
        if behaviour == "off_schema":
            content = json.dumps({"rating": "SAFE", "reasons": [{"figure": "x", "text": "y"}]})
        elif behaviour == "malformed":
            content = "I think this order is fine."
        else:
            content = json.dumps(self._answer(request))
        await _reply(send, 200, self._completion(content))

    def _completion(self, content: str) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-{len(self.requests)}",
            "object": "chat.completion",
            "created": 1_764_000_000,
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 200, "completion_tokens": 40, "total_tokens": 240},
        }


async def _reply(send: Send, status: int, payload: dict[str, Any]) -> None:
    raw = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(raw)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": raw})
