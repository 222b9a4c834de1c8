"""web/views/revision_diff.py: word-level diffs of a revision's fields, folded when long."""

import pytest

from binational.web.views.revision_diff import (
    DELETED,
    INSERTED,
    SAME,
    as_text,
    field_changes,
    fold,
    word_diff,
)


@pytest.mark.parametrize(
    ("before", "after", "parts"),
    [
        ("", "", ()),
        ("same text", "same text", ((SAME, "same text"),)),
        ("", "new text", ((INSERTED, "new text"),)),
        ("old text", "", ((DELETED, "old text"),)),
        ("The HLED met.", "The HLED met again.",
         ((SAME, "The HLED met"), (INSERTED, " again"), (SAME, "."))),
        ("talks in Washington", "talks in Mexico City",
         ((SAME, "talks in "), (DELETED, "Washington"), (INSERTED, "Mexico City"))),
        ("a@b.org wrote", "a@c.org wrote",
         ((SAME, "a@"), (DELETED, "b"), (INSERTED, "c"), (SAME, ".org wrote"))),
        ("Reunión bilateral", "Reunión trilateral",
         ((SAME, "Reunión "), (DELETED, "bilateral"), (INSERTED, "trilateral"))),
    ],
)  # fmt: skip
def test_word_diff(before, after, parts):
    assert word_diff(before, after) == parts
    assert "".join(text for kind, text in parts if kind != INSERTED) == before
    assert "".join(text for kind, text in parts if kind != DELETED) == after


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), ("x", "x"), (True, "true"), (3, "3"), (["usmca", "hled"], "usmca, hled"),
     ({"b": 1, "a": "é"}, '{"a": "é", "b": 1}')],
)  # fmt: skip
def test_as_text(value, text):
    assert as_text(value) == text


def test_a_long_field_folds_to_the_words_around_its_change():
    words = [f"w{n}" for n in range(200)]
    before = " ".join(words)
    after = " ".join(words[:100] + ["NEW"] + words[100:])
    [change] = field_changes({"summary": before}, {"summary": after})
    assert change.changed and change.folded is not None
    folded = "".join(text for _, text in change.folded)
    assert folded.startswith("…") and folded.endswith("…")
    assert "w95" in folded and "NEW" in folded and "w104" in folded
    assert "w50" not in folded and "w150" not in folded
    assert (INSERTED, "NEW ") in change.folded or (INSERTED, " NEW") in change.folded
    assert "".join(t for k, t in change.parts if k != INSERTED) == before  # whole kept too


def test_short_fields_and_unchanged_diffs_are_not_folded():
    [title, report] = field_changes({"title": "a", "report": "2023Q2"},
                                    {"title": "b", "report": "2023Q2"})  # fmt: skip
    assert title.folded is None and title.changed
    assert not report.changed
    assert fold(((SAME, "x " * 500),)) == ((SAME, "x " * 500),)


def test_fields_keep_the_order_first_named():
    changes = field_changes({"title": "a", "url": "u"}, {"url": "v", "status": "draft"})
    assert [c.field for c in changes] == ["title", "url", "status"]


def test_values_are_named_before_they_are_compared():
    def name(field, value):
        return {"draft": "borrador", "published": "publicado"}.get(value, value)

    [status] = field_changes({"status": "draft"}, {"status": "published"}, name)
    assert status.parts == ((DELETED, "borrador"), (INSERTED, "publicado"))
