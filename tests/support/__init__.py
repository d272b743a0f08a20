"""Helpers shared by the test suite; never imported by the application itself."""
