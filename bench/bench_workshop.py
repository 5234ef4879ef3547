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
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.room.database import scratch_database
from lib.workshop.db import engine_from_env
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


def runs_on(postgres_url: str | None, runs: int, votes: int, threads: int) -> list[Run]:
    """`runs` runs, each on a fresh database (SQLite, or a schema at `postgres_url`)."""
    results = []
    for _ in range(runs):
        with scratch_database(postgres_url) as env:
            results.append(one_run(env, votes, threads))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--votes", type=int, default=200)
    parser.add_argument("--threads", type=int, default=24)
    parser.add_argument("--pg-url", default=os.environ.get("TEST_DATABASE_URL", ""))
    args = parser.parse_args()
    backends = {"SQLite (WAL)": runs_on(None, args.runs, args.votes, args.threads)}
    if args.pg_url:
        backends["PostgreSQL"] = runs_on(args.pg_url, args.runs, args.votes, args.threads)
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
