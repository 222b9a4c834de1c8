from binational.ingest.archive import WarcArchive, read_response


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
