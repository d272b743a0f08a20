"""Registry search benchmark: PersonService.search over a generated registry (default one
million persons) on SQLite and on PostgreSQL, against a plain ``LIKE '%term%'`` scan.

Run it from the repository root (never from the test suite)::

    .venv/bin/python -m benchmarks                      # 1,000,000 persons, both backends
    .venv/bin/python -m benchmarks --persons 100000 --skip-postgres --json bench.json
    .venv/bin/python benchmarks/search_bench.py --profile   # where the time of a search goes

What it does:

1. generates the registry (deterministic seed; names of many origins, see
   :mod:`benchmarks.names`) into a SQLite file made by the application's migrations, with the
   rows the application would write (:mod:`benchmarks.generator`); the file is cached under
   ``benchmarks/data/``, keyed by N, seed, generator version and the folding rules, so reruns
   skip generation. Generation runs in a child process so that its memory is reported apart;
2. builds a fixed query mix of several hundred searches (:mod:`benchmarks.queries`), warms up
   with other queries of the same shapes, then times every
   ``PersonService.search(text, born, limit=50)`` end to end (``perf_counter``), and checks that
   queries built from a registered person find them;
3. times ``SELECT id FROM persons WHERE surname_latin LIKE :p OR given_names_latin LIKE :p
   LIMIT 50`` with ``p = '%term%'`` for a subset of single-word queries on the same data, and
   prints the ratio LIKE p95 / search p95 (``LIKE`` as each database has it: ASCII
   case-insensitive on SQLite, case-sensitive on PostgreSQL; neither folds accents, so the
   report also counts the queries the scan answers with nobody);
4. does the same on a throwaway PostgreSQL cluster (``tests.support.postgres``), loaded from the
   SQLite file with ``COPY`` and then ``VACUUM (ANALYZE)`` (``--skip-postgres`` to leave out);
5. prints a table, the per-shape figures and the peak RSS, writes ``--json FILE``, and exits
   with status 1 when the SQLite p95 exceeds the target (20 ms) or a registered person was not
   found.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import multiprocessing
import os
import platform
import resource
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy
from sqlalchemy import Engine, event, text

from benchmarks.generator import (
    DEFAULT_SEED,
    FixedClock,
    build_sqlite,
    dataset_path,
    initialise_demo_post,
    metadata_path,
)
from benchmarks.queries import Query, build_query_mix, like_subset
from workstation.domain.name_search import query_terms
from workstation.services.persons import PersonService
from workstation.services.setup import DEMO_POST
from workstation.storage import Database, open_database
from workstation.storage.models import PersonRow
from workstation.storage.repositories.persons import PersonRepository

DEFAULT_PERSONS: Final = 1_000_000
DEFAULT_TARGET_MS: Final = 20.0
DEFAULT_LIMIT: Final = 50
DATA_DIR: Final = Path(__file__).resolve().parent / "data"
WARMUP_SCALE: Final = 0.25  # warm-up queries: a quarter of the mix, other seed, same shapes
LIKE_SQL: Final = text(
    "SELECT id FROM persons WHERE surname_latin LIKE :p OR given_names_latin LIKE :p LIMIT 50"
)
# Only settings that speed up the bulk load; query-time settings stay at their defaults.
PG_SETTINGS: Final = {
    "max_wal_size": "8GB",
    "checkpoint_timeout": "30min",
    "maintenance_work_mem": "256MB",
}


# -- figures --------------------------------------------------------------------------------


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear-interpolated percentile (``fraction`` in 0..1) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True, slots=True)
class Summary:
    count: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float

    @classmethod
    def of(cls, values_ms: Sequence[float]) -> Summary:
        if not values_ms:
            nan = float("nan")
            return cls(0, nan, nan, nan, nan, nan)
        return cls(
            len(values_ms),
            percentile(values_ms, 0.50),
            percentile(values_ms, 0.95),
            percentile(values_ms, 0.99),
            max(values_ms),
            sum(values_ms) / len(values_ms),
        )


@dataclass(frozen=True, slots=True)
class Timed:
    """One timed query."""

    shape: str
    query: str
    ms: float
    cpu_ms: float | None  # CPU time of this process (PostgreSQL: the client side only)
    hits: int
    truncated: bool
    ok: bool  # the expected person was found / nothing was found when nothing may match


@dataclass
class BackendResult:
    backend: str
    persons: int
    search: Summary
    like: Summary
    ratio: float  # like p95 / search p95
    per_shape: dict[str, Summary]
    failures: list[str]
    samples: list[Timed]
    like_samples: list[Timed]
    load_seconds: float | None = None
    details: dict[str, Any] = field(default_factory=dict)
    timing: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)


# -- dataset -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dataset:
    path: Path
    metadata: dict[str, Any]
    generated_now: bool
    generation_peak_rss_mib: float | None


def _maxrss_mib(who: int) -> float:
    # Linux reports KiB, macOS bytes.
    value = resource.getrusage(who).ru_maxrss
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def ensure_dataset(data_dir: Path, persons: int, seed: int, regenerate: bool) -> Dataset:
    """The cached registry for (persons, seed), generated in a child process when missing."""
    path = dataset_path(data_dir, persons, seed)
    meta = metadata_path(path)
    if path.exists() and meta.exists() and not regenerate:
        print(f"dataset: {path} (cached)", flush=True)
        return Dataset(path, json.loads(meta.read_text(encoding="utf-8")), False, None)
    print(f"dataset: generating {persons:,} persons into {path} ...", flush=True)
    path.unlink(missing_ok=True)
    meta.unlink(missing_ok=True)
    process = multiprocessing.get_context("spawn").Process(
        target=build_sqlite, args=(path, persons, seed), name="registry-generator"
    )
    process.start()
    process.join()
    if process.exitcode != 0:
        raise SystemExit(f"generation failed (exit code {process.exitcode})")
    metadata = json.loads(meta.read_text(encoding="utf-8"))
    print(f"dataset: generated in {metadata['generation_seconds']:.1f} s", flush=True)
    return Dataset(path, metadata, True, _maxrss_mib(resource.RUSAGE_CHILDREN))


# -- measuring -----------------------------------------------------------------------------


def _found(query: Query, ids: set[int], truncated: bool) -> bool:
    if query.expect_none:
        return not ids
    if query.expect_id is not None:
        return query.expect_id in ids or truncated
    return True


def run_searches(service: PersonService, queries: Sequence[Query], limit: int) -> list[Timed]:
    """Time each search end to end, as the search box calls it."""
    timed = []
    for query in queries:
        cpu_started = time.process_time()
        started = time.perf_counter()
        result = service.search(query.text, query.born, limit=limit)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        ids = {hit.person.id for hit in result.hits if hit.person.id is not None}
        timed.append(
            Timed(
                query.shape,
                query.describe(),
                elapsed * 1000,
                cpu * 1000,
                len(result.hits),
                result.truncated,
                _found(query, ids, result.truncated),
            )
        )
    return timed


def run_like(engine: Engine, queries: Sequence[Query]) -> list[Timed]:
    """Time the plain ``LIKE '%term%'`` scan for each query (one full scan first, untimed)."""
    timed = []
    with engine.connect() as conn:
        conn.execute(LIKE_SQL, {"p": "%warm-up scan%"}).all()
        for query in queries:
            started = time.perf_counter()
            rows = conn.execute(LIKE_SQL, {"p": f"%{query.text}%"}).all()
            elapsed = time.perf_counter() - started
            timed.append(
                Timed(
                    query.shape,
                    query.describe(),
                    elapsed * 1000,
                    None,
                    len(rows),
                    len(rows) >= 50,
                    True,
                )
            )
    return timed


class _Recorder:
    """Per-search time split into the repository calls and the SQL they ran (``--profile``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.phases: dict[str, float] = defaultdict(float)
        self.statements: list[tuple[str, Any, float]] = []
        self._started: list[float] = []

    def reset(self) -> None:
        self.phases = defaultdict(float)
        self.statements = []

    def _before(
        self,
        conn: Any,
        cursor: Any,
        statement: str,
        parameters: Any,
        context: Any,
        executemany: bool,
    ) -> None:
        self._started.append(time.perf_counter())

    def _after(
        self,
        conn: Any,
        cursor: Any,
        statement: str,
        parameters: Any,
        context: Any,
        executemany: bool,
    ) -> None:
        elapsed = time.perf_counter() - self._started.pop()
        self.statements.append((statement, parameters, elapsed * 1000))

    @contextlib.contextmanager
    def installed(self) -> Iterator[_Recorder]:
        recorder = self
        original_ids = PersonRepository.candidate_ids
        original_candidates = PersonRepository.candidates

        def candidate_ids(
            repo: PersonRepository, terms: Sequence[str], born: Any, limit: int, exact: bool
        ) -> list[int]:
            started = time.perf_counter()
            try:
                return original_ids(repo, terms, born, limit, exact)
            finally:
                phase = "exact_ids" if exact else "prefix_ids"
                recorder.phases[phase] += (time.perf_counter() - started) * 1000

        def candidates(repo: PersonRepository, person_ids: Sequence[int]) -> Any:
            started = time.perf_counter()
            try:
                return original_candidates(repo, person_ids)
            finally:
                recorder.phases["candidates"] += (time.perf_counter() - started) * 1000

        PersonRepository.candidate_ids = candidate_ids  # type: ignore[method-assign, assignment]
        PersonRepository.candidates = candidates  # type: ignore[method-assign, assignment]
        event.listen(self.engine, "before_cursor_execute", self._before)
        event.listen(self.engine, "after_cursor_execute", self._after)
        try:
            yield self
        finally:
            PersonRepository.candidate_ids = original_ids  # type: ignore[method-assign]
            PersonRepository.candidates = original_candidates  # type: ignore[method-assign]
            event.remove(self.engine, "before_cursor_execute", self._before)
            event.remove(self.engine, "after_cursor_execute", self._after)


def _explain(engine: Engine, statement: str, parameters: Any) -> list[str]:
    prefix = (
        "EXPLAIN QUERY PLAN "
        if engine.dialect.name == "sqlite"
        else "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
    )
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(prefix + statement, parameters).all()
    if engine.dialect.name == "sqlite":
        return [str(row[-1]) for row in rows]
    return [str(row[0]) for row in rows]


def profile_searches(
    db: Database, service: PersonService, queries: Sequence[Query], limit: int, top: int
) -> dict[str, Any]:
    """Second, separate pass: where the time of each search goes, per shape, and the plans of
    the slowest statements."""
    recorder = _Recorder(db.engine)
    rows: list[dict[str, Any]] = []
    with recorder.installed():
        for query in queries:
            recorder.reset()
            started = time.perf_counter()
            service.search(query.text, query.born, limit=limit)
            total = (time.perf_counter() - started) * 1000
            slowest = max(recorder.statements, key=lambda s: s[2], default=("", None, 0.0))
            rows.append(
                {
                    "shape": query.shape,
                    "query": query.describe(),
                    "total_ms": total,
                    **{
                        phase: recorder.phases.get(phase, 0.0)
                        for phase in ("exact_ids", "prefix_ids", "candidates")
                    },
                    "statements": len(recorder.statements),
                    "slowest_sql_ms": slowest[2],
                    "_sql": slowest[0],
                    "_params": slowest[1],
                }
            )
    by_shape: dict[str, dict[str, float]] = {}
    for shape in dict.fromkeys(r["shape"] for r in rows):
        group = [r for r in rows if r["shape"] == shape]
        by_shape[shape] = {
            key: sum(r[key] for r in group) / len(group)
            for key in ("total_ms", "exact_ids", "prefix_ids", "candidates", "statements")
        }
    slowest_rows = sorted(rows, key=lambda r: r["total_ms"], reverse=True)[:top]
    for row in slowest_rows:
        row["plan"] = _explain(db.engine, row["_sql"], row["_params"])
        row["sql"] = " ".join(row["_sql"].split())
    for row in rows:
        row.pop("_sql")
        row.pop("_params")
    return {"by_shape": by_shape, "slowest": slowest_rows}


_CALIBRATION_WORDS: Final = tuple(f"Müller-Lüdenscheid Peña Søren Иванова {i}" for i in range(500))


def calibrate() -> float:
    """Milliseconds for a fixed pure-Python workload (folding 500 names, best of 5): the speed
    of this machine right now. Shared virtual machines vary by 2x from hour to hour; compare runs
    by their figures divided by this one."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for words in _CALIBRATION_WORDS:
            query_terms(words)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _load() -> float:
    """The 1-minute load average (other processes competing for the CPUs skew the figures)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def _like_missed(samples: Sequence[Timed], like_samples: Sequence[Timed]) -> int:
    """How many LIKE queries found nothing where the search found someone (``MUELLER``,
    ``ivanov`` typed for ``Иванов`` ...): what the plain scan costs in answers, not time."""
    found = {s.query for s in samples if s.hits}
    return sum(1 for s in like_samples if not s.hits and s.query in found)


def bench_backend(
    name: str,
    db: Database,
    persons: int,
    queries: Sequence[Query],
    warmup: Sequence[Query],
    like_queries: Sequence[Query],
    args: argparse.Namespace,
) -> BackendResult:
    service = PersonService(db, FixedClock(), DEMO_POST.time_zone)
    print(f"[{name}] warm-up: {len(warmup)} queries", flush=True)
    run_searches(service, warmup, args.limit)
    gc.collect()
    load_before = _load()
    calibration_before = calibrate()
    print(
        f"[{name}] timing {len(queries)} searches x {args.rounds} round(s) "
        f"(load average {load_before:.2f})",
        flush=True,
    )
    samples = [
        timed for _ in range(args.rounds) for timed in run_searches(service, queries, args.limit)
    ]
    load_after = _load()
    calibration_after = calibrate()
    print(f"[{name}] timing {len(like_queries)} LIKE scans", flush=True)
    like_samples = run_like(db.engine, like_queries)
    search = Summary.of([s.ms for s in samples])
    like = Summary.of([s.ms for s in like_samples])
    like_texts = {q.describe() for q in like_queries}
    same_queries = Summary.of([s.ms for s in samples if s.query in like_texts])
    per_shape = {
        shape: Summary.of([s.ms for s in samples if s.shape == shape])
        for shape in dict.fromkeys(s.shape for s in samples)
    }
    failures = list(
        dict.fromkeys(
            f"{s.shape}: {s.query} ({s.hits} hits, truncated={s.truncated})"
            for s in samples
            if not s.ok
        )
    )
    result = BackendResult(
        name,
        persons,
        search,
        like,
        like.p95_ms / search.p95_ms,
        per_shape,
        failures,
        samples,
        like_samples,
    )
    result.timing = {
        "rounds": args.rounds,
        "load_average_before": load_before,
        "cpu": asdict(Summary.of([s.cpu_ms for s in samples if s.cpu_ms is not None])),
        "load_average_after": load_after,
        "calibration_ms": [round(calibration_before, 2), round(calibration_after, 2)],
        "search_p95_on_like_queries_ms": same_queries.p95_ms,
        "like_missed": _like_missed(samples, like_samples),
    }
    if args.profile:
        print(f"[{name}] profiling", flush=True)
        result.profile = profile_searches(db, service, queries, args.limit, args.top)
    return result


# -- backends ------------------------------------------------------------------------------


def bench_sqlite(
    dataset: Dataset,
    queries: Sequence[Query],
    warmup: Sequence[Query],
    like_queries: Sequence[Query],
    args: argparse.Namespace,
) -> BackendResult:
    db = open_database(f"sqlite:///{dataset.path}")  # the application's engine and pragmas
    try:
        result = bench_backend(
            "sqlite", db, dataset.metadata["persons"], queries, warmup, like_queries, args
        )
    finally:
        db.close()
    result.details = {
        "sqlite_version": sqlite3.sqlite_version,
        "file_bytes": dataset.path.stat().st_size,
    }
    return result


def copy_registry(path: Path, conninfo: str) -> dict[str, int]:
    """Load the generated rows into PostgreSQL with COPY, then VACUUM (ANALYZE)."""
    import psycopg

    columns = ", ".join(column.name for column in PersonRow.__table__.columns)
    counts: dict[str, int] = {}
    with (
        contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as lite,
        psycopg.connect(conninfo) as pg,
    ):
        with pg.cursor() as cursor:
            for table, cols, order in (
                ("persons", columns, "id"),
                (
                    "person_name_tokens",
                    "token, person_id, birth_year",
                    "token, person_id",
                ),
            ):
                count = 0
                with cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for row in lite.execute(f"SELECT {cols} FROM {table} ORDER BY {order}"):
                        copy.write_row(row)
                        count += 1
                counts[table] = count
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('persons', 'id'), "
                "(SELECT max(id) FROM persons))"
            )
        pg.commit()
    # Index-only scans need the visibility map: a VACUUM that overlaps another transaction
    # (autovacuum's ANALYZE after the COPY) leaves pages unmarked, so repeat until it is set.
    with psycopg.connect(conninfo, autocommit=True) as pg:
        for _ in range(5):
            pg.execute("VACUUM (ANALYZE) persons")
            pg.execute("VACUUM (ANALYZE) person_name_tokens")
            row = pg.execute(
                "SELECT sum(relpages), sum(relallvisible) FROM pg_class "
                "WHERE relname IN ('persons', 'person_name_tokens')"
            ).fetchone()
            pages, visible = (int(row[0]), int(row[1])) if row else (0, 0)
            if visible >= 0.99 * pages:
                break
            time.sleep(2)
        counts["all_visible_percent"] = round(100 * visible / max(pages, 1))
    return counts


def bench_postgres(
    dataset: Dataset,
    queries: Sequence[Query],
    warmup: Sequence[Query],
    like_queries: Sequence[Query],
    args: argparse.Namespace,
) -> BackendResult:
    from tests.support.postgres import ThrowawayPostgres, postgres_available

    reason = postgres_available()
    if reason is not None:
        raise SystemExit(f"PostgreSQL unavailable: {reason} (use --skip-postgres)")
    with ThrowawayPostgres(settings=PG_SETTINGS) as cluster:
        url = cluster.create_database("registry_bench")
        print(
            "[postgresql] loading the registry (migrations, demo post, COPY, VACUUM ANALYZE)",
            flush=True,
        )
        started = time.perf_counter()
        db = open_database(url)
        try:
            initialise_demo_post(db)
            counts = copy_registry(dataset.path, cluster.conninfo("registry_bench"))
            load_seconds = time.perf_counter() - started
            print(f"[postgresql] loaded in {load_seconds:.1f} s", flush=True)
            result = bench_backend(
                "postgresql", db, counts["persons"], queries, warmup, like_queries, args
            )
            with db.engine.connect() as conn:
                version = conn.exec_driver_sql("SHOW server_version").scalar_one()
                size = conn.exec_driver_sql(
                    "SELECT pg_database_size(current_database())"
                ).scalar_one()
                shared_buffers = conn.exec_driver_sql("SHOW shared_buffers").scalar_one()
        finally:
            db.close()
    result.load_seconds = load_seconds
    result.details = {
        "server_version": version,
        "database_bytes": size,
        "shared_buffers": shared_buffers,
        "rows": counts,
        "settings": PG_SETTINGS,
    }
    return result


# -- report --------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
    }
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    return info


def _ms(value: float) -> str:
    return f"{value:8.2f}"


def print_report(
    results: Sequence[BackendResult],
    dataset: Dataset,
    queries: int,
    limit: int,
    target_ms: float,
    rss: dict[str, float | None],
    info: dict[str, Any],
    top: int,
) -> None:
    meta = dataset.metadata
    print()
    print("=" * 100)
    print(
        f"Registry search benchmark: {meta['persons']:,} persons, {meta['tokens']:,} name "
        f"tokens, {queries} queries, limit {limit}"
    )
    print(
        f"machine: {info.get('cpu', '?')}, {info['cpus']} CPUs, "
        f"{info.get('memory_gib', '?')} GiB, {info['platform']}, Python {info['python']}, "
        f"SQLAlchemy {info['sqlalchemy']}, SQLite {info['sqlite']}"
    )
    state = "this run" if dataset.generated_now else f"cached, made {meta['generated_at']}"
    print(
        f"dataset: {dataset.path.name} ({meta['sqlite_bytes'] / 2**20:,.0f} MiB), "
        f"generation {meta['generation_seconds']:.1f} s ({state})"
    )
    for result in results:
        if result.load_seconds is not None:
            print(
                f"{result.backend}: load (migrations + COPY + VACUUM ANALYZE) "
                f"{result.load_seconds:.1f} s; {result.details}"
            )
    for result in results:
        print()
        timing = result.timing
        print(
            f"{result.backend}: per shape (ms); {timing['rounds']} round(s), load average "
            f"{timing['load_average_before']:.2f} -> {timing['load_average_after']:.2f} on "
            f"{os.cpu_count()} CPUs; search p95 on the LIKE queries "
            f"{timing['search_p95_on_like_queries_ms']:.2f} ms; calibration "
            f"{timing['calibration_ms'][0]:.1f} -> {timing['calibration_ms'][1]:.1f} ms"
        )
        print(
            f"  {'shape':<22}{'n':>4}{'p50':>9}{'p95':>9}{'max':>9}{'mean hits':>11}"
            f"{'truncated':>11}"
        )
        for shape, summary in result.per_shape.items():
            group = [s for s in result.samples if s.shape == shape]
            hits = sum(s.hits for s in group) / len(group)
            truncated = sum(s.truncated for s in group) / len(group)
            print(
                f"  {shape:<22}{summary.count:>4}{_ms(summary.p50_ms):>9}"
                f"{_ms(summary.p95_ms):>9}{_ms(summary.max_ms):>9}{hits:>11.1f}"
                f"{truncated:>10.0%}"
            )
        slowest = sorted(result.samples, key=lambda s: s.ms, reverse=True)[:top]
        print("  slowest: " + "; ".join(f"{s.query} {s.ms:.1f} ms" for s in slowest))
        like_top = sorted(result.like_samples, key=lambda s: s.ms, reverse=True)[:3]
        print(
            "  slowest LIKE: "
            + "; ".join(f"{s.query} {s.ms:.0f} ms ({s.hits} rows)" for s in like_top)
        )
        print(
            f"  LIKE found nobody for {timing['like_missed']} of {len(result.like_samples)} "
            "queries where the search found persons (accents, MRZ spelling, Cyrillic)"
        )
        if result.failures:
            print(f"  NOT FOUND ({len(result.failures)}): " + "; ".join(result.failures[:10]))
        if result.profile:
            print_profile(result)
    print()
    header = (
        f"{'backend':<12}{'persons':>10}{'queries':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'max ms':>9}{'LIKE p50':>10}{'LIKE p95':>10}{'ratio':>8}"
        f"{'CPU p95':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.backend:<12}{r.persons:>10,}{r.search.count:>9}{_ms(r.search.p50_ms):>9}"
            f"{_ms(r.search.p95_ms):>9}{_ms(r.search.p99_ms):>9}{_ms(r.search.max_ms):>9}"
            f"{r.like.p50_ms:>10.1f}{r.like.p95_ms:>10.1f}{r.ratio:>7.1f}x"
            f"{_ms(r.timing['cpu']['p95_ms']):>9}"
        )
    print(
        f"(ratio = LIKE p95 / search p95; LIKE over {results[0].like.count} single-word "
        f"queries; CPU p95: CPU time of this process per search, for PostgreSQL the client "
        f"side only; target: SQLite search p95 <= {target_ms:g} ms)"
    )
    busy = [
        r.backend for r in results if r.timing["load_average_before"] > 0.5 * (os.cpu_count() or 1)
    ]
    if busy:
        print(
            f"warning: the machine was busy while timing {', '.join(busy)} (load average "
            "above half the CPUs): figures are inflated, rerun on a quiet machine"
        )
    generation = rss.get("generation_mib")
    print(
        f"peak RSS: benchmark process {rss['benchmark_mib']:.0f} MiB"
        + (
            f", generation process {generation:.0f} MiB"
            if generation
            else " (generation cached, not measured)"
        )
        + " (PostgreSQL server processes not included)"
    )


def print_profile(result: BackendResult) -> None:
    print(
        "  profile (mean ms per search: candidate_ids exact / prefix, candidates, SQL statements):"
    )
    for shape, figures in result.profile["by_shape"].items():
        print(
            f"    {shape:<22} total {figures['total_ms']:7.2f}  "
            f"exact {figures['exact_ids']:7.2f}  prefix {figures['prefix_ids']:7.2f}  "
            f"candidates {figures['candidates']:6.2f}"
            f"  statements {figures['statements']:.1f}"
        )
    for row in result.profile["slowest"]:
        print(
            f"    {row['query']} [{row['shape']}] {row['total_ms']:.1f} ms: exact "
            f"{row['exact_ids']:.1f}, prefix {row['prefix_ids']:.1f}, candidates "
            f"{row['candidates']:.1f}; slowest SQL {row['slowest_sql_ms']:.1f} ms"
        )
        print(f"      sql: {row['sql'][:400]}")
        for line in row["plan"]:
            print(f"      plan: {line}")


def check_targets(results: Sequence[BackendResult], target_ms: float) -> list[str]:
    failed = []
    for result in results:
        if result.backend == "sqlite" and result.search.p95_ms > target_ms:
            failed.append(f"SQLite search p95 {result.search.p95_ms:.2f} ms > {target_ms:g} ms")
        if result.failures:
            failed.append(
                f"{result.backend}: {len(result.failures)} searches did not find the "
                "registered person they name"
            )
    return failed


# -- entry point ---------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--persons", type=int, default=DEFAULT_PERSONS, help="registry size (default %(default)s)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help="generator and query-mix seed (default %(default)s)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DATA_DIR,
        help="where generated registries are cached (default benchmarks/data)",
    )
    parser.add_argument(
        "--regenerate", action="store_true", help="generate the registry even when it is cached"
    )
    parser.add_argument("--skip-postgres", action="store_true", help="SQLite only")
    parser.add_argument(
        "--target-ms",
        type=float,
        default=DEFAULT_TARGET_MS,
        help="SQLite search p95 target in ms (default %(default)s)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="time the query mix this many times (default 1)"
    )
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, help="search result limit (default %(default)s)"
    )
    parser.add_argument(
        "--like-queries",
        type=int,
        default=50,
        help="how many single-word queries the LIKE scan runs (default 50)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also split each search into repository calls and print the plans of the slowest",
    )
    parser.add_argument("--top", type=int, default=8, help="slowest queries to list")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures to FILE")
    args = parser.parse_args(argv)
    if args.persons < 100:
        parser.error("--persons must be at least 100")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    return args


def _json_safe(value: Any) -> Any:
    """NaN (an empty summary) is not JSON: write null instead."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    return value


def command_line() -> str:
    program = sys.argv[0]
    if program.endswith("__main__.py") or program == "-m":
        return " ".join([sys.executable, "-m", "benchmarks", *sys.argv[1:]])
    return " ".join([sys.executable, *sys.argv])


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    info = machine()
    dataset = ensure_dataset(args.data_dir, args.persons, args.seed, args.regenerate)
    persons = int(dataset.metadata["persons"])
    queries = build_query_mix(dataset.path, persons, args.seed)
    warmup = build_query_mix(dataset.path, persons, args.seed + 1, WARMUP_SCALE)
    like_queries = like_subset(queries, args.like_queries)
    results = [bench_sqlite(dataset, queries, warmup, like_queries, args)]
    if not args.skip_postgres:
        results.append(bench_postgres(dataset, queries, warmup, like_queries, args))
    rss = {
        "benchmark_mib": _maxrss_mib(resource.RUSAGE_SELF),
        "generation_mib": dataset.generation_peak_rss_mib,
    }
    print_report(results, dataset, len(queries), args.limit, args.target_ms, rss, info, args.top)
    failed = check_targets(results, args.target_ms)
    for failure in failed:
        print(f"TARGET FAILED: {failure}")
    if not failed:
        print(f"target met: SQLite search p95 <= {args.target_ms:g} ms")
    if args.json is not None:
        document = {
            "command": command_line(),
            "machine": info,
            "dataset": {
                "file": dataset.path.name,
                **dataset.metadata,
                "generated_this_run": dataset.generated_now,
            },
            "target_ms": args.target_ms,
            "limit": args.limit,
            "peak_rss": rss,
            "failed_targets": failed,
            "wall_seconds": round(time.perf_counter() - started, 1),
            "results": [asdict(result) for result in results],
        }
        args.json.write_text(
            json.dumps(_json_safe(document), indent=2, ensure_ascii=False, allow_nan=False) + "\n",
            encoding="utf-8",
        )
        print(f"figures written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
