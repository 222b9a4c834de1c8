"""Reading many archived copies' texts at once gives what reading each one gives."""

import datetime as dt

from binational.store.archived_texts import archived_texts
from binational.store.citations import archived_copies, archived_text, record_archived


def test_archived_texts_match_one_by_one_reads(database):
    when = dt.datetime(2026, 1, 2, 3, 4, 5)
    urls = [f"https://a.example/{n}" for n in range(3)]
    with database.transaction() as session:
        for n, url in enumerate(urls):
            record_archived(session, url, "x.warc.gz", n, 20, f"T{n}", f"Body {n}", when=when)
    with database.connect() as connection:
        copies = archived_copies(connection, urls)
        locations = [(copy.table, copy.row_id) for copy in copies.values()]
        one_by_one = {where: archived_text(connection, *where) for where in locations}
        together = archived_texts(connection, [*locations, ("citations", 10_000)])
    assert together == one_by_one
    assert sorted(together.values()) == [("T0", "Body 0"), ("T1", "Body 1"), ("T2", "Body 2")]
