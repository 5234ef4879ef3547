"""Labels of the workshop pages (organiser, participant), their tables and exports."""

LABELS: dict[str, dict[str, str]] = {
    "ws_page_atelier": {"fr": "Atelier (organisateur)", "en": "Workshop (organiser)"},
    "ws_page_participer": {"fr": "Participer à un atelier", "en": "Join a workshop"},
    # organiser page
    "ws_intro": {
        "fr": "Un atelier réunit élus, entreprises et associations d'un territoire : chacun "
        "choisit, depuis son téléphone, les domaines qu'il juge prioritaires. La salle voit ses "
        "priorités en direct, à côté des indices objectifs du territoire et des perceptions "
        "nationales des enquêtes. Aucune donnée personnelle n'est demandée aux participants.",
        "en": "A workshop brings together a territory's elected officials, companies and "
        "associations: each picks, on their phone, the domains they see as priorities. The room "
        "sees its priorities live, beside the territory's objective indices and the national "
        "survey perceptions. Participants are asked no personal data.",
    },
    "ws_tab_create": {"fr": "Créer un atelier", "en": "Create a workshop"},
    "ws_tab_pilot": {"fr": "Piloter un atelier", "en": "Run a workshop"},
    "ws_title_input": {"fr": "Titre de l'atelier", "en": "Workshop title"},
    "ws_territory_input": {
        "fr": "Territoire de l'atelier",
        "en": "Territory of the workshop",
    },
    "ws_territory_local_help": {
        "fr": "Régions et départements. Pour une intercommunalité ou une commune, cherchez-la "
        "d'abord dans « Rechercher un territoire » (barre latérale) : elle s'ajoute à cette liste.",
        "en": "Regions and departments. For an intercommunality or a commune, search for it "
        "first in « Search for a territory » (sidebar): it is added to this list.",
    },
    "ws_territory_placeholder": {"fr": "Choisir un territoire", "en": "Choose a territory"},
    "ws_pick_territory": {
        "fr": "Choisissez le territoire de l'atelier.",
        "en": "Choose the workshop's territory.",
    },
    "ws_actors_input": {
        "fr": "Profils d'acteurs qui peuvent répondre",
        "en": "Actor profiles who may answer",
    },
    "ws_n_choices_input": {
        "fr": "Nombre de domaines que chaque participant choisit et classe",
        "en": "Number of domains each participant picks and ranks",
    },
    "ws_closing_toggle": {
        "fr": "Fermer automatiquement les votes à une heure donnée",
        "en": "Close the votes automatically at a given time",
    },
    "ws_closing_date": {"fr": "Date de fermeture", "en": "Closing date"},
    "ws_closing_time": {"fr": "Heure de fermeture ({zone})", "en": "Closing time ({zone})"},
    "ws_create_button": {"fr": "Créer l'atelier", "en": "Create the workshop"},
    "ws_created": {"fr": "Atelier créé : {title}", "en": "Workshop created: {title}"},
    "ws_code": {"fr": "Code à taper", "en": "Code to type"},
    "ws_link": {"fr": "Lien à ouvrir", "en": "Link to open"},
    "ws_qr_caption": {
        "fr": "Scannez pour participer (code {code})",
        "en": "Scan to take part (code {code})",
    },
    "ws_key_title": {"fr": "Clé organisateur", "en": "Organiser key"},
    "ws_key_warning": {
        "fr": "Notez cette clé maintenant : elle ne sera plus jamais affichée (seule une empreinte "
        "est enregistrée). Elle seule permet de fermer, rouvrir, publier, supprimer ou exporter "
        "l'atelier.",
        "en": "Write this key down now: it will never be shown again (only a fingerprint is "
        "stored). It alone allows closing, reopening, publishing, deleting or exporting the "
        "workshop.",
    },
    "ws_key_done": {"fr": "J'ai noté la clé : la masquer", "en": "I wrote the key down: hide it"},
    "ws_base_url": {
        "fr": "Adresse publique de l'application (celle que les téléphones ouvriront)",
        "en": "Public address of the app (the one phones will open)",
    },
    "ws_base_url_help": {
        "fr": "Par exemple http://192.168.1.20:8501 : l'adresse de cet ordinateur sur le réseau "
        "de la salle, ou l'adresse publique du serveur.",
        "en": "For example http://192.168.1.20:8501: this computer's address on the room's "
        "network, or the server's public address.",
    },
    "ws_base_url_env": {
        "fr": "Adresse publique fixée par la variable PUBLIC_BASE_URL : {url}",
        "en": "Public address set by the PUBLIC_BASE_URL variable: {url}",
    },
    "ws_localhost_warning": {
        "fr": "Un téléphone ne peut pas ouvrir « {url} » (c'est l'ordinateur lui-même). Lancez "
        "l'application avec --server.address 0.0.0.0 et indiquez ci-dessus l'adresse de cet "
        "ordinateur sur le réseau de la salle (par exemple http://192.168.1.20:8501), ou "
        "définissez PUBLIC_BASE_URL.",
        "en": "A phone cannot open “{url}” (it is the computer itself). Run the app with "
        "--server.address 0.0.0.0 and give above this computer's address on the room's network "
        "(e.g. http://192.168.1.20:8501), or set PUBLIC_BASE_URL.",
    },
    "ws_link_too_long": {
        "fr": "Adresse publique trop longue : {count} caractères ({limit} au plus).",
        "en": "Public address too long: {count} characters ({limit} at most).",
    },
    "ws_link_character": {
        "fr": "Adresse publique invalide : le caractère {code} n'est pas accepté.",
        "en": "Invalid public address: the character {code} is not accepted.",
    },
    "ws_link_unreadable": {
        "fr": "Adresse publique invalide : « {text} » n'est pas une URL lisible.",
        "en": "Invalid public address: “{text}” is not a readable URL.",
    },
    "ws_link_scheme": {
        "fr": "Adresse publique invalide : « {text} ». Elle doit commencer par http:// ou "
        "https:// suivi du nom ou de l'adresse de la machine, par exemple "
        "http://192.168.1.20:8501.",
        "en": "Invalid public address: “{text}”. It must start with http:// or https:// "
        "followed by the machine's name or address, for example http://192.168.1.20:8501.",
    },
    "ws_link_extra": {
        "fr": "Adresse publique invalide : « {text} ». Donnez seulement l'adresse de "
        "l'application, sans « ? », « # » ni identifiants.",
        "en": "Invalid public address: “{text}”. Give only the app's address, without “?”, "
        "“#” or credentials.",
    },
    "ws_no_link": {
        "fr": "Pas de lien ni de QR code tant que l'adresse publique (en haut de la page) n'est "
        "pas corrigée ; les participants peuvent taper le code sur la page « Participer à un "
        "atelier ».",
        "en": "No link or QR code until the public address (at the top of the page) is "
        "corrected; participants can type the code on the “Join a workshop” page.",
    },
    "ws_fix_base_url": {
        "fr": "Corrigez d'abord l'adresse publique (en haut de la page) : sans elle, les "
        "téléphones ne pourraient pas ouvrir le lien de l'atelier. Aucun atelier n'a été créé.",
        "en": "First correct the public address (at the top of the page): without it, phones "
        "could not open the workshop's link. No workshop was created.",
    },
    "ws_publish_missing": {
        "fr": "Publication possible à partir de {minimum} participants ayant voté : il en manque "
        "{missing}.",
        "en": "Publishing is possible from {minimum} participants who voted: {missing} missing.",
    },
    "ws_show_join": {
        "fr": "Code, lien et QR code pour la salle",
        "en": "Code, link and QR code for the room",
    },
    "ws_pilot_code": {"fr": "Code de l'atelier", "en": "Workshop code"},
    "ws_pilot_key": {"fr": "Clé organisateur", "en": "Organiser key"},
    "ws_pilot_open": {"fr": "Ouvrir le tableau de bord", "en": "Open the dashboard"},
    "ws_pilot_other": {"fr": "Piloter un autre atelier", "en": "Run another workshop"},
    "ws_territory_line": {
        "fr": "Territoire : {territory} · {n} domaines à choisir · créé le {date}",
        "en": "Territory: {territory} · {n} domains to pick · created on {date}",
    },
    "ws_status_open": {"fr": "Ouvert aux votes", "en": "Open to votes"},
    "ws_status_open_until": {
        "fr": "Ouvert aux votes jusqu'au {date}",
        "en": "Open to votes until {date}",
    },
    "ws_status_closed": {
        "fr": "Fermé : les votes ne sont plus acceptés",
        "en": "Closed: no more votes",
    },
    "ws_published_yes": {
        "fr": "Résultats publiés dans les pages d'exploration sous le nom « {label} ».",
        "en": "Results published in the explore pages as “{label}”.",
    },
    "ws_published_no": {
        "fr": "Résultats non publiés : seuls les détenteurs de la clé les voient.",
        "en": "Results not published: only key holders see them.",
    },
    "ws_participants": {"fr": "Participants", "en": "Participants"},
    "ws_live_note": {
        "fr": "Mis à jour automatiquement toutes les 3 secondes.",
        "en": "Updated automatically every 3 seconds.",
    },
    "ws_no_votes": {"fr": "Aucun vote pour l'instant.", "en": "No vote yet."},
    "ws_top_domains": {
        "fr": "**Priorités de la salle** (les 3 premiers, ex aequo compris) : {domains}",
        "en": "**The room's priorities** (top 3, ties included): {domains}",
    },
    "ws_votes_title": {"fr": "Votes par domaine", "en": "Votes by domain"},
    "ws_by_actor_title": {"fr": "Par profil d'acteur", "en": "By actor profile"},
    "ws_reading_title": {
        "fr": "Priorités de la salle, indices objectifs et perceptions nationales",
        "en": "The room's priorities, objective indices and national perceptions",
    },
    "ws_comments_title": {"fr": "Commentaires", "en": "Comments"},
    "ws_no_comments": {"fr": "Aucun commentaire.", "en": "No comment."},
    "ws_actions_title": {"fr": "Actions de l'organisateur", "en": "Organiser actions"},
    "ws_close": {"fr": "Fermer les votes", "en": "Close the votes"},
    "ws_reopen": {"fr": "Rouvrir les votes", "en": "Reopen the votes"},
    "ws_publish": {
        "fr": "Publier dans les pages d'exploration",
        "en": "Publish in the explore pages",
    },
    "ws_unpublish": {"fr": "Retirer la publication", "en": "Unpublish"},
    "ws_delete": {"fr": "Supprimer l'atelier", "en": "Delete the workshop"},
    "ws_delete_confirm": {
        "fr": "Je confirme la suppression définitive de l'atelier et de tous ses votes",
        "en": "I confirm deleting the workshop and all its votes for good",
    },
    "ws_delete_unconfirmed": {
        "fr": "Cochez la confirmation avant de supprimer l'atelier.",
        "en": "Tick the confirmation before deleting the workshop.",
    },
    "ws_done_close": {"fr": "Votes fermés.", "en": "Votes closed."},
    "ws_done_reopen": {"fr": "Votes rouverts.", "en": "Votes reopened."},
    "ws_done_publish": {
        "fr": "Résultats publiés : ils apparaissent dans les pages d'exploration.",
        "en": "Results published: they appear in the explore pages.",
    },
    "ws_done_unpublish": {"fr": "Publication retirée.", "en": "Results unpublished."},
    "ws_done_delete": {"fr": "Atelier supprimé.", "en": "Workshop deleted."},
    "ws_downloads_title": {
        "fr": "Exporter les résultats anonymisés",
        "en": "Export the anonymised results",
    },
    "ws_download_table": {"fr": "Tableau à exporter en CSV", "en": "Table to export as CSV"},
    "ws_download_csv": {"fr": "Télécharger le CSV", "en": "Download the CSV"},
    "ws_download_excel": {
        "fr": "Télécharger le classeur Excel (tous les tableaux)",
        "en": "Download the Excel workbook (every table)",
    },
    # participant page
    "ws_join_code": {
        "fr": "Code de l'atelier (8 caractères)",
        "en": "Workshop code (8 characters)",
    },
    "ws_join_continue": {"fr": "Continuer", "en": "Continue"},
    "ws_change_code": {"fr": "Changer de code", "en": "Change code"},
    "ws_no_personal_data": {
        "fr": "Aucune donnée personnelle n'est demandée : votre vote est anonyme.",
        "en": "No personal data is asked: your vote is anonymous.",
    },
    "ws_join_button": {"fr": "Rejoindre l'atelier", "en": "Join the workshop"},
    "ws_keep_link": {
        "fr": "Gardez cette page (ou son adresse) pour modifier votre vote tant que l'atelier est "
        "ouvert ; ne la partagez pas : elle permet de changer votre vote.",
        "en": "Keep this page (or its address) to change your vote while the workshop is open; do "
        "not share it: it allows changing your vote.",
    },
    "ws_rejoin": {"fr": "Rejoindre de nouveau", "en": "Join again"},
    "ws_current_vote": {"fr": "Votre vote enregistré : {vote}", "en": "Your recorded vote: {vote}"},
    "ws_profile_input": {"fr": "Votre profil", "en": "Your profile"},
    "ws_pick_intro": {
        "fr": "Choisissez les {n} domaines qui vous semblent prioritaires pour ce territoire, du "
        "plus important au moins important.",
        "en": "Pick the {n} domains you see as priorities for this territory, from the most to "
        "the least important.",
    },
    "ws_choice_n": {"fr": "{rank} choix", "en": "{rank} choice"},
    "ws_choice_placeholder": {"fr": "Choisir un domaine", "en": "Choose a domain"},
    "ws_comment_input": {
        "fr": "Commentaire (facultatif, 280 caractères au plus)",
        "en": "Comment (optional, 280 characters at most)",
    },
    "ws_submit": {"fr": "Envoyer mon vote", "en": "Send my vote"},
    "ws_resubmit": {"fr": "Remplacer mon vote", "en": "Replace my vote"},
    "ws_thanks": {
        "fr": "Merci : votre vote est enregistré. Vous pouvez le modifier tant que l'atelier est "
        "ouvert.",
        "en": "Thank you: your vote is recorded. You can change it while the workshop is open.",
    },
    "ws_pick_profile": {"fr": "Choisissez votre profil.", "en": "Choose your profile."},
    "ws_missing_choice": {
        "fr": "Choisissez un domaine à chaque rang ({n} au total).",
        "en": "Choose a domain at every rank ({n} in all).",
    },
    "ws_repeated_choice": {
        "fr": "« {domain} » est choisi deux fois : choisissez des domaines différents.",
        "en": "“{domain}” is chosen twice: choose different domains.",
    },
    # tables and exports
    "ws_col_picked": {"fr": "Participants l'ayant choisi", "en": "Participants who picked it"},
    "ws_col_share": {"fr": "Part des participants", "en": "Share of participants"},
    "ws_col_mean_rank": {
        "fr": "Rang moyen (1 = premier choix)",
        "en": "Mean rank (1 = first choice)",
    },
    "ws_col_priority": {"fr": "Priorité de la salle", "en": "Room priority"},
    "ws_actor_n": {"fr": "{actor} (n={n})", "en": "{actor} (n={n})"},
    "ws_actor_n_pct": {"fr": "{actor} (n={n}), %", "en": "{actor} (n={n}), %"},
    "ws_col_share_pct": {"fr": "Part des participants (%)", "en": "Share of participants (%)"},
    "ws_col_room_share_pct": {"fr": "Part dans la salle (%)", "en": "Share in the room (%)"},
    "ws_col_priority_rank": {
        "fr": "Priorité de la salle (rang, 1 = la première)",
        "en": "Room priority (rank, 1 = the first)",
    },
    "ws_other_profiles": {"fr": "Autres profils", "en": "Other profiles"},
    "ws_min_group_note": {
        "fr": "Les profils de moins de {minimum} participants sont regroupés dans « Autres "
        "profils » ; si ce groupe compte moins de {minimum} participants, le plus petit des "
        "autres profils le rejoint : personne n'est reconnaissable à ses choix.",
        "en": "Profiles with fewer than {minimum} participants are merged into “Other "
        "profiles”; when that group has fewer than {minimum} participants, the smallest other "
        "profile joins it: no one can be recognised by their choices.",
    },
    "ws_min_group_published": {
        "fr": "Atelier : seuls les profils d'au moins {minimum} participants sont publiés ; les "
        "autres sont regroupés dans « Autres profils », qui n'est pas un profil d'acteur et "
        "n'apparaît donc pas ici.",
        "en": "Workshop: only profiles with at least {minimum} participants are published; the "
        "others are merged into “Other profiles”, which is not an actor profile and so does not "
        "appear here.",
    },
    "ws_layer_note": {
        "fr": "{n} {n|domaine choisi|domaines choisis} par participant. {min_group}",
        "en": "{n} {n|domain|domains} chosen per participant. {min_group}",
    },
    "ws_layer_source_note": {
        "fr": "votes d'un atelier participatif : échantillon des présents, non représentatif du "
        "territoire. {min_group}",
        "en": "votes of a participatory workshop: a sample of those present, not representative "
        "of the territory. {min_group}",
    },
    "ws_publish_no_profile": {
        "fr": "Aucun profil n'est montré à part (règle des {minimum} participants) : les pages "
        "d'exploration, qui montrent les résultats par profil, n'afficheront rien de cet "
        "atelier, même publié.",
        "en": "No profile is shown on its own (the {minimum}-participant rule): the explore "
        "pages, which show results by profile, will show nothing of this workshop, even "
        "published.",
    },
    "ws_room": {"fr": "la salle", "en": "the room"},
    "ws_col_room_share": {"fr": "Part dans la salle", "en": "Share in the room"},
    "ws_col_room_rank": {"fr": "Rang dans la salle", "en": "Rank in the room"},
    "ws_col_national": {"fr": "{actor} — national", "en": "{actor} — national"},
    "ws_col_comment": {"fr": "Commentaire", "en": "Comment"},
    "ws_col_participant": {"fr": "Participant", "en": "Participant"},
    "ws_col_choice": {"fr": "Rang du choix", "en": "Choice rank"},
    "ws_col_item": {"fr": "Rubrique", "en": "Item"},
    "ws_rule": {
        "fr": "Poids d'un domaine = part des participants qui l'ont choisi (100 × choix / "
        "participants) ; la salle classe les domaines selon cette part, les ex aequo partageant "
        "le meilleur rang ; le rang moyen (1 = premier choix) est donné à titre indicatif.",
        "en": "A domain's weight = share of participants who picked it (100 × picks / "
        "participants); the room ranks domains by that share, ties sharing the best rank; the "
        "mean rank (1 = first choice) is given for information.",
    },
    "ws_reading_rule": {
        "fr": "Côté perception : la part des participants de la salle ayant choisi chaque domaine "
        "(0 % pour un domaine que personne n'a choisi : tous étaient proposés). Les colonnes "
        "« national » donnent, pour chaque profil, une enquête nationale (la première qui couvre "
        "au moins 3 domaines) : elles ne sont pas classées avec la salle.",
        "en": "Perceived side: the share of the room's participants who picked each domain (0% "
        "for a domain nobody picked: every domain was offered). The “national” columns give, for "
        "each profile, one national survey (the first covering at least 3 domains): they are not "
        "ranked with the room.",
    },
    "ws_anonymity": {
        "fr": "Anonymisé : ni jeton de participant, ni heure de vote ; les commentaires sont "
        "séparés des choix.",
        "en": "Anonymised: no participant token, no voting time; comments are kept apart from "
        "the choices.",
    },
    "ws_sheet_about": {"fr": "À propos", "en": "About"},
    "ws_sheet_domains": {"fr": "Votes par domaine", "en": "Votes by domain"},
    "ws_sheet_actors": {"fr": "Par profil", "en": "By profile"},
    "ws_sheet_reading": {"fr": "Perçu et objectif", "en": "Perceived and objective"},
    "ws_sheet_comments": {"fr": "Commentaires", "en": "Comments"},
    "ws_sheet_votes": {"fr": "Votes anonymisés", "en": "Anonymised votes"},
    "ws_about_title": {"fr": "Atelier", "en": "Workshop"},
    "ws_about_territory": {"fr": "Territoire", "en": "Territory"},
    "ws_about_created": {"fr": "Date de l'atelier", "en": "Workshop date"},
    "ws_about_participants": {"fr": "Participants", "en": "Participants"},
    "ws_about_choices": {
        "fr": "Domaines choisis par participant",
        "en": "Domains picked per participant",
    },
    "ws_about_rule": {"fr": "Règle de décompte", "en": "Counting rule"},
    "ws_about_exported": {"fr": "Exporté le", "en": "Exported on"},
    "ws_about_anonymity": {"fr": "Anonymisation", "en": "Anonymisation"},
    "ws_about_note": {"fr": "Note de lecture", "en": "Reading note"},
    "ws_about_min_group": {"fr": "Résultats par profil", "en": "Results by profile"},
}
