"""The post's document-signing keys and the trust list of partners' certificates.

Key material lives in the data folder (``keys/``, private keys encrypted with a passphrase);
what was done with it (request, import, trust-list import) is audited in the post database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec

from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer, Permission
from workstation.domain.posts import Post
from workstation.security import keys as k
from workstation.security.trust_list import TrustList, export_trust_list, import_trust_list
from workstation.services.audit import record
from workstation.services.clock import Clock
from workstation.storage import Database

# The demo post's signer id is UTGV ("UT" + "GV"); its keys are encrypted with this passphrase,
# printed by `consular init --demo` and written in the README. A real post chooses its own.
DEMO_SIGNER = ("UT", "GV")
DEMO_KEY_PASSPHRASE = "demo-signing-key"


@dataclass(frozen=True, slots=True)
class KeyStatus:
    signer: str | None
    cert_ref: str | None
    not_after: dt.datetime | None
    csca_subject: str | None
    pending_request: bool
    trusted_signers: int


class KeyService:
    def __init__(self, db: Database, clock: Clock, post: Post, data_dir: Path) -> None:
        self._db = db
        self._clock = clock
        self._post = post
        self._store = k.KeyStore.for_data_dir(data_dir)

    def create_demo_keys(self, passphrase: str = DEMO_KEY_PASSPHRASE) -> k.SignerIdentity:
        """A demo post's whole PKI (CA made locally): only for `consular init --demo`."""
        demo = k.create_demo_keys(*DEMO_SIGNER, self._post.name, self._clock.now())
        self._store.save_demo_keys(demo, passphrase)
        with self._db.writing() as uow:
            record(
                uow,
                self._clock.now(),
                None,
                "keys.demo_created",
                "post",
                self._post.code,
                {"signer": demo.signer.signer, "ref": demo.signer.cert_ref},
            )
            uow.commit()
        return demo.signer

    def request(self, officer: Officer, country: str, signer_code: str, passphrase: str) -> bytes:
        """A new signer key (encrypted at rest) and the CSR to send to the country's CSCA."""
        officer.require(Permission.POST_CONFIGURE)
        key, csr = k.generate_signer_request(country, signer_code, self._post.name)
        self._store.save_signer_key(key, passphrase)
        self._store.save_csr(csr)
        with self._db.writing() as uow:
            record(
                uow,
                self._clock.now(),
                officer,
                "keys.request",
                "post",
                self._post.code,
                {"signer": k.make_signer_id(country, signer_code)},
            )
            uow.commit()
        return k.csr_pem(csr)

    def import_certificate(
        self,
        officer: Officer,
        certificate: bytes,
        passphrase: str,
        csca_certificate: bytes | None = None,
    ) -> k.SignerIdentity:
        """Take the certificate the CSCA signed for our request, after checking it."""
        officer.require(Permission.POST_CONFIGURE)
        now = self._clock.now()
        csca = (
            k.load_certificate(csca_certificate)
            if csca_certificate
            else (
                self._store.load_csca_certificate()
                if self._store.has(k.KeyStore.CSCA_CERTIFICATE)
                else None
            )
        )
        if csca is not None and not k.is_ca_certificate(csca):
            raise DomainError("keys.not_a_ca_certificate", "csca")
        identity = k.import_signer_certificate(
            certificate, self._store.load_signer_key(passphrase), now, csca_certificate=csca
        )
        if csca is not None:
            self._store.save_csca_certificate(csca)
        self._store.save_signer_certificate(identity.certificate)
        with self._db.writing() as uow:
            record(
                uow,
                now,
                officer,
                "keys.import",
                "post",
                self._post.code,
                {"signer": identity.signer, "ref": identity.cert_ref},
            )
            uow.commit()
        return identity

    def signing_key(self, passphrase: str) -> tuple[k.SignerIdentity, ec.EllipticCurvePrivateKey]:
        """The signer certificate's identity and the private key it certifies."""
        return self._store.load_signer_identity(), self._store.load_signer_key(passphrase)

    def export_trust(self) -> bytes:
        """Our CSCA and signer certificates, for verifiers elsewhere."""
        return export_trust_list(
            [self._store.load_csca_certificate()], [self._store.load_signer_certificate()]
        )

    def import_trust(self, officer: Officer, data: bytes) -> TrustList:
        """Add a partner's (or the ministry's) trust list to ours; refused whole if any entry
        does not chain to a listed CA."""
        officer.require(Permission.POST_CONFIGURE)
        now = self._clock.now()
        incoming = import_trust_list(data, now)
        merged = self.trust(now).merged(incoming)
        self._store.save_trust_list(export_trust_list(merged.cas, merged.signers.values()))
        with self._db.writing() as uow:
            record(
                uow,
                now,
                officer,
                "trust.import",
                "post",
                self._post.code,
                {"signers": sorted(f"{s}:{r}" for s, r in incoming.signers)},
            )
            uow.commit()
        return merged

    def trust(self, now: dt.datetime | None = None) -> TrustList:
        """Every certificate this workstation accepts seals from: its own and imported ones."""
        now = now or self._clock.now()
        own = TrustList((), {})
        if self._store.has(k.KeyStore.SIGNER_CERTIFICATE):
            own = import_trust_list(self.export_trust(), now)
        if self._store.has(k.KeyStore.TRUST_LIST):
            own = own.merged(import_trust_list(self._store.load_trust_list_bytes(), now))
        return own

    def status(self) -> KeyStatus:
        identity = (
            self._store.load_signer_identity()
            if self._store.has(k.KeyStore.SIGNER_CERTIFICATE)
            else None
        )
        csca = (
            self._store.load_csca_certificate()
            if self._store.has(k.KeyStore.CSCA_CERTIFICATE)
            else None
        )
        return KeyStatus(
            signer=identity.signer if identity else None,
            cert_ref=identity.cert_ref if identity else None,
            not_after=identity.certificate.not_valid_after_utc if identity else None,
            csca_subject=csca.subject.rfc4514_string() if csca else None,
            pending_request=self._store.has(k.KeyStore.CSR) and identity is None,
            trusted_signers=len(self.trust().signers),
        )
