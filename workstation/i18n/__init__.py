"""Translated text for coded errors and field names (gettext catalogues, English built in)."""
