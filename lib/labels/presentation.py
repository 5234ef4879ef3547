"""Labels of the presentation mode and its stories (views/presentation.py, lib/presentation/)."""

LABELS: dict[str, dict[str, str]] = {
    "pres_page": {"fr": "Présentation", "en": "Presentation"},
    "pres_open": {"fr": "Mode présentation", "en": "Presentation mode"},
    "pres_open_help": {
        "fr": "Plein écran, grands caractères, une histoire pas à pas pour ce territoire "
        "(ou pour la France) : pour un webinaire ou une réunion.",
        "en": "Full screen, large type, a step-through story for this territory (or for "
        "France): for a webinar or a meeting.",
    },
    "pres_quit": {"fr": "Quitter la présentation", "en": "Leave the presentation"},
    "pres_previous": {"fr": "◀ Précédente", "en": "◀ Previous"},
    "pres_next": {"fr": "Suivante ▶", "en": "Next ▶"},
    "pres_slide_number": {"fr": "Diapositive {n} / {total}", "en": "Slide {n} / {total}"},
    "pres_france": {"fr": "France", "en": "France"},
    "pres_notes": {"fr": "Méthode, couverture et notes", "en": "Method, coverage and notes"},
    "pres_no_slide": {
        "fr": "Aucune diapositive à montrer : les étapes de cette histoire sont sans données.",
        "en": "No slide to show: this story's steps have no data.",
    },
    "pres_story_name": {"fr": "Titre de l'histoire", "en": "Title of the story"},
    "pres_story_title": {
        "fr": "{name} : fragilités et alliances",
        "en": "{name}: fragilities and alliances",
    },
    # default captions (the presenter's words, editable)
    "pres_caption_national": {
        "fr": "Vue d'ensemble : la France région par région.",
        "en": "Overview: France region by region.",
    },
    "pres_caption_map": {
        "fr": "Zoom sur {name} : où se trouvent les fragilités ?",
        "en": "Zoom on {name}: where are the fragilities?",
    },
    "pres_caption_map_france": {
        "fr": "Les fragilités par région, tous domaines réunis.",
        "en": "Fragility by region, all domains together.",
    },
    "pres_caption_top_domains": {
        "fr": "Les domaines où {name} est le plus fragile, face au repère.",
        "en": "The domains where {name} is most fragile, against the benchmark.",
    },
    "pres_caption_trends": {
        "fr": "Les dernières évolutions, jugées selon le sens de chaque indicateur.",
        "en": "The latest changes, judged by each indicator's direction.",
    },
    "pres_caption_perceptions": {
        "fr": "Ce que chaque acteur voit comme prioritaire, face aux indices.",
        "en": "What each actor sees as a priority, against the indices.",
    },
    "pres_caption_alliances": {
        "fr": "Comment les acteurs font alliance.",
        "en": "How actors build alliances.",
    },
    "pres_caption_workshop": {
        "fr": "Ce que la salle a choisi lors de l'atelier.",
        "en": "What the room chose during the workshop.",
    },
    # slide titles
    "pres_title_national": {
        "fr": "La France par région : {label}",
        "en": "France by region: {label}",
    },
    "pres_title_map_within": {
        "fr": "{name} par département : {label}",
        "en": "{name} by department: {label}",
    },
    "pres_title_map_region": {"fr": "Les régions : {label}", "en": "The regions: {label}"},
    "pres_title_map_department": {
        "fr": "Les départements : {label}",
        "en": "The departments: {label}",
    },
    "pres_title_top_domains": {
        "fr": "{name} : les domaines les plus fragiles",
        "en": "{name}: the most fragile domains",
    },
    "pres_title_trends": {
        "fr": "{name} : ce qui s'aggrave, ce qui s'améliore",
        "en": "{name}: what is getting worse, what is improving",
    },
    "pres_trends_side": {"fr": "{side} : {labels}", "en": "{side}: {labels}"},
    "pres_trends_chart": {"fr": "{label} — {unit}", "en": "{label} — {unit}"},
    "pres_trends_note": {
        "fr": "Le graphique : {label} pour le territoire, sa ligne France de référence et, pour "
        "un département, sa région ; aucune valeur n'est interpolée (une période manquante coupe "
        "la ligne) et des séries de millésimes différents ne sont jamais reliées.",
        "en": "The chart: {label} for the territory, its France reference row and, for a "
        "department, its region; no value is interpolated (a missing period breaks the line) "
        "and series of different vintages are never joined.",
    },
    "pres_title_perceptions": {
        "fr": "{name} : ce que perçoit chaque acteur, face aux indices",
        "en": "{name}: what each actor perceives, against the indices",
    },
    "pres_title_perceptions_france": {
        "fr": "France : ce que perçoit chaque acteur (chiffres nationaux)",
        "en": "France: what each actor perceives (national figures)",
    },
    "pres_title_alliances": {
        "fr": "{name} : pratiques d'alliance",
        "en": "{name}: alliance practices",
    },
    "pres_title_workshop": {
        "fr": "{name} : les priorités choisies par la salle",
        "en": "{name}: the priorities chosen by the room",
    },
    # slide lines
    "pres_source": {"fr": "Source : {sources}", "en": "Source: {sources}"},
    "pres_sources": {"fr": "Sources : {sources}", "en": "Sources: {sources}"},
    "pres_sources_short": {
        "fr": "Sources : {publishers} ({n} sources, détaillées dans les notes)",
        "en": "Sources: {publishers} ({n} sources, detailed in the notes)",
    },
    "pres_sources_short_unchecked": {
        "fr": "Sources : {publishers} ({n} sources dont {unchecked} non vérifiées ou en "
        "partie, détaillées dans les notes)",
        "en": "Sources: {publishers} ({n} sources, {unchecked} of them not or partly verified, "
        "detailed in the notes)",
    },
    "pres_france_value": {"fr": "{name} : {value}", "en": "{name}: {value}"},
    "pres_territory_rank": {
        "fr": "{name} : {value} — {rank} (1 = le plus fragile)",
        "en": "{name}: {value} — {rank} (1 = most fragile)",
    },
    "pres_territory_value": {"fr": "{name} : {value}", "en": "{name}: {value}"},
    "pres_most_fragile": {
        "fr": "Les plus fragiles : {items}",
        "en": "Most fragile: {items}",
    },
    "pres_no_map_selection": {
        "fr": "Aucun indicateur ni indice n'est disponible pour ces territoires.",
        "en": "No indicator or index is available for these territories.",
    },
    "pres_top_domain": {
        "fr": "{label} : {value} — {rank} ; {reference}",
        "en": "{label}: {value} — {rank}; {reference}",
    },
    "pres_top_ties": {
        "fr": "Les 3 premiers rangs du territoire, ex aequo compris ({n} domaines sur {total} "
        "ont un indice).",
        "en": "The territory's top 3 ranks, ties included ({n} of {total} domains have an index).",
    },
    "pres_no_domain_index": {
        "fr": "Indices par domaine : non disponible pour ce territoire.",
        "en": "Domain indices: not available for this territory.",
    },
    "pres_perceptions_intro": {
        "fr": "Pour chaque acteur, une question d'étude : ses 3 premières priorités, comparées "
        "aux 3 domaines les plus fragiles selon les indices du territoire.",
        "en": "For each actor, one survey question: its top 3 priorities, compared with the "
        "territory's 3 most fragile domains according to the indices.",
    },
    "pres_perceptions_intro_france": {
        "fr": "Pour chaque acteur, une question d'étude nationale : ses 3 premières priorités "
        "(pas d'indice pour la France entière : choisissez un territoire pour comparer).",
        "en": "For each actor, one national survey question: its top 3 priorities (no index "
        "for France as a whole: choose a territory to compare).",
    },
    "pres_no_perception": {
        "fr": "Priorités perçues : non disponible pour ce territoire.",
        "en": "Perceived priorities: not available for this territory.",
    },
    "pres_col_actor": {"fr": "Acteur", "en": "Actor"},
    "pres_col_figures": {"fr": "Chiffres", "en": "Figures"},
    "pres_col_perceived": {"fr": "Priorités perçues", "en": "Perceived priorities"},
    "pres_col_shared": {"fr": "Partagées avec les indices", "en": "Shared with the indices"},
    "pres_col_blind": {"fr": "Angles morts", "en": "Blind spots"},
    "pres_none": {"fr": "aucune", "en": "none"},
    "pres_no_alliance": {
        "fr": "Pratiques d'alliance : non disponible pour ce territoire.",
        "en": "Alliance practices: not available for this territory.",
    },
    "pres_workshop_intro": {
        "fr": "Part des participants de chaque profil ayant choisi le domaine ; les résultats "
        "publiés de l'atelier ({origin}).",
        "en": "Share of each profile's participants who picked the domain; the workshop's "
        "published results ({origin}).",
    },
    # story file and editor
    "pres_prepare": {
        "fr": "Préparer, charger ou exporter l'histoire",
        "en": "Prepare, load or export the story",
    },
    "pres_territory": {"fr": "Territoire de l'histoire", "en": "Territory of the story"},
    "pres_new_story": {"fr": "Nouvelle histoire", "en": "New story"},
    "pres_edit_help": {
        "fr": "Modifiez l'ordre (numéros), les légendes, ou décochez une étape, puis appliquez.",
        "en": "Change the order (numbers), the captions, or untick a step, then apply.",
    },
    "pres_col_order": {"fr": "Ordre", "en": "Order"},
    "pres_col_kind": {"fr": "Vue", "en": "View"},
    "pres_col_caption": {"fr": "Légende", "en": "Caption"},
    "pres_col_keep": {"fr": "Garder", "en": "Keep"},
    "pres_apply": {"fr": "Appliquer", "en": "Apply"},
    "pres_kind_national": {"fr": "Vue nationale", "en": "National picture"},
    "pres_kind_map": {"fr": "Carte", "en": "Map"},
    "pres_kind_top_domains": {"fr": "Domaines les plus fragiles", "en": "Most fragile domains"},
    "pres_kind_trends": {"fr": "Évolutions", "en": "Trends"},
    "pres_kind_perceptions": {"fr": "Perçu et indices", "en": "Perceived and indices"},
    "pres_kind_alliances": {"fr": "Pratiques d'alliance", "en": "Alliance practices"},
    "pres_kind_workshop": {"fr": "Résultats de l'atelier", "en": "Workshop results"},
    "pres_download_story": {
        "fr": "Télécharger l'histoire (fichier à partager)",
        "en": "Download the story (file to share)",
    },
    "pres_upload_story": {"fr": "Charger une histoire", "en": "Load a story"},
    "pres_story_loaded": {
        "fr": "Histoire « {title} » chargée : {n} étapes.",
        "en": "Story “{title}” loaded: {n} steps.",
    },
    "pres_story_session_note": {
        "fr": "Une histoire chargée ou modifiée reste dans cet onglet : téléchargez-la pour la "
        "garder. Un lien copié rouvre l'histoire par défaut du territoire, à la même diapositive.",
        "en": "A loaded or edited story stays in this tab: download it to keep it. A copied "
        "link reopens the territory's default story, at the same slide.",
    },
    "pres_download_deck": {
        "fr": "Télécharger la présentation (PPTX)",
        "en": "Download the slide deck (PPTX)",
    },
    "pres_deck_subtitle": {
        "fr": "Territoires fragiles & alliances — {date}",
        "en": "Fragile territories & alliances — {date}",
    },
    "pres_workshop_skipped": {
        "fr": "Étape « Résultats de l'atelier » passée : aucun atelier publié pour ce territoire.",
        "en": "“Workshop results” step skipped: no published workshop for this territory.",
    },
    # story file errors (French first: the presenter's file)
    "pres_error_too_big": {
        "fr": "Fichier d'histoire trop volumineux : {size} Ko (maximum {limit} Ko).",
        "en": "Story file too large: {size} KB (at most {limit} KB).",
    },
    "pres_error_encoding": {
        "fr": "Fichier d'histoire illisible : il n'est pas encodé en UTF-8.",
        "en": "Unreadable story file: it is not UTF-8 encoded.",
    },
    "pres_error_json": {
        "fr": "Fichier d'histoire illisible : ce n'est pas du JSON valide (ligne {line}).",
        "en": "Unreadable story file: it is not valid JSON (line {line}).",
    },
    "pres_error_depth": {
        "fr": "Fichier d'histoire illisible : objets ou listes imbriqués sur {depth} niveaux "
        "(maximum {limit}).",
        "en": "Unreadable story file: objects or lists nested {depth} levels deep (at most "
        "{limit}).",
    },
    "pres_error_digits": {
        "fr": "Fichier d'histoire illisible : un nombre entier de plus de {limit} chiffres.",
        "en": "Unreadable story file: an integer of more than {limit} digits.",
    },
    "pres_error_format": {
        "fr": "Ce fichier n'est pas une histoire de l'application (champ « format » absent ou "
        "différent de « {format} »).",
        "en": "This file is not a story of the app (field “format” missing or not “{format}”).",
    },
    "pres_error_version": {
        "fr": "Version d'histoire non prise en charge : {version} (version attendue : {expected}).",
        "en": "Unsupported story version: {version} (expected version: {expected}).",
    },
    "pres_error_title": {
        "fr": "Le titre de l'histoire doit être un texte non vide de {limit} caractères au plus.",
        "en": "The story's title must be a non-empty text of at most {limit} characters.",
    },
    "pres_error_no_steps": {
        "fr": "L'histoire doit contenir une liste d'étapes non vide (champ « steps »).",
        "en": "The story must hold a non-empty list of steps (field “steps”).",
    },
    "pres_error_too_many": {
        "fr": "Trop d'étapes : {n} (maximum {limit}).",
        "en": "Too many steps: {n} (at most {limit}).",
    },
    "pres_error_step_object": {
        "fr": "Étape {n} : ce n'est pas un objet avec « kind », « filters » et « caption ».",
        "en": "Step {n}: not an object with “kind”, “filters” and “caption”.",
    },
    "pres_error_step_field": {
        "fr": "Étape {n} : champ inconnu « {name} ».",
        "en": "Step {n}: unknown field “{name}”.",
    },
    "pres_error_kind": {
        "fr": "Étape {n} : type de vue inconnu « {kind} » (types connus : {kinds}).",
        "en": "Step {n}: unknown kind of view “{kind}” (known kinds: {kinds}).",
    },
    "pres_error_filters": {
        "fr": "Étape {n} : les filtres doivent être des paires nom → texte.",
        "en": "Step {n}: filters must be name → text pairs.",
    },
    "pres_error_filter_name": {
        "fr": "Étape {n} : filtre inconnu « {name} ».",
        "en": "Step {n}: unknown filter “{name}”.",
    },
    "pres_error_territory": {
        "fr": "Étape {n} : territoire inconnu « {value} ».",
        "en": "Step {n}: unknown territory “{value}”.",
    },
    "pres_error_value": {
        "fr": "Étape {n} : valeur inconnue « {value} » pour le filtre « {name} ».",
        "en": "Step {n}: unknown value “{value}” for the filter “{name}”.",
    },
    "pres_error_commune": {
        "fr": "Étape {n} : le niveau commune n'est pas proposé dans une histoire.",
        "en": "Step {n}: the commune level is not offered in a story.",
    },
    "pres_error_needs_territory": {
        "fr": "Étape {n} : cette vue demande un territoire (région ou département).",
        "en": "Step {n}: this view needs a territory (region or department).",
    },
    "pres_error_caption": {
        "fr": "Étape {n} : la légende doit être un texte de {limit} caractères au plus.",
        "en": "Step {n}: the caption must be a text of at most {limit} characters.",
    },
}
