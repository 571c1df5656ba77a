"""A DocumentStore on S3 or an S3-compatible server (MinIO, Ceph, moto), over httpx + SigV4.

Path-style addressing (`<endpoint>/<bucket>/<key>`), which every compatible server accepts.
A PUT of one object is atomic on S3 (readers see the old object or the whole new one).
Each request is signed with AWS Signature V4 (adapters/documents/sigv4.py) including the
payload's SHA-256, so the server also checks the body arrived intact. Failures surface as
DocumentStoreUnavailable naming the status, never the credentials.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from adapters.documents.sigv4 import Credentials, authorization, uri_encode
from adapters.tls import client_tls
from ports.identity.documents import DocumentMissing, DocumentStoreUnavailable, check_key

SERVICE = "s3"


class S3DocumentStore:
    """Objects in one bucket; `client` is injectable (tests), else one is made per store."""

    def __init__(
        self,
        endpoint: str,
        bucket: str,
        region: str,
        credentials: Credentials,
        *,
        client: httpx.AsyncClient | None = None,
        timeout: float = 30.0,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("the S3 endpoint must be an http:// or https:// URL")
        self._base = f"{parts.scheme}://{parts.netloc}"
        self._host = parts.netloc
        self._bucket = bucket
        self._region = region
        self._credentials = credentials
        self._client = client or httpx.AsyncClient(timeout=timeout, verify=client_tls())
        self._now = now

    def __repr__(self) -> str:
        return f"S3DocumentStore({self._base!r}, bucket={self._bucket!r})"

    async def close(self) -> None:
        await self._client.aclose()

    async def put(self, key: str, data: bytes) -> None:
        response = await self._send("PUT", self._path(key), data)
        self._expect(response, "put", 200)

    async def get(self, key: str) -> bytes:
        response = await self._send("GET", self._path(key))
        if response.status_code == 404:
            raise DocumentMissing("no document under this key")
        self._expect(response, "get", 200)
        return response.content

    async def delete(self, key: str) -> None:
        response = await self._send("DELETE", self._path(key))
        if response.status_code != 404:
            self._expect(response, "delete", 200, 204)

    async def exists(self, key: str) -> bool:
        response = await self._send("HEAD", self._path(key))
        if response.status_code == 404:
            return False
        self._expect(response, "head", 200)
        return True

    async def create_bucket(self) -> None:
        """Creates the bucket (an existing one of ours is fine): for tests and first setup."""
        body = b""
        if self._region != "us-east-1":
            body = (
                "<CreateBucketConfiguration><LocationConstraint>"
                f"{self._region}</LocationConstraint></CreateBucketConfiguration>"
            ).encode()
        response = await self._send("PUT", "/" + uri_encode(self._bucket, keep_slash=False), body)
        if response.status_code == 409 and b"BucketAlreadyOwnedByYou" in response.content:
            return
        self._expect(response, "create bucket", 200)

    def _path(self, key: str) -> str:
        bucket = uri_encode(self._bucket, keep_slash=False)
        return f"/{bucket}/{uri_encode(check_key(key), keep_slash=True)}"

    async def _send(self, method: str, path: str, body: bytes = b"") -> httpx.Response:
        at = self._now().astimezone(UTC).replace(microsecond=0)
        payload = hashlib.sha256(body).hexdigest()
        headers = {
            "host": self._host,
            "x-amz-content-sha256": payload,
            "x-amz-date": at.strftime("%Y%m%dT%H%M%SZ"),
        }
        headers["authorization"] = authorization(
            self._credentials, method=method, path=path, query={}, headers=headers,
            payload_sha256=payload, region=self._region, service=SERVICE, at=at,
        )  # fmt: skip
        try:
            return await self._client.request(
                method, self._base + path, headers=headers, content=body or None
            )
        except httpx.HTTPError as error:
            raise DocumentStoreUnavailable(f"S3 {method} failed: {type(error).__name__}") from None

    @staticmethod
    def _expect(response: httpx.Response, what: str, *ok: int) -> None:
        if response.status_code not in ok:
            raise DocumentStoreUnavailable(f"S3 {what} answered {response.status_code}")
