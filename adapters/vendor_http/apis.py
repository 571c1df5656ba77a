"""Each vendor's REST API as VendorHttp calls it: base URL, key, error and limit answers.

- Polygon (https://api.polygon.io): the key as `Authorization: Bearer` (so the `next_url` of a
  page is followed as given); errors are `{"status": "ERROR"|"NOT_AUTHORIZED", "error"|"message"}`
  with 401/403/404/429.
- Finnhub (https://finnhub.io/api/v1): the key as the `X-Finnhub-Token` header; errors are
  `{"error": "..."}` with 401/403/429 ("API limit reached").
- Alpha Vantage (https://www.alphavantage.co): the key as the `apikey` query parameter (its only
  way); every answer is 200: an error is `{"Error Message": ...}`, a rate limit or a premium-only
  endpoint an `{"Information": ...}` or `{"Note": ...}` body.
"""

from __future__ import annotations

from typing import Any

from adapters.vendor_http.client import Limited, Refused, VendorApi

POLYGON_URL = "https://api.polygon.io"
FINNHUB_URL = "https://finnhub.io/api/v1"
ALPHAVANTAGE_URL = "https://www.alphavantage.co"

# Alpha Vantage's free tier also has a daily cap: an answer naming it blocks for an hour.
_DAILY_CAP_RETRY_S = 3600.0


def polygon_body(body: Any) -> Limited | Refused | None:
    if isinstance(body, dict) and body.get("status") in ("ERROR", "NOT_AUTHORIZED"):
        message = body.get("error") or body.get("message") or str(body.get("status"))
        return Refused(str(message)[:300])
    return None


def finnhub_body(body: Any) -> Limited | Refused | None:
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        message = body["error"]
        if "limit" in message.lower():
            return Limited()
        return Refused(message[:300])
    return None


def alphavantage_body(body: Any) -> Limited | Refused | None:
    """Alpha Vantage's errors: all 200s, told apart by their body."""
    if not isinstance(body, dict):
        return None
    if isinstance(body.get("Error Message"), str):
        message = body["Error Message"]
        # A bad key and an unknown symbol both read "Invalid API call" or name the apikey.
        bad_key = "apikey" in message.lower()
        return Refused(message[:300], unknown=not bad_key)
    note = body.get("Note") or body.get("Information")
    if isinstance(note, str) and len(body) == 1:
        return _alphavantage_note(note)
    return None


def _alphavantage_note(note: str) -> Limited | Refused:
    """A "Note"/"Information" alone: a limit (per second, minute or day) or a plan's refusal."""
    lowered = note.lower()
    limited = any(word in lowered for word in ("limit", "frequency", "sparingly"))
    if "premium endpoint" in lowered or ("premium" in lowered and not limited):
        return Refused(f"not in this plan: {note[:200]}")
    if "per second" in lowered:
        return Limited(1.0)
    if "frequency" in lowered or "per minute" in lowered:
        return Limited(60.0)
    if "per day" in lowered or "daily" in lowered:
        return Limited(_DAILY_CAP_RETRY_S)
    if limited:
        return Limited(60.0)
    return Refused(note[:300])


def polygon_api(base_url: str = POLYGON_URL) -> VendorApi:
    return VendorApi(
        "polygon", base_url, key_header="Authorization", key_prefix="Bearer ",
        check_body=polygon_body,
    )  # fmt: skip


def finnhub_api(base_url: str = FINNHUB_URL) -> VendorApi:
    return VendorApi("finnhub", base_url, key_header="X-Finnhub-Token", check_body=finnhub_body)


def alphavantage_api(base_url: str = ALPHAVANTAGE_URL) -> VendorApi:
    return VendorApi(
        "alphavantage", base_url, key_param="apikey", check_body=alphavantage_body,
        unknown_status=frozenset(),
    )  # fmt: skip
