"""Fuzzing the import: the samples in every supported format, mutated (bytes flipped,
inserted, deleted, cut, repeated; report marks and long runs spliced in), imported
into a real SQLite file. Compressed containers are also mutated inside: the Word
file's ``document.xml`` (zipped again afterwards) and PDFs printed with uncompressed
content streams, so that mutations reach text operators and not only the zip or
Flate layer. For every case: no exception but the project's ``UserError``,
under a second of CPU, and a refused import leaves the database as it was.

Bounded to about a minute in all (``EXAMPLES``); derandomized so that a run is
repeatable, and not shrunk, so a failure costs no more than a pass.
"""

from __future__ import annotations

import gc
import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from tests.intake.conftest import newsletter_bytes
from tests.intake.test_importer import snapshot

from binational.config import load_settings
from binational.domain import Period
from binational.errors import UserError
from binational.intake.importer import import_reports
from binational.publish.formats import RENDERERS
from binational.publish.html import render_html_text
from binational.reports.service import report_document
from binational.store.database import Database

EXAMPLES = {"txt": 600, "md": 450, "html": 450, "docx": 400, "pdf": 300}
CPU_SECONDS = 1.0
DOCUMENT = "word/document.xml"
SPLICES = (
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"9999", b"0000", b" " * 20_000, b"\t" * 5000,
    b"1) ", b"Report | ", b"REPORT | June - October 0", b"(02.30.22)", b"April 31, 2023 ",
    b"Institutional context - ", b"Institutional Implications:", b"\n" * 1000, b"<a href=",
    b"<" * 5000, b"[" * 3000, b"((((", b"%%EOF", b"obj <<", b"endstream", b"PK\x03\x04",
    "é".encode() * 500, "•".encode(),
)  # fmt: skip


@st.composite
def mutations(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(("flip", "insert", "delete", "cut", "repeat", "splice")))
        if kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 4096))]
        elif kind == "cut":
            del data[at:]
        elif kind == "repeat":
            chunk = data[at : at + draw(st.integers(1, 2048))]
            data[at:at] = chunk * draw(st.integers(1, 8))
        else:
            data[at:at] = draw(st.sampled_from(SPLICES))
    return bytes(data)


def forget_everything(db: Database) -> None:
    from sqlalchemy import text

    with db.transaction() as session:
        for table in ("event_institutions", "report_items", "events", "reports"):
            session.execute(text(f"DELETE FROM {table}"))


def rezipped(base: bytes, document_xml: bytes) -> bytes:
    """``base`` (a .docx) with its ``word/document.xml`` replaced."""
    source = zipfile.ZipFile(io.BytesIO(base))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, document_xml if info.filename == DOCUMENT else data)
    return buffer.getvalue()


def cases(fmt: str, originals: dict) -> st.SearchStrategy[bytes]:
    whole = st.sampled_from(originals[fmt]).flatmap(mutations)
    if fmt != "docx":
        return whole
    inside = st.sampled_from(originals[fmt]).flatmap(
        lambda base: mutations(zipfile.ZipFile(io.BytesIO(base)).read(DOCUMENT)).map(
            lambda xml: rezipped(base, xml)
        )
    )
    return st.one_of(whole, inside)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory, sample_report_path: Path):
    """The 2023 sample (as binational writes it) and the 2022 newsletter, per format."""
    folder = tmp_path_factory.mktemp("fuzz-originals")
    db = Database.open(str(folder / "sample.db"))
    import_reports(db, [sample_report_path])
    with db.sessions() as session:
        document = report_document(session, Period.parse("2023Q2"), load_settings(environ={}))
    db.close()
    found = {
        fmt: (RENDERERS[fmt].render(document), newsletter_bytes(fmt))
        for fmt in ("txt", "md", "html", "docx", "pdf")
    }
    from weasyprint import HTML

    uncompressed = HTML(string=render_html_text(document)).write_pdf(uncompressed_pdf=True)
    found["pdf"] = (*found["pdf"], uncompressed, uncompressed)
    return found


@pytest.mark.parametrize("fmt", ("txt", "md", "html", "docx", "pdf"))
def test_mutated_reports_are_imported_or_refused_in_one_sentence(fmt, originals, tmp_path):
    db = Database.open(str(tmp_path / "fuzz.db"))
    path = tmp_path / f"mutated.{fmt}"
    slowest = [0.0]
    seen = {"imported": 0, "refused": 0}

    @settings(
        max_examples=EXAMPLES[fmt],
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(cases(fmt, originals))
    def import_mutated(data: bytes) -> None:
        path.write_bytes(data)
        before = snapshot(db)
        # This thread's CPU only (the import runs in it): threads other tests of the
        # same run left behind must not count against a case.
        started = time.thread_time()
        try:
            import_reports(db, [path])
            seen["imported"] += 1
            forget_everything(db)  # so that the next case is imported afresh
        except UserError as error:
            seen["refused"] += 1
            assert "\n" not in str(error)
            assert snapshot(db) == before
        elapsed = time.thread_time() - started
        slowest[0] = max(slowest[0], elapsed)
        assert elapsed < CPU_SECONDS, f"{elapsed:.2f} s of CPU for one case"

    # What the rest of the run left on the heap is set aside, so that a collection of
    # it cannot land inside a timed case.
    gc.freeze()
    try:
        import_mutated()
    finally:
        gc.unfreeze()
    db.close()
    # Both paths were taken: mutations that still read as a report, and refusals.
    assert seen["imported"] > 0 and seen["refused"] > 0, seen
