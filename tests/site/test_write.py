"""Incremental writing: only outputs whose key changed are produced again."""

import json

import pytest

from binational.site.write import MANIFEST, Output, content_key, write_outputs


def outputs(**pages: str) -> list[Output]:
    return [
        Output(path, content_key(text), lambda text=text: text.encode())
        for path, text in pages.items()
    ]


def test_a_second_write_of_the_same_outputs_writes_nothing(tmp_path):
    first = write_outputs(tmp_path, outputs(**{"a/index.html": "A", "b.xml": "B"}))
    assert sorted(first.written) == ["a/index.html", "b.xml"]
    second = write_outputs(tmp_path, outputs(**{"a/index.html": "A", "b.xml": "B"}))
    assert second.written == () and second.unchanged == 2
    assert (tmp_path / "a/index.html").read_text() == "A"


def test_only_changed_outputs_are_produced_and_stale_ones_removed(tmp_path):
    write_outputs(tmp_path, outputs(**{"a/index.html": "A", "b.xml": "B", "c/d/e.html": "C"}))
    (tmp_path / "kept-by-user.txt").write_text("mine")
    produced = []

    def tracking(path, text):
        return Output(path, content_key(text), lambda: produced.append(path) or text.encode())

    summary = write_outputs(tmp_path, [tracking("a/index.html", "A2"), tracking("b.xml", "B")])
    assert summary.written == ("a/index.html",) and produced == ["a/index.html"]
    assert summary.removed == ("c/d/e.html",)
    assert not (tmp_path / "c").exists(), "emptied directories are removed"
    assert (tmp_path / "kept-by-user.txt").read_text() == "mine"
    assert json.loads((tmp_path / MANIFEST).read_text()) == {
        "a/index.html": content_key("A2"), "b.xml": content_key("B"),
    }  # fmt: skip


def test_a_deleted_file_is_written_again(tmp_path):
    write_outputs(tmp_path, outputs(**{"a.html": "A"}))
    (tmp_path / "a.html").unlink()
    assert write_outputs(tmp_path, outputs(**{"a.html": "A"})).written == ("a.html",)


def test_two_outputs_for_one_path_are_refused(tmp_path):
    with pytest.raises(ValueError, match="two outputs"):
        write_outputs(tmp_path, outputs(**{"a.html": "A"}) + outputs(**{"a.html": "B"}))


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        (("t.html", {"a": 1, "b": [1, 2]}), ("t.html", {"b": [1, 2], "a": 1}), True),
        (("t.html", {"a": 1}), ("u.html", {"a": 1}), False),
        (("t.html", {"a": "x"}), ("t.html", {"a": "y"}), False),
    ],
)
def test_content_key(left, right, same):
    assert (content_key(*left) == content_key(*right)) is same
