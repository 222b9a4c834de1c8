"""The scorecard's words in English and Spanish: headings, marks, trends, statuses,
the method, and the sentence behind each mark. Every renderer (and the web page)
takes its words from here, so each language says the same thing in every format."""

from __future__ import annotations

import datetime as dt
import math

from binational.domain import MONTH_NAMES, MONTH_NAMES_ES, Period, PeriodKind
from binational.publish.scorecard_document import (
    Mark,
    Reason,
    ScorecardDocument,
    ScorecardRow,
    ScorecardRules,
)

LANGUAGES = ("en", "es")

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Scorecard", "Tablero de evaluación"),
    "as_of": ("As of {date}", "Al {date}"),
    "institutions_n": ("{n} institutions", "{n} instituciones"),
    "summary": ("Marks", "Calificaciones"),
    "method": ("How to read this scorecard", "Cómo leer este tablero"),
    "marks_heading": ("What each mark means", "Qué significa cada calificación"),
    "coverage": ("The data's coverage", "Cobertura de los datos"),
    "grid": ("Continuity grid", "Cuadrícula de continuidad"),
    "grid_alt": (
        "Continuity grid of {category}: linked events per period, {first} to {last}, and "
        "each institution's mark. {rows}",
        "Cuadrícula de continuidad de {category}: eventos vinculados por periodo, de {first} "
        "a {last}, y la calificación de cada institución. {rows}",
    ),
    "grid_row": ("{name}: {counts}; {mark}.", "{name}: {counts}; {mark}."),
    "no_data": (
        "No events in the database in this period",
        "Ningún evento en la base de datos en este periodo",
    ),
    "no_data_short": ("no data", "sin datos"),
    "evidence": ("Evidence", "Evidencia"),
    "evidence_for": ("Evidence for {name}", "Evidencia de {name}"),
    "events_in": ("Events in {period}", "Eventos en {period}"),
    "mark_rests_on": ("The mark rests on", "La calificación se basa en"),
    "status_history": ("Status history", "Historial de estado"),
    "unconfirmed": ("unconfirmed", "sin confirmar"),
    "source": ("source", "fuente"),
    "none": ("none", "ninguno"),
    "event_n": ("event {id}", "evento {id}"),
    # columns
    "institution": ("Institution", "Institución"),
    "status": ("Status", "Estado"),
    "events_column": (
        "Events in {period} ({first} to {last})",
        "Eventos en {period} ({first} a {last})",
    ),
    "last_activity": ("Last activity", "Última actividad"),
    "since_last": ("Since last", "Desde la última"),
    "median": ("Median interval", "Intervalo mediano"),
    "cadence": ("Cadence", "Periodicidad"),
    "mark": ("Mark", "Calificación"),
    "trend": ("Trend", "Tendencia"),
    "months_n": ("{n} mo.", "{n} meses"),
}

MARKS = {
    Mark.ON_CADENCE: ("on cadence", "al día"),
    Mark.OVERDUE: ("overdue", "atrasada"),
    Mark.LAPSED: ("lapsed", "interrumpida"),
    Mark.NEW: ("new", "nueva"),
    Mark.NO_CADENCE: ("no cadence", "sin periodicidad"),
    Mark.ENDED: ("ended", "concluida"),
}
TRENDS = {
    "rising": ("rising", "al alza"), "falling": ("falling", "a la baja"),
    "steady": ("steady", "estable"), "quiet": ("quiet", "sin actividad"),
    "unknown": ("unknown", "sin datos previos"),
}  # fmt: skip
STATUSES = {
    "active": ("active", "activa"), "relaunched": ("relaunched", "relanzada"),
    "suspended": ("suspended", "suspendida"), "ended": ("ended", "concluida"),
    "superseded": ("superseded", "sustituida"),
}  # fmt: skip
CADENCES = {
    "quarterly": ("quarterly", "trimestral"), "semiannual": ("semiannual", "semestral"),
    "annual": ("annual", "anual"), "biennial": ("biennial", "bienal"),
    "ad_hoc": ("ad hoc", "ad hoc"),
}  # fmt: skip
CATEGORIES = {
    "agreement": ("Agreements", "Acuerdos"),
    "organization": ("Organizations", "Organizaciones"),
    "dialogue_mechanism": ("Dialogue mechanisms", "Mecanismos de diálogo"),
    "program": ("Programs", "Programas"),
}
SINCE = {
    "meeting": ("Last met on {date}", "Se reunió por última vez el {date}"),
    "activity": ("Last linked event on {date}", "Último evento vinculado el {date}"),
    "relaunch": ("Relaunched on {date}", "Relanzada el {date}"),
    "establishment": ("Established on {date}", "Establecida el {date}"),
    "coverage": (
        "No linked event since the data begins, on {date}",
        "Ningún evento vinculado desde que empiezan los datos, el {date}",
    ),
}
REASONS = {
    "ended": ("The registry records it {status} ({date}).",
              "El registro la consigna {status} ({date})."),
    "suspended": ("The registry records it suspended since {date}.",
                  "El registro la consigna suspendida desde {date}."),
    "new": ("Established {date}, less than {months} months before {as_of}: its cadence is "
            "not judged yet.",
            "Establecida en {date}, menos de {months} meses antes del {as_of}: aún no se "
            "juzga su periodicidad."),
    "no_cadence": ("The registry gives no expected cadence: its activity is shown, not judged.",
                   "El registro no da una periodicidad esperada: su actividad se muestra, no "
                   "se juzga."),
    "ad_hoc": ("The registry gives an ad hoc cadence: no expected interval.",
               "El registro da una periodicidad ad hoc: sin intervalo esperado."),
    "gap_on_cadence": ("{since}, {months} months before {as_of}: within {limit} months "
                       "({factor} × {cadence}).",
                       "{since}, {months} meses antes del {as_of}: dentro de {limit} meses "
                       "({factor} × {cadence})."),
    "gap_overdue": ("{since}, {months} months before {as_of}: more than {limit} months "
                    "({factor} × {cadence}).",
                    "{since}, {months} meses antes del {as_of}: más de {limit} meses "
                    "({factor} × {cadence})."),
    "gap_lapsed": ("{since}, {months} months before {as_of}: more than {limit} months "
                   "({factor} × {cadence}).",
                   "{since}, {months} meses antes del {as_of}: más de {limit} meses "
                   "({factor} × {cadence})."),
}  # fmt: skip


def pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "es" else pair[0]


def word(key: str, language: str, **values: object) -> str:
    text = pick(WORDS[key], language)
    return text.format(**values) if values else text


def mark_word(mark: Mark, language: str) -> str:
    return pick(MARKS[mark], language)


def trend_word(trend: str, language: str) -> str:
    return pick(TRENDS[trend], language)


def status_word(status: str, language: str) -> str:
    return pick(STATUSES.get(status, (status, status)), language)


def cadence_word(cadence: str | None, language: str) -> str:
    if cadence is None:
        return "—"
    return pick(CADENCES.get(cadence, (cadence, cadence)), language)


def category_word(category: str, language: str) -> str:
    return pick(CATEGORIES.get(category, (category, category)), language)


def long_date(day: dt.date, language: str) -> str:
    """'December 31, 2023' or '31 de diciembre de 2023'."""
    if language == "es":
        return f"{day.day} de {MONTH_NAMES_ES[day.month - 1]} de {day.year}"
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def period_label(period: Period, language: str) -> str:
    """``Period.label`` in the language: 'April-June 2023', 'abril-junio de 2023'."""
    if language != "es":
        return period.label
    (y1, m1), (y2, m2) = period.first, period.last
    names = MONTH_NAMES_ES
    if period.kind is PeriodKind.YEAR:
        return str(y1)
    if period.kind is PeriodKind.MONTH:
        return f"{names[m1 - 1]} de {y1}"
    if y1 == y2:
        return f"{names[m1 - 1]}-{names[m2 - 1]} de {y1}"
    return f"{names[m1 - 1]} de {y1}-{names[m2 - 1]} de {y2}"


def months_text(days: float | None, language: str) -> str:
    """Days as whole months ('14 mo.'); a dash when unknown."""
    if days is None:
        return "—"
    return word("months_n", language, n=round(days / (365.2425 / 12)))


def factor_text(factor: float) -> str:
    return f"{factor:g}"


def reason_sentence(
    reason: Reason, language: str, as_of: dt.date, rules: ScorecardRules = ScorecardRules()
) -> str:
    """The mark's reason as a sentence in ``language``."""
    values = dict(reason.values)
    values["as_of"] = as_of.isoformat()
    if reason.key == "ended":
        values["status"] = status_word(values["status"], language)
    if reason.key == "new":
        values["months"] = str(rules.new_within_months)
    if reason.key.startswith("gap_"):
        factor = rules.lapsed_factor if reason.key == "gap_lapsed" else rules.overdue_factor
        values["factor"] = factor_text(factor)
        values["cadence"] = cadence_word(values["cadence"], language)
        values["since"] = pick(SINCE[values["since"]], language).format(date=values["date"])
    return pick(REASONS[reason.key], language).format(**values)


def reason_text(row: ScorecardRow, document: ScorecardDocument) -> str:
    """A row's reason as a sentence in the document's language."""
    return reason_sentence(row.reason, document.language, document.as_of, document.rules)


def limits(factor: float, language: str) -> str:
    """'quarterly 5, semiannual 9, annual 18, biennial 36 months'."""
    parts = [
        f"{cadence_word(name, language)} {math.ceil(months * factor)}"
        for name, months in (("quarterly", 3), ("semiannual", 6), ("annual", 12),
                             ("biennial", 24))
    ]  # fmt: skip
    return ", ".join(parts) + (" meses" if language == "es" else " months")
