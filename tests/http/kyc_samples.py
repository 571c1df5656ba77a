"""Tiny but valid PDF, PNG and JPEG files, executables disguised as documents, and a harness
configured for uploads."""

from __future__ import annotations

import base64
import os
import struct
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tests.http.core_helpers import harness_with
from tests.http.harness import Harness


@asynccontextmanager
async def kyc_harness(documents: Path, **settings: str) -> AsyncIterator[Harness]:
    """A harness keeping KYC documents in `documents`, under a configured KEK (on a SQL store,
    BULWARK_TEST_STORE_URL, uploads need one)."""
    kek = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"
    async with harness_with(documents_dir=str(documents), keks=kek, **settings) as harness:
        yield harness


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


PDF = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    b"trailer <</Root 1 0 R>>\n%%EOF\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n"
    + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    + _png_chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    + _png_chunk(b"IEND", b"")
)
JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    b"\xff\xdb\x00\x43\x00" + bytes(range(1, 65)) + b"\xff\xd9"
)
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"%PDF-1.4 %%EOF"
MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(54) + b"PE\x00\x00"
SCRIPT = b"#!/bin/sh\nrm -rf /\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(20)
