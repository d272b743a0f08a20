"""English text for the coded reasons of the nationality engine and the civil-registration errors.

The domain never writes sentences: the engine returns
:class:`~workstation.domain.civil.routes.Reason` codes with parameters. These tables give each
code an English template, written as gettext msgids (marked with ``_`` for xgettext, as
:mod:`workstation.i18n.messages` does) so that a translator replaces them through the
catalogue, or a post replaces a table outright. The texts of the ``civil.*`` error
codes are in :mod:`workstation.domain.civil.error_texts`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from workstation.domain.civil.routes import Missing, MissingFact, Reason
from workstation.domain.civil.rules import LaterRouteKind, Requirement


def _(text: str) -> str:
    """Mark a msgid for extraction (xgettext -k_); looked up at display time."""
    return text


REASON_TEXTS: Mapping[str, str] = {
    "outcome.acquires": _("The child acquires at birth: {nationalities}."),
    "outcome.needs_more_evidence": _(
        "No nationality is established yet; the evidence listed would settle it."
    ),
    "outcome.at_risk": _(
        "No nationality is established or pending on the facts recorded: "
        "the child is at risk of statelessness."
    ),
    "descent.transmits": _("The {parent} transmits the nationality of {state} by descent."),
    "descent.parent_unknown": _("The {parent} is not known: no transmission of {state}."),
    "descent.parent_not_national": _("The {parent} did not hold the nationality of {state}."),
    "descent.nationality_unproven": _(
        "The {parent}'s nationality of {state} rests on a declaration only: documentary "
        "evidence is needed."
    ),
    "descent.not_through_mother": _("The law of {state} does not transmit through the mother."),
    "descent.not_through_father": _("The law of {state} does not transmit through the father."),
    "descent.father_not_married": _(
        "The law of {state} does not transmit through a father not married to the mother."
    ),
    "descent.paternity_recognised": _(
        "The father recognised the child on {date}: he transmits the nationality of {state}."
    ),
    "descent.paternity_not_recognised": _(
        "The father is not married to the mother and has not recognised the child: "
        "under the law of {state} he transmits once paternity is recognised."
    ),
    "descent.marital_status_unknown": _(
        "Whether the parents were married is not recorded: proof of the marriage "
        "(or a recognition of paternity) is needed for transmission of {state}."
    ),
    "descent.parent_birth_place_unknown": _(
        "The {parent}'s own place of birth is not recorded; the law of {state} depends on it."
    ),
    "descent.parent_born_abroad": _(
        "The {parent} was also born abroad ({country}): the law of {state} allows no "
        "transmission to a further generation born abroad."
    ),
    "descent.registered_within_deadline": _(
        "The {parent} was also born abroad; the birth was registered by {deadline} "
        "(within {months} months), so the {parent} transmits the nationality of {state}."
    ),
    "descent.born_abroad_deadline_passed": _(
        "The {parent} was also born abroad ({country}) and the birth was not registered by "
        "{deadline} (within {months} months): no transmission of {state}."
    ),
    "descent.registration_deadline_passed": _(
        "The birth was not registered by {deadline}: no transmission of {state}."
    ),
    "descent.foreign_law_unknown": _(
        "The {parent} holds the nationality of {state}; whether it passes to the child depends "
        "on the law of {state}, which this workstation does not hold (unknown)."
    ),
    "descent.parent_refugee": _(
        "The {parent} is a refugee: whether the state of origin transmits its nationality is "
        "unknown, and the family cannot safely ask it."
    ),
    "descent.nationality_unrecorded": _("The {parent}'s nationality is not recorded or not known."),
    "birthright.rule_unknown": _(
        "No birthright rule is recorded for {country}: nationality by birth there is unknown."
    ),
    "birthright.unconditional": _("Birth in {country} gives its nationality ({law})."),
    "birthright.none": _("Birth in {country} does not give its nationality ({law})."),
    "birthright.foundling": _(
        "A child found in {country} of unknown parents is a national ({law})."
    ),
    "birthright.condition_met": _("Birth in {country} gives its nationality: {condition} ({law})."),
    "birthright.condition_not_met": _(
        "Birth in {country} would give its nationality if {condition}; not met ({law})."
    ),
    "birthright.condition_pending": _(
        "Birth in {country} gives its nationality if {condition}; evidence is missing ({law})."
    ),
    "birthright.safeguard_pending": _(
        "Safeguard: birth in {country} gives its nationality if {condition} ({law}); "
        "this applies if the other routes fail and cannot be decided yet."
    ),
    "birthright.later_route": _("Later route in {country}: {route} ({article})."),
}

REQUIREMENT_TEXTS: Mapping[str, str] = {
    Requirement.OTHERWISE_STATELESS: _("the child would otherwise be stateless"),
    Requirement.PARENTS_STATELESS: _("the parents are stateless or unknown"),
    Requirement.PARENT_BORN_THERE: _("a parent was born there"),
    Requirement.PARENT_CITIZEN: _("a parent is a citizen"),
    Requirement.PARENT_PERMANENT_RESIDENT: _("a parent is a permanent resident"),
    Requirement.PARENT_RESIDENT_YEARS: _("a parent has resided there {years} years"),
}

LATER_ROUTE_TEXTS: Mapping[str, str] = {
    LaterRouteKind.CHILD_RESIDENCE: _("nationality after the child's residence there"),
    LaterRouteKind.STATELESS_CHILD: _("facilitated acquisition for a stateless child born there"),
    LaterRouteKind.PARENT_STATUS_LATER: _(
        "registration when a parent later becomes a citizen or settled"
    ),
}

MISSING_TEXTS: Mapping[str, str] = {
    Missing.PARENT_NATIONALITY_EVIDENCE: _("documentary evidence of the {party}'s nationality"),
    Missing.PATERNITY_RECOGNITION: _("a recognition of paternity"),
    Missing.PARENTS_MARITAL_STATUS: _("proof of the parents' marriage"),
    Missing.PARENT_BIRTH_PLACE: _("the {party}'s own place of birth"),
    Missing.PARENT_RESIDENCE_YEARS: _("the {party}'s years of residence in the country of birth"),
    Missing.PARENT_RESIDENCE_STATUS: _("the {party}'s residence status in the country of birth"),
    Missing.PARENT_STATELESSNESS_EVIDENCE: _("evidence that the {party} is stateless"),
}

REFERRAL_TEXTS: Mapping[str, str] = {
    "referral.at_risk_of_statelessness": _(
        "Refer to the supervisor: child at risk of statelessness (born in {country}); "
        "check the routes listed and the later routes."
    ),
    "referral.nationality_pending_evidence": _(
        "Refer to the supervisor: no nationality established yet for a child born in "
        "{country}; follow up the missing evidence."
    ),
}


# The reasons a possible duplicate is shown for (DuplicateMatch.reasons).
DUPLICATE_TEXTS: Mapping[str, str] = {
    "civil.duplicate.same_child_names": _("same child's names"),
    "civil.duplicate.same_birth_date": _("same date of birth"),
    "civil.duplicate.mother_same": _("same mother"),
    "civil.duplicate.father_same": _("same father"),
    "civil.duplicate.mother_absent_both": _("no mother on either entry"),
    "civil.duplicate.father_absent_both": _("no father on either entry"),
    "civil.duplicate.mother_missing_one_side": _("the mother is missing on one entry"),
    "civil.duplicate.father_missing_one_side": _("the father is missing on one entry"),
    "civil.duplicate.same_marriage_date": _("same date of marriage"),
    "civil.duplicate.same_spouses": _("the same spouses (one or both)"),
    "civil.duplicate.same_death_date": _("same date of death"),
    "civil.duplicate.same_deceased": _("same deceased's names"),
}


def _format(template: str, params: Mapping[str, object]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def describe_condition(code: str, translate: Callable[[str], str] = _) -> str:
    """``parent_born_there+parent_resident_years:5`` in words."""
    parts = []
    for part in code.split("+"):
        name, _sep, years = part.partition(":")
        parts.append(_format(translate(REQUIREMENT_TEXTS.get(name, name)), {"years": years}))
    return " and ".join(parts)


def explain(reason: Reason, translate: Callable[[str], str] = _) -> str:
    """One reason in words; ``translate`` is a gettext function (English when omitted)."""
    params: dict[str, object] = dict(reason.params)
    if "condition" in params:
        params["condition"] = describe_condition(str(params["condition"]), translate)
    if "route" in params:
        route = str(params["route"])
        params["route"] = translate(LATER_ROUTE_TEXTS.get(route, route))
    template = REASON_TEXTS.get(reason.code) or REFERRAL_TEXTS.get(reason.code, reason.code)
    return _format(translate(template), params)


def explain_missing(fact: MissingFact, translate: Callable[[str], str] = _) -> str:
    template = MISSING_TEXTS.get(fact.what, fact.what.value)
    return _format(translate(template), {"party": fact.party or "record"})
