"""Our own visible-digital-seal profiles (docs/vds-profiles.md), shared by the issuer that
writes them and the verifier that reads them so both stay in step.

0xFA/0xFB are outside the values ICAO has assigned, so a reader that does not know them sees an
unknown profile rather than a wrong one. The ETD uses ICAO's own profile (``vds.etd_header``).
"""

from __future__ import annotations

from collections.abc import Sequence

from workstation.domain.errors import DomainError
from workstation.domain.vds import Feature
from workstation.domain.vds_codec import c40_encode

ID_CARD_FEATURE_DEF_REF = 0xFA
ID_CARD_DOC_TYPE_CATEGORY = 0xFA
ID_CARD_MRZ_TAG = 0x01
ID_CARD_POST_TAG = 0x02
ID_CARD_MRZ_LINE_LENGTH = 30
ID_CARD_MRZ_C40_LENGTH = 60
CIVIL_FEATURE_DEF_REF = 0xFB
CIVIL_DOC_TYPE_CATEGORY = 0xFB


def id_card_features(mrz_lines: Sequence[str], post_code: str) -> list[Feature]:
    """Message of the consular ID card profile: tag 0x01 = the 3x30 TD1 MRZ as C40 (60 bytes),
    tag 0x02 = the issuing post code as C40 with ``-`` written ``<`` (C40 has no hyphen)."""
    if len(mrz_lines) != 3 or any(len(line) != ID_CARD_MRZ_LINE_LENGTH for line in mrz_lines):
        raise DomainError("vds.bad_value", "mrz")
    return [
        (ID_CARD_MRZ_TAG, c40_encode("".join(mrz_lines), "mrz")),
        (ID_CARD_POST_TAG, c40_encode(post_code.replace("-", "<"), "post_code")),
    ]
