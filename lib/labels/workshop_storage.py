"""Messages of the workshop storage (lib/workshop/): refused actions, shown as is to the user."""

LABELS: dict[str, dict[str, str]] = {
    "wsdb_unknown_code": {
        "fr": "Code d'atelier inconnu : vérifiez les 8 caractères.",
        "en": "Unknown workshop code: check the 8 characters.",
    },
    "wsdb_busy": {
        "fr": "Le serveur est très sollicité : rien n'a été enregistré. Vos choix sont restés à "
        "l'écran : renvoyez-les dans quelques secondes.",
        "en": "The server is very busy: nothing was saved. Your choices are still on screen: "
        "send them again in a few seconds.",
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
        "fr": "Choisissez exactement {expected} domaines ({count} {count|choisi|choisis}).",
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
    "wsdb_too_many_keys": {
        "fr": "Trop de clés incorrectes depuis ce navigateur pour cet atelier : réessayez dans "
        "{seconds} s.",
        "en": "Too many wrong keys from this browser for this workshop: try again in {seconds} s.",
    },
    "wsdb_too_many_codes": {
        "fr": "Trop de codes d'atelier incorrects depuis ce navigateur : réessayez dans "
        "{seconds} s.",
        "en": "Too many wrong workshop codes from this browser: try again in {seconds} s.",
    },
    "wsdb_join_cap": {
        "fr": "Ce navigateur a déjà rejoint cet atelier {cap} fois : pour modifier votre vote, "
        "rouvrez la page où vous avez voté (son adresse garde votre place).",
        "en": "This browser has already joined this workshop {cap} times: to change your vote, "
        "reopen the page where you voted (its address keeps your place).",
    },
    "wsdb_publish_too_few": {
        "fr": "Publication impossible : il faut au moins {minimum} participants ayant voté "
        "({count} pour l'instant, il en manque {missing}).",
        "en": "Cannot publish: at least {minimum} participants who voted are needed ({count} so "
        "far, {missing} missing).",
    },
    "wsdb_title_character": {
        "fr": "Titre : le caractère {code} n'est pas accepté (caractère de contrôle, invisible "
        "ou invalide) ; retapez le titre.",
        "en": "Title: the character {code} is not accepted (control, invisible or invalid "
        "character); type the title again.",
    },
    "wsdb_comment_character": {
        "fr": "Commentaire : le caractère {code} n'est pas accepté (caractère de contrôle, "
        "invisible ou invalide) ; retapez le commentaire.",
        "en": "Comment: the character {code} is not accepted (control, invisible or invalid "
        "character); type the comment again.",
    },
    "wsdb_title_missing": {
        "fr": "Donnez un titre à l'atelier.",
        "en": "Give the workshop a title.",
    },
    "wsdb_title_markup": {
        "fr": "Titre : les caractères {characters} ne sont pas acceptés (ils créeraient des "
        "liens, des images ou des formules dans les pages).",
        "en": "Title: the characters {characters} are not accepted (they would create links, "
        "images or formulas in the pages).",
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
