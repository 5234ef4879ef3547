"""Concurrency on both backends: 200 simultaneous votes (with re-submissions), two OS processes
sharing the database, the organiser-key lockout across two engines (app replicas)."""

import json
import os
import random
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lib.workshop.service import (
    WorkshopError,
    check_organiser_key,
    close_workshop,
    current_vote,
    get_workshop,
    join,
    submit_vote,
    votes_frame,
)

ROOT = Path(__file__).resolve().parents[2]
N_VOTERS = 200
N_RESUBMITTING = 40  # these also send two more versions of their vote, at the same time
THREADS = 24
WRONG_KEY = "Clé organisateur incorrecte."


def _submissions(tokens, domains):
    """(token, vote) pairs: one vote per token, two more versions for the first 40 tokens with
    the same domains in another order (so the expected domain totals are exact)."""
    pool = sorted(domains)
    submissions = []
    for number, token in enumerate(tokens):
        chosen = [pool[(number + step * 5) % len(pool)] for step in range(3)]
        versions = 3 if number < N_RESUBMITTING else 1
        for version in range(versions):
            order = chosen[version:] + chosen[:version]
            actor = ["citoyens", "entreprises", "associations"][(number + version) % 3]
            submissions.append(
                (token, {"actor_id": actor, "domain_ids": order, "comment": f"v{version}"})
            )
    random.Random(4).shuffle(submissions)
    return submissions


def test_200_concurrent_votes_none_lost_none_duplicated(backend, vocabulary, workshop):
    created, _ = workshop
    engine = backend.engine
    with ThreadPoolExecutor(THREADS) as pool:
        tokens = list(pool.map(lambda _: join(engine, created.code), range(N_VOTERS)))
        submissions = _submissions(tokens, vocabulary.domains)
        list(
            pool.map(
                lambda item: submit_vote(
                    engine,
                    created.code,
                    item[0],
                    allowed_domains=vocabulary.domains,
                    **item[1],
                ),
                submissions,
            )
        )
    assert len(submissions) == N_VOTERS + 2 * N_RESUBMITTING
    assert [backend.count(t) for t in ["participants", "votes", "vote_choices"]] == [200, 200, 600]
    frame = votes_frame(engine, created.workshop_id)
    assert sorted(frame["vote_no"].unique()) == list(range(1, N_VOTERS + 1))
    assert frame.groupby("vote_no")["rank"].apply(list).tolist() == [[1, 2, 3]] * N_VOTERS
    expected = Counter()
    for token in tokens:
        sent = [vote for sender, vote in submissions if sender == token]
        expected.update(sent[0]["domain_ids"])
        stored = current_vote(engine, created.code, token)
        assert (stored["actor_id"], list(stored["domain_ids"]), stored["comment"]) in [
            (vote["actor_id"], vote["domain_ids"], vote["comment"]) for vote in sent
        ]
    assert frame["domain_id"].value_counts().to_dict() == dict(expected)
    assert get_workshop(engine, created.code).n_participants == N_VOTERS


def _run(script: str, backend, *args: str) -> str:
    """Run `script` in a new Python process opening the backend's database from its env."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "WORKSHOP_DB_PATH"}}
    env |= backend.env | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


VOTER = """
import sys
from lib.workshop.service import engine_from_env, join, submit_vote
engine = engine_from_env()
token = join(engine, sys.argv[1])
submit_vote(engine, sys.argv[1], token, actor_id="entreprises",
            domain_ids=["numerique", "mobilite", "emploi"], comment="vu d'un autre processus",
            allowed_domains={"numerique", "mobilite", "emploi"})
print(token)
"""
READER = """
import json, sys
from lib.workshop.service import current_vote, engine_from_env, get_workshop
engine = engine_from_env()
vote = current_vote(engine, sys.argv[1], sys.argv[2])
print(json.dumps({"n": get_workshop(engine, sys.argv[1]).n_participants,
                  "domain_ids": vote["domain_ids"], "comment": vote["comment"]}))
"""


def test_a_vote_through_one_process_is_seen_by_another(backend, workshop):
    code = workshop[0].code
    token = _run(VOTER, backend, code)
    seen = json.loads(_run(READER, backend, code, token))
    assert seen == {
        "n": 1,
        "domain_ids": ["numerique", "mobilite", "emploi"],
        "comment": "vu d'un autre processus",
    }
    assert current_vote(backend.engine, code, token)["actor_id"] == "entreprises"


def _refusal(engine, code, key) -> str:
    with pytest.raises(WorkshopError) as caught:
        check_organiser_key(engine, code, key)
    return caught.value.message


def test_wrong_keys_lock_the_workshop_on_every_replica(backend, workshop, frozen_clock):
    code, key = workshop[0].code, workshop[1]
    first, second = backend.engine, backend.new_engine()
    try:
        for engine in [first, first, first, second, second]:
            assert _refusal(engine, code, "AAAA-BBBB-CCCC-DDDD") == WRONG_KEY
        locked = "Trop de tentatives : réessayez dans 30 s."
        assert _refusal(first, code, key) == locked  # even the right key waits
        assert _refusal(second, code, "AAAA-BBBB-CCCC-DDDD") == locked
        frozen_clock.advance(10.5)
        assert _refusal(second, code, key) == "Trop de tentatives : réessayez dans 20 s."
        frozen_clock.advance(19.5)
        assert _refusal(second, code, "AAAA-BBBB-CCCC-DDDD") == WRONG_KEY  # 6th failure
        assert _refusal(first, code, key) == "Trop de tentatives : réessayez dans 60 s."
        frozen_clock.advance(60)
        close_workshop(first, code, key)  # the right key, once the wait is over, resets
        assert not get_workshop(second, code).is_open
        for _ in range(4):
            assert _refusal(second, code, "AAAA-BBBB-CCCC-DDDD") == WRONG_KEY
        check_organiser_key(first, code, key)
    finally:
        second.dispose()


@pytest.mark.usefixtures("frozen_clock")  # the wait reads exactly 30 s
def test_concurrent_wrong_keys_are_all_counted(backend, workshop):
    code = workshop[0].code
    engines = [backend.engine, backend.new_engine()]
    try:
        with ThreadPoolExecutor(8) as pool:
            messages = list(
                pool.map(lambda n: _refusal(engines[n % 2], code, f"WRONG-{n}"), range(8))
            )
    finally:
        engines[1].dispose()
    assert messages.count(WRONG_KEY) == 5  # the 5 first, whichever replica; then all wait
    assert messages.count("Trop de tentatives : réessayez dans 30 s.") == 3
