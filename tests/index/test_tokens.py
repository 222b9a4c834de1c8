"""index/tokens.py: terms as FTS5's unicode61 tokenizer makes them."""

import pytest
from sqlalchemy import text

from binational.index.tokens import terms
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Mexico and the United States", ["mexico", "and", "the", "united", "states"]),
        ("López Obrador, Peña Nieto", ["lopez", "obrador", "pena", "nieto"]),
        ("ÉXITO “bilateral” — 2023-Q2", ["exito", "bilateral", "2023", "q2"]),
        ("snake_case and U.S.-Mexico", ["snake", "case", "and", "u", "s", "mexico"]),
        ("Migración, Seguridad y Economía", ["migracion", "seguridad", "y", "economia"]),
        ("", []),
    ],
)
def test_terms(source, expected):
    assert terms(source) == expected


def fts5_lengths(blob: bytes) -> list[int]:
    """The per-column token counts FTS5 stores in its docsize table (varints)."""
    lengths, value = [], 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            lengths.append(value)
            value = 0
    return lengths


def test_lengths_agree_with_fts5(sqlite_database, sample_report_path):
    """bm25 divides by each event's length: ours must be FTS5's, field by field."""
    import_reports(sqlite_database, [sample_report_path], annotator=registry_annotator())
    with sqlite_database.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT e.title, e.summary, e.implications, d.sz FROM events e"
                " JOIN events_fts_docsize d ON d.id = e.id"
            )
        ).all()
    assert len(rows) == 14
    for title, summary, implications, sizes in rows:
        assert [len(terms(field)) for field in (title, summary, implications)] == fts5_lengths(
            sizes
        )
