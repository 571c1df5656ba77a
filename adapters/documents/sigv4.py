"""AWS Signature Version 4 for the S3 REST API (header-based, as the AWS documentation has it).

https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
Steps: a canonical request (method, URI, query, headers, signed header names, payload hash),
the string to sign (algorithm, time, scope, hash of the canonical request), a signing key
derived by HMAC-SHA256 chaining date, region, service and "aws4_request", the signature.
Checked against the published AWS example vectors (tests/unit/kyc/test_sigv4.py).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote

ALGORITHM = "AWS4-HMAC-SHA256"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


@dataclass(frozen=True, slots=True)
class Credentials:
    access_key_id: str
    secret_access_key: str = field(repr=False)


def uri_encode(text: str, *, keep_slash: bool) -> str:
    """RFC 3986 encoding as SigV4 wants it: unreserved characters kept, the rest %XX."""
    return quote(text, safe="-_.~/" if keep_slash else "-_.~")


def canonical_query(params: Mapping[str, str]) -> str:
    pairs = sorted((uri_encode(k, keep_slash=False), uri_encode(v, keep_slash=False))
                   for k, v in params.items())  # fmt: skip
    return "&".join(f"{k}={v}" for k, v in pairs)


def _canonical_headers(headers: Mapping[str, str]) -> tuple[str, str]:
    cleaned = {name.lower().strip(): " ".join(value.strip().split())
               for name, value in headers.items()}  # fmt: skip
    names = sorted(cleaned)
    block = "".join(f"{name}:{cleaned[name]}\n" for name in names)
    return block, ";".join(names)


def canonical_request(
    method: str, path: str, query: Mapping[str, str], headers: Mapping[str, str], payload: str
) -> tuple[str, str]:
    """The canonical request and its signed header names; `path` is already URI-encoded."""
    block, signed = _canonical_headers(headers)
    text = "\n".join((method.upper(), path or "/", canonical_query(query), block, signed, payload))
    return text, signed


def signing_key(secret: str, day: str, region: str, service: str) -> bytes:
    key = _hmac(("AWS4" + secret).encode("utf-8"), day)
    for part in (region, service, "aws4_request"):
        key = _hmac(key, part)
    return key


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()


def authorization(
    credentials: Credentials,
    *,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    payload_sha256: str,
    region: str,
    service: str,
    at: datetime,
) -> str:
    """The Authorization header of a request whose `headers` include host and x-amz-date.

    `at` must be the same instant as the x-amz-date header (UTC).
    """
    stamp = at.strftime("%Y%m%dT%H%M%SZ")
    day = stamp[:8]
    scope = f"{day}/{region}/{service}/aws4_request"
    request, signed = canonical_request(method, path, query, headers, payload_sha256)
    to_sign = "\n".join(
        (ALGORITHM, stamp, scope, hashlib.sha256(request.encode("utf-8")).hexdigest())
    )
    key = signing_key(credentials.secret_access_key, day, region, service)
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return (
        f"{ALGORITHM} Credential={credentials.access_key_id}/{scope}, "
        f"SignedHeaders={signed}, Signature={signature}"
    )
