"""The body a JSON endpoint reads: a form a browser or `curl -d` posts is refused up front (415)
instead of failing to parse as JSON (400 MALFORMED_JSON would blame the client's JSON)."""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.exceptions import HTTPException

JSON = "application/json"
FORM_MEDIA_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


class FormBodyRefused(HTTPException):
    """A form-encoded body sent where a JSON object is read: 415 UNSUPPORTED_MEDIA_TYPE."""

    status_code = 415


def media_type(content_type: str | None) -> str:
    """The bare media type of a Content-Type header: lowercase, without parameters."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def form_media_type(request: Request[Any, Any, Any]) -> str | None:
    """The request's Content-Type when it names a form encoding, else None."""
    media = media_type(request.headers.get("content-type"))
    return media if media in FORM_MEDIA_TYPES else None


def form_body_refused(media: str) -> FormBodyRefused:
    """The 415 for a form sent to a JSON endpoint, saying what to send instead."""
    return FormBodyRefused(
        detail=(
            f"this endpoint reads a JSON object, not {media}: send the fields as a JSON object "
            f"with the header Content-Type: {JSON}"
        )
    )


def refuse_form_body(request: Request[Any, Any, Any]) -> None:
    """Raise the 415 when the request's body is form-encoded."""
    media = form_media_type(request)
    if media is not None:
        raise form_body_refused(media)
