"""Round trip: a report binational writes, in any of its five formats, imports back as
the same events (titles, dates and precision, summaries, context, implications,
numbering, months, source URLs).

A hypothesis property test generates reports (accents, Spanish names, quotes, Markdown
and HTML special characters, long paragraphs, items without a known day or without
implications, periods that are not quarters); the sample report goes through a real
database and back in every format. Examples are derandomized, so a run is repeatable,
and not shrunk, so a failure costs no more time than a pass; PDF examples are few
(printing costs about half a second each). Every format gives back every paragraph
break: the PDF is tagged, so its structure says where paragraphs end.

What a PDF cannot keep, the vocabulary leaves out: a PDF line broken where the text has
no space ('[a](b)' can break before '(') reads back with one; after a hyphen or a
slash ('U.S.-Mexico', 'and/or') it reads back without.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from binational.config import load_settings
from binational.domain import DatePrecision, PartialDate, Period, Quarter
from binational.intake.importer import import_reports, read_report_bytes
from binational.publish.document import ReportDocument
from binational.publish.formats import RENDERERS
from binational.reports.document import ReportStyle, build_document
from binational.reports.service import report_document
from binational.store.database import Database
from binational.store.models import Event, Report
from binational.store.reports import ReportLine

FORMATS = ("md", "txt", "html", "pdf", "docx")
EXAMPLES = {"md": 30, "txt": 30, "html": 30, "docx": 20, "pdf": 6}
WORDS = [
    "the",
    "commission",
    "bilateral",
    "Mexico",
    "agreement",
    "cooperation",
    "border",
    "migration",
    "USMCA",
    "T-MEC",
    "López",
    "Obrador",
    "Peña",
    "Nieto",
    "Querétaro",
    "Ciudad",
    "Juárez",
    "Secretaría",
    "Relaciones",
    "Exteriores",
    "año",
    "señaló",
    "información",
    "cooperación",
    "“binational”",
    "‘talks’",
    '"quoted"',
    "'single'",
    "U.S.-Mexico",
    "(IBWC)",
    "CILA",
    "*USMCA*",
    "_under_",
    "<b>",
    "&",
    "#1",
    "50%",
    "¿Quién?",
    "¡Sí!",
    "—",
    "and/or",
    "Müller",
    "Zoë",
    "naïve",
    "façade",
    "déjà",
    "1944",
    "Minute",
    "330",
    "5)",
    "[a]",
    "(b)",
    "`code`",
    "~strike~",
    "==",
]
CAPITALS = [
    "The",
    "A",
    "Mexico",
    "Los",
    "Las",
    "El",
    "La",
    "Officials",
    "Ambassador",
    "Both",
    "On",
    "In",
    "Mexican",
    "Canadian",
    "Água",
]
PERIODS = (
    Period.parse("2023Q2"),
    Period.parse("2022-06..2022-10"),
    Period.parse("2021"),
    Period.parse("2024-05"),
    Period.parse("2022-11..2023-02"),
)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=18))
    return " ".join([draw(st.sampled_from(CAPITALS)), *words]) + draw(st.sampled_from(".?!"))


paragraph = st.lists(sentences(), min_size=1, max_size=7).map(" ".join)
paragraph_lists = st.lists(paragraph, min_size=0, max_size=3).map(tuple)
titles = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(
    lambda words: " ".join(["Meeting", *words])
)
urls = st.one_of(
    st.none(),
    st.from_regex(r"https://www\.(gob\.mx|state\.gov)/[a-z0-9-]{1,30}(\?id=[0-9]{1,4}&l=es)?",
                  fullmatch=True),
)  # fmt: skip


@st.composite
def dates(draw: st.DrawFn, period: Period) -> PartialDate:
    year, month = draw(st.sampled_from(period.months()))
    precision = draw(st.sampled_from([DatePrecision.DAY] * 3 + [DatePrecision.MONTH]))
    if precision is DatePrecision.DAY:
        return PartialDate.day(year, month, draw(st.integers(1, 28)))
    if draw(st.booleans()) and Quarter(year, (month - 1) // 3 + 1).start >= period.start:
        return PartialDate(dt.date(year, month, 1), DatePrecision.QUARTER)  # no known month
    return PartialDate.month(year, month)


@st.composite
def documents(draw: st.DrawFn, max_items: int) -> ReportDocument:
    period = draw(st.sampled_from(PERIODS))
    count = draw(st.integers(1, max_items))
    lines = [
        ReportLine(
            event_id=index,
            title=draw(titles),
            date=draw(dates(period)),
            url=draw(urls),
            link_text=None,
            summary="\n".join(draw(st.lists(paragraph, min_size=1, max_size=3))),
            implications="\n".join(draw(paragraph_lists)),
            context="\n".join(draw(paragraph_lists)),
            truncated=False,
            position=index,
            excluded=False,
        )
        for index in range(1, count + 1)
    ]
    style = ReportStyle(organization="Centro de Instituciones Binacionales", intro="Intro.")
    return build_document(lines, period, style)


def check_round_trip(document: ReportDocument, fmt: str) -> None:
    renderer = RENDERERS[fmt]
    parsed = read_report_bytes(renderer.render(document), f"report{renderer.extension}",
                               renderer.extension)  # fmt: skip
    assert parsed.period == document.period
    expected = [
        (section.year, section.month, entry)
        for section in document.sections
        for entry in section.entries
    ]
    assert [item.number for item in parsed.items] == [e.number for _, _, e in expected]
    for item, (year, month, entry) in zip(parsed.items, expected, strict=True):
        assert item.title == entry.title
        assert (item.date, item.section) == (entry.date, (year, month))
        assert item.summary == entry.summary
        assert item.context == entry.context
        assert item.implications == entry.implications
        assert item.url == entry.url


@pytest.mark.parametrize("fmt", FORMATS)
def test_generated_reports_round_trip(fmt):
    @settings(
        max_examples=EXAMPLES[fmt],
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),  # no shrinking: a failure prints its case
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(documents(max_items=4 if fmt == "pdf" else 8))
    def round_trip(document: ReportDocument) -> None:
        check_round_trip(document, fmt)

    round_trip()


def events_of(db: Database, fmt: str) -> list[tuple]:
    """Each event of the one report in ``db``, in report order, as comparable values."""
    with db.sessions() as session:
        report = session.scalars(select(Report)).one()
        rows = []
        for item in report.items:
            event: Event = item.event
            rows.append(
                (
                    item.printed_number,
                    item.month_section.upper() if item.month_section else None,
                    event.title,
                    event.date.iso(),
                    event.date_precision,
                    tuple(event.summary.split("\n")),
                    tuple(event.context.split("\n")),
                    tuple(event.implications.split("\n")),
                    event.url,
                )
            )
        return rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_sample_report_through_the_database_in_every_format(
    fmt, sample_report_path, tmp_path: Path
):
    original = Database.open(str(tmp_path / "original.db"))
    import_reports(original, [sample_report_path])
    with original.sessions() as session:
        document = report_document(session, Period.parse("2023Q2"), load_settings(environ={}))
    renderer = RENDERERS[fmt]
    exported = tmp_path / f"report-2023Q2{renderer.extension}"
    exported.write_bytes(renderer.render(document))
    again = Database.open(str(tmp_path / "again.db"))
    [outcome] = import_reports(again, [exported])
    assert (outcome.status, outcome.items, outcome.period, outcome.format) == (
        "imported", 14, "2023Q2", fmt,
    )  # fmt: skip
    before, after = events_of(original, fmt), events_of(again, fmt)
    # Item 2 had no date line (inferred), 11 and 13 only their month section: the
    # exported report prints every date, so they come back as stated, same value.
    assert after == before
    original.close()
    again.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_annual_report_round_trips_with_its_overview_and_quarters(
    fmt, sample_report_path, tmp_path: Path
):
    """A year's report opens with a computed overview and groups its months under
    quarter headings ('October-December 2023'): importing it back reads past the
    overview and takes a quarter's heading as a break, not as the last item's text."""
    import datetime as dt

    original = Database.open(str(tmp_path / "original.db"))
    import_reports(original, [sample_report_path])
    with original.transaction() as session:
        session.add(Event(
            title="Border water commission meets in El Paso", date_value=dt.date(2023, 11, 8),
            summary="The commissioners met.", implications="A regular meeting.",
            status="published", url="https://example.org/ibwc",
        ))  # fmt: skip
    with original.sessions() as session:
        document = report_document(session, Period.parse("2023"), load_settings(environ={}),
                                   today=dt.date(2024, 1, 15))  # fmt: skip
    assert document.overview is not None and len(document.quarter_groups) == 2
    renderer = RENDERERS[fmt]
    exported = tmp_path / f"report-2023{renderer.extension}"
    exported.write_bytes(renderer.render(document))
    parsed = read_report_bytes(exported.read_bytes(), exported.name, renderer.extension)
    assert parsed.period == Period.parse("2023")
    assert "Overview" not in parsed.intro and "Events by month" not in parsed.intro
    expected = document.entries
    assert [item.title for item in parsed.items] == [entry.title for entry in expected]
    for item, entry in zip(parsed.items, expected, strict=True):
        assert item.summary == entry.summary and item.implications == entry.implications
        assert item.date == entry.date and item.url == entry.url
    original.close()
