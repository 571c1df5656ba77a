"""Which type a document is, told from its bytes alone (never its name or declared type).

Only three types are accepted, each by a check a renamed executable, script or archive
cannot pass: PDF (`%PDF-` header and an `%%EOF` marker near the end), PNG (the 8-byte
signature followed by the IHDR chunk of length 13), JPEG (SOI followed by a marker a JPEG
can start with). Anything else is refused.
"""

from __future__ import annotations

from domain.errors import DomainError

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg"}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_IHDR = b"\x00\x00\x00\x0dIHDR"
_PDF_EOF_WINDOW = 1024  # writers may append a newline or a little junk after %%EOF
# Markers that may follow SOI: APP0-APP15, DQT, DHT, SOF0-SOF3, DRI, COM.
_JPEG_FIRST_MARKERS = frozenset(
    [*range(0xE0, 0xF0), 0xDB, 0xC4, 0xC0, 0xC1, 0xC2, 0xC3, 0xDD, 0xFE]
)


class UnsupportedDocumentType(DomainError):
    """The content is not a PDF, PNG or JPEG (whatever its name or declared type says)."""

    code = "UNSUPPORTED_DOCUMENT_TYPE"


def sniff(content: bytes) -> str:
    """The media type of `content`; raises UnsupportedDocumentType for anything else."""
    if content.startswith(b"%PDF-") and b"%%EOF" in content[-_PDF_EOF_WINDOW:]:
        return PDF
    if content.startswith(_PNG_SIGNATURE) and content[8:16] == _PNG_IHDR:
        return PNG
    if len(content) >= 4 and content[:3] == b"\xff\xd8\xff" and content[3] in _JPEG_FIRST_MARKERS:
        return JPEG
    raise UnsupportedDocumentType(
        "the file is not a PDF, PNG or JPEG (told from its content)", field="file"
    )
