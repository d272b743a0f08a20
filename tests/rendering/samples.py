"""Sample document views for the template tests (ICAO specimen data, MRZ from the vectors)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image, ImageDraw

from templates.view import DocumentView

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "mrz.json").read_text())
# Any bytes do as a seal for rendering; binary on purpose (NUL, 0xFF, non-UTF-8) so that the
# read-back proves the DataMatrix carries bytes, not text.
SEAL = bytes([0xDC, 0x03, 0x00, 0xFF, 0x80, 0x0A]) + bytes(range(256))[::7] * 4


def portrait_jpeg() -> bytes:
    """A drawn stand-in for a photo: light background, a head and shoulders."""
    image = Image.new("RGB", (350, 450), (225, 230, 236))
    draw = ImageDraw.Draw(image)
    draw.ellipse((110, 70, 240, 240), fill=(196, 160, 130))
    draw.ellipse((60, 250, 290, 560), fill=(60, 80, 110))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def id_card(*, portrait: bool = True) -> DocumentView:
    return DocumentView(
        document_number="D23145890",
        fields={
            "surname": "ERIKSSON",
            "given_names": "ANNA MARIA",
            "date_of_birth": "12 AUG 1974",
            "sex": "F",
            "nationality": "UTO",
            "date_of_issue": "16 APR 2024",
            "date_of_expiry": "15 APR 2029",
            "issuing_post": "Consulate General, Zenith",
            "place_of_birth": "Zenith, Utopia",
            "address": "12 Harbour Street, Apartment 4B, 1204 Zenith City, Atlantis",
            "issuing_authority": "Consulate General of Utopia in Zenith",
        },
        mrz=tuple(VECTORS["td1_specimen"]),
        seal=SEAL,
        portrait_jpeg=portrait_jpeg() if portrait else None,
    )


def etd() -> DocumentView:
    return DocumentView(
        document_number="D23145890",
        fields={
            "surname": "ERIKSSON",
            "given_names": "ANNA MARIA",
            "date_of_birth": "12 AUG 1974",
            "sex": "F",
            "nationality": "UTOPIAN",
            "place_of_birth": "Zenith, Utopia",
            "replaced_passport": "L898902C3 (lost)",
            "date_of_issue": "20 JUN 2026",
            "date_of_expiry": "27 JUN 2026",
            "issuing_post": "Consulate General, Zenith",
            "destination": "Zenith (UTO)",
            "transit_points": "Frankfurt (DEU), Doha (QAT), Singapore (SGP), Sydney (AUS)",
            "issuing_authority": "Consulate General of Utopia in Zenith",
        },
        mrz=tuple(VECTORS["etd_single_sheet_td2_PU"]),
        seal=SEAL[:120],
        portrait_jpeg=None,
    )
