"""A KYC document's bytes as an attachment, as the API and the console both serve it."""

from __future__ import annotations

from litestar import Response

from domain.kyc.documents import KycDocument
from domain.kyc.sniff import EXTENSIONS


def document_attachment(document: KycDocument, content: bytes) -> Response[bytes]:
    """The document as a download named `<id>.<ext>`: never sniffed, never cached."""
    filename = f"{document.id}.{EXTENSIONS.get(document.media_type, 'bin')}"
    return Response(
        content,
        media_type=document.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )
