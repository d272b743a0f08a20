"""BAC and secure messaging against the worked example of ICAO Doc 9303 Part 11, Appendix D.

The values below are the standard's own intermediate results (D.2 key derivation, D.3
authentication, D.4 secure messaging): a self-consistent but wrong implementation
cannot pass them, and no chip is needed.
"""

from __future__ import annotations

import pytest

from devices.errors import DeviceError
from devices.smartcard.apdu import Response, read_binary, select_fid
from devices.smartcard.bac import (
    AccessKey,
    SecureMessaging,
    check_digit,
    derive_key,
    des3_decrypt,
    mutual_authenticate_data,
    open_session,
    pad,
    retail_mac,
)

H = bytes.fromhex
MRZ_INFORMATION = "L898902C<369080619406236"
K_SEED = H("239AB9CB282DAF66231DC5A4DF6BFBAE")
K_ENC = H("AB94FDECF2674FDFB9B391F85D7F76F2")
K_MAC = H("7962D9ECE03D1ACD4C76089DCE131543")
RND_ICC = H("4608F91988702212")
RND_IFD = H("781723860C06C226")
K_IFD = H("0B795240CB7049B01C19B33E32804F0B")
E_IFD_M_IFD = H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7")
CARD_ANSWER = H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449")
KS_ENC = H("979EC13B1CBFE9DCD01AB0FED307EAE5")
KS_MAC = H("F1CB1F1FB5ADF208806B89DC579DC1F8")
SSC = 0x887022120C06C226


def test_check_digits_of_the_specimen() -> None:
    assert check_digit("L898902C<") == "3"
    assert check_digit("690806") == "1"
    assert check_digit("940623") == "6"
    assert check_digit("D23145890734") == "9"


def test_access_key_from_typed_fields_and_from_the_mrz() -> None:
    typed = AccessKey("L898902C", "690806", "940623")
    assert typed.mrz_information == MRZ_INFORMATION
    assert typed.seed() == K_SEED
    td3 = AccessKey.from_mrz(
        [
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
        ]
    )
    assert (td3.document_number, td3.birth_date, td3.expiry_date) == (
        "L898902C3",
        "740812",
        "120415",
    )
    td1 = AccessKey.from_mrz(
        [
            "I<UTOD23145890<7349<<<<<<<<<<<",
            "3407127M9507122UTO<<<<<<<<<<<2",
            "STEVENSON<<PETER<JOHN<<<<<<<<<",
        ]
    )
    assert td1.document_number == "D23145890734"
    assert td1.mrz_information.startswith("D23145890734" + "9")
    with pytest.raises(ValueError):
        AccessKey("L898902C", "6908", "940623")


def test_key_derivation_d2() -> None:
    assert derive_key(K_SEED, 1) == K_ENC
    assert derive_key(K_SEED, 2) == K_MAC


def test_mutual_authentication_d3() -> None:
    assert mutual_authenticate_data(K_ENC, K_MAC, RND_IFD, RND_ICC, K_IFD) == E_IFD_M_IFD
    assert retail_mac(K_MAC, pad(CARD_ANSWER[:32])) == CARD_ANSWER[32:]
    session = open_session(K_ENC, K_MAC, RND_IFD, RND_ICC, K_IFD, CARD_ANSWER)
    assert (session.ks_enc, session.ks_mac, session.ssc) == (KS_ENC, KS_MAC, SSC)


def test_wrong_card_answer_is_bac_failed() -> None:
    forged = CARD_ANSWER[:-1] + bytes((CARD_ANSWER[-1] ^ 1,))
    with pytest.raises(DeviceError) as info:
        open_session(K_ENC, K_MAC, RND_IFD, RND_ICC, K_IFD, forged)
    assert info.value.code == "card.bac_failed"
    assert des3_decrypt(K_ENC, CARD_ANSWER[:32])[:8] == RND_ICC


def test_secure_messaging_d4() -> None:
    sm = SecureMessaging(KS_ENC, KS_MAC, SSC)
    # SELECT EF.COM
    assert sm.wrap(select_fid(0x011E, p1=0x02)) == H(
        "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"
    )
    plain = sm.unwrap(Response(H("990290008E08FA855A5D4C50A8ED"), 0x90, 0x00))
    assert plain == Response(b"", 0x90, 0x00)
    # READ BINARY of the first four bytes
    assert sm.wrap(read_binary(0, 4)) == H("0CB000000D9701048E08ED6705417E96BA5500")
    plain = sm.unwrap(Response(H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED"), 0x90, 0))
    assert plain.data == H("60145F01")
    # READ BINARY of the rest of EF.COM
    assert sm.wrap(read_binary(4, 0x12)) == H("0CB000040D9701128E082EA28A70F3C7B53500")
    plain = sm.unwrap(
        Response(
            H("871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D74"),
            0x90,
            0x00,
        )
    )
    assert plain.data == H("04303130365F36063034303030305C026175")
    assert sm.ssc == SSC + 6


def test_tampered_response_is_sm_failed() -> None:
    sm = SecureMessaging(KS_ENC, KS_MAC, SSC)
    sm.wrap(select_fid(0x011E, p1=0x02))
    with pytest.raises(DeviceError) as info:
        sm.unwrap(Response(H("990290008E08FA855A5D4C50A8EE"), 0x90, 0x00))
    assert info.value.code == "card.sm_failed"
