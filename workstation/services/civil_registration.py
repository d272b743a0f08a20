"""Civil registration abroad: births, marriages and deaths in the post's register (issue 7).

Each use case is one transaction. Registering validates the record (every problem at its field
path), looks for the same event already registered *before* anything is written, assesses
timeliness and evidence, assesses a child's nationality (which never blocks the registration),
creates or links the registry persons, takes the next register number of the series and writes
the entry and its audit entry: all of it or nothing. Late and delayed registrations wait for a
supervisor other than the registrar. Annotations are appended; the original stays readable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workstation.domain.civil.codec import RECORD_TYPES, annotation_from_plain, record_from_plain
from workstation.domain.civil.duplicates import DuplicateLevel, DuplicateMatch, find_duplicates
from workstation.domain.civil.entries import CivilEntry, EntryAnnotation, EntryState
from workstation.domain.civil.nationality import assess_nationality
from workstation.domain.civil.records import BirthRecord, CivilRecord, EventKind
from workstation.domain.civil.register_numbers import format_register_number
from workstation.domain.civil.rules import BirthrightRule, DescentRules
from workstation.domain.civil.timeliness import (
    EvidenceRequirement,
    RegistrationAssessment,
    RegistrationRules,
    Timeliness,
    assess_registration,
    check_supervisor_approval,
    missing_evidence,
)
from workstation.domain.civil.validation import check_record
from workstation.domain.errors import (
    ConflictError,
    DomainError,
    FieldError,
    LifecycleError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from workstation.domain.officers import Officer, Permission, Role
from workstation.domain.posts import Post
from workstation.rules.loader import (
    RULES_DIR,
    RulesError,
    load_all_descent_rules,
    load_birthright_rules,
    load_descent_rules,
    load_registration_rules,
)
from workstation.services.audit import record as audit
from workstation.services.certificates import (
    CertificateKind,
    CertificateProducer,
    ProducedCertificate,
)
from workstation.services.civil_parties import (
    CREATE_KEY,
    check_links,
    create_persons,
    link_new_persons,
    links,
    persons_to_create,
)
from workstation.services.clock import Clock, local_date
from workstation.storage import Database, UnitOfWork

EVIDENCE_KEY = "evidence_presented"
UNKNOWN_NATIONALITY = "XXX"


def _kind(kind: EventKind | str) -> EventKind:
    try:
        return EventKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in EventKind)
        raise DomainError(
            "field.invalid_choice", "kind", value=str(kind), choices=choices
        ) from None


def _evidence(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError([FieldError(EVIDENCE_KEY, "field.not_list")])
    return tuple(dict.fromkeys(v.strip() for v in value if v.strip()))


def _duplicate_params(match: DuplicateMatch) -> dict[str, Any]:
    return {"register_number": match.register_number, "reasons": ", ".join(match.reasons)}


class CivilRegistrationService:
    """The post's civil register.

    ``issuing_rules``: how the issuing state's nationality passes by descent; ``registration``:
    its legal periods and the evidence each registration needs; ``birthright``: every country of
    birth's rule; ``foreign_descent``: other states' descent rules when known.
    """

    def __init__(
        self,
        db: Database,
        clock: Clock,
        post: Post,
        *,
        issuing_rules: DescentRules | None,
        registration: RegistrationRules | None,
        birthright: Mapping[str, BirthrightRule],
        foreign_descent: Mapping[str, DescentRules] | None = None,
        certificates: CertificateProducer | None = None,
        rules_problem: str = "",
    ) -> None:
        self._db = db
        self._certificates = certificates
        self._clock = clock
        self._post = post
        self._issuing = issuing_rules
        self._registration = registration
        self._birthright = dict(birthright)
        self._foreign = {
            s: r for s, r in (foreign_descent or {}).items() if s != post.issuing_state
        }
        self._rules_problem = rules_problem

    @classmethod
    def for_post(
        cls,
        db: Database,
        clock: Clock,
        post: Post,
        rules_dir: Path = RULES_DIR,
        certificates: CertificateProducer | None = None,
    ) -> CivilRegistrationService:
        """The service with the issuing state's rules read from ``rules_dir``.

        A missing or broken rules file does not stop the workstation (documents, the registry
        ...): the register can still be read, but registering and annotating are refused with
        ``civil.rules.unavailable`` naming the file and the key, until the rules are fixed.
        """
        state = post.issuing_state
        try:
            return cls(
                db,
                clock,
                post,
                issuing_rules=load_descent_rules(state, rules_dir),
                registration=load_registration_rules(state, rules_dir),
                birthright=load_birthright_rules(rules_dir / "birthright.toml"),
                foreign_descent=load_all_descent_rules(rules_dir),
                certificates=certificates,
            )
        except RulesError as error:
            return cls(
                db,
                clock,
                post,
                issuing_rules=None,
                registration=None,
                birthright={},
                certificates=certificates,
                rules_problem=str(error),
            )

    def _rules(self) -> tuple[DescentRules, RegistrationRules]:
        """The issuing state's descent and registration rules, or a coded refusal."""
        if self._issuing is None or self._registration is None:
            raise DomainError(
                "civil.rules.unavailable",
                "rules",
                problem=self._rules_problem or "no rules given",
            )
        return self._issuing, self._registration

    # ------------------------------------------------------------------ helpers

    def _today(self) -> dt.date:
        return local_date(self._clock, self._post.time_zone)

    def _outcome(self, record: CivilRecord) -> dict[str, Any] | None:
        if not isinstance(record, BirthRecord):
            return None
        issuing, _registration = self._rules()
        return assess_nationality(record, issuing, self._birthright, self._foreign).as_dict()

    @staticmethod
    def _load(uow: UnitOfWork, register_number: str, for_update: bool = False) -> CivilEntry:
        entry = uow.civil.get(register_number.strip().upper(), for_update=for_update)
        if entry is None:
            raise NotFoundError(
                "civil.entry.not_found", "register_number", register_number=register_number
            )
        return entry

    def _read_record(
        self, kind: EventKind, data: Mapping[str, Any], today: dt.date
    ) -> tuple[CivilRecord, tuple[str, ...], Any]:
        """The record of a registration's JSON, the evidence presented, the persons to create."""
        if not isinstance(data, Mapping):
            raise ValidationError([FieldError("record", "field.not_object")])
        plain = dict(data)
        presented = _evidence(plain.pop(EVIDENCE_KEY, None))
        create = plain.pop(CREATE_KEY, None)
        if plain.get("register_number"):
            raise ValidationError([FieldError("register_number", "civil.register_number.given")])
        plain.pop("register_number", None)
        given = plain.setdefault("registered_on", today.isoformat())
        if given != today.isoformat():
            raise ValidationError(
                [FieldError("registered_on", "civil.registered_on.not_today", {"today": today})]
            )
        record = record_from_plain(kind, plain)
        check_record(record, today)
        return record, presented, create

    def _assess(self, record: CivilRecord, presented: Sequence[str]) -> RegistrationAssessment:
        """Timeliness and evidence; a current registration must have all its evidence (it is
        final at once), a late or delayed one waits for a supervisor with the gaps listed."""
        assessment = assess_registration(
            self._rules()[1], record.kind, record.event_date, record.registered_on, presented
        )
        if assessment.timeliness is Timeliness.CURRENT and assessment.missing:
            raise ValidationError(
                [
                    FieldError(EVIDENCE_KEY, "civil.evidence.missing", {"missing": code})
                    for code in assessment.missing
                ]
            )
        return assessment

    def _child_nationality(self, outcome: Mapping[str, Any] | None) -> str:
        """The nationality a child created in the registry is recorded with: the issuing
        state's when acquired, else the first acquired, else unknown (``XXX``)."""
        nationalities = list(outcome["nationalities"]) if outcome else []
        if self._post.issuing_state in nationalities:
            return self._post.issuing_state
        return nationalities[0] if nationalities else UNKNOWN_NATIONALITY

    def _duplicates(
        self, uow: UnitOfWork, record: CivilRecord, confirmed: bool
    ) -> tuple[DuplicateMatch, ...]:
        """Refuse an exact duplicate; a possible one only with the registrar's confirmation."""
        candidates = [e.current for e in uow.civil.events_on(record.kind, record.event_date)]
        matches = find_duplicates(record, candidates)
        for match in matches:
            if match.level is DuplicateLevel.DUPLICATE:
                raise ConflictError("civil.duplicate.exact", "record", **_duplicate_params(match))
        if matches and not confirmed:
            raise ConflictError(
                "civil.duplicate.possible", "record", **_duplicate_params(matches[0])
            )
        return matches

    # ------------------------------------------------------------------ registering

    def register(
        self,
        officer: Officer,
        kind: EventKind | str,
        data: Mapping[str, Any],
        *,
        confirm_possible_duplicate: bool = False,
    ) -> CivilEntry:
        """Register a birth, marriage or death (see the module docstring); returns the entry.

        ``data`` is the record's JSON (:mod:`workstation.domain.civil.codec`) with two more
        keys: ``evidence_presented`` (evidence codes) and ``create_persons``
        (:mod:`workstation.services.civil_parties`). ``registered_on`` is today at the post
        (given, it must be today); the register number is allocated here.
        """
        officer.require(Permission.REGISTER_CIVIL)
        event = _kind(kind)
        today = self._today()
        record, presented, create = self._read_record(event, data, today)
        assessment = self._assess(record, presented)
        outcome = self._outcome(record)
        persons = persons_to_create(record, create, today, self._child_nationality(outcome))
        with self._db.writing() as uow:
            check_links(uow, record)
            # The series is locked first: a second registration of the same event made at the
            # same moment waits here, then sees the first one (refused with nothing committed).
            uow.civil.lock_series(self._post.code, event, today.year)
            matches = self._duplicates(uow, record, confirm_possible_duplicate)
            record = create_persons(uow, self._clock, officer, record, persons)
            number = format_register_number(
                self._post.code,
                event,
                today.year,
                uow.civil.next_sequence(self._post.code, event, today.year),
            )
            record = dataclasses.replace(record, register_number=number)
            now = self._clock.now()
            entry = CivilEntry(
                register_number=number,
                kind=event,
                state=(
                    EntryState.PENDING_APPROVAL
                    if assessment.approval_required
                    else EntryState.REGISTERED
                ),
                original=record,
                annotations=(),
                timeliness=assessment.timeliness,
                evidence_required=tuple(r.code for r in assessment.required),
                evidence_presented=presented,
                evidence_missing=assessment.missing,
                links=links(record),
                registered_by=officer.id,
                registered_at=now,
                outcome=outcome,
                outcome_at_registration=outcome,
                possible_duplicates=tuple(m.register_number for m in matches),
            )
            uow.civil.add(entry)
            audit(uow, now, officer, "civil.registered", "civil_entry", number, _summary(entry))
            uow.commit()
            return self._load(uow, number)

    # ------------------------------------------------------------------ approval

    def _supervisor(self, officer: Officer, entry: CivilEntry) -> None:
        officer.require(Permission.REGISTER_CIVIL)
        if Role.SUPERVISOR not in officer.roles:
            raise PermissionDeniedError("civil.approval.not_supervisor", "officer")
        if officer.id == entry.registered_by:
            raise PermissionDeniedError("civil.approval.four_eyes", "officer")
        if entry.state is not EntryState.PENDING_APPROVAL:
            raise LifecycleError(
                "civil.entry.not_pending",
                register_number=entry.register_number,
                state=entry.state.value,
            )

    def approve(
        self,
        officer: Officer,
        register_number: str,
        *,
        reason: str = "",
        evidence_presented: Iterable[str] = (),
    ) -> CivilEntry:
        """A supervisor other than the registrar makes a late or delayed registration final.

        Evidence shown since registration is added with ``evidence_presented``; evidence still
        missing is only accepted with a written ``reason`` (kept with the decision, audited).
        """
        with self._db.writing() as uow:
            entry = self._load(uow, register_number, for_update=True)
            self._supervisor(officer, entry)
            presented = tuple(dict.fromkeys([*entry.evidence_presented, *evidence_presented]))
            required = tuple(EvidenceRequirement.parse(c) for c in entry.evidence_required)
            assessment = RegistrationAssessment(
                entry.timeliness, required, missing_evidence(required, presented)
            )
            check_supervisor_approval(
                assessment, entry.registered_by, officer.id, officer.roles, reason
            )
            if presented != entry.evidence_presented:
                uow.civil.set_evidence_presented(entry.register_number, presented)
            now = self._clock.now()
            uow.civil.decide(entry.register_number, EntryState.REGISTERED, officer.id, now, reason)
            details = {
                "timeliness": entry.timeliness.value,
                "evidence_presented": list(presented),
                "evidence_missing": list(assessment.missing),
                "reason": reason,
            }
            audit(
                uow, now, officer, "civil.approved", "civil_entry", entry.register_number, details
            )
            uow.commit()
            return self._load(uow, entry.register_number)

    def reject(self, officer: Officer, register_number: str, reason: str) -> CivilEntry:
        """A supervisor refuses a pending registration; the entry and its number are kept."""
        if not reason.strip():
            raise DomainError("field.required", "reason")
        with self._db.writing() as uow:
            entry = self._load(uow, register_number, for_update=True)
            self._supervisor(officer, entry)
            now = self._clock.now()
            uow.civil.decide(entry.register_number, EntryState.REJECTED, officer.id, now, reason)
            audit(
                uow,
                now,
                officer,
                "civil.rejected",
                "civil_entry",
                entry.register_number,
                {"reason": reason},
            )
            uow.commit()
            return self._load(uow, entry.register_number)

    # ------------------------------------------------------------------ annotations

    def annotate(
        self, officer: Officer, register_number: str, data: Mapping[str, Any]
    ) -> CivilEntry:
        """Append an annotation (correction, recognition of paternity, adoption, change of
        name, divorce) to a registered entry; for a birth the nationality is assessed again on
        the new view and a change of outcome is audited. ``data``: the annotation's JSON
        (``kind``, ``reason``, ``authority``, ``decided_on``, ``changes``, ``reference``);
        its number and ``recorded_on`` are set here."""
        officer.require(Permission.REGISTER_CIVIL)
        if not isinstance(data, Mapping):
            raise ValidationError([FieldError("annotation", "field.not_object")])
        today = self._today()
        plain = dict(data)
        create = plain.pop(CREATE_KEY, None)
        with self._db.writing() as uow:
            entry = self._load(uow, register_number, for_update=True)
            if entry.state is not EntryState.REGISTERED:
                raise LifecycleError(
                    "civil.entry.not_registered",
                    register_number=entry.register_number,
                    state=entry.state.value,
                )
            plain["sequence"] = len(entry.annotations) + 1
            plain["recorded_on"] = today.isoformat()
            annotation = annotation_from_plain(RECORD_TYPES[entry.kind], plain)
            history = entry.history.append(annotation)  # checks every change
            current = history.current()
            persons = persons_to_create(current, create, today, UNKNOWN_NATIONALITY)
            if persons:
                annotation = link_new_persons(
                    uow, self._clock, officer, annotation, current, persons
                )
                current = entry.history.append(annotation).current()
            check_links(uow, current)
            outcome = self._outcome(current)
            now = self._clock.now()
            stored = EntryAnnotation(annotation, officer.id, now, outcome)
            uow.civil.add_annotation(entry.register_number, stored, outcome, links(current))
            audit(
                uow,
                now,
                officer,
                "civil.annotated",
                "civil_entry",
                entry.register_number,
                {
                    "sequence": annotation.sequence,
                    "kind": annotation.kind.value,
                    "reason": annotation.reason,
                    "authority": annotation.authority,
                    "decided_on": annotation.decided_on.isoformat(),
                    "changes": [c.path for c in annotation.changes],
                },
            )
            if outcome is not None and outcome != entry.outcome:
                before = entry.outcome or {}
                audit(
                    uow,
                    now,
                    officer,
                    "civil.nationality_changed",
                    "civil_entry",
                    entry.register_number,
                    {
                        "annotation": annotation.sequence,
                        "before": before.get("outcome"),
                        "after": outcome["outcome"],
                        "nationalities_before": before.get("nationalities", []),
                        "nationalities_after": outcome["nationalities"],
                        "referral": _referral_code(outcome),
                    },
                )
            uow.commit()
            return self._load(uow, entry.register_number)

    # ------------------------------------------------------------------ certificates

    def certificate(
        self,
        officer: Officer,
        register_number: str,
        kind: CertificateKind | str,
        passphrase: str,
    ) -> ProducedCertificate:
        """A certificate (full copy or birth extract) of a registered entry as it reads today,
        its annotations listed, with the seal signed by the post's key; audited. ``passphrase``
        unlocks the post's signing key."""
        officer.require(Permission.REGISTER_CIVIL)
        try:
            certificate_kind = CertificateKind(kind)
        except ValueError:
            choices = ", ".join(k.value for k in CertificateKind)
            raise DomainError(
                "field.invalid_choice", "kind", value=str(kind), choices=choices
            ) from None
        if self._certificates is None:
            raise NotFoundError("civil.certificate.unavailable", "kind")
        today = self._today()
        with self._db.writing() as uow:
            entry = self._load(uow, register_number)
            if entry.state is not EntryState.REGISTERED:
                raise LifecycleError(
                    "civil.certificate.not_registered",
                    register_number=entry.register_number,
                    state=entry.state.value,
                )
            current = entry.current
            produced = self._certificates.produce(
                self._post,
                entry.register_number,
                current,
                [a.annotation for a in entry.annotations],
                entry.original.registered_on,
                today,
                officer.full_name,
                certificate_kind,
                passphrase,
            )
            details = {
                "kind": certificate_kind.value,
                "annotations": len(entry.annotations),
                "issued_on": today.isoformat(),
                "seal_sha256": hashlib.sha256(produced.seal).hexdigest(),
            }
            now = self._clock.now()
            audit(
                uow,
                now,
                officer,
                "civil.certificate",
                "civil_entry",
                entry.register_number,
                details,
            )
            uow.commit()
        return produced

    # ------------------------------------------------------------------ reading

    def get(self, register_number: str) -> CivilEntry:
        """An entry: the original, its annotations, the current view, outcome and state."""
        with self._db.reading() as uow:
            return self._load(uow, register_number)

    def list(
        self,
        kind: EventKind | str | None = None,
        state: EntryState | str | None = None,
        year: int | None = None,
        limit: int = 200,
    ) -> Sequence[CivilEntry]:
        """Entries in register order, filtered by kind, state and registration year."""
        with self._db.reading() as uow:
            return uow.civil.listing(
                _kind(kind) if kind is not None else None,
                EntryState(state) if state is not None else None,
                year,
                limit=limit,
            )

    def referrals(self) -> Sequence[CivilEntry]:
        """Children without an established nationality, waiting for the supervisor's
        follow-up (at risk of statelessness, or evidence pending); rejected entries excluded."""
        with self._db.reading() as uow:
            return [
                e
                for e in uow.civil.listing(kind=EventKind.BIRTH, referred=True, limit=10_000)
                if e.state is not EntryState.REJECTED
            ]

    def pending_approvals(self) -> Sequence[CivilEntry]:
        """Late and delayed registrations waiting for a supervisor."""
        with self._db.reading() as uow:
            return uow.civil.listing(state=EntryState.PENDING_APPROVAL, limit=10_000)


def _referral_code(outcome: Mapping[str, Any] | None) -> str | None:
    referral = (outcome or {}).get("referral")
    return str(referral["note_code"]) if isinstance(referral, Mapping) else None


def _summary(entry: CivilEntry) -> dict[str, Any]:
    """The audit details of a registration."""
    details: dict[str, Any] = {
        "register_number": entry.register_number,
        "kind": entry.kind.value,
        "state": entry.state.value,
        "timeliness": entry.timeliness.value,
        "event_date": entry.original.event_date.isoformat(),
        "evidence_presented": list(entry.evidence_presented),
        "evidence_missing": list(entry.evidence_missing),
        "links": {role: pid for role, pid in entry.links.items() if pid is not None},
    }
    if entry.possible_duplicates:
        details["possible_duplicate_of"] = list(entry.possible_duplicates)
    if entry.outcome is not None:
        details["outcome"] = entry.outcome["outcome"]
        details["nationalities"] = list(entry.outcome["nationalities"])
        details["missing_for_nationality"] = list(entry.outcome["missing"])
        details["referral"] = _referral_code(entry.outcome)
    return details
