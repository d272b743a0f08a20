"""Run Debian's vicc 3.3 (vsmartcard's virtual smartcard) with its Python 2 leftovers fixed.

Usage (what :mod:`tests.support.pcsc` does)::

    PYTHONPATH=/usr/lib/python3/site-packages/virtualsmartcard \\
    VICC_EPASS_MRZ="P<UTO...(88 characters)" VICC_EPASS_PHOTO=/tmp/face.jpg \\
        .venv/bin/python tests/support/vicc_launcher.py -t ePass -P 35984

The launcher imports vicc's modules, replaces the few functions that cannot work on
Python 3, then runs ``/usr/bin/vicc`` unchanged (``runpy``), so every command line
option of vicc keeps working. Nothing on disk is modified. Each patch below says what
it changes and why; everything else is vicc as shipped. Interpreter: one with
``pycryptodome`` (vicc imports ``Crypto``), i.e. the project's venv.

Patches (all found by running the commands our device layer sends):

1. ``TLVutils.pack``: ends with ``b"".join(result)`` on a ``bytes`` value, a TypeError
   for any input (joining ints). It builds every FCI (SELECT with P2=00) and the
   ePass data groups. Fixed: return ``result``. Modules that did
   ``from TLVutils import pack`` get the fixed function too.
2. ``Iso7816OS.formatResult``: compares ``le > len(data)`` for every "seekable"
   instruction; UPDATE/WRITE BINARY have no Le (``None``), a TypeError on Python 3
   that makes vicc drop the card. Fixed: the comparison only when an Le was sent.
3. ``CardGenerator.__generate_ePass``: asks for the MRZ and photo path with
   ``raw_input()`` (gone in Python 3) and builds the file system with ``str`` values
   (the LDS AID, the DG1/DG2 contents) that never match the ``bytes`` of an APDU.
   Replaced by the same layout (DF A0000002471001 with EF.COM 011E, DG1 0101,
   DG2 0102, empty EF.SOD 010D) built from bytes, with the MRZ and the JPEG taken
   from ``VICC_EPASS_MRZ`` / ``VICC_EPASS_PHOTO`` instead of the terminal. Two
   data fixes on the way: EF.COM's tag list (5C) holds the bytes ``61 75`` (upstream
   writes the 4 ASCII characters "6175" under a length of 2, a broken TLV), and DG2
   is wrapped in its file tag ``75`` as ICAO 9303 Part 10 requires (upstream starts
   at ``7F61``), so the reader is tested on the real format.
4. ``CryptoUtils.operation_on_string``: XORs two byte strings with ``ord()`` and
   ``chr()`` (BAC's session key seed K.IFD xor K.ICC): ``ord()`` fails on the ints
   of ``bytes``. Fixed: XOR the bytes.
5. ``Security_Environment.parse_SM_CAPDU``: collects the plain command data in
   ``["", ...]`` and joins it with ``"".join`` (str vs bytes), and calls
   ``stringtoint(value[0])`` on an int (the DO87 padding indicator). Fixed copy
   below with ``b""`` and ``value[0]``; nothing else changed.
6. ``Security_Environment.protect_response``: starts from ``""`` and tests
   ``result != ""`` (always true for bytes, so an empty answer got a DO87 too).
   Fixed: bytes, and DO87 only when there is response data.
7. ``ePass_SE.compute_cryptographic_checksum``: prepends the send sequence counter
   with ``inttostring(ssc)``, i.e. at its *minimal* length, while ICAO 9303 MACs the
   full 8-byte SSC: every MAC after BAC was wrong. Fixed: 8 bytes.
"""

from __future__ import annotations

import os
import runpy
import sys
from typing import Any

VICC_SCRIPT = "/usr/bin/vicc"


def _patch_pack() -> None:
    import virtualsmartcard.CardGenerator as card_generator
    import virtualsmartcard.SEutils as se_utils
    import virtualsmartcard.SmartcardFilesystem as filesystem
    import virtualsmartcard.TLVutils as tlv
    from virtualsmartcard.utils import inttostring

    def pack(tlv_data: Any, recalculate_length: bool = False) -> bytes:
        result = b""
        for data in tlv_data:
            tag, length, value = data[:3]
            if tag in (0xFF, 0x00):
                result += inttostring(tag)
                continue
            if not isinstance(value, bytes):
                value = pack(value, recalculate_length)
            if recalculate_length:
                length = len(value)
            t = b""
            while tag > 0:
                t = inttostring(tag & 0xFF) + t
                tag >>= 8
            if length < 0x7F:
                encoded = inttostring(length)
            else:
                encoded = b""
                while length > 0:
                    encoded = inttostring(length & 0xFF) + encoded
                    length >>= 8
                encoded = inttostring(0x80 | len(encoded)) + encoded
            result += t + encoded + value
        return result  # PATCH: was b"".join(result)

    for module in (tlv, card_generator, se_utils, filesystem):
        module.pack = pack  # type: ignore[attr-defined]


def _patch_format_result() -> None:
    from virtualsmartcard.SWutils import SW
    from virtualsmartcard.utils import R_APDU, inttostring
    from virtualsmartcard.VirtualSmartcard import Iso7816OS

    def format_result(
        self: Any, seekable: bool, le: int | None, data: bytes, sw: int, sm: bool
    ) -> bytes:
        if not seekable:
            self.lastCommandOffcut = data[le:]
            rest = len(self.lastCommandOffcut)
            if rest == 0:
                self.lastCommandSW = SW["NORMAL"]
            else:
                self.lastCommandSW = sw
                sw = SW["NORMAL_REST"] + min(0xFF, rest)
        elif le is not None and le > len(data):  # PATCH: le is None for UPDATE BINARY
            sw = SW["WARN_EOFBEFORENEREAD"]
        result = data[:le] if le is not None else data[:0]
        if sm:
            sw, result = self.SAM.protect_result(sw, result)
        return R_APDU(result, inttostring(sw)).render()

    Iso7816OS.formatResult = format_result


def _patch_epass_generator() -> None:
    from PIL import Image
    from virtualsmartcard.CardGenerator import CardGenerator
    from virtualsmartcard.cards.ePass import PassportSAM
    from virtualsmartcard.SmartcardFilesystem import DF, MF, TransparentStructureEF
    from virtualsmartcard.TLVutils import pack
    from virtualsmartcard.utils import inttostring

    def generate_epass(self: Any) -> None:
        mrz = os.environ["VICC_EPASS_MRZ"].encode("ascii")  # PATCH: was raw_input()
        photo_path = os.environ.get("VICC_EPASS_PHOTO", "")
        mf = MF()
        df = DF(parent=mf, fid=4, dfname=b"\xa0\x00\x00\x02G\x10\x01", bertlv_data=[])
        com = pack([(0x5F01, 4, b"0107"), (0x5F36, 6, b"040000"), (0x5C, 2, b"\x61\x75")])
        com = pack(((0x60, len(com), com),))
        df.append(TransparentStructureEF(parent=df, fid=0x011E, filedescriptor=0, data=com))
        dg1 = pack([(0x5F1F, len(mrz), mrz)])
        dg1 = pack([(0x61, len(dg1), dg1)])
        df.append(TransparentStructureEF(parent=df, fid=0x0101, filedescriptor=0, data=dg1))
        dg2 = b""
        if photo_path:
            with open(photo_path, "rb") as handle:
                picture = handle.read()
            with Image.open(photo_path) as image:
                width, height = image.size
            # ISO 19794-5 record: header, facial information, image information, image.
            iib = b"\x00\x01" + inttostring(width, 2) + inttostring(height, 2) + 6 * b"\x00"
            length = 32 + len(picture)
            fib = inttostring(length, 4) + 16 * b"\x00"
            frh = b"FAC\x00010\x00" + inttostring(14 + length, 4) + inttostring(1, 2)
            picture = frh + fib + iib + picture
            dg2 = pack(
                [
                    (0xA1, 8, b"\x87\x02\x01\x01\x88\x02\x05\x01"),
                    (0x5F2E, len(picture), picture),
                ]
            )
            dg2 = pack([(0x02, 1, b"\x01"), (0x7F60, len(dg2), dg2)])
            dg2 = pack([(0x7F61, len(dg2), dg2)])
            dg2 = pack([(0x75, len(dg2), dg2)])
        df.append(TransparentStructureEF(parent=df, fid=0x0102, filedescriptor=0, data=dg2))
        df.append(TransparentStructureEF(parent=df, fid=0x010D, filedescriptor=0, data=b""))
        mf.append(df)
        self.mf = mf
        self.sam = PassportSAM(self.mf)

    CardGenerator._CardGenerator__generate_ePass = generate_epass


def _patch_xor() -> None:
    import virtualsmartcard.CryptoUtils as crypto_utils

    def operation_on_string(string1: bytes, string2: bytes, op: Any) -> bytes:
        if len(string1) != len(string2):
            raise ValueError("string1 and string2 must be of equal length")
        return bytes(op(a, b) for a, b in zip(string1, string2, strict=True))  # PATCH: no ord

    crypto_utils.operation_on_string = operation_on_string


def _patch_secure_messaging() -> None:
    import virtualsmartcard.CryptoUtils as vs_crypto
    from virtualsmartcard.cards.ePass import ePass_SE
    from virtualsmartcard.ConstantDefinitions import MAX_EXTENDED_LE, SM_Class
    from virtualsmartcard.SEutils import Security_Environment
    from virtualsmartcard.SWutils import SW, SwError
    from virtualsmartcard.TLVutils import bertlv_pack, pack, unpack
    from virtualsmartcard.utils import C_APDU, inttostring, stringtoint

    def parse_sm_capdu(self: Any, capdu: Any, authenticate_header: int) -> Any:
        structure = unpack(capdu.data)
        return_data = [b""]  # PATCH: was [""]
        cla = ins = p1 = p2 = le = None
        if authenticate_header:
            to_authenticate = (
                inttostring(capdu.cla)
                + inttostring(capdu.ins)
                + inttostring(capdu.p1)
                + inttostring(capdu.p2)
            )
            to_authenticate = vs_crypto.append_padding(self.cct.blocklength, to_authenticate)
        else:
            to_authenticate = b""  # PATCH: was ""
        for tag, length, value in structure:
            if tag % 2 == 1:
                to_authenticate += bertlv_pack([[tag, length, value]])
            if tag in (SM_Class["PLAIN_VALUE_NO_TLV"], SM_Class["PLAIN_VALUE_NO_TLV_ODD"]):
                return_data.append(value)
            elif tag in (
                SM_Class["PLAIN_VALUE_TLV_INCULDING_SM"],
                SM_Class["PLAIN_VALUE_TLV_INCULDING_SM_ODD"],
            ):
                return_data.append(self.parse_SM_CAPDU(value, authenticate_header))
            elif tag in (SM_Class["PLAIN_VALUE_TLV_NO_SM"], SM_Class["PLAIN_VALUE_TLV_NO_SM_ODD"]):
                return_data.append(value)
            elif tag in (SM_Class["Ne"], SM_Class["Ne_ODD"]):
                le = value
            elif tag == SM_Class["PLAIN_COMMAND_HEADER"]:
                if len(value) != 8:
                    raise SwError(SW["ERR_SECMESSOBJECTSINCORRECT"])
                cla, ins, p1, p2 = value[:2], value[2:4], value[4:6], value[6:8]
            if tag in (
                SM_Class["CRYPTOGRAM_PLAIN_TLV_INCLUDING_SM"],
                SM_Class["CRYPTOGRAM_PLAIN_TLV_INCLUDING_SM_ODD"],
            ):
                plain = self.decipher(tag, 0x80, value)
                return_data.append(self.parse_SM_CAPDU(plain, authenticate_header))
            elif tag in (
                SM_Class["CRYPTOGRAM_PLAIN_TLV_NO_SM"],
                SM_Class["CRYPTOGRAM_PLAIN_TLV_NO_SM_ODD"],
            ):
                return_data.append(self.decipher(tag, 0x80, value))
            elif tag in (
                SM_Class["CRYPTOGRAM_PADDING_INDICATOR"],
                SM_Class["CRYPTOGRAM_PADDING_INDICATOR_ODD"],
            ):
                padding_indicator = value[0]  # PATCH: was stringtoint(value[0])
                plain = self.decipher(tag, 0x80, value[1:])
                plain = vs_crypto.strip_padding(self.ct.blocklength, plain, padding_indicator)
                return_data.append(plain)
            if tag == SM_Class["CHECKSUM"]:
                auth = vs_crypto.append_padding(self.cct.blocklength, to_authenticate)
                if self.compute_cryptographic_checksum(0x8E, 0x80, auth) != value:
                    raise SwError(SW["ERR_SECMESSOBJECTSINCORRECT"])
        cla = capdu.cla if cla is None else cla
        ins = capdu.ins if ins is None else ins
        p1 = capdu.p1 if p1 is None else p1
        p2 = capdu.p2 if p2 is None else p2
        if isinstance(le, bytes):
            le_int = stringtoint(le)
            if le_int == 0 and len(le) > 1:
                le_int = MAX_EXTENDED_LE
            le = le_int
        return C_APDU(cla=cla, ins=ins, p1=p1, p2=p2, le=le, data=b"".join(return_data))

    def protect_response(self: Any, sw: int, result: bytes) -> tuple[int, bytes]:
        return_data = b""  # PATCH: was ""
        if result:  # PATCH: was result != "" (always true for bytes)
            encrypted = b"\x01" + self.encipher(0x82, 0x80, result)
            return_data += pack(
                [(SM_Class["CRYPTOGRAM_PADDING_INDICATOR_ODD"], len(encrypted), encrypted)]
            )
        if sw == SW["NORMAL"]:
            if self.cct.algorithm is None:
                raise SwError(SW["CONDITIONSNOTSATISFIED"])
            if self.cct.algorithm == "CC":
                padded = vs_crypto.append_padding(self.cct.blocklength, return_data)
                auth = self.compute_cryptographic_checksum(0x8E, 0x80, padded)
                return_data += pack([(SM_Class["CHECKSUM"], len(auth), auth)])
        return sw, return_data

    def compute_cryptographic_checksum(self: Any, p1: int, p2: int, data: bytes) -> bytes:
        if p1 != 0x8E or p2 != 0x80:
            raise SwError(SW["ERR_INCORRECTP1P2"])
        self.ssc += 1
        # PATCH: the SSC goes into the MAC input as 8 bytes (was its minimal length).
        mac_input = inttostring(self.ssc, 8) + data
        return vs_crypto.crypto_checksum(self.cct.algorithm, self.cct.key, mac_input, self.cct.iv)

    Security_Environment.parse_SM_CAPDU = parse_sm_capdu
    Security_Environment.protect_response = protect_response
    ePass_SE.compute_cryptographic_checksum = compute_cryptographic_checksum


def apply_patches() -> None:
    """Apply every patch listed in the module docstring (idempotent enough for one run)."""
    _patch_pack()
    _patch_format_result()
    _patch_epass_generator()
    _patch_xor()
    _patch_secure_messaging()


def main() -> None:
    apply_patches()
    sys.argv[0] = VICC_SCRIPT
    runpy.run_path(VICC_SCRIPT, run_name="__main__")


if __name__ == "__main__":
    main()
