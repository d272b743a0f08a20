"""Nationality and registration rules as data (TOML), and the loader that checks them."""
