"""Cryptographic checks (seal signatures); kept out of the domain so that it stays pure."""
