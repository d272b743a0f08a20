"""``python -m benchmarks [search|issue|portrait|startup] [options]``: the registry search
benchmark (:mod:`benchmarks.search_bench`), the issuing benchmark (:mod:`benchmarks.issue_bench`),
the portrait benchmark (:mod:`benchmarks.portrait_bench`) and the cold-start benchmark
(:mod:`benchmarks.startup_bench`); with none named, all run, the search with the options given."""

from __future__ import annotations

import sys

from benchmarks import issue_bench, portrait_bench, search_bench, startup_bench


def main(argv: list[str]) -> int:
    if argv[:1] == ["search"]:
        return search_bench.main(argv[1:])
    if argv[:1] == ["issue"]:
        return issue_bench.main(argv[1:])
    if argv[:1] == ["portrait"]:
        return portrait_bench.main(argv[1:])
    if argv[:1] == ["startup"]:
        return startup_bench.main(argv[1:])
    search = search_bench.main(argv)
    issue = issue_bench.main([])
    portrait = portrait_bench.main([])
    startup = startup_bench.main([])
    return search or issue or portrait or startup


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
