"""Benchmarks of the consular workstation, run by hand or by ``make bench``, never by the tests.

``python -m benchmarks`` runs the registry search benchmark (:mod:`benchmarks.search_bench`).
"""
