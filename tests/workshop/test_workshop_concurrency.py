"""Concurrency on both backends: 200 simultaneous votes (with re-submissions), two OS processes
sharing the database, the organiser-key lockout per browser across two engines (app replicas),
joins from one browser, votes racing the close."""

import json
import os
import random
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from workshop_votes import ORGANISER, new_token

from lib.workshop import organiser
from lib.workshop.db import workshops
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
WRONG = "AAAA-BBBB-CCCC-DDDD"
CLOSED = "Cet atelier est fermé : les votes ne sont plus acceptés."
ATTACKER = "a participant's browser"


def _closed_at(backend, workshop_id):
    with backend.engine.connect() as connection:
        return connection.scalar(
            sa.select(workshops.c.closed_at).where(workshops.c.workshop_id == workshop_id)
        )


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
        tokens = list(pool.map(lambda _: new_token(engine, created.code), range(N_VOTERS)))
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
token = join(engine, sys.argv[1], client="another-process")
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


def _refusal(engine, code, key, client=ATTACKER) -> str:
    with pytest.raises(WorkshopError) as caught:
        check_organiser_key(engine, code, key, client=client)
    return caught.value.message


def _wait(seconds: int) -> str:
    return (
        "Trop de clés incorrectes depuis ce navigateur pour cet atelier : réessayez dans "
        f"{seconds} s."
    )


def test_wrong_keys_lock_out_only_their_client_on_every_replica(backend, workshop, frozen_clock):
    code, key = workshop[0].code, workshop[1]
    first, second = backend.engine, backend.new_engine()
    try:
        for engine in [first, first, first, second, second]:
            assert _refusal(engine, code, WRONG) == WRONG_KEY
        assert _refusal(first, code, key) == _wait(30)  # even the right key waits
        assert _refusal(second, code, WRONG) == _wait(30)
        # the organiser, in another browser, is not locked out, on either replica
        check_organiser_key(second, code, key, client=ORGANISER)
        close_workshop(first, code, key, client=ORGANISER)
        assert not get_workshop(second, code).is_open
        frozen_clock.advance(10.5)
        assert _refusal(second, code, key) == _wait(20)
        frozen_clock.advance(19.5)
        assert _refusal(second, code, WRONG) == WRONG_KEY  # 6th failure
        assert _refusal(first, code, key) == _wait(60)
        frozen_clock.advance(60)
        check_organiser_key(first, code, key, client=ATTACKER)  # the right key resets
        for _ in range(4):
            assert _refusal(second, code, WRONG) == WRONG_KEY
        check_organiser_key(first, code, key, client=ATTACKER)
    finally:
        second.dispose()


def test_the_organisers_own_wrong_keys_lock_only_that_browser(
    backend, workshop, another_workshop, frozen_clock
):
    code, key = workshop[0].code, workshop[1]
    other, _ = another_workshop()
    for _ in range(5):
        assert _refusal(backend.engine, code, WRONG, ORGANISER) == WRONG_KEY
    assert _refusal(backend.engine, code, key, ORGANISER) == _wait(30)
    with pytest.raises(WorkshopError) as caught:
        close_workshop(backend.engine, code, key, client=ORGANISER)
    assert caught.value.message == _wait(30)
    assert get_workshop(backend.engine, code).is_open
    close_workshop(backend.engine, code, key, client="the organiser's phone")
    assert _refusal(backend.engine, other.code, WRONG, ORGANISER) == WRONG_KEY  # not locked
    frozen_clock.advance(30)
    check_organiser_key(backend.engine, code, key, client=ORGANISER)


@pytest.mark.usefixtures("frozen_clock")  # the wait reads exactly 30 s
def test_concurrent_wrong_keys_of_one_client_are_all_counted(backend, workshop):
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
    assert messages.count(_wait(30)) == 3


def test_fifty_concurrent_joins_from_one_browser_make_at_most_three_participants(backend, workshop):
    code = workshop[0].code
    engines = [backend.engine, backend.new_engine()]

    def attempt(n: int) -> str:
        try:
            return join(engines[n % 2], code, client=ATTACKER)
        except WorkshopError as error:
            return error.message

    try:
        with ThreadPoolExecutor(THREADS) as pool:
            outcomes = list(pool.map(attempt, range(50)))
    finally:
        engines[1].dispose()
    refusal = (
        "Ce navigateur a déjà rejoint cet atelier 3 fois : pour modifier votre vote, rouvrez la "
        "page où vous avez voté (son adresse garde votre place)."
    )
    assert outcomes.count(refusal) == 47
    assert backend.count("participants") == 3
    join(backend.engine, code, client=ORGANISER)  # another browser still joins
    assert backend.count("participants") == 4


def test_a_vote_racing_the_close_is_counted_before_it_or_refused(backend, vocabulary, workshop):
    created, key = workshop
    engine = backend.engine
    tokens = [new_token(engine, created.code) for _ in range(60)]
    submissions = [
        (
            token,
            {
                "actor_id": "citoyens",
                "domain_ids": ["emploi", "sante", "logement"],
                "comment": None,
            },
        )
        for token in tokens
    ]

    def send(item) -> str:
        if item is None:
            close_workshop(engine, created.code, key, client=ORGANISER)
            return "closed"
        try:
            submit_vote(
                engine, created.code, item[0], allowed_domains=vocabulary.domains, **item[1]
            )
        except WorkshopError as error:
            return error.message
        return "counted"

    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = list(pool.map(send, [*submissions[:30], None, *submissions[30:]]))
    assert set(outcomes) <= {"counted", "closed", CLOSED}
    closed_at = _closed_at(backend, created.workshop_id)
    frame = votes_frame(engine, created.workshop_id)
    assert frame["vote_no"].nunique() == outcomes.count("counted")
    assert (frame["submitted_at"] <= closed_at).all()  # never a vote after the close


def test_closed_at_is_stamped_after_the_key_check(backend, workshop, frozen_clock, monkeypatch):
    created, key = workshop
    checked = organiser.key_matches

    def slow_check(typed, stored):  # the key check (and any lock wait) takes 2.5 s
        frozen_clock.advance(2.5)
        return checked(typed, stored)

    monkeypatch.setattr(organiser, "key_matches", slow_check)
    asked = frozen_clock.now
    close_workshop(backend.engine, created.code, key, client=ORGANISER)
    assert _closed_at(backend, created.workshop_id) == asked + timedelta(seconds=2.5)
