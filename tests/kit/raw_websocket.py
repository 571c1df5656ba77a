"""A WebSocket client on a raw socket that subscribes and then never reads: the slow client
a quotes server must not wait on (the handshake and its one frame written by hand, RFC 6455)."""

from __future__ import annotations

import base64
import json
import os
import socket
from collections.abc import Sequence


def never_reading_socket(
    url: str, symbols: Sequence[str], *, receive_buffer: int, timeout: float
) -> tuple[socket.socket, bytes]:
    """Opens `url` (ws://host:port/path?query) on a socket with a `receive_buffer`-byte
    receive buffer, subscribes to `symbols` and reads nothing more; returns the socket and
    the server's answer to the handshake (its status line and headers)."""
    host, port = url.split("//", 1)[1].split("/", 1)[0].split(":")
    path = "/" + url.split("//", 1)[1].split("/", 1)[1]
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.settimeout(timeout)
    sock.connect((host, int(port)))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
        "Sec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += sock.recv(1)
    sock.sendall(_text_frame(json.dumps({"action": "subscribe", "symbols": list(symbols)})))
    return sock, answer


def _text_frame(text: str) -> bytes:
    """One masked text frame as a client sends it (a payload under 64 KiB)."""
    payload = text.encode()
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    if len(payload) < 126:
        length = bytes([0x80 | len(payload)])
    else:
        length = bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
    return bytes([0x81]) + length + mask + masked
