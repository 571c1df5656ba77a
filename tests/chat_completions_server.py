"""A local OpenAI-compatible chat-completions server for tests and benchmarks.

Speaks POST /v1/chat/completions with the documented response shape (an object
"chat.completion" with `choices[0].message.content` and `usage`) on 127.0.0.1 (an ephemeral
port), under uvicorn in the caller's event loop. The behaviour is scripted per request:

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
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import uvicorn

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
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


class ChatCompletionsServer:
    def __init__(self, model: str = "local-model") -> None:
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self._answer: Answer = first_figures
        self._script: list[str] = []
        self._stopping = asyncio.Event()
        self._server: uvicorn.Server | None = None
        self._sock: socket.socket | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def answer_with(self, answer: Answer) -> None:
        """What a well-behaved request answers: the content, made into JSON text."""
        self._answer = answer

    def script(self, *behaviours: str) -> None:
        """Behaviours consumed one per request, before the well-formed answers."""
        self._script.extend(behaviours)

    async def __aenter__(self) -> ChatCompletionsServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self, lifespan="off", log_config=None, log_level=None)
        config.load()
        self._server = uvicorn.Server(config)
        self._server.lifespan = config.lifespan_class(config)
        self._sock = sock
        await self._server.startup(sockets=[sock])
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.force_exit = True
            await self._server.shutdown(sockets=[self._sock] if self._sock else None)
        if self._sock is not None:
            self._sock.close()

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


@contextmanager
def threaded_chat_server() -> Iterator[ChatCompletionsServer]:
    """The server on its own thread and loop: for callers that block their own loop while the
    app handles a request (the HTTP harness's test client)."""
    server = ChatCompletionsServer()
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="chat-completions", daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(server.__aenter__(), loop).result(timeout=10)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.__aexit__(None, None, None), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
