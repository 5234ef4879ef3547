"""Benchmark: 200 workshop votes submitted concurrently, on SQLite and on PostgreSQL.

Each run uses a fresh database (a temporary SQLite file; a fresh PostgreSQL schema at
TEST_DATABASE_URL or --pg-url, dropped afterwards): 200 participants join, then send their votes
from a thread pool at once; votes lost and duplicated are then counted in the database (summed
over runs). Prints medians.

    .venv/bin/python bench/bench_workshop.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib.workshop.db import database_url, engine_from_env
from lib.workshop.service import create_workshop, join, submit_vote, votes_frame

ACTORS = ["citoyens", "entreprises", "associations"]
Run = tuple[float, float, int, int]  # joins (s), votes (s), votes lost, choices duplicated
DOMAINS = sorted(["emploi", "sante", "logement", "mobilite", "numerique", "pauvrete", "education"])


def one_run(env: dict[str, str], votes: int, threads: int) -> Run:
    """Seconds for `votes` concurrent joins, then for `votes` concurrent votes; votes lost and
    choice rows duplicated, counted in the database afterwards."""
    engine = engine_from_env(env)
    try:
        workshop, _ = create_workshop(
            engine,
            title="Banc d'essai",
            territory_id="REG-53",
            actor_ids=ACTORS,
            n_choices=3,
            allowed_territories={"REG-53"},
            allowed_actors=ACTORS,
        )
        with ThreadPoolExecutor(threads) as pool:
            start = time.perf_counter()
            tokens = list(
                pool.map(lambda n: join(engine, workshop.code, client=f"phone-{n}"), range(votes))
            )
            joined = time.perf_counter()
            list(
                pool.map(
                    lambda n: submit_vote(
                        engine,
                        workshop.code,
                        tokens[n],
                        actor_id=ACTORS[n % 3],
                        domain_ids=[DOMAINS[(n + step * 2) % len(DOMAINS)] for step in range(3)],
                        comment=None,
                        allowed_domains=DOMAINS,
                    ),
                    range(votes),
                )
            )
            voted = time.perf_counter()
        frame = votes_frame(engine, workshop.workshop_id)
        stored = frame["vote_no"].nunique()
        return joined - start, voted - joined, votes - stored, len(frame) - 3 * stored
    finally:
        engine.dispose()


def sqlite_runs(runs: int, votes: int, threads: int) -> list[Run]:
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            env = {"WORKSHOP_DB_PATH": str(Path(folder) / "bench.sqlite3")}
            results.append(one_run(env, votes, threads))
    return results


def postgres_runs(url: str, runs: int, votes: int, threads: int) -> list[Run]:
    base = database_url({"DATABASE_URL": url})
    admin = sa.create_engine(base)
    results = []
    try:
        for _ in range(runs):
            schema = f"bench_{uuid.uuid4().hex[:12]}"
            with admin.begin() as connection:
                connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
            scoped = base.update_query_dict({"options": f"-csearch_path={schema}"})
            try:
                env = {"DATABASE_URL": scoped.render_as_string(hide_password=False)}
                results.append(one_run(env, votes, threads))
            finally:
                with admin.begin() as connection:
                    connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    finally:
        admin.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--votes", type=int, default=200)
    parser.add_argument("--threads", type=int, default=24)
    parser.add_argument("--pg-url", default=os.environ.get("TEST_DATABASE_URL", ""))
    args = parser.parse_args()
    backends = {"SQLite (WAL)": sqlite_runs(args.runs, args.votes, args.threads)}
    if args.pg_url:
        backends["PostgreSQL"] = postgres_runs(args.pg_url, args.runs, args.votes, args.threads)
    else:
        print("PostgreSQL skipped: no --pg-url or TEST_DATABASE_URL")
    print(f"{args.votes} participants, {args.threads} threads, median of {args.runs} runs")
    print("| backend | joins (s) | votes (s) | votes/s | min–max votes (s) | lost / duplicated |")
    print("|---|---|---|---|---|---|")
    for name, results in backends.items():
        joins, vote_times, lost, duplicated = zip(*results, strict=True)
        median = statistics.median(vote_times)
        print(
            f"| {name} | {statistics.median(joins):.2f} | {median:.2f} | "
            f"{args.votes / median:.0f} | {min(vote_times):.2f}–{max(vote_times):.2f} | "
            f"{sum(lost)} / {sum(duplicated)} |"
        )


if __name__ == "__main__":
    main()
