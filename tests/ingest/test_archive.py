import os
import time

from warcio.archiveiterator import ArchiveIterator

from binational.ingest.archive import STALE_PARTIAL, PageArchive, WarcArchive, read_response


def test_records_are_read_back_by_file_and_offset(tmp_path):
    with WarcArchive.open(tmp_path) as archive:
        first = archive.write_response(
            "https://a.example/x", 200, "OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], b"<p>one</p>",
        )  # fmt: skip
        second = archive.write_response("https://a.example/y", 404, "Not Found", [], b"gone")
        cut = archive.write_response("https://a.example/z", 200, "OK", [], b"abc", truncated=True)
    assert first.file == second.file and second.offset > first.offset
    one = read_response(tmp_path, first)
    assert (one.url, one.status, one.body, one.truncated) == (
        "https://a.example/x", 200, b"<p>one</p>", False
    )  # fmt: skip
    headers = dict(one.headers)
    assert headers["X-Archive-Orig-Content-Encoding"] == "gzip"  # body stored decoded
    assert read_response(tmp_path, second).body == b"gone"
    assert read_response(tmp_path, cut).truncated


PAGE = "https://a.example/news/1"


def _keep(pages: PageArchive, body: bytes):
    return pages.keep(PAGE, PAGE, 200, "OK", [("Content-Type", "text/html")], body)


def test_a_page_record_is_written_once_and_the_first_stays(tmp_path):
    pages = PageArchive(tmp_path)
    assert pages.find(PAGE) is None
    first, created = _keep(pages, b"<p>first</p>")
    again, created_again = _keep(pages, b"<p>second attempt</p>")
    assert (created, created_again) == (True, False)
    assert again == first == pages.find(PAGE)
    assert first.offset == 0 and first.file == PageArchive.name_of(PAGE)
    assert first.length == (tmp_path / first.file).stat().st_size
    assert read_response(tmp_path, first).body == b"<p>first</p>"
    with open(tmp_path / first.file, "rb") as handle:
        assert len(list(ArchiveIterator(handle))) == 1
    assert not list((tmp_path / "pages" / ".partial").iterdir())  # nothing left behind


def test_a_torn_write_is_never_a_record_and_is_removed_once_stale(tmp_path):
    pages = PageArchive(tmp_path)
    partial = tmp_path / "pages" / ".partial"
    name = PageArchive.name_of(PAGE).rsplit("/", 1)[1]
    stale, fresh = partial / f"{name}.1-a.part", partial / f"{name}.2-b.part"
    for path in (stale, fresh):
        path.write_bytes(b"\x1f\x8b torn")  # what a writer killed mid-write leaves
    old = time.time() - STALE_PARTIAL - 60
    os.utime(stale, (old, old))
    assert pages.find(PAGE) is None  # a partial file is not the page's record
    PageArchive(tmp_path)  # the next worker to start
    assert not stale.exists() and fresh.exists()  # fresh: maybe still being written
    location, created = _keep(pages, b"<p>whole</p>")
    assert created and read_response(tmp_path, location).body == b"<p>whole</p>"
