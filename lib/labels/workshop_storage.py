"""Messages of the workshop storage (lib/workshop/): refused actions, shown as is to the user."""

LABELS: dict[str, dict[str, str]] = {
    "wsdb_unknown_code": {
        "fr": "Code d'atelier inconnu : vérifiez les 8 caractères.",
        "en": "Unknown workshop code: check the 8 characters.",
    },
    "wsdb_closed": {
        "fr": "Cet atelier est fermé : les votes ne sont plus acceptés.",
        "en": "This workshop is closed: votes are no longer accepted.",
    },
    "wsdb_unknown_participant": {
        "fr": "Participant inconnu dans cet atelier : rejoignez-le de nouveau avec son code.",
        "en": "Unknown participant in this workshop: join it again with its code.",
    },
    "wsdb_wrong_count": {
        "fr": "Choisissez exactement {expected} domaines ({count} choisi{plural}).",
        "en": "Choose exactly {expected} domains ({count} chosen).",
    },
    "wsdb_unknown_domain": {
        "fr": "Domaine inconnu : {value}.",
        "en": "Unknown domain: {value}.",
    },
    "wsdb_repeated_domain": {
        "fr": "Domaine choisi deux fois : {value}.",
        "en": "Domain chosen twice: {value}.",
    },
    "wsdb_actor_not_offered": {
        "fr": "Profil d'acteur non proposé dans cet atelier : {value}.",
        "en": "Actor profile not offered in this workshop: {value}.",
    },
    "wsdb_comment_too_long": {
        "fr": "Commentaire trop long : {count} caractères ({limit} au plus).",
        "en": "Comment too long: {count} characters ({limit} at most).",
    },
    "wsdb_wrong_key": {
        "fr": "Clé organisateur incorrecte.",
        "en": "Wrong organiser key.",
    },
    "wsdb_too_many_attempts": {
        "fr": "Trop de tentatives : réessayez dans {seconds} s.",
        "en": "Too many attempts: try again in {seconds} s.",
    },
    "wsdb_title_missing": {
        "fr": "Donnez un titre à l'atelier.",
        "en": "Give the workshop a title.",
    },
    "wsdb_title_markup": {
        "fr": "Titre : les caractères {characters} ne sont pas acceptés (ils créeraient des "
        "liens ou des images dans les pages).",
        "en": "Title: the characters {characters} are not accepted (they would create links or "
        "images in the pages).",
    },
    "wsdb_title_too_long": {
        "fr": "Titre trop long : {count} caractères ({limit} au plus).",
        "en": "Title too long: {count} characters ({limit} at most).",
    },
    "wsdb_unknown_territory": {
        "fr": "Territoire inconnu : {value}.",
        "en": "Unknown territory: {value}.",
    },
    "wsdb_no_actor": {
        "fr": "Choisissez au moins un profil d'acteur.",
        "en": "Choose at least one actor profile.",
    },
    "wsdb_unknown_actor": {
        "fr": "Profil d'acteur inconnu : {value}.",
        "en": "Unknown actor profile: {value}.",
    },
    "wsdb_bad_n_choices": {
        "fr": "Le nombre de domaines à choisir doit être 3, 4 ou 5 (demandé : {value}).",
        "en": "The number of domains to choose must be 3, 4 or 5 (asked: {value}).",
    },
    "wsdb_closing_time_past": {
        "fr": "L'heure de clôture est déjà passée : choisissez une heure à venir.",
        "en": "The closing time has already passed: choose a time to come.",
    },
}
