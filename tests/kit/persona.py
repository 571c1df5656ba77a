"""A local Persona: the inquiries API's documented shapes (POST /api/v1/inquiries, GET
/api/v1/inquiries/{id}) and webhook events signed as Persona signs them."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tests.kit.fake_server import HttpRequest

API_KEY = "persona_sandbox_key"
TEMPLATE = "itmpl_abc123"
WEBHOOK_SECRET = "wbhsec_0123456789"


def inquiry(inquiry_id: str, status: str, reference: str, at: str) -> dict[str, Any]:
    """An inquiry resource as Persona answers it (kebab-case keys)."""
    return {
        "type": "inquiry",
        "id": inquiry_id,
        "attributes": {
            "status": status,
            "reference-id": reference,
            "created-at": at,
            "updated-at": at,
            "decisioned-at": at if status in ("approved", "declined") else None,
        },
        "relationships": {"inquiry-template": {"data": {"type": "inquiry-template",
                                                        "id": TEMPLATE}}},
    }  # fmt: skip


def event(event_id: str, name: str, resource: dict[str, Any], at: str) -> bytes:
    """A webhook body: an event carrying the inquiry in its payload."""
    body = {
        "data": {
            "type": "event",
            "id": event_id,
            "attributes": {"name": name, "created-at": at, "payload": {"data": resource}},
        }
    }
    return json.dumps(body).encode()


def signature(body: bytes, at: datetime, secret: str = WEBHOOK_SECRET) -> str:
    """The Persona-Signature header's value for `body` signed at `at`."""
    stamp = str(int(at.timestamp()))
    digest = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={stamp},v1={digest}"


@dataclass
class LocalPersona:
    """The inquiries it holds; `answer` is a threaded_http answer (GET and POST)."""

    at: str = "2026-03-02T09:00:00.000Z"
    inquiries: dict[str, dict[str, Any]] = field(default_factory=dict)
    seen: list[HttpRequest] = field(default_factory=list)

    def decide(self, inquiry_id: str, status: str, at: str) -> None:
        reference = self.inquiries[inquiry_id]["attributes"]["reference-id"]
        self.inquiries[inquiry_id] = inquiry(inquiry_id, status, reference, at)

    def answer(self, request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        self.seen.append(request)
        if request.header("Authorization") != f"Bearer {API_KEY}":
            return 401, json.dumps({"errors": [{"title": "Must be authenticated"}]}).encode(), {}
        if request.method == "POST" and request.path == "/api/v1/inquiries":
            attributes = json.loads(request.body)["data"]["attributes"]
            if attributes.get("inquiry-template-id") != TEMPLATE:
                return 422, json.dumps({"errors": [{"title": "Invalid template"}]}).encode(), {}
            made = inquiry(f"inq_{len(self.inquiries) + 1}", "created",
                           attributes["reference-id"], self.at)  # fmt: skip
            self.inquiries[made["id"]] = made
            return 201, json.dumps({"data": made, "included": []}).encode(), {}
        prefix = "/api/v1/inquiries/"
        if request.method == "GET" and request.path.startswith(prefix):
            found = self.inquiries.get(request.path[len(prefix) :])
            if found is None:
                return 404, json.dumps({"errors": [{"title": "Record not found"}]}).encode(), {}
            return 200, json.dumps({"data": found, "included": []}).encode(), {}
        return 404, b'{"errors": []}', {}
