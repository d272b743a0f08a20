"""Civil registration abroad: births, marriages and deaths of nationals, and the nationality rules
that decide whether a registered child holds a nationality.

Pure rules only (no files, no SQL, no Qt): the rule *data* is read by
:mod:`workstation.rules.loader`, the register counters live in storage, and the services put the
pieces together.
"""
