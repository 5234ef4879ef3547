"""Organiser page (AppTest): create a workshop, run it with its key, live counts, actions,
exports, publication in the profile's perceptions."""

import io
import json

import openpyxl
import pandas as pd
import pytest
from apptest_pages import open_view
from download_capture import capture_downloads, served
from hostile import shown_markdown
from workshop_votes import ORGANISER, cast_vote

from lib import cached
from lib.safe_text import literal_markdown
from lib.workshop import clock, service


def create_through_the_page(title: str = "Atelier Bretagne"):
    at = open_view("atelier")
    at.text_input(key="ws_title_input").input(title)
    at.selectbox(key="ws_territory_input").set_value("REG-53")
    at.radio(key="ws_n_choices_input").set_value(3)
    at.button(key="ws_create_button").click().run()
    assert not at.exception
    return at


def piloted(code: str, key: str):
    """A new organiser session opening the workshop with its code and key."""
    at = open_view("atelier", code=code)
    at.text_input(key="ws_pilot_key").input(key)
    at.button(key="ws_pilot_open").click().run()
    assert not at.exception
    return at


def new_workshop(workshop_engine, title="Atelier Quimper"):
    dataset = cached.embedded_dataset()
    return service.create_workshop(
        workshop_engine,
        title=title,
        territory_id="REG-53",
        actor_ids=["citoyens", "entreprises", "fondations"],
        n_choices=3,
        allowed_territories={"REG-53"},
        allowed_actors=set(dataset.actors["actor_id"]),
    )


def test_create_shows_code_link_qr_and_the_key_once(workshop_engine):
    at = create_through_the_page()
    assert at.success[0].value == "Atelier créé : Atelier Bretagne"
    [code] = {m.value for m in at.metric if m.label == "Code à taper"}  # card and dashboard
    workshop = service.get_workshop(workshop_engine, code)
    assert (workshop.title, workshop.territory_id, workshop.n_choices) == (
        "Atelier Bretagne",
        "REG-53",
        3,
    )
    assert set(workshop.actor_ids) == {"citoyens", "collectivites", "entreprises", "associations"}
    codes = [c.value for c in at.code]
    assert f"http://localhost:8501/participer?code={workshop.code}" in codes
    key = next(c for c in codes if not c.startswith("http"))
    # the key shown is the real one
    service.check_organiser_key(workshop_engine, workshop.code, key, client=ORGANISER)
    assert any("ne sera plus jamais affichée" in w.value for w in at.warning)
    assert any("Un téléphone ne peut pas ouvrir" in w.value for w in at.warning)
    qr_captions = [c for image in at.image for c in image.captions]
    assert f"Scannez pour participer (code {service.format_code(workshop.code)})" in qr_captions
    assert at.query_params["code"] == workshop.code

    at.button(key="ws_key_done").click().run()
    assert key not in [c.value for c in at.code]  # never shown again
    # the organiser runs the new workshop at once
    assert [m.value for m in at.metric if m.label == "Participants"] == ["0"]


@pytest.mark.usefixtures("workshop_engine")
def test_a_bad_public_address_is_refused_in_french():
    at = open_view("atelier")
    at.text_input(key="ws_base_url").input("ftp://salle").run()
    # markdown source, punctuation escaped so that it shows exactly as typed
    typed = literal_markdown("Adresse publique invalide : « ftp://salle ».")
    assert at.error[0].value.startswith(typed) and typed.startswith(r"Adresse publique invalide \:")


def test_creation_refusals_in_french_store_nothing(workshop_engine):
    at = open_view("atelier")
    assert [
        at.text_input(key="ws_title_input").label,
        at.multiselect(key="ws_actors_input").label,
        at.radio(key="ws_n_choices_input").label,
        at.checkbox(key="ws_closing_toggle").label,
        at.button(key="ws_create_button").label,
        at.text_input(key="ws_pilot_key").label,
        at.button(key="ws_pilot_open").label,
    ] == [
        "Titre de l'atelier",
        "Profils d'acteurs qui peuvent répondre",
        "Nombre de domaines que chaque participant choisit et classe",
        "Fermer automatiquement les votes à une heure donnée",
        "Créer l'atelier",
        "Clé organisateur",
        "Ouvrir le tableau de bord",
    ]

    def create():
        at.button(key="ws_create_button").click().run()

    create()
    assert at.error[0].value == "Choisissez le territoire de l'atelier."
    territory = at.selectbox(key="ws_territory_input")
    territory.set_value("DEP-29")
    create()
    assert at.error[0].value == "Donnez un titre à l'atelier."
    at.text_input(key="ws_title_input").input("Atelier")
    at.multiselect(key="ws_actors_input").set_value([])
    create()
    assert at.error[0].value == "Choisissez au moins un profil d'acteur."
    with workshop_engine.connect() as connection:
        assert connection.exec_driver_sql("select count(*) from workshops").scalar() == 0


def test_wrong_keys_lock_out_that_browser_only(workshop_engine, monkeypatch):
    workshop, key = new_workshop(workshop_engine)
    now = clock.utc_now()  # frozen: the wait read is the whole wait, however slow the machine
    monkeypatch.setattr(clock, "utc_now", lambda: now)
    at = piloted(workshop.code, "AAAA-BBBB-CCCC-DDDD")  # a participant knowing the code
    assert at.error[0].value == "Clé organisateur incorrecte."
    assert not [m for m in at.metric if m.label == "Participants"]
    for _ in range(5):  # the 5th failure starts the lockout, the 6th attempt meets it
        at.button(key="ws_pilot_open").click().run()
    assert at.error[0].value == (
        "Trop de clés incorrectes depuis ce navigateur pour cet atelier : réessayez dans 30 s."
    )
    organiser = piloted(workshop.code, key)  # the organiser's browser is not locked out
    assert not organiser.error
    assert [m.value for m in organiser.metric if m.label == "Participants"] == ["0"]
    close = organiser.button(key="ws_toggle")
    assert close.label == "Fermer les votes"
    close.click().run()
    assert organiser.success[0].value == "Votes fermés."


def test_a_locked_out_dashboard_says_why_on_every_action(workshop_engine):
    workshop, key = new_workshop(workshop_engine)
    at = piloted(workshop.code, key)
    for _ in range(5):  # wrong keys sent from this very browser session
        with pytest.raises(service.WorkshopError):
            service.check_organiser_key(
                workshop_engine, workshop.code, "WRONG", client=at.session_state["client_id"]
            )
    at.run()
    assert not at.exception
    reason = at.error[0].value
    assert reason.startswith(
        "Trop de clés incorrectes depuis ce navigateur pour cet atelier : réessayez dans "
    )
    for name in ("ws_toggle", "ws_publish", "ws_delete"):
        assert at.button(key=name).disabled and at.button(key=name).help == reason
    for name in ("ws_download_csv", "ws_download_excel"):
        download = at.download_button(key=name)
        assert download.disabled and download.help == reason
    assert service.get_workshop(workshop_engine, workshop.code).is_open


@pytest.mark.usefixtures("workshop_engine")
def test_a_wrong_code_is_refused():
    at = piloted("ZZZZ9999", "AAAA-BBBB-CCCC-DDDD")
    assert at.error[0].value == "Code d'atelier inconnu : vérifiez les 8 caractères."


def test_the_organiser_sees_counts_by_domain_and_actor_and_comments_as_text(workshop_engine):
    workshop, key = new_workshop(workshop_engine)
    cast_vote(
        workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"], "<b>gras</b>"
    )
    cast_vote(workshop_engine, workshop.code, "citoyens", ["sante", "emploi", "mobilite"])
    cast_vote(
        workshop_engine, workshop.code, "entreprises", ["emploi", "numerique", "sante"], "=1+1"
    )
    at = piloted(workshop.code, key)
    assert [m.value for m in at.metric if m.label == "Participants"] == ["3"]
    assert at.info[0].value == "Ouvert aux votes"
    top = "**Priorités de la salle** (les 3 premiers, ex aequo compris) : "
    # emploi 3/3, sante 3/3, then logement, mobilite, numerique 1/3 each (tied 3rd)
    assert top + (
        "Emploi, chômage, insertion professionnelle · Santé, accès aux soins · Logement · "
        "Mobilité · Numérique"
    ) in [m.value for m in at.markdown]
    domains = at.table[0].value
    assert domains.iloc[0].tolist() == [
        "Emploi, chômage, insertion professionnelle",
        3,
        "100\u202f%",
        "1,3",
        "1er",
    ]
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert [label.replace("<br>", " ") for label in chart["y"][:2]] == [
        "Emploi, chômage, insertion professionnelle",  # whole, wrapped: never cut
        "Santé, accès aux soins",
    ]
    by_actor = at.table[1].value
    assert list(by_actor.columns) == ["Domaine", "Autres profils (n=3)"]  # none has 5
    reading = at.table[2].value
    assert "Lecture" in reading.columns and "Citoyens — national" in reading.columns
    assert "Fondations — national" not in reading.columns  # no national figures for them
    texts = [t.value for t in at.text]
    assert texts == ["Autres profils : <b>gras</b>", "Autres profils : =1+1"]


NOTE = (
    "Les profils de moins de 5 participants sont regroupés dans « Autres profils » ; si ce "
    "groupe compte moins de 5 participants, le plus petit des autres profils le rejoint : "
    "personne n'est reconnaissable à ses choix."
)


def test_results_by_profile_merge_profiles_under_five_with_a_note(workshop_engine):
    workshop, key = new_workshop(workshop_engine)
    for _ in range(5):
        cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"])
    cast_vote(workshop_engine, workshop.code, "entreprises", ["emploi", "numerique", "sante"], "ok")
    for _ in range(2):
        cast_vote(workshop_engine, workshop.code, "entreprises", ["emploi", "numerique", "sante"])
    for _ in range(2):
        cast_vote(workshop_engine, workshop.code, "fondations", ["logement", "sante", "emploi"])
    at = piloted(workshop.code, key)
    assert [m.value for m in at.metric if m.label == "Participants"] == ["10"]
    assert at.table[0].value.iloc[0].tolist()[:3] == [
        "Emploi, chômage, insertion professionnelle",
        10,  # the room's totals stay exact
        "100\u202f%",
    ]
    by_actor = at.table[1].value.set_index("Domaine")
    assert list(by_actor.columns) == ["Citoyens (n=5)", "Autres profils (n=5)"]
    assert by_actor.loc["Logement"].tolist() == ["100\u202f%", "40\u202f%"]
    assert by_actor.loc["Numérique"].tolist() == ["0\u202f%", "60\u202f%"]
    assert [t.value for t in at.text] == ["Autres profils : ok"]
    captions = [c.value for c in at.caption]
    assert captions.count(NOTE) == 2  # under the table by profile and under the comments


def test_the_organiser_is_told_when_publishing_would_show_no_profile(workshop_engine):
    workshop, key = new_workshop(workshop_engine)
    for _ in range(4):
        cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"])
    at = piloted(workshop.code, key)
    warning = (
        "Aucun profil n'est montré à part (règle des 5 participants) : les pages d'exploration, "
        "qui montrent les résultats par profil, n'afficheront rien de cet atelier, même publié."
    )
    assert warning not in [c.value for c in at.caption]  # 4 voters: publishing is refused
    cast_vote(workshop_engine, workshop.code, "entreprises", ["emploi", "numerique", "sante"])
    at.run()
    assert warning in [c.value for c in at.caption]
    cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"])
    at.run()  # 5 citizens and 1 company: the company would be recovered from the totals
    assert warning in [c.value for c in at.caption]
    for _ in range(4):
        cast_vote(workshop_engine, workshop.code, "fondations", ["logement", "sante", "emploi"])
    at.run()  # 5 citizens, and 5 others together
    assert warning not in [c.value for c in at.caption]


def test_close_reopen_publish_and_delete_with_confirmation(workshop_engine):
    workshop, key = new_workshop(workshop_engine)
    at = piloted(workshop.code, key)

    def click(key, label):
        button = at.button(key=key)
        assert button.label == label
        button.click().run()
        assert not at.exception

    click("ws_toggle", "Fermer les votes")
    assert at.success[0].value == "Votes fermés."
    assert not service.get_workshop(workshop_engine, workshop.code).is_open
    assert at.info[0].value == "Fermé : les votes ne sont plus acceptés"
    click("ws_toggle", "Rouvrir les votes")
    assert service.get_workshop(workshop_engine, workshop.code).is_open
    captions = [c.value for c in at.caption]
    assert "Publication possible à partir de 5 participants ayant voté : il en manque 5." in (
        captions
    )
    click("ws_publish", "Publier dans les pages d'exploration")
    assert at.error[0].value == (
        "Publication impossible : il faut au moins 5 participants ayant voté (0 pour "
        "l'instant, il en manque 5)."
    )
    assert not service.get_workshop(workshop_engine, workshop.code).published
    for _ in range(4):
        cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"])
    at.run()
    captions = [c.value for c in at.caption]
    assert "Publication possible à partir de 5 participants ayant voté : il en manque 1." in (
        captions
    )
    cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"])
    click("ws_publish", "Publier dans les pages d'exploration")
    assert service.get_workshop(workshop_engine, workshop.code).published
    assert not [c for c in at.caption if "il en manque" in c.value]
    assert "Résultats publiés dans les pages d'exploration sous le nom" in " ".join(
        c.value for c in at.caption
    )
    click("ws_delete", "Supprimer l'atelier")
    assert at.error[0].value == "Cochez la confirmation avant de supprimer l'atelier."
    service.get_workshop(workshop_engine, workshop.code)  # still there
    at.checkbox(key="ws_delete_confirm").check()
    click("ws_delete", "Supprimer l'atelier")
    assert at.success[0].value == "Atelier supprimé."
    with pytest.raises(service.WorkshopError):
        service.get_workshop(workshop_engine, workshop.code)
    assert "code" not in at.query_params


def test_exports_are_anonymised_and_escaped(workshop_engine, monkeypatch):
    files = capture_downloads(monkeypatch)
    workshop, key = new_workshop(workshop_engine)
    cast_vote(
        workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"], "=HYPERLINK(1)"
    )
    at = piloted(workshop.code, key)
    at.selectbox(key="ws_csv_table").set_value("ws_sheet_comments").run()
    csv = served(files, at.download_button(key="ws_download_csv")).decode("utf-8-sig")
    assert csv.splitlines() == [
        "Acteur;Commentaire",
        "Autres profils;'=HYPERLINK(1)",
        "",
        f'"{NOTE}"',
    ]
    excel = served(files, at.download_button(key="ws_download_excel"))
    workbook = openpyxl.load_workbook(io.BytesIO(excel))
    votes_sheet = pd.DataFrame(workbook["Votes anonymisés"].values)
    assert votes_sheet.iloc[0].tolist() == ["Participant", "Acteur", "Rang du choix", "Domaine"]
    assert len(votes_sheet) == 1 + 3 + 2  # the note after an empty row
    assert set(votes_sheet[1][1:4]) == {"Autres profils"}
    assert workbook["Commentaires"]["B2"].value == "'=HYPERLINK(1)"
    assert workbook["Commentaires"]["A4"].value == NOTE


def test_a_published_workshop_appears_in_the_profiles_perceptions(workshop_engine):
    workshop, key = new_workshop(workshop_engine, title="Atelier Rennes")
    for _ in range(3):
        cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "sante", "logement"])
    for _ in range(2):
        cast_vote(workshop_engine, workshop.code, "citoyens", ["emploi", "mobilite", "logement"])
    service.set_published(workshop_engine, workshop.code, key, True, client=ORGANISER)
    cached.published_workshop_stamp.clear()
    at = open_view("profil", territory="REG-53", actor="citoyens")
    captions = " ".join(shown_markdown(c.value) for c in at.caption)
    date = workshop.created_at.strftime("%d/%m/%Y")
    assert f"atelier Atelier Rennes, {date}, n=5" in captions
    assert (
        "Atelier : seuls les profils d'au moins 5 participants sont publiés ; les autres sont "
        "regroupés dans « Autres profils », qui n'est pas un profil d'acteur et n'apparaît donc "
        "pas ici." in captions
    )
    scopes = [shown_markdown(m.value) for m in at.markdown]
    scopes = [m for m in scopes if "Domaines choisis comme prioritaires" in m]
    assert scopes and "chiffres régionaux (Bretagne)" in scopes[0]
    service.set_published(workshop_engine, workshop.code, key, False, client=ORGANISER)
    cached.published_workshop_stamp.clear()
    at = open_view("profil", territory="REG-53", actor="citoyens")
    assert "atelier Atelier Rennes" not in " ".join(shown_markdown(c.value) for c in at.caption)


def test_a_3000_character_public_address_gives_a_message_and_no_qr_code(
    workshop_engine, monkeypatch
):
    long_address = "http://" + "salle" * 598 + ".fr"
    workshop, key = new_workshop(workshop_engine)
    typed = piloted(workshop.code, key)
    assert typed.text_input(key="ws_base_url").max_chars == 300
    typed.text_input(key="ws_base_url").set_value(long_address).run()  # forged past the browser
    assert not typed.exception
    assert len(typed.text_input(key="ws_base_url").value) == 300  # Streamlit keeps 300
    [link] = [c.value for c in typed.code if c.value.startswith("http")]
    assert link == long_address[:300] + "/participer?code=" + workshop.code
    assert len(typed.image) == 1  # its QR code

    monkeypatch.setenv("PUBLIC_BASE_URL", long_address)  # no widget to cut it
    at = piloted(workshop.code, key)
    too_long = r"Adresse publique trop longue \: 3000 caractères \(300 au plus\)\."
    assert at.error[0].value == too_long
    assert not at.image  # no QR code
    assert (
        "Pas de lien ni de QR code tant que l'adresse publique (en haut de la page) n'est pas "
        "corrigée ; les participants peuvent taper le code sur la page « Participer à un "
        "atelier »."
    ) in [i.value for i in at.info]
    assert [m.value for m in at.metric if m.label == "Code à taper"] == [
        service.format_code(workshop.code)
    ]
    assert [m.value for m in at.metric if m.label == "Participants"] == ["0"]  # still usable

    at.text_input(key="ws_title_input").input("Atelier Vannes")
    at.selectbox(key="ws_territory_input").set_value("REG-53")
    at.button(key="ws_create_button").click().run()
    assert not at.exception
    assert (
        "Corrigez d'abord l'adresse publique (en haut de la page) : sans elle, les téléphones "
        "ne pourraient pas ouvrir le lien de l'atelier. Aucun atelier n'a été créé."
    ) in [e.value for e in at.error]
    with workshop_engine.connect() as connection:
        assert connection.exec_driver_sql("select count(*) from workshops").scalar() == 1


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (  # a lone surrogate cannot travel from a browser: the storage tests refuse it
            "Atelier \u202eBrest",
            "Titre : le caractère U+202E n'est pas accepté (caractère de contrôle, invisible ou "
            "invalide) ; retapez le titre.",
        ),
        (
            "Atelier\x00",
            "Titre : le caractère U+0000 n'est pas accepté (caractère de contrôle, invisible ou "
            "invalide) ; retapez le titre.",
        ),
        (
            r"Atelier $\color{red}{\Huge X}$",
            "Titre : les caractères $ ne sont pas acceptés (ils créeraient des liens, des "
            "images ou des formules dans les pages).",
        ),
    ],
)
def test_a_title_with_a_control_character_or_a_formula_is_refused_in_french(
    workshop_engine, title, message
):
    at = open_view("atelier")
    at.text_input(key="ws_title_input").set_value(title)
    at.selectbox(key="ws_territory_input").set_value("REG-53")
    at.button(key="ws_create_button").click().run()
    assert not at.exception
    assert at.error[0].value == message
    with workshop_engine.connect() as connection:
        assert connection.exec_driver_sql("select count(*) from workshops").scalar() == 0
