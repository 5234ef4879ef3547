"""Participant page (AppTest): join with ?code=, vote, re-vote replaces, refusals in French."""

import pytest
from apptest_pages import open_view
from workshop_votes import ORGANISER, cast_vote

from lib import cached
from lib.workshop import service


def new_workshop(workshop_engine, n_choices=3, actors=("citoyens", "entreprises")):
    dataset = cached.embedded_dataset()
    return service.create_workshop(
        workshop_engine,
        title="Atelier *Morlaix*",
        territory_id="DEP-29",
        actor_ids=list(actors),
        n_choices=n_choices,
        allowed_territories={"DEP-29"},
        allowed_actors=set(dataset.actors["actor_id"]),
    )


def joined(code: str):
    """The participant page opened from the join link, after "Rejoindre"."""
    at = open_view("participer", code=code)
    at.button(key="ws_join").click().run()
    assert not at.exception
    return at


def fill(at, actor: str, domains: list[str], comment: str = ""):
    at.radio(key="ws_actor").set_value(actor)
    for rank, domain in enumerate(domains):
        at.selectbox(key=f"ws_choice_{rank}").set_value(domain)
    at.text_area(key="ws_comment").set_value(comment)
    at.button(key="ws_send").click().run()
    assert not at.exception
    return at


def test_join_from_the_link_vote_and_replace_the_vote(workshop_engine):
    workshop, _ = new_workshop(workshop_engine)
    at = open_view("participer", code=workshop.code.lower())  # typed loosely
    assert at.subheader[0].value == r"Atelier \*Morlaix\*"  # markdown shown literally
    assert "Finistère (29) · 3 domaines à choisir" in at.caption[0].value
    assert at.button(key="ws_join").label == "Rejoindre l'atelier"
    assert not at.text_input  # no personal data asked: no text field at all
    at.button(key="ws_join").click().run()
    token = at.query_params["p"]
    assert len(token) >= 20 and at.query_params["code"] == workshop.code

    fill(at, "citoyens", ["emploi", "sante", "logement"], "Plus de bus")
    assert at.success[0].value.startswith("Merci : votre vote est enregistré.")
    vote = service.current_vote(workshop_engine, workshop.code, token)
    assert vote["domain_ids"] == ("emploi", "sante", "logement")
    assert vote["comment"] == "Plus de bus"

    fill(at, "entreprises", ["numerique", "emploi", "mobilite"])
    assert service.get_workshop(workshop_engine, workshop.code).n_participants == 1  # replaced
    vote = service.current_vote(workshop_engine, workshop.code, token)
    assert (vote["actor_id"], vote["domain_ids"]) == (
        "entreprises",
        ("numerique", "emploi", "mobilite"),
    )
    assert at.info[0].value == (
        "Votre vote enregistré : Entreprises — 1er Numérique, 2e Emploi, chômage, insertion "
        "professionnelle, 3e Mobilité"
    )
    assert at.button(key="ws_send").label == "Remplacer mon vote"


def test_reopening_the_link_with_the_token_shows_and_prefills_the_vote(workshop_engine):
    workshop, _ = new_workshop(workshop_engine)
    token = cast_vote(
        workshop_engine, workshop.code, "citoyens", ["sante", "emploi", "logement"], "ok"
    )
    at = open_view("participer", code=workshop.code, p=token)
    assert at.info[0].value.startswith("Votre vote enregistré : Citoyens — 1er Santé")
    assert at.radio(key="ws_actor").value == "citoyens"
    assert at.selectbox(key="ws_choice_0").value == "sante"
    assert at.text_area(key="ws_comment").value == "ok"


def test_an_incomplete_or_repeated_ballot_is_refused_and_nothing_is_stored(workshop_engine):
    workshop, _ = new_workshop(workshop_engine, n_choices=4)
    at = joined(workshop.code)
    at.radio(key="ws_actor").set_value("citoyens")
    at.selectbox(key="ws_choice_0").set_value("emploi")
    at.button(key="ws_send").click().run()
    assert at.error[0].value == "Choisissez un domaine à chaque rang (4 au total)."
    fill(at, "citoyens", ["emploi", "sante", "emploi", "logement"])
    assert at.error[0].value == (
        "« Emploi, chômage, insertion professionnelle » est choisi deux fois : choisissez des "
        "domaines différents."
    )
    at.radio(key="ws_actor").set_value(None)
    at.button(key="ws_send").click().run()
    assert at.error[0].value == "Choisissez votre profil."
    assert service.get_workshop(workshop_engine, workshop.code).n_participants == 0


def test_the_comment_is_limited_to_280_characters(workshop_engine):
    workshop, _ = new_workshop(workshop_engine)
    at = joined(workshop.code)
    assert at.text_area(key="ws_comment").max_chars == 280  # the browser stops typing there
    token = at.query_params["p"]
    with pytest.raises(service.WorkshopError) as refused:  # a request forged past the widget
        service.submit_vote(
            workshop_engine,
            workshop.code,
            token,
            actor_id="citoyens",
            domain_ids=["emploi", "sante", "logement"],
            comment="x" * 281,
            allowed_domains={"emploi", "sante", "logement"},
        )
    assert refused.value.message == "Commentaire trop long : 281 caractères (280 au plus)."
    assert service.get_workshop(workshop_engine, workshop.code).n_participants == 0


@pytest.mark.usefixtures("workshop_engine")
def test_a_wrong_code_is_refused_in_french():
    at = open_view("participer", code="ZZZZ9999")
    assert at.error[0].value == "Code d'atelier inconnu : vérifiez les 8 caractères."
    assert at.button(key="ws_change_code").label == "Changer de code"
    at.button(key="ws_change_code").click().run()
    assert at.text_input(key="ws_code_input").label == "Code de l'atelier (8 caractères)"
    assert "code" not in at.query_params


def test_typing_the_code_opens_the_workshop(workshop_engine):
    workshop, _ = new_workshop(workshop_engine)
    at = open_view("participer")
    at.text_input(key="ws_code_input").input(service.format_code(workshop.code).lower())
    at.button(key="ws_code_continue").click().run()
    assert at.query_params["code"] == workshop.code
    assert at.button(key="ws_join").label == "Rejoindre l'atelier"


def test_a_closed_workshop_refuses_joining_and_voting(workshop_engine):
    workshop, key = new_workshop(workshop_engine)
    at = joined(workshop.code)
    service.close_workshop(workshop_engine, workshop.code, key, client=ORGANISER)
    fill(at, "citoyens", ["emploi", "sante", "logement"])
    assert at.error[0].value == "Cet atelier est fermé : les votes ne sont plus acceptés."
    assert service.get_workshop(workshop_engine, workshop.code).n_participants == 0
    assert not [b for b in at.button if b.key == "ws_send"]  # the ballot is gone

    fresh = open_view("participer", code=workshop.code)
    assert fresh.warning[0].value == "Cet atelier est fermé : les votes ne sont plus acceptés."
    assert not fresh.button  # no "Rejoindre"


def participants(workshop_engine) -> int:
    with workshop_engine.connect() as connection:
        return connection.exec_driver_sql("select count(*) from participants").scalar()


def test_joining_again_in_one_session_gives_back_its_token_and_at_most_three(workshop_engine):
    workshop, _ = new_workshop(workshop_engine)
    at = open_view("participer", code=workshop.code, p="not-a-token")
    assert at.error[0].value == (
        "Participant inconnu dans cet atelier : rejoignez-le de nouveau avec son code."
    )
    assert at.button(key="ws_rejoin").label == "Rejoindre de nouveau"
    at.button(key="ws_rejoin").click().run()
    at.button(key="ws_join").click().run()
    first = at.query_params["p"]
    # the token leaves the URL but the session remembers it (e.g. a second tap on "Rejoindre")
    at.session_state["page_params"] = {"code": workshop.code}
    at.run()
    at.button(key="ws_join").click().run()
    assert at.query_params["p"] == first
    assert participants(workshop_engine) == 1
    for _ in range(5):  # a session forging "forget my token" each time
        at.session_state["ws_tokens"] = {}
        at.session_state["page_params"] = {"code": workshop.code}
        at.run()
        at.button(key="ws_join").click().run()
        assert not at.exception
    assert participants(workshop_engine) == 3
    assert at.error[0].value == (
        "Ce navigateur a déjà rejoint cet atelier 3 fois : pour modifier votre vote, rouvrez la "
        "page où vous avez voté (son adresse garde votre place)."
    )
    assert "p" not in at.query_params


def test_ten_wrong_codes_make_the_session_wait(workshop_engine):
    workshop, _ = new_workshop(workshop_engine)
    at = open_view("participer")

    def type_code(code: str):
        at.text_input(key="ws_code_input").input(code)
        at.button(key="ws_code_continue").click().run()
        assert not at.exception
        message = at.error[0].value if at.error else None
        if message:
            at.button(key="ws_change_code").click().run()
        return message

    unknown = "Code d'atelier inconnu : vérifiez les 8 caractères."
    assert type_code("ZZZZ-0000") == unknown
    assert type_code("zzzz0000") == unknown  # the same code again counts once
    for number in range(1, 10):
        assert type_code(f"ZZZZ-000{number}") == unknown
    assert type_code(workshop.code) == (
        "Trop de codes d'atelier incorrects depuis ce navigateur : réessayez dans 30 s."
    )
    other = open_view("participer", code=workshop.code)  # another browser is not affected
    assert [(b.key, b.label) for b in other.button] == [("ws_join", "Rejoindre l'atelier")]


def test_a_comment_with_a_control_character_is_refused(workshop_engine):
    workshop, _ = new_workshop(workshop_engine)
    at = joined(workshop.code)
    fill(at, "citoyens", ["emploi", "sante", "logement"], "Bien\x1b[31m rouge")
    assert at.error[0].value == (
        "Commentaire : le caractère U+001B n'est pas accepté (caractère de contrôle, invisible "
        "ou invalide) ; retapez le commentaire."
    )
    assert service.get_workshop(workshop_engine, workshop.code).n_participants == 0


def test_the_phone_page_draws_no_filter_and_keeps_only_its_own_parameters(workshop_engine):
    workshop, _ = new_workshop(workshop_engine)
    at = joined(workshop.code)
    assert not at.sidebar.children  # no shared filters built for a phone
    assert [box.key for box in at.selectbox] == ["ws_choice_0", "ws_choice_1", "ws_choice_2"]
    assert set(at.query_params) == {"code", "p"}
    # the ballot is one form: choosing sends nothing to the server, "Envoyer" sends it all
    ballot_widgets = [at.radio(key="ws_actor"), *at.selectbox, at.text_area(key="ws_comment")]
    assert {widget.proto.form_id for widget in ballot_widgets} == {"ws_ballot"}


def test_a_busy_storage_refuses_the_vote_in_words_and_keeps_the_ballot_on_screen(
    workshop_engine, monkeypatch
):
    workshop, _ = new_workshop(workshop_engine)
    at = joined(workshop.code)

    def busy(*_args, **_kwargs):
        raise service.WorkshopError("wsdb_busy")

    monkeypatch.setattr(service, "submit_vote", busy)
    fill(at, "citoyens", ["emploi", "sante", "logement"], "Plus de bus")
    assert at.error[0].value == (
        "Le serveur est très sollicité : rien n'a été enregistré. Vos choix sont restés à "
        "l'écran : renvoyez-les dans quelques secondes."
    )
    assert at.radio(key="ws_actor").value == "citoyens"
    assert [at.selectbox(key=f"ws_choice_{r}").value for r in range(3)] == [
        "emploi",
        "sante",
        "logement",
    ]
    assert at.text_area(key="ws_comment").value == "Plus de bus"
    assert service.current_vote(workshop_engine, workshop.code, at.query_params["p"]) is None
