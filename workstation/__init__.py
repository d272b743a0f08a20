"""Consular workstation: the application (domain, storage, services, Qt UI, CLI)."""

__version__ = "0.1.0"
