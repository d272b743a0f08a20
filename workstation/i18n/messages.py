"""Text for the codes the domain and services raise, ready for translation.

Each message is a gettext msgid with ``{placeholders}`` filled from the error's params; a
translation catalogue (``locale/<lang>/LC_MESSAGES/consular.mo``) replaces the English text
without code changes. The GUI and the CLI both go through :func:`describe`.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workstation.domain.civil.error_texts import ERROR_TEXTS as CIVIL_ERROR_TEXTS
from workstation.domain.errors import DomainError

LOCALE_DIR = Path(__file__).with_name("locale")


def _(text: str) -> str:
    """Mark a msgid for extraction (xgettext -k_); looked up at display time."""
    return text


MESSAGES: Mapping[str, str] = {
    # Civil registration's error texts live with the domain (one source of truth).
    **CIVIL_ERROR_TEXTS,
    "field.required": _("{field} is required."),
    "field.unknown": _("{field} is not a field of this form; check its spelling."),
    "field.not_text": _("{field} must be text."),
    "field.not_list": _("{field} must be a list."),
    "field.not_object": _("{field} must be an object with named fields."),
    "field.too_long": _("{field} is longer than {max} characters."),
    "person.not_object": _("The person data must be an object with named fields."),
    "name.invalid_character": _("{field} contains a character not used in names: {char}"),
    "name.not_latin": _("{field} must be written in Latin letters."),
    "transliteration.no_rule": _(
        "{field} contains {char} ({codepoint}), which has no transliteration rule; "
        "type the Latin form of the name."
    ),
    "sex.invalid": _("{field} must be F, M or X (not {value})."),
    "date.invalid_format": _(
        "{field} must be a date written YYYY, YYYY-MM or YYYY-MM-DD (not {value})."
    ),
    "date.invalid_month": _("{field} has no such month: {value}."),
    "date.invalid_day": _("{field} has no such day in that month: {value}."),
    "date.too_early": _("{field} is before {earliest}: {value}."),
    "date.in_future": _("{field} is in the future: {value}."),
    "country.unknown_code": _("{field}: {value} is not an ISO 3166 or ICAO country code."),
    "identifier.unknown_kind": _("{field}: unknown kind of identifier {value}."),
    "identifier.invalid_number": _("{field}: {value} is not a valid document number."),
    "phone.invalid": _("{field} is not a telephone number: {value}."),
    "email.invalid": _("{field} is not an e-mail address: {value}."),
    "person.not_found": _("No person with id {id}."),
    "person.changed_meanwhile": _(
        "The record of {name} (id {id}) was changed by someone else while you corrected it: "
        "nothing was saved. Open it again and redo the correction."
    ),
    "person.id_mismatch": _(
        "{field}: the data is for person {value}, not for person {id}; nothing was saved."
    ),
    "document.not_found": _("No document with id {id}."),
    "document_kind.unknown": _("Unknown document kind {value}."),
    "post.not_initialised": _("This post is not initialised: run 'consular init'."),
    "post.already_initialised": _("A post ({post}) is already initialised in this database."),
    "post.code.invalid": _("{field}: {value} is not a valid post code."),
    "post.time_zone.unknown": _("{field}: unknown time zone {value}."),
    "officer.username.invalid": _(
        "{field}: {value} is not a valid user name (2-32 lower-case letters, digits, . _ -)."
    ),
    "officer.username.taken": _("{field}: the user name {value} is already taken."),
    "officer.roles.required": _("An officer needs at least one role."),
    "officer.unknown_role": _("{field}: unknown role {value}."),
    "password.mismatch": _("The two passwords differ."),
    "password.too_short": _("{field} must have at least {min} characters."),
    "auth.invalid_credentials": _("Wrong user name or password."),
    "auth.account_disabled": _("This account is disabled."),
    "auth.password_missing": _("No password: set CONSULAR_PASSWORD or type it when asked."),
    "auth.permission_denied": _("{username} ({roles}) may not do this ({permission})."),
    "lifecycle.transition_not_allowed": _(
        "A document in state {state} does not allow the action {action}."
    ),
    "lifecycle.reason_required": _("A reason is required to {action}."),
    "lifecycle.four_eyes": _(
        "A request must be approved by another officer than the one who submitted it."
    ),
    "lifecycle.unknown_action": _("Unknown action {action}."),
    "numbering.series_exhausted": _(
        "The number series {prefix} is exhausted; configure a new prefix."
    ),
    "keys.certificate_mismatch": _(
        "{field}: this certificate does not belong to this post's signing key."
    ),
    "keys.not_a_signer_certificate": _("{field}: not a document-signer certificate."),
    "keys.not_a_ca_certificate": _("{field}: not a signing CA certificate."),
    "keys.not_issued_by_csca": _("{field}: not issued by the country signing CA given."),
    "keys.expired": _("{field}: the certificate expired on {not_after}."),
    "keys.not_yet_valid": _("{field}: the certificate is not valid yet."),
    "keys.wrong_passphrase": _("Wrong key passphrase (or a damaged key file)."),
    "keys.passphrase_required": _(
        "No key passphrase: set CONSULAR_KEY_PASSPHRASE or type it when asked."
    ),
    "keys.missing_file": _("{field}: {path} is missing; run 'consular keys request' first."),
    "keys.bad_certificate": _("{field}: not a certificate (PEM or DER)."),
    "keys.bad_country": _("{field}: a 2-letter country code is needed."),
    "keys.bad_signer_code": _("{field}: the signer code is 2 letters or digits."),
    "trust.not_issued_by_listed_ca": _(
        "{field}: a signer certificate that none of the listed CAs issued."
    ),
    "trust.duplicate_signer": _("{field}: another certificate already answers for {signer}:{ref}."),
    "trust.malformed": _("{field}: not a trust list of this workstation's format."),
    "trust.expired": _("{field}: an expired certificate."),
    "issue.not_a_national": _(
        "{field}: the post issues documents to nationals of {state} "
        "only (this person: {nationality})."
    ),
    "issue.photo_missing": _("A consular ID card needs a photo: attach one first."),
    "issue.etd_already_valid": _(
        "This person already holds a valid emergency travel document ({number}): void it first."
    ),
    "issue.validity_missing": _("No validity is configured for {kind} (site.toml)."),
    "photo.unreadable": _("{field}: not a readable JPEG or PNG image."),
    "photo.unsupported_format": _("{field}: {format} images are not accepted; use JPEG or PNG."),
    "document.preview_unavailable": _("No layout is available to preview document {id}."),
    "document.pdf_missing": _("Document {id} has no issued PDF (not issued yet?)."),
    "vds.verify.valid": _("VALID: the signature checks with the signer's certificate"),
    "vds.verify.malformed": _("NOT VALID: not a readable visible digital seal"),
    "vds.verify.unknown_signer": _(
        "NOT VALID: unknown signer (its certificate is not in this workstation's trust list)"
    ),
    "vds.verify.unsupported_key": _("NOT VALID: the signer's certificate has an unsupported key"),
    "vds.verify.bad_signature": _("NOT VALID: the signature does not match the content"),
    "verify.content_malformed": _("NOT VALID: the content does not fit the seal's profile"),
    "verify.no_seal_found": _("{path}: no visible digital seal (DataMatrix) found"),
    "verify.unreadable_file": _("{path}: cannot read this file as a PDF or image: {reason}"),
    "verify.pdftoppm_missing": _(
        "pdftoppm (poppler-utils) is not installed; it is needed to read PDF files"
    ),
    "verify.mrz_mismatch": _(
        "NOT VALID: the MRZ printed on the document is not the one the "
        "seal signed (altered document)"
    ),
    "verify.trust_not_a_signer": _(
        "{path}: give a document-signer certificate or a trust "
        "list (a CA certificate alone signs no document)."
    ),
    "verify.document_expired": _("NOT VALID: the seal is genuine but the document has expired"),
    "verify.register_number_mismatch": _(
        "NOT VALID: the register number printed on the certificate is not the one the "
        "seal signed (altered certificate)"
    ),
    "civil.certificate.no_extract": _(
        "kind: a {record} entry has only a full certificate, no extract."
    ),
    "verify.bad_hex": _("the seal given with --hex is not hexadecimal bytes"),
    "print.no_queue": _(
        "No {target} printer is set up: give --queue, set devices in site.toml, "
        "or confirm a manual print."
    ),
    "print.reprint_reason_required": _("{field}: say why the document is printed again."),
    "print.document_not_printable": _("A {state} document cannot be printed."),
    "print.job_not_found": _("No print job with id {id}."),
    "print.not_live": _("The print job is already {state}."),
    "print.not_retriable": _("A {state} print job cannot be retried (it may still be printing)."),
    "print.already_spoiled": _("This print job is already recorded as spoiled."),
    "print.spoil_reason_required": _("{field}: say what is wrong with the card."),
    "print.manual_reason_required": _("{field}: say where and how the document was printed."),
    "print.unknown_spooler_state": _("The print service reported an unknown job state {state}."),
    "print.certificate_not_made": _(
        "Make the certificate of {register_number} before printing it: only the officer who "
        "made a certificate prints it."
    ),
    "print.certificate_not_pdf": _("{field}: the certificate to print is not a PDF."),
    "printer.queue_stopped": _("The printer queue is stopped: the job waits in it."),
    "printer.queue_missing": _("There is no printer queue of that name."),
    "printer.not_accepting": _("The printer queue does not accept jobs."),
    "printer.printer_gone": _("The printer is not connected or switched off."),
    "printer.media_problem": _("The printer needs attention: cards or paper, ribbon, jam or door."),
    "printer.job_held": _("The job is held in the queue until someone releases it."),
    "printer.job_aborted": _("The printer gave up on the job."),
    "printer.job_missing": _("The print service no longer knows this job."),
    "printer.timeout": _("The job did not finish in time."),
    "printer.spooler_unavailable": _("The print service is not running."),
    "printer.library_missing": _("Printing support (pycups) is not installed on this computer."),
    "printer.ipp_error": _("The print service refused the request."),
    "printer.job_final": _("The job has already finished."),
    "printer.closed": _("The printer was closed while a job was followed."),
    "photo.not_compliant": _(
        "{field}: the photo is not compliant ({checks}); take another or override each "
        "failed check with a justification (--override CHECK=JUSTIFICATION)."
    ),
    "photo.override_not_allowed": _("{field}: the check {check} cannot be overridden."),
    "photo.override_not_failed": _("{field}: the check {check} did not fail: nothing to override."),
    "photo.override_justification_required": _(
        "{field}: overriding {check} needs a justification."
    ),
    "photo.override_malformed": _("{field}: write CHECK=JUSTIFICATION (not {value})."),
    "photo.unknown_check": _("{field}: unknown check {value} (known: {known})."),
    "photo.not_found": _("No portrait with id {id}."),
    "photo.chip_too_large": _("{field}: the chip portrait cannot be made under {max_bytes} bytes."),
    "photo.range": _("{field}: {value} is out of range."),
    "photo.print_not_7_9": _("{field}: the print size must be 7:9 (35 x 45 mm)."),
    "photo.check.face_count": _("exactly one face"),
    "photo.check.head_size": _("head size (crown to chin / height)"),
    "photo.check.head_position": _("head position (centred, not cut)"),
    "photo.check.eye_distance": _("distance between the eyes (px)"),
    "photo.check.roll": _("head roll (degrees)"),
    "photo.check.sharpness": _("sharpness"),
    "photo.check.exposure": _("exposure: face highlights (0-255)"),
    "photo.check.saturation": _("saturated pixels in the head"),
    "photo.check.background_uniformity": _("background uniformity (spread)"),
    "photo.check.background_lightness": _("background lightness (0-255)"),
    "photo.check.photo_age": _("photo age (days)"),
    "photo.reason.no_face": _("no face found"),
    "photo.reason.several_faces": _("more than one face"),
    "photo.reason.not_measured": _("not measured (no face)"),
    "photo.reason.too_low": _("below the minimum"),
    "photo.reason.too_high": _("above the maximum"),
    "photo.reason.head_cut": _("the photo cuts the head off"),
    "photo.reason.off_centre": _("the face is not centred"),
    "photo.reason.too_much_padding": _("too much of the portrait lies outside the photo"),
    "photo.reason.eyes_not_found": _("the eyes were not found (closed, covered, glare?)"),
    "photo.reason.no_date": _("capture date unknown"),
    "chip.kind_has_no_chip": _("{field}: a {kind} has no chip to encode."),
    "chip.not_produced": _("The card's chip is encoded once the card is produced (it is {state})."),
    "chip.portrait_missing": _(
        "{field}: document {id} has no processed portrait for the chip; take the photo again."
    ),
    "chip.verify_failed": _("The chip was written but its signed data does not verify."),
    "chip.mrz_unreadable": _("{field}: {reason}"),
    "chip.keys_incomplete": _("{field}: give the document number, --birth and --expiry (YYMMDD)."),
    "chip.keys_invalid": _("{field}: {reason}"),
    "card.absent": _("There is no card in the reader."),
    "card.removed": _("The card was removed before the work was finished; insert it again."),
    "card.bac_failed": _(
        "The chip refused the access keys: check the document number, birth date and expiry."
    ),
    "card.malformed_data": _("The chip holds data that cannot be read (malformed data group)."),
    "card.sm_failed": _("Secure messaging with the chip failed; try again."),
    "card.not_icao": _("This card is not an ICAO travel document chip."),
    "card.verify_mismatch": _("The chip does not hold what was written: spoil the card."),
    "card.file_not_found": _("The chip does not hold the expected file."),
    "card.file_exists": _(
        "The chip already holds a file of another size and refuses to delete it."
    ),
    "card.security_status": _("The chip refused: security conditions not satisfied."),
    "card.wrong_length": _("The chip refused a command of that length."),
    "pcsc.no_reader": _("No smart-card reader is connected."),
    "pcsc.reader_not_found": _("The set-up smart-card reader is not connected."),
    "pcsc.service_unavailable": _("The smart-card service (pcscd) is not running."),
    "pcsc.library_missing": _("Smart-card support (pyscard) is not installed on this computer."),
    "devices.nothing_to_change": _(
        "{field}: name at least one of --card-printer, --a4-printer, --reader, --camera."
    ),
    "file.unreadable": _("{field}: cannot read {path}: {reason}"),
    "mrz.line_count.invalid": _("An MRZ has 2 or 3 lines (not {count})."),
    "mrz.line.wrong_length": _(
        "{field} has {length} characters: MRZ lines have 30 (card), 36 or 44 (passport)."
    ),
    "mrz.line.invalid_character": _(
        "{field}: character {position} ({char}) is not a capital letter, a digit or <."
    ),
    "mrz.date.invalid": _("{field}: {value} is not a date written YYMMDD."),
    "mrz.sex.invalid": _("{field}: {value} is not F, M, X or <."),
    "mrz.check_digit.failed": _(
        "Check digit of {check} wrong: {found} is written, the data gives {expected}."
    ),
    "camera.none": _("No camera is connected: import a photo from a file."),
    "camera.not_found": _("The set-up camera is not connected."),
    "camera.busy": _("The camera is still taking the previous photo."),
    "camera.unavailable": _("The camera cannot be started (is another program using it?)."),
    "camera.permission_denied": _("The system does not allow this program to use the camera."),
    "camera.capture_failed": _("The camera failed to take the photo; try again."),
    "camera.timeout": _("The camera gave no photo in time; try again."),
    "camera.qt_not_running": _("The camera cannot be used here (no Qt application)."),
    "file.not_found": _("The file does not exist."),
    "file.unsupported_format": _("Only JPEG and PNG files are accepted."),
    "file.corrupt": _("The file is damaged or incomplete: it cannot be read as an image."),
    "file.too_large": _("The image has too many pixels to be processed safely."),
    "file.not_json": _("{field}: {path} is not valid JSON (line {line}): {reason}"),
    "civil.register_number.given": _(
        "{field}: the register number is allocated when the entry is registered; leave it out."
    ),
    "civil.registered_on.not_today": _(
        "{field}: an entry is registered today ({today}); leave the date out."
    ),
    "civil.evidence.missing": _("{field}: evidence required for this registration: {missing}."),
    "civil.party.unknown": _("{field}: this record has no party {role}."),
    "civil.party.already_linked": _(
        "{field}: the {role} is already linked to a registry person (person_id)."
    ),
    "civil.party.not_changed": _("{field}: the annotation does not enter this person."),
    "civil.duplicate.exact": _(
        "This event is already registered as {register_number} ({reasons}): nothing was written."
    ),
    "civil.duplicate.possible": _(
        "This may be the event registered as {register_number} ({reasons}): check it, "
        "then confirm to register anyway (--confirm-duplicate). Nothing was written."
    ),
    "civil.entry.not_found": _("No register entry {register_number}."),
    "civil.entry.not_pending": _(
        "{register_number} is {state}: only a registration waiting for approval can be decided."
    ),
    "civil.entry.not_registered": _(
        "{register_number} is {state}: only a registered entry can be annotated."
    ),
    "civil.certificate.not_registered": _(
        "{register_number} is {state}: certificates are issued of registered entries only."
    ),
    "civil.certificate.unavailable": _("No certificate layouts are available on this workstation."),
    "civil.rules.unavailable": _(
        "The civil registration rules cannot be read ({problem}): nothing can be registered "
        "until they are fixed."
    ),
}

FIELD_LABELS: Mapping[str, str] = {
    "surname": _("Surname"),
    "given_names": _("Given names"),
    "surname_latin": _("Surname (Latin)"),
    "given_names_latin": _("Given names (Latin)"),
    "sex": _("Sex"),
    "birth_date": _("Birth date"),
    "place_of_birth": _("Place of birth"),
    "country_of_birth": _("Country of birth"),
    "nationality": _("Nationality"),
    "identifiers": _("Identifiers"),
    "address": _("Address abroad"),
    "phone": _("Telephone"),
    "email": _("E-mail"),
    "born": _("Born (search filter)"),
    "password": _("Password"),
    "username": _("User name"),
    "photo": _("Photo"),
    "override": _("Override"),
    "portrait_id": _("Portrait"),
    "destination": _("Destination"),
    "replaced_passport": _("Passport replaced"),
    "transit_points": _("Transit points"),
    "line1": _("MRZ line 1"),
    "line2": _("MRZ line 2"),
    "line3": _("MRZ line 3"),
    "lines": _("MRZ"),
    "expiry_date": _("Expiry date"),
    "queue": _("Printer queue"),
    "reason": _("Reason"),
    "job_id": _("Print job"),
    "mrz": _("MRZ"),
    "number": _("Document number"),
    "document_id": _("Document"),
    "child": _("Child"),
    "mother": _("Mother"),
    "father": _("Father"),
    "spouses": _("Spouses"),
    "deceased": _("Deceased"),
    "informant": _("Informant"),
    "evidence_presented": _("Evidence presented"),
    "create_persons": _("Persons to create"),
    "register_number": _("Register number"),
    "registered_on": _("Date of registration"),
    "changes": _("Changes"),
    "id": _("Registry ID"),
    "expect": _("Record expected (--expect)"),
}


class Translator:
    """Looks codes up in the catalogue of one language (English when there is none)."""

    def __init__(self, language: str = "en") -> None:
        self._catalogue = gettext.translation(
            "consular", LOCALE_DIR, languages=[language], fallback=True
        )

    def field_label(self, field: str) -> str:
        base = field.split("[", 1)[0].split(".", 1)[0]
        label = self._catalogue.gettext(FIELD_LABELS.get(base, base))
        return label + field[len(base) :] if field != base else label

    def text(self, code: str, field: str | None, params: Mapping[str, Any]) -> str:
        template = self._catalogue.gettext(MESSAGES.get(code, code))
        values = {k: v for k, v in params.items()}
        values["field"] = self.field_label(field) if field else ""
        try:
            return template.format(**values)
        except (KeyError, IndexError):
            return f"{template} ({code})"

    def field_errors(self, error: DomainError) -> list[tuple[str, str]]:
        """(field, message) for each problem in ``error``."""
        return [(p.field, self.text(p.code, p.field or None, p.params)) for p in error.problems()]

    def describe(self, error: DomainError) -> str:
        return "\n".join(message for _field, message in self.field_errors(error))
