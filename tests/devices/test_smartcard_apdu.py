"""Pure APDU builders, status words, BER-TLV and data group parsing: no PC/SC needed."""

from __future__ import annotations

import pytest

from devices.errors import DeviceError
from devices.smartcard import tlv
from devices.smartcard.apdu import (
    Response,
    build_apdu,
    check_status,
    create_file,
    get_challenge,
    read_binary,
    select_aid,
    select_fid,
    status_code,
    update_binary,
)
from devices.smartcard.icao import parse_com, parse_dg1, parse_dg2

H = bytes.fromhex


def test_select_commands_ask_for_no_response_data() -> None:
    assert select_fid(0x3F00) == H("00A4000C023F00")
    assert select_fid(0x011E, p1=0x02) == H("00A4020C02011E")
    assert select_aid(H("A0000002471001")) == H("00A4040C07A0000002471001")
    with pytest.raises(ValueError):
        select_aid(b"\x01\x02")


def test_create_file_builds_an_fcp_template() -> None:
    assert create_file(0x0101, size=300) == H(
        "00E0000010" + "620E" + "820101830201018002012C8A0105"
    )
    assert create_file(0x1000, aid=H("F0434F4E53554C01")) == H(
        "00E0000016" + "6214" + "820138830210008408F0434F4E53554C01" + "8A0105"
    )
    assert create_file(0x0102, size=10, short_fid=2)[5:7] == H("6211")
    with pytest.raises(ValueError):
        create_file(0x3F00, size=10)
    with pytest.raises(ValueError):
        create_file(0x0101)


def test_binary_commands_put_the_offset_in_p1_p2() -> None:
    assert update_binary(0x1234, b"\xaa\xbb") == H("00D6123402AABB")
    assert read_binary(0x7FFF, 256) == H("00B07FFF00")
    assert read_binary(0, 4) == H("00B0000004")
    assert get_challenge() == H("0084000008")
    with pytest.raises(ValueError):
        read_binary(0x8000, 1)
    with pytest.raises(ValueError):
        update_binary(0, b"")
    with pytest.raises(ValueError):
        build_apdu(0, 0xD6, 0, 0, bytes(256))


@pytest.mark.parametrize(
    ("sw", "code"),
    [
        (0x9000, None),
        (0x6A82, "card.file_not_found"),
        (0x6982, "card.security_status"),
        (0x6700, "card.wrong_length"),
        (0x6C10, "card.wrong_length"),
        (0x6282, "card.end_of_file"),
        (0x63C2, "card.verification_failed"),
        (0x6F00, "card.error"),
    ],
)
def test_status_words_map_to_stable_codes(sw: int, code: str | None) -> None:
    assert status_code(sw) == code


def test_check_status_raises_with_the_command_in_the_detail() -> None:
    ok = Response(b"\x01", 0x90, 0x00)
    assert check_status(ok, "READ") is ok
    with pytest.raises(DeviceError) as info:
        check_status(Response(b"", 0x6A, 0x82), "SELECT EF 0101")
    assert info.value.code == "card.file_not_found"
    assert info.value.detail == "SELECT EF 0101: SW 6A82"


def test_tlv_reads_multi_byte_tags_and_long_lengths() -> None:
    value = bytes(300)
    data = H("5F1F") + H("82012C") + value + H("0100")
    assert tlv.parse(data) == [(0x5F1F, value), (0x01, b"")]
    assert tlv.encode_length(300) == H("82012C")
    with pytest.raises(DeviceError) as info:
        tlv.parse(H("5F1F0501"))
    assert info.value.code == "card.malformed_data"
    with pytest.raises(DeviceError):
        tlv.parse(H("5F"))


def test_ef_com_and_dg1() -> None:
    com = H("60145F0104303130375F36063034303030305C026175")
    assert parse_com(com) == (0x61, 0x75)
    mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10"
    dg1 = H("615B5F1F58") + mrz.encode()
    assert parse_dg1(dg1) == mrz
    with pytest.raises(DeviceError) as info:
        parse_dg1(H("61075F1F04") + b"P<UT")
    assert info.value.code == "card.malformed_data"


def _dg2(image: bytes, *, wrap: bool = True, feature_points: int = 0) -> bytes:
    facial_length = 20 + 8 * feature_points + 12 + len(image)
    record = (
        b"FAC\x00010\x00"
        + (14 + facial_length).to_bytes(4, "big")
        + b"\x00\x01"
        + facial_length.to_bytes(4, "big")
        + feature_points.to_bytes(2, "big")
        + bytes(14)
        + bytes(8 * feature_points)
        + b"\x01\x00\x00\x78\x00\x96"
        + bytes(6)
        + image
    )
    bdb = H("5F2E") + tlv.encode_length(len(record)) + record
    inner = H("A1088702010188020501") + bdb  # biometric header template, then the block
    group = H("0201017F60") + tlv.encode_length(len(inner)) + inner
    templates = H("7F61") + tlv.encode_length(len(group)) + group
    return (H("75") + tlv.encode_length(len(templates)) + templates) if wrap else templates


def test_dg2_gives_the_jpeg_or_jpeg2000_image() -> None:
    jpeg = b"\xff\xd8\xff\xe0" + bytes(200) + b"\xff\xd9"
    portrait = parse_dg2(_dg2(jpeg))
    assert (portrait.image, portrait.format, portrait.width, portrait.height) == (
        jpeg,
        "jpeg",
        120,
        150,
    )
    assert parse_dg2(_dg2(jpeg, wrap=False)).image == jpeg
    assert parse_dg2(_dg2(jpeg, feature_points=2)).image == jpeg
    jp2 = b"\x00\x00\x00\x0cjP  \r\n\x87\n" + bytes(40)
    assert parse_dg2(_dg2(jp2)).format == "jp2"


@pytest.mark.parametrize(
    "dg2",
    [
        _dg2(b"GIF89a" + bytes(20)),  # not an ICAO image format
        _dg2(b"\xff\xd8\xff")[:-10],  # truncated
        H("7503020100"),  # no 7F61
        H("75067F6103020101"),  # no biometric data block
    ],
)
def test_malformed_dg2_is_reported(dg2: bytes) -> None:
    with pytest.raises(DeviceError) as info:
        parse_dg2(dg2)
    assert info.value.code == "card.malformed_data"
