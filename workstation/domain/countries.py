"""Codes accepted for nationality, issuing state and country fields (ICAO Doc 9303 Part 3).

ISO 3166-1 alpha-3 codes, plus the codes ICAO adds: ``D<<`` for Germany (in place of DEU on travel
documents), ``XXA`` stateless person, ``XXB`` refugee under the 1951 Convention, ``XXC`` other
refugee, ``XXX`` unspecified nationality, ``UTO`` the specimen state Utopia, organisations
(``EUE``, ``UNO``, ``UNA``, ``UNK``, ``XOM``, ``XPO``, ``XCC``, ``XES``, ``XMP``) and British
nationality categories (``GBD``, ``GBN``, ``GBO``, ``GBP``, ``GBS``). Data only.
"""

from __future__ import annotations

ISO_ALPHA3 = frozenset(
    """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD
    BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR
    COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH
    ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL
    GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR
    JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR
    MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL
    NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY
    PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP
    SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA
    UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
    """.split()
)

ICAO_SPECIAL = frozenset(
    """
    D<< XXA XXB XXC XXX UTO EUE UNO UNA UNK XOM XPO XCC XES XMP XBA XIM XCE XDC RKS
    GBD GBN GBO GBP GBS
    """.split()
)

STATELESS = "XXA"
REFUGEE_CODES = frozenset({"XXB", "XXC"})
VALID_CODES = ISO_ALPHA3 | ICAO_SPECIAL


def normalise_code(code: str) -> str:
    """Upper-case a typed code and pad it with fillers (``D`` -> ``D<<``), as the MRZ prints it."""
    return code.strip().upper().ljust(3, "<")


def is_valid_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code or one of ICAO's additional codes."""
    return normalise_code(code) in VALID_CODES
