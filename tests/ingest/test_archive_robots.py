from binational.ingest.archive import WarcArchive, read_response
from binational.ingest.robots import parse_robots, robots_url, rules_for_status

UA = "binational/0.1 (institutional monitoring)"


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


def test_robots_rules():
    rules = parse_robots("User-agent: binational\nDisallow: /private/\nCrawl-delay: 3\n")
    assert not rules.allows("https://a.example/private/x", UA)
    assert rules.allows("https://a.example/public", UA)
    assert rules.allows("https://a.example/private/x", "otherbot/1.0")
    assert rules.crawl_delay(UA) == 3.0
    assert rules_for_status(404, "").allows("https://a.example/any", UA)
    assert not rules_for_status(503, "").allows("https://a.example/any", UA)
    assert not rules_for_status(None, "").allows("https://a.example/any", UA)
    assert robots_url("https://a.example:8443/x/y?z") == "https://a.example:8443/robots.txt"
