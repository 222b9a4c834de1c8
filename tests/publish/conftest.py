"""Report documents built by hand for the renderer tests (immutable, so session-scoped).

``build_entry`` / ``build_document`` make small documents with only what a test cares
about; ``sample_document`` mirrors items 1-3 of the center's 2023 Q2 report (text
copied verbatim; ``data/cbi-report-2023-q2-items-1-3.txt`` holds the report's own
lines); ``varied_document`` covers what renderers get wrong: month-precision dates,
unknown URLs, a truncated item, Spanish accents and Markdown/HTML special characters.
"""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import Any

import pytest

from binational.domain import PartialDate, Period
from binational.publish.document import MonthSection, ReportDocument, ReportEntry

DATA = Path(__file__).parent / "data"
SAMPLE_EXCERPT = DATA / "cbi-report-2023-q2-items-1-3.txt"
ORGANIZATION = "Center for Binational Institutions"


def build_entry(number: int = 1, **fields: Any) -> ReportEntry:
    values: dict[str, Any] = {
        "title": f"Event number {number}",
        "date": PartialDate.day(2023, 4, number % 28 + 1),
        "url": None,
        "summary": (f"Summary of event {number}.",),
        "implications": (f"Implications of event {number}.",),
    }
    values.update(fields)
    return ReportEntry(number=number, **values)


def pdf_page_lines(reader: Any) -> list[list[str]]:
    """Each page's non-empty text lines from a pypdf reader (extraction is slow:
    call it once per PDF)."""
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader.pages
    ]


def build_document(entries: Iterable[ReportEntry], **fields: Any) -> ReportDocument:
    """A document whose month sections follow the entries' dates, in the given order."""

    def month(entry: ReportEntry) -> tuple[int, int]:
        return entry.date.value.year, entry.date.value.month

    sections = tuple(
        MonthSection(month=month_, year=year, entries=tuple(group))
        for (year, month_), group in groupby(entries, key=month)
    )
    values: dict[str, Any] = {
        "organization": ORGANIZATION,
        "period": Period.parse("2023Q2"),
        "intro": SAMPLE_INTRO,
        "sections": sections,
    }
    values.update(fields)
    return ReportDocument(**values)


SAMPLE_INTRO = (
    "The Center for Binational Institutions is devoted to promoting a better understanding of "
    "the bilateral institutions between Mexico and the United States. Our quarterly report "
    "presents the relevant events between US-MEXICO bilateral institutions."
)

# Items 1-3 of the center's 2023 Q2 report, as the importer reads them: item 2 has
# no date line in the report; its day is inferred from 'On April 13'.
SAMPLE_ENTRIES = (
    ReportEntry(
        number=1,
        title=(
            "Mexican President López Obrador Establishes A Task Force To Tackle Illegal Arms "
            "And Synthetic Drug Trade"
        ),
        date=PartialDate.day(2023, 4, 12),
        url=None,
        summary=(
            (
                "Mexican President López Obrador issued a presidential decree that created a "
                "commission to combat arms and synthetic drug trafficking into Mexico. The "
                "commission will serve as a special working group to monitor and coordinate "
                "actions carried out by various public ministries and agencies. It will "
                "propose measures to fulfill international agreements, evaluate government "
                "strategies, and combat cartel trafficking activities. Public Security "
                "Minister Rosa Icela Rodríguez will oversee the commission's operations, "
                "reporting directly to the President. The commission will include "
                "representatives from ministries such as Public Security, Interior, Foreign "
                "Affairs, National Defense, the Navy, Health, Financial Intelligence, the "
                "National Guard, the Attorney General's Office, and the National Intelligence "
                "Center. The commission is expected to be operational within ten days."
            ),
        ),
        implications=(
            (
                "By bringing together representatives from various ministries and agencies, "
                "the commission aims to enhance coordination and collaboration in combating "
                "drug and arms trafficking. This move highlights the government's recognition "
                "of the need for a comprehensive and multi-faceted approach to address this "
                "issue. The Attorney General's Office and the National Intelligence Center "
                "demonstrate the importance of intelligence gathering and law enforcement in "
                "combating these criminal activities."
            ),
        ),
        link_text="Link",
    ),
    ReportEntry(
        number=2,
        title=(
            "Mexico and the United States: Joint Statement on Bicentennial Framework for "
            "Security, Public Health, and Safe Communities"
        ),
        date=PartialDate.day(2023, 4, 13),
        url=None,
        summary=(
            (
                "On April 13, U.S. Homeland Security Advisor Dr. Elizabeth Sherwood-Randall "
                "met with a delegation led by Mexico's Secretary of Security and Citizen "
                "Protection Rosa Icela Rodríguez at the White House. The purpose of the "
                "meeting was to discuss shared security priorities under the U.S.-Mexico "
                "Bicentennial Framework for Security, Public Health, and Safe Communities and "
                "to explore collaborative efforts to combat fentanyl and arms trafficking."
            ),
            (
                "The U.S. and Mexico pledged to continue their joint efforts to dismantle the "
                "fentanyl supply chain and combat the Sinaloa Cartel and the Jalisco New "
                "Generation Cartel. They agreed to develop a bilingual and binational public "
                "awareness campaign on the dangers of synthetic drugs."
            ),
            (
                "Additionally, U.S. and Mexican officials committed to increasing cooperation "
                "to combat illegal firearms trafficking. The Department of Justice (DOJ) and "
                "the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF) will utilize "
                "new Bipartisan Safer Communities Act authorities to target southbound "
                "firearms flows and work with Mexican counterparts to enhance firearms "
                "tracing. In collaboration with the ATF and Department of Homeland Security, "
                "the DOJ's Operation Southbound has made significant progress in disrupting "
                "firearms trafficking from the U.S. to Mexico."
            ),
        ),
        implications=(
            (
                "Creating a presidential commission in Mexico to fight the trafficking of "
                "illicit drugs and firearms demonstrates a solid commitment to addressing "
                "these issues at the highest level of government. This commission will improve"
                " coordination among government entities and enhance the investigation and "
                "arrest of individuals involved in fentanyl production and trafficking."
            ),
            (
                "The increased cooperation between the DOJ, ATF, and their Mexican "
                "counterparts to combat illegal firearms trafficking is another important "
                "institutional implication. This collaboration represents a joint effort to "
                "tackle a shared problem and demonstrates a commitment to addressing the issue"
                " from both sides of the border."
            ),
        ),
        link_text=None,
    ),
    ReportEntry(
        number=3,
        title=(
            "North American Leaders Unite to Combat Fentanyl Crisis: Joint Statement from "
            "Canada, Mexico, and the United States"
        ),
        date=PartialDate.day(2023, 4, 14),
        url=None,
        summary=(
            (
                "The committee convened its first meeting on April 13, 2023, with U.S. "
                "Homeland Security Advisor Dr. Elizabeth Sherwood-Randall, Mexican Secretary "
                "of Security Rosa Icela Rodríguez, and Canadian National Security and "
                "Intelligence Advisor Jody Thomas."
            ),
            (
                "The committee identified synthetic opioids, particularly fentanyl, as the "
                "primary drug threat in North America. The United States, Mexico, and Canada "
                "will prioritize coordination in four areas: current and emerging synthetic "
                "drugs, drug demand and public health, drug trafficking modes and methods, and"
                " illicit finance. The three governments will collaborate to disrupt the "
                "global transfer and supply of illegal fentanyl, precursor chemicals, and "
                "related equipment. The three countries will continue to build on existing "
                "cooperation frameworks, including the North American Drug Dialogue and the "
                "U.S.-Mexico Bicentennial Framework for Security."
            ),
        ),
        implications=(
            (
                "By establishing a senior-level committee, the governments are signaling their"
                " commitment to prioritizing this issue and dedicating resources to address it"
                " effectively. The committee's focus on enhancing coordination in drug "
                "trafficking modes, methods, and illicit finance highlights the recognition "
                "that addressing the fentanyl threat requires a comprehensive approach. By "
                "targeting not only the supply of fentanyl but also how it is trafficked and "
                "the financial networks supporting its production and distribution, the "
                "committee aims to disrupt the entire illicit fentanyl ecosystem."
            ),
            (
                "Furthermore, the commitment to coordinate with other countries impacted by "
                "synthetic drugs demonstrates a recognition of the transnational nature of the"
                " problem. The committee aims to create a united front against synthetic drugs"
                " and prevent their global spread by mobilizing international actions."
            ),
        ),
        link_text="Link",
    ),
)

SPANISH_TITLE = "Reunión del Diálogo Económico de Alto Nivel en Querétaro: año de señales"
SPANISH_SUMMARY = (
    "La Secretaría de Relaciones Exteriores (SRE) informó que México y Estados Unidos "
    "acordaron ampliar la cooperación en Ciudad Juárez; el niño, la pingüina y el "
    "cañón: ¿quién ganó, según el público?"
)
SPECIAL_TITLE = "Fees & <script>alert('x')</script> for *USMCA* under_score [a](b) #1"
STATE_URL = "https://www.state.gov/joint-statement/?id=7&lang=en"
ODD_URL = "https://example.org/a_(b) c"
TRUNCATED_TEXT = "The participation of mayors highlights the importance of"


def varied_entries() -> tuple[ReportEntry, ...]:
    return (
        build_entry(
            1,
            title=SPANISH_TITLE,
            date=PartialDate.day(2023, 4, 18),
            url=STATE_URL,
            summary=(SPANISH_SUMMARY, "A second paragraph."),
            implications=("Cooperación institucional & diálogo.",),
        ),
        build_entry(2, title=SPECIAL_TITLE, date=PartialDate.day(2023, 4, 24)),
        build_entry(
            3,
            title="Mexican Delegation to Washington, D.C.",
            date=PartialDate.month(2023, 5),
            url=ODD_URL,
            link_text="Fuente",
            summary=("5) not a list, + not a list, # not a heading.",),
        ),
        build_entry(
            4,
            title="The third Convoy takes place in Miami",
            date=PartialDate.day(2023, 6, 13),
            link_text=None,
            implications=(TRUNCATED_TEXT,),
            truncated=True,
        ),
    )


@pytest.fixture(scope="session")
def sample_document() -> ReportDocument:
    return build_document(SAMPLE_ENTRIES)


@pytest.fixture(scope="session")
def varied_document() -> ReportDocument:
    return build_document(varied_entries())


@pytest.fixture(scope="session")
def make_entry() -> Any:
    """``make_entry(number, **fields)``: a ``ReportEntry`` with plain defaults."""
    return build_entry


@pytest.fixture(scope="session")
def make_document() -> Any:
    """``make_document(entries, **fields)``: a ``ReportDocument`` around ``entries``."""
    return build_document


def modules_loaded_by_import(module: str, candidates: tuple[str, ...]) -> list[str]:
    """Which of ``candidates`` a fresh interpreter has loaded after ``import module``
    (the renderers load their heavy libraries on first use, not on import)."""
    code = f"import sys, {module}; print(sorted(m for m in {candidates!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)  # fmt: skip
    return ast.literal_eval(result.stdout.strip())


# An annual report: items in three quarters (none in the third), and its overview.
def annual_entries() -> tuple[ReportEntry, ...]:
    dates = (
        PartialDate.day(2023, 1, 10), PartialDate.day(2023, 3, 2), PartialDate.month(2023, 5),
        PartialDate.day(2023, 6, 13), PartialDate.day(2023, 11, 20),
    )  # fmt: skip
    titles = (
        "North American Leaders' Summit in Mexico City",
        "Reunión del Diálogo Económico de Alto Nivel",
        "USMCA | T-MEC panel *ruling*",
        "The third Convoy takes place in Miami",
        "High-Level Security Dialogue meets",
    )
    return tuple(
        build_entry(number, title=title, date=date, url=STATE_URL if number % 2 else None)
        for number, (title, date) in enumerate(zip(titles, dates, strict=True), start=1)
    )


def annual_overview():
    from binational.publish.overview import (
        CategoryCount,
        InstitutionChange,
        InstitutionCount,
        MonthCount,
        Overview,
    )

    per_month = {1: 1, 3: 1, 5: 1, 6: 1, 11: 1}
    return Overview(
        events=5,
        months=tuple(MonthCount(2023, m, per_month.get(m, 0)) for m in range(1, 13)),
        categories=(
            CategoryCount("agreement", "Agreements", 1),
            CategoryCount("organization", "Organizations", 0),
            CategoryCount("dialogue_mechanism", "Dialogue mechanisms", 3),
            CategoryCount("program", "Programs", 1),
        ),
        unlinked=1,
        most_active=(
            InstitutionCount("hled", "U.S.-Mexico High-Level Economic Dialogue", 2),
            InstitutionCount("usmca", "USMCA | T-MEC <Agreement>", 1),
        ),
        changes=(
            InstitutionChange(
                "trilateral-fentanyl-committee", "Trilateral Fentanyl Committee", "established",
                "2023-01-10", "created at the Mexico City summit", "https://www.whitehouse.gov/",
            ),
            InstitutionChange(
                "border-governors-conference", "Border Governors Conference", "lapsed",
                "2023-07-02", "Last met on 2020-07-01, 41 months before 2023-12-31.",
            ),
        ),
    )  # fmt: skip


@pytest.fixture(scope="session")
def annual_document() -> ReportDocument:
    return build_document(annual_entries(), period=Period.parse("2023"), overview=annual_overview())


def scorecard_of(language: str = "en"):
    """A scorecard of 2023 from plain data: the registry's dialogue mechanisms and
    organizations, the High-Level Economic Dialogue's meetings, an event whose title
    needs escaping, a source URL that must not become a link."""
    import datetime as dt

    from binational.registry.loader import load_registry
    from binational.scorecard.build import build_scorecard
    from binational.store.institution_activity import LinkedEvent

    hled = ("2013-09-20", "2015-01-06", "2016-02-25", "2021-09-09", "2022-09-12", "2023-09-29")
    linked = {
        "hled": [
            LinkedEvent(index, dt.date.fromisoformat(day), f"HLED meeting {day[:4]}",
                        "published", "day", STATE_URL)
            for index, day in enumerate(hled, start=1)
        ],
        "nals": [LinkedEvent(20, dt.date(2023, 1, 10), SPECIAL_TITLE, "published", "day",
                             "javascript:alert(1)")],
        "consular-dialogue": [LinkedEvent(30, dt.date(2023, 10, 1), "Consular Dialogue",
                                          "published", "month")],
    }  # fmt: skip
    registry = load_registry()
    institutions = [i for i in registry.institutions
                    if i.category in ("dialogue_mechanism", "organization")]  # fmt: skip
    months = [(y, m, 3) for y in (2013, 2014, 2015, 2016, 2021, 2022, 2023) for m in (2, 9)]
    return build_scorecard(
        institutions, linked, Period.year(2023), dt.date(2023, 12, 31), months,
        organization=ORGANIZATION, language=language,
    )  # fmt: skip


@pytest.fixture(scope="session")
def scorecard_document():
    return scorecard_of("en")


@pytest.fixture(scope="session")
def scorecard_document_es():
    return scorecard_of("es")


# The organization's logo: a gold disc on the report's blue, in each format a logo
# file may have; the gold is a colour nothing else in a report is printed in, so a
# rendered page shows the logo where that colour is.
LOGO_GOLD = (242, 169, 0)
LOGO_BLUE = (11, 79, 108)
LOGO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="64" viewBox="0 0 160 64">'
    '<rect width="160" height="64" fill="#0b4f6c"/><circle cx="32" cy="32" r="24" '
    'fill="#f2a900"/></svg>'
)


def logo_bitmap(image_format: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (160, 64), LOGO_BLUE)
    ImageDraw.Draw(image).ellipse((8, 8, 56, 56), fill=LOGO_GOLD)
    buffer = io.BytesIO()
    image.save(buffer, image_format)
    return buffer.getvalue()


def logo_file_bytes(suffix: str) -> bytes:
    """A logo file's bytes: '.png', '.jpg' or '.svg'."""
    if suffix == ".svg":
        return LOGO_SVG.encode("utf-8")
    return logo_bitmap({".png": "PNG", ".jpg": "JPEG"}[suffix])


@pytest.fixture(scope="session", params=[".png", ".jpg", ".svg"])
def any_logo(request):
    """The logo as each kind of file gives it."""
    from binational.publish.logo import logo_of

    return logo_of(logo_file_bytes(request.param), f"logo{request.param}")


@pytest.fixture(scope="session")
def png_logo():
    from binational.publish.logo import logo_of

    return logo_of(logo_file_bytes(".png"), "logo.png")


def gold_pixels(image: Any) -> int:
    """How many pixels of a PIL image are (within 24 in each channel) the logo's gold."""
    from PIL import Image, ImageChops

    rgb = image.convert("RGB")
    red, green, blue = ImageChops.difference(rgb, Image.new("RGB", rgb.size, LOGO_GOLD)).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return sum(largest.histogram()[:25])


def first_page_png(pdf: bytes, scale: float = 1.0) -> Any:
    """The PDF's first page drawn by PDFium, as a PIL image."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[0].render(scale=scale).to_pil()
    finally:
        document.close()
