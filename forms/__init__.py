"""Declarative data-capture forms, one TOML file per service, validated when loaded.

A form says which fields an officer fills in, in which order, with which labels and input rules;
the rules that decide whether data is acceptable stay in the domain (the form only names fields
the domain knows). A post adds or reorders fields without code.
"""

from forms.loader import FieldSpec, FormError, FormSpec, load_form

__all__ = ["FieldSpec", "FormError", "FormSpec", "load_form"]
