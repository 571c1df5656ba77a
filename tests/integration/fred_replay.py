"""A local FRED: a threaded fake (tests/kit/fake_server.py) replaying tests/fixtures/fred/.

GET /fred/series/observations answers like FRED: the recorded body of `series_id`
(tests/fixtures/fred/<ID>.json) with its observations cut to observation_start ..
observation_end and paged by offset / limit (`page_limit` forces small pages); FRED's
400 "The series does not exist." for an id without a fixture, its 400 api_key error for a
key other than `api_key`. `script` overrides a series' answer (status, fixture file,
headers), `delay_s` holds every answer. Every request's path and query is recorded.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.kit.fake_server import HttpRequest, threaded_http

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fred"
API_KEY = "abcdef0123456789abcdef0123456789"  # FRED keys: 32 lower-case hex characters


@dataclass
class Answer:
    status: int
    fixture: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FredReplay:
    url: str = ""
    api_key: str = API_KEY
    requests: list[tuple[str, dict[str, list[str]]]] = field(default_factory=list)
    script: dict[str, Answer] = field(default_factory=dict)
    page_limit: int = 100_000
    delay_s: float = 0.0

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, bytes, dict[str, str]]:
        self.requests.append((path, query))
        if self.delay_s:
            time.sleep(self.delay_s)
        if path != "/fred/series/observations":
            return 404, b'{"error_code":404,"error_message":"Not Found"}', {}
        one = {k: v[-1] for k, v in query.items()}
        if one.get("api_key") != self.api_key:
            return 400, (FIXTURES / "error_api_key_not_registered.json").read_bytes(), {}
        series_id = one.get("series_id", "")
        scripted = self.script.get(series_id)
        if scripted is not None:
            return scripted.status, (FIXTURES / scripted.fixture).read_bytes(), scripted.headers
        recorded = FIXTURES / f"{series_id}.json"
        if not series_id.isalnum() or not recorded.is_file():
            return 400, (FIXTURES / "error_series_does_not_exist.json").read_bytes(), {}
        return 200, json.dumps(self._cut(json.loads(recorded.read_bytes()), one)).encode(), {}

    def _cut(self, body: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
        start = query.get("observation_start", "1776-07-04")
        end = query.get("observation_end", "9999-12-31")
        rows = [o for o in body["observations"] if start <= o["date"] <= end]
        offset = int(query.get("offset", "0"))
        limit = min(int(query.get("limit", "100000")), self.page_limit)
        return {
            **body,
            "observation_start": start,
            "observation_end": end,
            "count": len(rows),
            "offset": offset,
            "limit": limit,
            "observations": rows[offset : offset + limit],
        }


@contextmanager
def fred_replay() -> Iterator[FredReplay]:
    """A running local FRED on 127.0.0.1 (a free port), stopped on exit."""
    replay = FredReplay()

    def answer(request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        parts = urlsplit(request.path)
        return replay.answer(parts.path, parse_qs(parts.query))

    with threaded_http(answer, content_type="application/json; charset=UTF-8") as url:
        replay.url = f"{url}/fred"
        yield replay
