"""The seal byte layout against ICAO Doc 9303 Part 8 Appendix B and the STANDARDS.md vectors."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from workstation.domain.errors import DomainError
from workstation.domain.vds import (
    ETD_MRZ_TAG,
    SealHeader,
    encode_etd_seal,
    encode_header,
    encode_seal,
    encode_signature,
    etd_features,
    etd_header,
    etd_mrz,
    parse_seal,
)
from workstation.domain.vds_codec import (
    c40_decode,
    c40_encode,
    decode_date,
    decode_der_length,
    encode_date,
    encode_der_length,
)

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "vectors" / "vds.json").read_text(encoding="utf-8")
)
ICAO = VECTORS["icao_9303_8_appendix_b_etd_seal"]
ICAO_SEAL = bytes.fromhex(ICAO["hex"])
EXPECT = ICAO["expect"]
MRZ = tuple(EXPECT["mrz"])


@pytest.mark.parametrize(("text", "hex_"), sorted(VECTORS["c40_examples"].items()))
def test_c40_examples(text: str, hex_: str) -> None:
    assert c40_encode(text).hex().upper() == hex_
    assert c40_decode(bytes.fromhex(hex_)) == text.replace("<", " ")


@pytest.mark.parametrize("text", ["", "A", "AB", "ABC", "ABCD", "0 9Z", "<<<<", "A1 "])
def test_c40_round_trips(text: str) -> None:
    assert c40_decode(c40_encode(text)) == text.replace("<", " ")


def test_c40_refuses_lower_case_and_names_the_field() -> None:
    with pytest.raises(DomainError) as info:
        c40_encode("abc", "signer")
    assert (info.value.code, info.value.field) == ("vds.bad_c40", "signer")


@pytest.mark.parametrize(
    "hex_",
    [
        "EB",  # odd length
        "FA02",  # above the largest triple
        "0000",  # value -1
        "FE45EB04",  # single character not last
        "FE61",  # single lower-case character
        "FE00",  # single NUL
        "EB01EB04",  # shift padding in a non-final triple
        "0001",  # shift values in the first positions
    ],
)
def test_c40_refuses_non_canonical_bytes(hex_: str) -> None:
    with pytest.raises(DomainError) as info:
        c40_decode(bytes.fromhex(hex_), "mrz")
    assert (info.value.code, info.value.field) == ("vds.bad_c40", "mrz")


def test_date_example() -> None:
    ((iso, hex_),) = VECTORS["date_example"].items()
    date = dt.date.fromisoformat(iso)
    assert encode_date(date).hex().upper() == hex_
    assert decode_date(bytes.fromhex(hex_)) == date


def test_impossible_date_is_refused() -> None:
    with pytest.raises(DomainError) as info:
        decode_date((13_01_2024).to_bytes(3, "big"), "issue_date")
    assert (info.value.code, info.value.field) == ("vds.bad_date", "issue_date")
    with pytest.raises(DomainError, match=r"vds\.bad_date"):
        decode_date((2_30_2024).to_bytes(3, "big"))


@pytest.mark.parametrize(
    ("length", "hex_"),
    [(0, "00"), (48, "30"), (127, "7F"), (128, "8180"), (255, "81FF"), (256, "820100")],
)
def test_der_lengths(length: int, hex_: str) -> None:
    encoded = bytes.fromhex(hex_)
    assert encode_der_length(length) == encoded
    assert decode_der_length(encoded + b"\xaa", 0, "f") == (length, len(encoded))


@pytest.mark.parametrize("hex_", ["8100", "817F", "82007F", "80", "84000000FF"])
def test_non_minimal_der_lengths_are_refused(hex_: str) -> None:
    with pytest.raises(DomainError, match=r"vds\.bad_length"):
        decode_der_length(bytes.fromhex(hex_) + bytes(300), 0, "f")


def test_icao_seal_parses_to_every_expected_value() -> None:
    seal = parse_seal(ICAO_SEAL)
    header = seal.header
    assert header.version == EXPECT["version"]
    assert header.issuing_country == EXPECT["issuing_country"]
    assert header.signer == EXPECT["signer"]
    assert header.cert_ref == EXPECT["cert_ref"]
    assert header.issue_date.isoformat() == EXPECT["issue_date"]
    assert header.signature_date.isoformat() == EXPECT["signature_date"]
    assert header.feature_def_ref == EXPECT["feature_def_ref"]
    assert header.doc_type_category == EXPECT["doc_type_category"]
    assert seal.header_len == EXPECT["header_len"]
    ((tag, value),) = seal.features
    assert (tag, len(value)) == (EXPECT["mrz_tag"], EXPECT["mrz_len"])
    assert etd_mrz(seal) == MRZ
    assert len(seal.signature) == 64
    assert seal.signed_bytes + encode_signature(seal.signature) == ICAO_SEAL


def test_icao_seal_re_encodes_byte_for_byte() -> None:
    seal = parse_seal(ICAO_SEAL)
    assert encode_seal(seal.header, seal.features) == seal.signed_bytes
    assert encode_etd_seal(seal.header, MRZ) == seal.signed_bytes
    assert len(encode_header(seal.header)) == 18


def test_signer_and_cert_ref_block_matches_the_vector() -> None:
    # "UTTS" + length "02" + "5B" is one C40 string; its first 4 bytes hold signer + length.
    assert ICAO_SEAL[4:10] == c40_encode("UTTS025B")
    assert ICAO_SEAL[4:10].hex().upper() == VECTORS["c40_examples"]["UTTS025B"]


HEADER = etd_header("D<<", "DETS", "1A2B3", dt.date(2026, 11, 25), dt.date(2026, 11, 24))


@pytest.mark.parametrize("ref", ["1", "12", "123", "1234", "12345", "A" * 20])
def test_every_cert_ref_length_round_trips(ref: str) -> None:
    header = etd_header("UTO", "UTTS", ref, dt.date(2026, 1, 2), dt.date(2026, 1, 3))
    signed = encode_seal(header, etd_features(MRZ))
    seal = parse_seal(signed + encode_signature(bytes(64)))
    assert seal.header == header
    assert etd_mrz(seal) == MRZ


def test_length_of_cert_ref_is_hexadecimal() -> None:
    header = etd_header("UTO", "UTTS", "B" * 16, dt.date(2026, 1, 2), dt.date(2026, 1, 3))
    assert c40_decode(encode_header(header)[4:8]) == "UTTS10"


def test_country_filler_comes_back_as_chevrons() -> None:
    seal = parse_seal(encode_etd_seal(HEADER, MRZ) + encode_signature(bytes(64)))
    assert seal.header.issuing_country == "D<<"


def test_long_feature_uses_long_form_length() -> None:
    signed = encode_seal(HEADER, [(ETD_MRZ_TAG, b"x" * 200), (0x03, b"")])
    seal = parse_seal(signed + encode_signature(bytes(96)))
    assert seal.features == ((ETD_MRZ_TAG, b"x" * 200), (0x03, b""))
    assert len(seal.signature) == 96


@pytest.mark.parametrize(
    ("data", "code", "field"),
    [
        (b"", "vds.truncated", "magic"),
        (b"\xdd" + ICAO_SEAL[1:], "vds.bad_magic", "magic"),
        (ICAO_SEAL[:1] + b"\x02" + ICAO_SEAL[2:], "vds.unsupported_version", "version"),
        (ICAO_SEAL[:12], "vds.truncated", "issue_date"),
        (ICAO_SEAL[:18], "vds.missing_signature", "signature"),
        (ICAO_SEAL[:40], "vds.truncated", "feature_value"),
        (ICAO_SEAL[:-1], "vds.truncated", "signature"),
        (ICAO_SEAL + b"\x00", "vds.trailing_bytes", "signature"),
        (ICAO_SEAL[:2] + b"\xff\xff" + ICAO_SEAL[4:], "vds.bad_c40", "issuing_country"),
        (ICAO_SEAL[:10] + b"\x00\x00\x00" + ICAO_SEAL[13:], "vds.bad_date", "issue_date"),
    ],
)
def test_malformed_seals_raise_coded_errors(data: bytes, code: str, field: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_seal(data)
    assert (info.value.code, info.value.field) == (code, field)


def test_header_fields_are_validated_before_encoding() -> None:
    bad = SealHeader("UTO", "utts", "5B", dt.date(2026, 1, 1), dt.date(2026, 1, 1), 94, 3)
    with pytest.raises(DomainError) as info:
        encode_header(bad)
    assert (info.value.code, info.value.field) == ("vds.bad_value", "signer")


@pytest.mark.parametrize(
    "lines",
    [(MRZ[0],), (MRZ[0], MRZ[1][:-1]), (MRZ[0].lower(), MRZ[1]), (MRZ[0], MRZ[1] + "<")],
)
def test_etd_mrz_must_be_two_lines_of_36(lines: tuple[str, ...]) -> None:
    with pytest.raises(DomainError) as info:
        etd_features(lines)
    assert (info.value.code, info.value.field) == ("vds.bad_value", "mrz")


def test_duplicate_features_are_refused() -> None:
    with pytest.raises(DomainError, match=r"vds\.duplicate_feature"):
        encode_seal(HEADER, [(2, b"a"), (2, b"b")])
    signed = encode_header(HEADER) + b"\x02\x01a\x02\x01b"
    with pytest.raises(DomainError, match=r"vds\.duplicate_feature"):
        parse_seal(signed + encode_signature(bytes(64)))


def test_non_etd_seal_has_no_etd_mrz() -> None:
    other = SealHeader("UTO", "UTTS", "5B", dt.date(2026, 1, 1), dt.date(2026, 1, 1), 93, 3)
    seal = parse_seal(encode_seal(other, etd_features(MRZ)) + encode_signature(bytes(64)))
    with pytest.raises(DomainError, match=r"vds\.wrong_profile"):
        etd_mrz(seal)
