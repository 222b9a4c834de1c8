"""index/cards.py: cards from the index are the database's cards."""

from binational.index.cards import index_cards
from binational.index.live import read_index
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.registry.loader import load_registry
from binational.store.event_reads import read_event_cards
from binational.store.links import remove_link
from binational.store.models import Event, EventInstitution


def test_index_cards_are_the_database_cards(database, sample_report_path):
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    with database.transaction() as session:  # a removed link is on neither card
        link = session.query(EventInstitution).order_by(EventInstitution.id).first()
        remove_link(session, session.get(Event, link.event_id), link.slug, "analyst")
    category_of = {i.slug: i.category.value for i in load_registry().institutions}
    with database.connect() as connection:
        _, index = read_index(connection, category_of)
        ids = list(range(16, -1, -1))  # every event, backwards, and ids of none
        expected = read_event_cards(connection, ids)
    assert len(expected) == 14
    assert index_cards(index, ids) == expected
    assert any(len(card["institutions"]) > 1 for card in expected)
