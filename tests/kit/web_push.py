"""Web Push from the browser's side: a subscription's keys and the decryption of what is
pushed to it (RFC 8291, aes128gcm), and a VAPID key pair for the sender (RFC 8292)."""

from __future__ import annotations

import base64
import json
import os
from typing import Any

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64(raw: bytes) -> str:
    """Unpadded base64url, as Web Push writes its keys."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def public_point(key: ec.EllipticCurvePublicKey) -> bytes:
    """The P-256 public key as its uncompressed point (65 bytes)."""
    return key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def vapid_pair() -> tuple[str, ec.EllipticCurvePublicKey]:
    """A fresh VAPID key pair: the private key as the settings take it (its 32 bytes,
    base64url) and the public key."""
    key = ec.generate_private_key(ec.SECP256R1())
    return b64(key.private_numbers().private_value.to_bytes(32, "big")), key.public_key()


class PushBrowser:
    """A browser's keys for a PushSubscription (a P-256 pair and an auth secret), and the
    reading of what a push service delivers to it."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)

    @property
    def keys(self) -> dict[str, str]:
        """The subscription's `keys`, as the browser's PushSubscription lists them."""
        return {"p256dh": b64(public_point(self.key.public_key())), "auth": b64(self.auth)}

    @property
    def keys_text(self) -> str:
        """The same keys as the JSON text a Web Push destination keeps."""
        return json.dumps(self.keys)

    def decrypt(self, body: bytes) -> dict[str, Any]:
        """The JSON document a push delivered to this browser carries."""
        plain = http_ece.decrypt(
            body, private_key=self.key, auth_secret=self.auth, version="aes128gcm"
        )
        document: dict[str, Any] = json.loads(plain)
        return document
