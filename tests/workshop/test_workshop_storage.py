"""Workshop storage on both backends: creation, votes (upsert), refusals that change nothing,
organiser actions, restart, schema."""

from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
import sqlalchemy as sa
from workshop_votes import ORGANISER, new_token

from lib.workshop import clock, codes
from lib.workshop.db import DEFAULT_DB_PATH, database_url, engine_from_env, schema_version
from lib.workshop.service import (
    WorkshopError,
    check_organiser_key,
    close_workshop,
    create_workshop,
    current_vote,
    delete_workshop,
    format_code,
    get_workshop,
    join,
    published_workshops,
    reopen_workshop,
    set_published,
    submit_vote,
    votes_frame,
)

VOTE = {
    "actor_id": "citoyens",
    "domain_ids": ["emploi", "sante", "logement"],
    "comment": "Priorité à l'emploi des jeunes",
}
UNKNOWN_CODE = "Code d'atelier inconnu : vérifiez les 8 caractères."
CLOSED = "Cet atelier est fermé : les votes ne sont plus acceptés."
UNKNOWN_PARTICIPANT = (
    "Participant inconnu dans cet atelier : rejoignez-le de nouveau avec son code."
)
WRONG_KEY = "Clé organisateur incorrecte."
COUNTERS = ("client_counters",)


def vote(engine, code, token, vocabulary, **changes):
    submit_vote(engine, code, token, allowed_domains=vocabulary.domains, **(VOTE | changes))


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(WorkshopError) as caught:
        call(*args, **kwargs)
    return caught.value.message


def create(backend, vocabulary, **changes):
    fields = {
        "title": "Atelier Bretagne",
        "territory_id": "REG-53",
        "actor_ids": ["citoyens", "entreprises"],
        "n_choices": 3,
    }
    return create_workshop(
        backend.engine,
        allowed_territories=vocabulary.territories,
        allowed_actors=vocabulary.actors,
        **(fields | changes),
    )


def test_a_new_workshop_is_open_with_a_code_and_a_key(backend, workshop):
    created, key = workshop
    assert codes.is_code(created.code)
    assert codes.is_code(codes.normalise(key)[:8]) and len(codes.normalise(key)) == 16
    assert (created.title, created.territory_id, created.n_choices) == (
        "Atelier Bretagne",
        "REG-53",
        3,
    )
    assert created.actor_ids == ("citoyens", "entreprises", "associations")
    assert created.is_open and not created.published
    assert created.closes_at is None and created.n_participants == 0
    assert created.created_at.tzinfo == UTC
    assert abs(created.created_at - clock.utc_now()) < timedelta(minutes=1)
    assert get_workshop(backend.engine, created.code) == created


def test_the_code_is_read_loosely(backend, workshop):
    created, _ = workshop
    typed = f"  {created.code[:4].lower()} - {created.code[4:].lower()} "
    assert get_workshop(backend.engine, typed) == created
    assert get_workshop(backend.engine, format_code(created.code)) == created
    misread = created.code.replace("0", "O").replace("1", "l")
    assert get_workshop(backend.engine, misread) == created


@pytest.mark.parametrize("code", ["ZZZZ-ZZZZ", "ABC", "", "ABCD-EFGU", "' OR 1=1 --"])
def test_a_wrong_code_is_refused(backend, workshop, code):
    assert workshop[0].code != "ZZZZZZZZ"
    assert refused(get_workshop, backend.engine, code) == UNKNOWN_CODE
    before = backend.snapshot()
    assert refused(join, backend.engine, code, client="a-browser") == UNKNOWN_CODE
    assert backend.snapshot() == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "Donnez un titre à l'atelier."),
        ({"title": "x" * 121}, "Titre trop long : 121 caractères (120 au plus)."),
        (
            {"title": "Atelier ![](http://example.com/pixel.png)"},
            "Titre : les caractères [ ] ne sont pas acceptés (ils créeraient des liens, des "
            "images ou des formules dans les pages).",
        ),
        (
            {"title": "<img src=x onerror=alert(1)>"},
            "Titre : les caractères < > ne sont pas acceptés (ils créeraient des liens, des "
            "images ou des formules dans les pages).",
        ),
        (
            {"title": r"Atelier $\rule{9999px}{9999px}$"},
            "Titre : les caractères $ ne sont pas acceptés (ils créeraient des liens, des "
            "images ou des formules dans les pages).",
        ),
        (
            {"title": "Atelier \ud800 Brest"},
            "Titre : le caractère U+D800 n'est pas accepté (caractère de contrôle, invisible ou "
            "invalide) ; retapez le titre.",
        ),
        (
            {"title": "Atelier\nBrest"},
            "Titre : le caractère U+000A n'est pas accepté (caractère de contrôle, invisible ou "
            "invalide) ; retapez le titre.",
        ),
        (
            {"title": "Atelier \x00"},
            "Titre : le caractère U+0000 n'est pas accepté (caractère de contrôle, invisible ou "
            "invalide) ; retapez le titre.",
        ),
        (
            {"title": "Atelier \u202egnp.exe"},
            "Titre : le caractère U+202E n'est pas accepté (caractère de contrôle, invisible ou "
            "invalide) ; retapez le titre.",
        ),
        ({"territory_id": "REG-99"}, "Territoire inconnu : REG-99."),
        ({"territory_id": "53"}, "Territoire inconnu : 53."),
        ({"actor_ids": []}, "Choisissez au moins un profil d'acteur."),
        ({"actor_ids": ["citoyens", "pirates"]}, "Profil d'acteur inconnu : pirates."),
        ({"n_choices": 2}, "Le nombre de domaines à choisir doit être 3, 4 ou 5 (demandé : 2)."),
        ({"n_choices": 6}, "Le nombre de domaines à choisir doit être 3, 4 ou 5 (demandé : 6)."),
        (
            {"closes_at": datetime(2020, 1, 1, tzinfo=UTC)},
            "L'heure de clôture est déjà passée : choisissez une heure à venir.",
        ),
    ],
)
def test_a_bad_workshop_is_refused_and_nothing_is_stored(backend, vocabulary, changes, message):
    before = backend.snapshot()
    assert refused(create, backend, vocabulary, **changes) == message
    assert backend.snapshot() == before
    assert backend.count("workshops") == 0


def test_a_taken_code_is_drawn_again(backend, vocabulary, workshop, monkeypatch):
    taken = workshop[0].code
    draws = iter([taken, taken, "N3WC0DE5"])
    monkeypatch.setattr(codes, "new_code", lambda: next(draws))
    assert create(backend, vocabulary)[0].code == "N3WC0DE5"
    monkeypatch.setattr(codes, "new_code", lambda: taken)
    with pytest.raises(RuntimeError, match="no free workshop code"):
        create(backend, vocabulary)
    assert backend.count("workshops") == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"domain_ids": ["emploi", "sante", "atlantide"]}, "Domaine inconnu : atlantide."),
        (
            {"domain_ids": ["emploi", "sante", "x" * 100]},
            "Domaine inconnu : " + "x" * 39 + "….",
        ),
        (
            {"domain_ids": ["emploi", "sante", "logement", "mobilite"]},
            "Choisissez exactement 3 domaines (4 choisis).",
        ),
        ({"domain_ids": ["emploi", "sante"]}, "Choisissez exactement 3 domaines (2 choisis)."),
        ({"domain_ids": ["emploi"]}, "Choisissez exactement 3 domaines (1 choisi)."),
        ({"domain_ids": []}, "Choisissez exactement 3 domaines (0 choisi)."),
        ({"domain_ids": ["emploi", "sante", "emploi"]}, "Domaine choisi deux fois : emploi."),
        ({"actor_id": "fondations"}, "Profil d'acteur non proposé dans cet atelier : fondations."),
        ({"actor_id": "pirates"}, "Profil d'acteur non proposé dans cet atelier : pirates."),
        ({"comment": "é" * 312}, "Commentaire trop long : 312 caractères (280 au plus)."),
        (
            {"comment": "Bien \udcff"},
            "Commentaire : le caractère U+DCFF n'est pas accepté (caractère de contrôle, "
            "invisible ou invalide) ; retapez le commentaire.",
        ),
        (
            {"comment": "Bien\x1b[31m"},
            "Commentaire : le caractère U+001B n'est pas accepté (caractère de contrôle, "
            "invisible ou invalide) ; retapez le commentaire.",
        ),
    ],
)
def test_a_bad_vote_is_refused_and_the_previous_vote_stays(
    backend, vocabulary, workshop, changes, message
):
    code = workshop[0].code
    token = new_token(backend.engine, code)
    vote(backend.engine, code, token, vocabulary)
    before = backend.snapshot()
    assert refused(vote, backend.engine, code, token, vocabulary, **changes) == message
    assert backend.snapshot() == before
    assert current_vote(backend.engine, code, token)["domain_ids"] == tuple(VOTE["domain_ids"])


def test_a_vote_needs_a_token_of_that_workshop(backend, vocabulary, workshop):
    code = workshop[0].code
    other = create(backend, vocabulary)[0].code
    stranger = new_token(backend.engine, other)
    before = backend.snapshot()
    for token in ["invented-token", "", stranger]:
        assert refused(vote, backend.engine, code, token, vocabulary) == UNKNOWN_PARTICIPANT
        assert refused(current_vote, backend.engine, code, token) == UNKNOWN_PARTICIPANT
    assert refused(vote, backend.engine, "ZZZZZZZZ", stranger, vocabulary) == UNKNOWN_CODE
    assert backend.snapshot() == before


def test_a_closed_workshop_refuses_votes_and_joins_until_reopened(backend, vocabulary, workshop):
    created, key = workshop
    token = new_token(backend.engine, created.code)
    close_workshop(backend.engine, created.code, key, client=ORGANISER)
    assert not get_workshop(backend.engine, created.code).is_open
    before = backend.snapshot()
    assert refused(vote, backend.engine, created.code, token, vocabulary) == CLOSED
    assert refused(join, backend.engine, created.code, client="a-browser") == CLOSED
    assert backend.snapshot() == before
    reopen_workshop(backend.engine, created.code, key, client=ORGANISER)
    vote(backend.engine, created.code, token, vocabulary)
    assert get_workshop(backend.engine, created.code).n_participants == 1


def test_votes_after_the_closing_time_are_refused(backend, vocabulary, frozen_clock):
    closes_at = frozen_clock.now + timedelta(minutes=10)
    created, key = create(backend, vocabulary, closes_at=closes_at)
    assert created.closes_at == closes_at
    token = new_token(backend.engine, created.code)
    frozen_clock.advance(599)
    vote(backend.engine, created.code, token, vocabulary)
    frozen_clock.advance(1)
    assert not get_workshop(backend.engine, created.code).is_open
    before = backend.snapshot()
    assert (
        refused(vote, backend.engine, created.code, token, vocabulary, actor_id="entreprises")
        == CLOSED
    )
    assert backend.snapshot() == before
    # a passed closing time is dropped
    reopen_workshop(backend.engine, created.code, key, client=ORGANISER)
    reopened = get_workshop(backend.engine, created.code)
    assert reopened.is_open and reopened.closes_at is None


def test_a_new_vote_by_the_same_participant_replaces_the_first(backend, vocabulary, workshop):
    code = workshop[0].code
    token = new_token(backend.engine, code)
    assert current_vote(backend.engine, code, token) is None
    vote(backend.engine, code, token, vocabulary)
    vote(
        backend.engine,
        code,
        token,
        vocabulary,
        actor_id="entreprises",
        domain_ids=["numerique", "emploi", "mobilite"],
        comment="  Les zones blanches d'abord  ",
    )
    replaced = current_vote(backend.engine, code, token)
    assert replaced["actor_id"] == "entreprises"
    assert replaced["domain_ids"] == ("numerique", "emploi", "mobilite")
    assert replaced["comment"] == "Les zones blanches d'abord"
    assert [backend.count(table) for table in ["participants", "votes", "vote_choices"]] == [
        1,
        1,
        3,
    ]
    frame = votes_frame(backend.engine, workshop[0].workshop_id)
    assert frame[["vote_no", "actor_id", "rank", "domain_id"]].values.tolist() == [
        [1, "entreprises", 1, "numerique"],
        [1, "entreprises", 2, "emploi"],
        [1, "entreprises", 3, "mobilite"],
    ]
    assert get_workshop(backend.engine, code).n_participants == 1


@pytest.mark.parametrize(
    ("comment", "stored"),
    [
        (None, None),
        ("", None),
        ("   \n ", None),
        ("  " + "é" * 280 + "\n", "é" * 280),
        ("Deux lignes\r\n\tet une tabulation 👩‍💻", "Deux lignes\r\n\tet une tabulation 👩‍💻"),
    ],
)
def test_comment_is_stripped_and_optional(backend, vocabulary, workshop, comment, stored):
    code = workshop[0].code
    token = new_token(backend.engine, code)
    vote(backend.engine, code, token, vocabulary, comment=comment)
    assert current_vote(backend.engine, code, token)["comment"] == stored


def test_votes_frame_numbers_votes_by_first_submission_without_tokens(
    backend, vocabulary, workshop, frozen_clock
):
    created, _ = workshop
    tokens = [new_token(backend.engine, created.code) for _ in range(3)]
    for number, token in enumerate(tokens, start=1):
        frozen_clock.advance(1)
        vote(backend.engine, created.code, token, vocabulary, comment=f"vote {number}")
    frozen_clock.advance(1)
    vote(backend.engine, created.code, tokens[0], vocabulary, comment="vote 1 remplacé")
    frame = votes_frame(backend.engine, created.workshop_id)
    assert list(frame.columns) == [
        "vote_no",
        "actor_id",
        "rank",
        "domain_id",
        "comment",
        "submitted_at",
    ]
    assert frame["vote_no"].tolist() == [1, 1, 1, 2, 2, 2, 3, 3, 3]
    assert frame["rank"].tolist() == [1, 2, 3] * 3
    assert frame.drop_duplicates("vote_no")["comment"].tolist() == [
        "vote 1 remplacé",
        "vote 2",
        "vote 3",
    ]
    assert frame["submitted_at"].iloc[0] == pd.Timestamp(frozen_clock.now)
    assert str(frame["submitted_at"].dt.tz) == "UTC"
    cells = frame.astype(str).to_numpy().ravel().tolist()
    assert not any(token in cell for token in tokens for cell in cells)
    assert votes_frame(backend.engine, created.workshop_id + 1000).empty


def test_results_survive_an_app_restart(backend, vocabulary, workshop):
    created, key = workshop
    tokens = [new_token(backend.engine, created.code) for _ in range(5)]
    for token in tokens:
        vote(backend.engine, created.code, token, vocabulary)
    set_published(backend.engine, created.code, key, True, client=ORGANISER)
    expected = votes_frame(backend.engine, created.workshop_id)
    backend.engine.dispose()
    restarted = backend.new_engine()
    try:
        assert get_workshop(restarted, created.code) == get_workshop(backend.engine, created.code)
        assert get_workshop(restarted, created.code).n_participants == 5
        pd.testing.assert_frame_equal(votes_frame(restarted, created.workshop_id), expected)
        assert current_vote(restarted, created.code, tokens[0])["actor_id"] == "citoyens"
        check_organiser_key(restarted, created.code, key, client=ORGANISER)
    finally:
        restarted.dispose()


def test_wrong_organiser_key_is_refused_and_changes_nothing_else(backend, workshop):
    created, key = workshop
    before = backend.snapshot(skip=COUNTERS)
    actions = [
        (check_organiser_key, ()),
        (close_workshop, ()),
        (reopen_workshop, ()),
        (set_published, (True,)),
        (delete_workshop, ()),
    ]
    for action, extra in actions:
        assert (
            refused(action, backend.engine, created.code, "AAAA-BBBB-CCCC-DDDD", *extra, client="x")
            == WRONG_KEY
        )
    assert backend.snapshot(skip=COUNTERS) == before
    assert (
        refused(check_organiser_key, backend.engine, "ZZZZZZZZ", key, client=ORGANISER)
        == UNKNOWN_CODE
    )
    assert get_workshop(backend.engine, created.code) == created


def test_organiser_actions(backend, vocabulary, workshop):
    created, key = workshop
    kept, _ = create(backend, vocabulary, title="Autre atelier")
    for code in [created.code] * 5 + [kept.code]:
        vote(backend.engine, code, new_token(backend.engine, code), vocabulary)
    typed = key.lower().replace("-", "")
    check_organiser_key(backend.engine, created.code, typed, client=ORGANISER)
    assert published_workshops(backend.engine) == []
    set_published(backend.engine, created.code, key, True, client=ORGANISER)
    assert [w.code for w in published_workshops(backend.engine)] == [created.code]
    assert published_workshops(backend.engine)[0].published
    set_published(backend.engine, created.code, key, False, client=ORGANISER)
    assert published_workshops(backend.engine) == []
    close_workshop(backend.engine, created.code, key, client=ORGANISER)
    assert not get_workshop(backend.engine, created.code).is_open
    reopen_workshop(backend.engine, created.code, key, client=ORGANISER)
    assert get_workshop(backend.engine, created.code).is_open
    delete_workshop(backend.engine, created.code, key, client=ORGANISER)
    assert refused(get_workshop, backend.engine, created.code) == UNKNOWN_CODE
    assert [
        backend.count(table)
        for table in ["workshops", "participants", "votes", "vote_choices", "client_counters"]
    ] == [1, 1, 1, 3, 1]  # the kept workshop's participant, and the join it counted
    assert get_workshop(backend.engine, kept.code).n_participants == 1


def test_the_key_and_the_tokens_are_stored_hashed(backend, vocabulary, workshop):
    created, key = workshop
    token = new_token(backend.engine, created.code)
    vote(backend.engine, created.code, token, vocabulary)
    stored = " ".join(
        str(value) for rows in backend.snapshot().values() for row in rows for value in row
    )
    for secret in [key, codes.normalise(key), key.lower(), token]:
        assert secret not in stored
    with backend.engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT key_hash FROM workshops")).startswith("scrypt$")


def test_schema_creation_is_idempotent_and_versioned(backend, workshop):
    for _ in range(2):
        backend.new_engine().dispose()
    with backend.engine.begin() as connection:
        assert connection.execute(sa.select(schema_version)).all() == [(1, 2)]
        connection.execute(schema_version.update().values(version=99))
    assert get_workshop(backend.engine, workshop[0].code) == workshop[0]
    with pytest.raises(RuntimeError, match="schema version 99"):
        backend.new_engine()


def test_sqlite_connections_use_wal_and_busy_timeout(tmp_path):
    path = tmp_path / "sub" / "ateliers.sqlite3"
    engine = engine_from_env({"WORKSHOP_DB_PATH": str(path)})
    try:
        assert path.exists()
        for _ in range(2):
            with engine.connect() as connection:
                pragma = connection.exec_driver_sql
                assert pragma("PRAGMA journal_mode").scalar() == "wal"
                assert pragma("PRAGMA busy_timeout").scalar() == 5_000
                assert pragma("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_database_url_from_the_environment(tmp_path):
    assert database_url({}).database == str(DEFAULT_DB_PATH)
    assert DEFAULT_DB_PATH.parent.is_dir()
    custom = tmp_path / "d" / "w.sqlite3"
    assert database_url({"WORKSHOP_DB_PATH": str(custom)}).database == str(custom)
    assert custom.parent.is_dir()
    for url in ["postgres://u:p@db:5432/ateliers", "postgresql://u:p@db:5432/ateliers"]:
        parsed = database_url({"DATABASE_URL": url, "WORKSHOP_DB_PATH": str(custom)})
        assert (parsed.drivername, parsed.host, parsed.database) == (
            "postgresql+psycopg",
            "db",
            "ateliers",
        )
    assert (
        database_url({"DATABASE_URL": "postgresql+psycopg://db/x"}).drivername
        == "postgresql+psycopg"
    )
