"""Sniffing: the type from the content alone; anything but PDF, PNG, JPEG refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.kyc.sniff import JPEG, PDF, PNG, UnsupportedDocumentType, sniff
from tests.http.kyc_samples import ELF, MZ, SCRIPT, ZIP
from tests.http.kyc_samples import JPEG as JPEG_FILE
from tests.http.kyc_samples import PDF as PDF_FILE
from tests.http.kyc_samples import PNG as PNG_FILE


@pytest.mark.parametrize(
    ("content", "expected"), [(PDF_FILE, PDF), (PNG_FILE, PNG), (JPEG_FILE, JPEG)]
)
def test_the_three_types_are_told_from_their_bytes(content: bytes, expected: str) -> None:
    assert sniff(content) == expected


@pytest.mark.parametrize(
    "content",
    [
        ELF, MZ, SCRIPT, ZIP, b"", b"%PDF-1.7 but no end marker",
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIDAT",  # signature without IHDR
        b"\xff\xd8\xff\x00",  # SOI with no valid marker
        b"MZ" + b"%PDF-" + b"%%EOF",  # an executable with PDF words inside
    ],
)  # fmt: skip
def test_anything_else_is_refused(content: bytes) -> None:
    with pytest.raises(UnsupportedDocumentType):
        sniff(content)


@given(st.binary(max_size=256))
def test_accepted_content_always_starts_with_its_signature(content: bytes) -> None:
    try:
        kind = sniff(content)
    except UnsupportedDocumentType:
        return
    prefix = {PDF: b"%PDF-", PNG: b"\x89PNG\r\n\x1a\n", JPEG: b"\xff\xd8\xff"}[kind]
    assert content.startswith(prefix)
