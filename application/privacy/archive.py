"""A person's data export as one zip: `manifest.json`, then each section twice, as
`<section>.json` (a list of objects) and `<section>.csv` (RFC 4180, a header row)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from application.core.spreadsheet_cells import FORMULA_START
from domain.privacy.personal_data import PersonalDataExport

MEDIA_TYPE = "application/zip"


def file_name(export: PersonalDataExport) -> str:
    """`bulwark-personal-data-<user>-<YYYYmmddTHHMMSSZ>.zip`."""
    return f"bulwark-personal-data-{export.user_id}-{export.generated_at:%Y%m%dT%H%M%SZ}.zip"


def archive(export: PersonalDataExport) -> bytes:
    """The export as zip bytes (deflated; the same export gives the same bytes)."""
    stamp = export.generated_at.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip_file:

        def put(name: str, text: str) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zip_file.writestr(info, text)

        put("manifest.json", json.dumps(_manifest(export), indent=2))
        for section in export.sections:
            put(f"{section.name}.json", json.dumps([dict(row) for row in section.rows], indent=2))
            put(f"{section.name}.csv", _csv(section.columns, section.rows))
    return buffer.getvalue()


def _manifest(export: PersonalDataExport) -> dict[str, object]:
    return {
        "user_id": export.user_id,
        "generated_at": export.generated_at.isoformat(),
        "conventions": (
            "every value is text: amounts as plain decimal strings, instants in ISO 8601 UTC, "
            "lists joined by ';', absent as ''; no secret (hash, digest, key, ciphertext) is "
            "ever included"
        ),
        "sections": [
            {
                "name": section.name,
                "about": section.about,
                "rows": len(section.rows),
                "columns": list(section.columns),
                "files": [f"{section.name}.json", f"{section.name}.csv"],
            }
            for section in export.sections
        ],
    }


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets a `'` first,
    except a number's minus sign (`-12.50` stays a number)."""
    if not cell.startswith(FORMULA_START):
        return cell
    try:
        number = Decimal(cell).is_finite()
    except InvalidOperation:
        number = False
    return cell if number else f"'{cell}"


def _csv(columns: tuple[str, ...], rows: Sequence[Mapping[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([spreadsheet_safe(row.get(c, "")) for c in columns] for row in rows)
    return out.getvalue()
