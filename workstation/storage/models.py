"""SQLAlchemy 2 typed models: the tables of a post's database (SQLite or PostgreSQL).

The schema itself is made by the Alembic migrations in ``migrations/``; these classes must match
them (a test compares the two).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Search keys are compared by byte order for prefix ranges; PostgreSQL needs the "C" collation
# for a B-tree range scan on them, SQLite compares bytes already.
TOKEN = String(64).with_variant(String(64, collation="C"), "postgresql")


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An instant stored in UTC and always read back timezone-aware: SQLite keeps no offset, so
    without this a time read from SQLite would be naive and shown in the machine's zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the workstation stores instants with their zone")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class PostRow(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    issuing_state: Mapped[str] = mapped_column(String(3))
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(3))
    time_zone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class OfficerRow(Base):
    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    roles: Mapped[str] = mapped_column(String(100))  # comma-separated Role values
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class PersonRow(Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    surname: Mapped[str] = mapped_column(String(100))
    given_names: Mapped[str] = mapped_column(String(100))
    surname_latin: Mapped[str] = mapped_column(String(100))
    given_names_latin: Mapped[str] = mapped_column(String(100))
    sex: Mapped[str] = mapped_column(String(1))
    birth_year: Mapped[int] = mapped_column(Integer, index=True)
    birth_month: Mapped[int | None] = mapped_column(Integer)
    birth_day: Mapped[int | None] = mapped_column(Integer)
    place_of_birth: Mapped[str] = mapped_column(String(100))
    country_of_birth: Mapped[str] = mapped_column(String(3))
    nationality: Mapped[str] = mapped_column(String(3))
    address: Mapped[str] = mapped_column(Text)  # JSON
    phone: Mapped[str] = mapped_column(String(30))
    email: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class PersonIdentifierRow(Base):
    __tablename__ = "person_identifiers"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(30), index=True)
    issuer: Mapped[str] = mapped_column(String(3))


class PersonNameTokenRow(Base):
    """One folded name part per row: the registry search reads only this table's indexes."""

    __tablename__ = "person_name_tokens"
    __table_args__ = (
        Index("ix_person_name_tokens_person_token", "person_id", "token"),
        Index("ix_person_name_tokens_year_token", "birth_year", "token", "person_id"),
    )

    token: Mapped[str] = mapped_column(TOKEN, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    birth_year: Mapped[int] = mapped_column(Integer)  # the person's, for filtered searches


class AuditEntryRow(Base):
    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """A single row: the last sequence and hash. Locked to serialise appends."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class DocumentKindRow(Base):
    __tablename__ = "document_kinds"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    requires_approval: Mapped[bool] = mapped_column(Boolean)
    validity_days: Mapped[int | None] = mapped_column(Integer)
    prefix: Mapped[str] = mapped_column(String(6))
    width: Mapped[int] = mapped_column(Integer)


class NumberSeriesRow(Base):
    __tablename__ = "number_series"
    __table_args__ = (UniqueConstraint("post_id", "kind_code", "prefix"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    kind_code: Mapped[str] = mapped_column(ForeignKey("document_kinds.code"))
    prefix: Mapped[str] = mapped_column(String(6))
    width: Mapped[int] = mapped_column(Integer)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind_code: Mapped[str] = mapped_column(ForeignKey("document_kinds.code"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    state: Mapped[str] = mapped_column(String(16), index=True)
    number: Mapped[str | None] = mapped_column(String(30), unique=True)
    data: Mapped[str] = mapped_column(Text)  # JSON
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class DocumentEventRow(Base):
    __tablename__ = "document_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(Text)


class NumberAllocationRow(Base):
    """Every number ever allocated, with what became of it: the stock reconciliation reads this."""

    __tablename__ = "number_allocations"
    __table_args__ = (UniqueConstraint("series_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("number_series.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    use: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    allocated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class DocumentFileRow(Base):
    """The issued PDF and the portrait a document was made with, kept with it."""

    __tablename__ = "document_files"
    __table_args__ = (UniqueConstraint("document_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    role: Mapped[str] = mapped_column(String(16))  # "pdf", "portrait"
    media_type: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class PortraitRow(Base):
    """A portrait taken for a person: the original, what the pipeline made of it, the checks."""

    __tablename__ = "portraits"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    original: Mapped[bytes] = mapped_column(LargeBinary)
    original_media_type: Mapped[str] = mapped_column(String(32))
    original_sha256: Mapped[str] = mapped_column(String(64))
    print_jpeg: Mapped[bytes] = mapped_column(LargeBinary)
    chip_jpeg: Mapped[bytes] = mapped_column(LargeBinary)
    checks: Mapped[str] = mapped_column(Text)  # JSON list of check results
    overrides: Mapped[str] = mapped_column(Text)  # JSON list of {code, justification}
    compliant: Mapped[bool] = mapped_column(Boolean)  # as checked, before any override
    # The camera's local time (EXIF has no zone): 'YYYY-MM-DDTHH:MM:SS', or None.
    captured_at: Mapped[str | None] = mapped_column(String(19))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


#: A print job prints a document, or a certificate (entry and kind) of a civil register entry.
PRINT_JOB_SUBJECT = (
    "(document_id IS NOT NULL AND civil_entry_id IS NULL AND certificate_kind IS NULL)"
    " OR (document_id IS NULL AND civil_entry_id IS NOT NULL AND certificate_kind IS NOT NULL)"
)


class PrintJobRow(Base):
    """One attempt at printing one document, or one certificate of a civil register entry (its
    kind, and the PDF so a retry sends the same certificate again); kept after completion for
    the stock and support."""

    __tablename__ = "print_jobs"
    __table_args__ = (CheckConstraint(PRINT_JOB_SUBJECT, name="ck_print_jobs_subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    civil_entry_id: Mapped[int | None] = mapped_column(ForeignKey("civil_entries.id"), index=True)
    certificate_kind: Mapped[str | None] = mapped_column(String(16))
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    queue: Mapped[str] = mapped_column(String(200))
    target: Mapped[str] = mapped_column(String(8))
    purpose: Mapped[str] = mapped_column(String(8))
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    state: Mapped[str] = mapped_column(String(16), index=True)
    attempt: Mapped[int] = mapped_column(Integer)
    spooler_job_id: Mapped[str | None] = mapped_column(String(100))
    condition: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class CivilRegisterCounterRow(Base):
    """The last register number taken in one series (post, kind, registration year)."""

    __tablename__ = "civil_register_counters"
    __table_args__ = (UniqueConstraint("post_code", "kind", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_code: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    last_sequence: Mapped[int] = mapped_column(Integer)


class CivilEntryRow(Base):
    """A civil register entry: the record as registered (JSON, never rewritten), its state, the
    assessment made at registration and the registry persons its parties are linked to."""

    __tablename__ = "civil_entries"
    __table_args__ = (
        UniqueConstraint("post_code", "kind", "year", "sequence"),
        Index("ix_civil_entries_kind_event_date", "kind", "event_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    register_number: Mapped[str] = mapped_column(String(32), unique=True)
    post_code: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    event_date: Mapped[dt.date] = mapped_column(Date)
    registered_on: Mapped[dt.date] = mapped_column(Date)
    record: Mapped[str] = mapped_column(Text)  # JSON (domain codec)
    state: Mapped[str] = mapped_column(String(20), index=True)
    timeliness: Mapped[str] = mapped_column(String(10))
    evidence_required: Mapped[str] = mapped_column(Text)  # JSON list of requirement codes
    evidence_presented: Mapped[str] = mapped_column(Text)  # JSON list of evidence codes
    nationality_outcome: Mapped[str | None] = mapped_column(Text)  # JSON, current
    outcome_at_registration: Mapped[str | None] = mapped_column(Text)  # JSON
    referred: Mapped[bool] = mapped_column(Boolean, index=True)
    possible_duplicates: Mapped[str] = mapped_column(Text)  # JSON list of register numbers
    child_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    mother_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    father_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    spouse1_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    spouse2_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    deceased_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    registered_by: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    registered_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    decision_reason: Mapped[str] = mapped_column(Text)


class CivilAnnotationRow(Base):
    """An annotation of an entry: appended, never updated (the entry's history)."""

    __tablename__ = "civil_annotations"
    __table_args__ = (UniqueConstraint("entry_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("civil_entries.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text)  # JSON (domain codec), the whole annotation
    reason: Mapped[str] = mapped_column(Text)
    authority: Mapped[str] = mapped_column(String(200))
    decided_on: Mapped[dt.date] = mapped_column(Date)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    nationality_outcome: Mapped[str | None] = mapped_column(Text)  # JSON, after this annotation
