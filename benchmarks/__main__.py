"""``python -m benchmarks``: the registry search benchmark (see :mod:`benchmarks.search_bench`)."""

from __future__ import annotations

from benchmarks.search_bench import main

if __name__ == "__main__":
    raise SystemExit(main())
