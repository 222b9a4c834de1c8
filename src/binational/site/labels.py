"""The site's interface text in English and Spanish. Content (titles, summaries,
descriptions) stays in the language it was written in; only these words change."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_LABELS: dict[str, tuple[str, str]] = {
    # key: (English, Spanish)
    "site_title": (
        "Binational Institutions Repository",
        "Repositorio de Instituciones Binacionales",
    ),
    "site_intro": (
        "An open knowledge platform on the institutions between the United States and Mexico: "
        "agreements, organizations, dialogue mechanisms and programs, with the events that moved "
        "them.",
        "Una plataforma abierta de conocimiento sobre las instituciones entre Estados Unidos y "
        "México: acuerdos, organizaciones, mecanismos de diálogo y programas, con los eventos que "
        "las movieron.",
    ),
    "skip": ("Skip to content", "Ir al contenido"),
    "nav_main": ("Main", "Principal"),
    "nav_home": ("Home", "Inicio"),
    "nav_events": ("Events", "Eventos"),
    "nav_search": ("Search", "Buscar"),
    "nav_data": ("Open data", "Datos abiertos"),
    "breadcrumb": ("Breadcrumb", "Ruta de navegación"),
    "language": ("Language", "Idioma"),
    "categories": ("Institutions by category", "Instituciones por categoría"),
    "category_agreement": ("Agreements", "Acuerdos"),
    "category_organization": ("Organizations", "Organizaciones"),
    "category_dialogue_mechanism": ("Dialogue mechanisms", "Mecanismos de diálogo"),
    "category_program": ("Programs", "Programas"),
    "institutions_n": ("{n} institutions", "{n} instituciones"),
    "events_n": ("{n} events", "{n} eventos"),
    "latest_events": ("Latest events", "Eventos recientes"),
    "reports": ("Reports", "Informes"),
    "report_title": ("Report {period}", "Informe {period}"),
    "downloads": ("Downloads", "Descargas"),
    "items": ("Items", "Puntos"),
    "name_en": ("Name in English", "Nombre en inglés"),
    "name_es": ("Name in Spanish", "Nombre en español"),
    "acronyms": ("Acronyms", "Siglas"),
    "category": ("Category", "Categoría"),
    "subtype": ("Type", "Tipo"),
    "parties": ("Parties", "Partes"),
    "established": ("Established", "Establecido"),
    "status": ("Status", "Estado"),
    "status_active": ("active", "activo"),
    "status_suspended": ("suspended", "suspendido"),
    "status_relaunched": ("relaunched", "relanzado"),
    "status_ended": ("ended", "terminado"),
    "status_superseded": ("superseded", "sustituido"),
    "status_history": ("Status history", "Historial de estado"),
    "unconfirmed": ("unconfirmed", "sin confirmar"),
    "source": ("Source", "Fuente"),
    "sources": ("Sources", "Fuentes"),
    "checked_on": ("checked {date}", "verificado el {date}"),
    "lead_agencies": ("Lead agencies", "Dependencias responsables"),
    "description": ("Description", "Descripción"),
    "implications": ("Institutional implications", "Implicaciones institucionales"),
    "parent": ("Part of", "Forma parte de"),
    "superseded_by": ("Superseded by", "Sustituido por"),
    "timeline": ("Timeline of events", "Cronología de eventos"),
    "no_events": ("No published events yet.", "Aún no hay eventos publicados."),
    "date": ("Date", "Fecha"),
    "summary": ("Summary", "Resumen"),
    "context": ("Institutional context", "Contexto institucional"),
    "institutions": ("Institutions", "Instituciones"),
    "agencies": ("Agencies", "Dependencias"),
    "mentioned_as": ("mentioned as", "mencionado como"),
    "original": ("Original", "Original"),
    "archived_copy": ("Archived copy", "Copia archivada"),
    "retrieved": ("retrieved {date}", "recuperada el {date}"),
    "not_archived": ("no archived copy", "sin copia archivada"),
    "archive_title": ("Archived copy of a source", "Copia archivada de una fuente"),
    "archive_stamp": (
        "This is a copy of {url} as retrieved on {date}, kept so the citation still works if "
        "the original page moves or disappears. Only its text is kept.",
        "Esta es una copia de {url} tal como se recuperó el {date}, conservada para que la cita "
        "siga funcionando si la página original cambia de lugar o desaparece. Solo se conserva "
        "su texto.",
    ),
    "archive_unreadable": (
        "The archived response holds no readable text.",
        "La respuesta archivada no contiene texto legible.",
    ),
    "cited_by": ("Cited by", "Citado por"),
    "search_title": ("Search the repository", "Buscar en el repositorio"),
    "search_help": (
        "Search institutions and events; filter by category and year.",
        "Busque instituciones y eventos; filtre por categoría y año.",
    ),
    "search_needs_js": (
        "Search runs in your browser and needs JavaScript. Every page is also reachable from the "
        "category and year indexes.",
        "La búsqueda funciona en su navegador y requiere JavaScript. Todas las páginas también se "
        "alcanzan desde los índices por categoría y por año.",
    ),
    "events_by_year": ("Events by year", "Eventos por año"),
    "events_of_year": ("Events of {year}", "Eventos de {year}"),
    "data_title": ("Open data", "Datos abiertos"),
    "data_intro": (
        "The published events, the institutions and the links between them, free to reuse.",
        "Los eventos publicados, las instituciones y los vínculos entre ellos, de libre reuso.",
    ),
    "data_license": (
        "The data is offered under the licence",
        "Los datos se ofrecen bajo la licencia",
    ),
    "scorecard": ("Scorecard", "Tablero de evaluación"),
    "scorecard_intro": (
        "How each institution is doing: its published events over the last twelve months, "
        "its meetings against the cadence the registry expects, and the evidence for every "
        "mark.",
        "Cómo va cada institución: sus eventos publicados en los últimos doce meses, sus "
        "reuniones frente a la periodicidad que espera el registro, y la evidencia de cada "
        "calificación.",
    ),
    "timeline_picture": (
        "The institution's published events and status changes on a strip of years.",
        "Los eventos publicados y los cambios de estado de la institución en una franja de años.",
    ),
    "feed": ("Atom feed of new events", "Canal Atom de eventos nuevos"),
    "event": ("Event", "Evento"),
    "kind_institution": ("institution", "institución"),
    "kind_agency": ("agency", "dependencia"),
    "country_US": ("United States", "Estados Unidos"),
    "country_MX": ("Mexico", "México"),
    "country_CA": ("Canada", "Canadá"),
    "other_language": ("Versión en español", "English version"),
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        lang: MappingProxyType({key: pair[index] for key, pair in _LABELS.items()})
        for index, lang in enumerate(("en", "es"))
    }
)


def translator(lang: str):
    """``t(key, **values)`` for one language; an unknown key shows itself."""
    table = LABELS[lang]

    def t(key: str, **values: object) -> str:
        text = table.get(key, key)
        return text.format(**values) if values else text

    return t
