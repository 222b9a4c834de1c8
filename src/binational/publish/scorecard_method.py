"""The scorecard's method, stated in the document itself so that a reader can check
every mark: where the data comes from, what a meeting and an interval are, what each
mark means (with the numbers of the rules in force), the trend, and the data's
coverage. In English and Spanish; every renderer prints these same paragraphs."""

from __future__ import annotations

from binational.publish.scorecard_document import MARK_ORDER, Mark, ScorecardDocument
from binational.publish.scorecard_words import (
    factor_text,
    limits,
    long_date,
    mark_word,
    period_label,
)

METHOD = {
    "sources": (
        "Each institution of the registry established by {as_of} is scored as of that day "
        "from two sources: the events linked to it in the database ({counted} "
        "events; links an analyst removed do not count) and the registry's status history, "
        "whose entries give their sources or are marked unconfirmed.",
        "Cada institución del registro establecida al {as_of} se evalúa a ese día con dos "
        "fuentes: los eventos vinculados a ella en la base de datos (eventos {counted}; "
        "no cuentan los vínculos que un analista quitó) y el historial de "
        "estado del registro, cuyas entradas indican su fuente o se marcan sin confirmar.",
    ),
    "meetings": (
        "Dialogue mechanisms, summits, committees, working groups, dialogues, conferences "
        "and parliamentary meetings meet: each event linked to one is read as a meeting, "
        "and events less than {days} days apart as one meeting. For other institutions the "
        "same grouping gives their occasions of activity.",
        "Los mecanismos de diálogo, cumbres, comités, grupos de trabajo, diálogos, "
        "conferencias y reuniones parlamentarias se reúnen: cada evento vinculado a uno se "
        "lee como una reunión, y los eventos a menos de {days} días entre sí como una sola. "
        "Para las demás instituciones la misma agrupación da sus ocasiones de actividad.",
    ),
    "intervals": (
        "Since last: the time from the last meeting (or activity) to {as_of}. Median "
        "interval: the median time between consecutive meetings over the institution's "
        "whole history in the database. Events: those in {period}, then those in each of "
        "the four periods of the same length before it.",
        "Desde la última: el tiempo entre la última reunión (o actividad) y el {as_of}. "
        "Intervalo mediano: la mediana del tiempo entre reuniones consecutivas en toda la "
        "historia de la institución en la base de datos. Eventos: los de {period}, y luego "
        "los de cada uno de los cuatro periodos de igual duración anteriores.",
    ),
    "gap": (
        "The gap is measured from the later of the last meeting and the last launch or "
        "relaunch the registry records; with no linked event at all, from the later of "
        "that and the start of the data, so it is the shortest gap the data allows. "
        "Exactly N months is within N months; one day more exceeds them.",
        "El intervalo se mide desde lo más reciente entre la última reunión y el último "
        "lanzamiento o relanzamiento que consigna el registro; sin ningún evento vinculado, "
        "desde lo más reciente entre eso y el inicio de los datos, así que es el intervalo "
        "más corto que los datos permiten. Exactamente N meses está dentro de N meses; un "
        "día más los excede.",
    ),
    "trend": (
        "Trend: events in the period against the mean of the four periods before it that "
        "the data covers: rising, falling or steady; quiet when there are none; unknown "
        "when the data covers none of them, or not the period itself.",
        "Tendencia: los eventos del periodo frente a la media de los cuatro periodos "
        "anteriores que los datos cubren: al alza, a la baja o estable; sin actividad "
        "cuando no hay ninguno; sin datos previos cuando los datos no cubren ninguno, o no "
        "cubren el periodo mismo.",
    ),
    "coverage": (
        "The database holds {events} {counted} events, in {spans}. A period "
        "outside these holds no events at all: in the grid it is hatched, and a blank "
        "there says nothing about an institution.",
        "La base de datos tiene {events} eventos {counted}, en {spans}. Un "
        "periodo fuera de estos no tiene ningún evento: en la cuadrícula aparece rayado, y "
        "un vacío ahí no dice nada de una institución.",
    ),
    "omitted": (
        "Not yet established on {as_of}, and left out: {names}.",
        "Aún no establecidas al {as_of}, y omitidas: {names}.",
    ),
}
MARK_MEANINGS = {
    Mark.ON_CADENCE: (
        "the last meeting or activity is within {overdue}× the registry's cadence ({limits}).",
        "la última reunión o actividad está dentro de {overdue}× la periodicidad del "
        "registro ({limits}).",
    ),
    Mark.OVERDUE: (
        "it is more than {overdue}× the cadence ago.",
        "ocurrió hace más de {overdue}× la periodicidad.",
    ),
    Mark.LAPSED: (
        "it is more than {lapsed}× the cadence ago ({lapsed_limits}), or the registry "
        "records the institution suspended.",
        "ocurrió hace más de {lapsed}× la periodicidad ({lapsed_limits}), o el registro "
        "consigna la institución suspendida.",
    ),
    Mark.NEW: (
        "established less than {new} months before the day; its cadence is not judged yet.",
        "establecida menos de {new} meses antes del día; aún no se juzga su periodicidad.",
    ),
    Mark.NO_CADENCE: (
        "the registry gives no expected cadence (or an ad hoc one): the activity is shown, "
        "not judged.",
        "el registro no da una periodicidad esperada (o da una ad hoc): la actividad se "
        "muestra, no se juzga.",
    ),
    Mark.ENDED: (
        "the registry records it ended or superseded.",
        "el registro la consigna concluida o sustituida.",
    ),
}


# The statuses of the events a scorecard counts, as its method names them.
_STATUS_WORDS = {"reviewed": ("reviewed", "revisados"), "published": ("published", "publicados")}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "es" else pair[0]


def counted_statuses(document: ScorecardDocument) -> str:
    """'reviewed or published' (the analysts' scorecard), 'published' (the public's)."""
    words = [_pick(_STATUS_WORDS.get(s, (s, s)), document.language) for s in document.statuses]
    return (" o " if document.language == "es" else " or ").join(words)


def method_paragraphs(document: ScorecardDocument) -> list[str]:
    """The method's paragraphs before the marks' list."""
    language = document.language
    as_of = long_date(document.as_of, language)
    values = {
        "as_of": as_of,
        "days": document.rules.same_meeting_days,
        "period": period_label(document.period, language),
        "counted": counted_statuses(document),
    }
    return [_pick(METHOD[key], language).format(**values)
            for key in ("sources", "meetings", "intervals", "gap", "trend")]  # fmt: skip


def mark_meanings(document: ScorecardDocument) -> list[tuple[Mark, str, str]]:
    """(mark, its word, what it means), in the marks' order."""
    language, rules = document.language, document.rules
    values = {
        "overdue": factor_text(rules.overdue_factor),
        "lapsed": factor_text(rules.lapsed_factor),
        "limits": limits(rules.overdue_factor, language),
        "lapsed_limits": limits(rules.lapsed_factor, language),
        "new": rules.new_within_months,
    }
    return [
        (mark, mark_word(mark, language), _pick(MARK_MEANINGS[mark], language).format(**values))
        for mark in MARK_ORDER
    ]


def coverage_paragraphs(document: ScorecardDocument) -> list[str]:
    """The data's coverage, and the institutions left out as not yet established."""
    language = document.language
    spans = ", ".join(period_label(span, language) for span in document.coverage)
    paragraphs = [
        _pick(METHOD["coverage"], language).format(
            events=document.coverage_events, spans=spans, counted=counted_statuses(document)
        )
    ]
    if document.omitted:
        paragraphs.append(
            _pick(METHOD["omitted"], language).format(
                as_of=long_date(document.as_of, language),
                names="; ".join(f"{o.name(language)} ({o.established})" for o in document.omitted),
            )
        )
    return paragraphs
