"""The plain text table: aligned columns, the long ones wrapped to the width, words
(slugs) kept whole."""

import pytest

from binational.cli.table import table_lines

ROWS = [(1, "A short title", "hled"), (12, "A much longer title that has to wrap", "usmca, ibwc")]


@pytest.mark.parametrize(
    ("headers", "rows", "width", "wrapped", "expected"),
    [
        (("id", "title", "slugs"), ROWS, 80, (1,), [
            "id  title                                 slugs",
            "--  ------------------------------------  -----------",
            "1   A short title                         hled",
            "12  A much longer title that has to wrap  usmca, ibwc",
        ]),
        (("id", "title", "slugs"), ROWS, 36, (1, 2), [
            "id  title                slugs",
            "--  -------------------  -----------",
            "1   A short title        hled",
            "12  A much longer title  usmca, ibwc",
            "    that has to wrap",
        ]),
        # Too narrow for the floors: the table stays as narrow as they allow.
        (("id", "title"), [(1, "antidisestablishmentarianism is long")], 10, (1,), [
            "id  title",
            "--  ----------------------------",
            "1   antidisestablishmentarianism",
            "    is long",
        ]),
        (None, [("slug", "hled"), ("parties", "US, MX")], 80, (1,), [
            "slug     hled",
            "parties  US, MX",
        ]),
        (None, [], 80, (), []),
        (("id", "title"), [], 80, (1,), ["id  title", "--  -----"]),
        # Slugs are not broken at their hyphens.
        (("slugs",), [("mx-arms-drugs-commission, sspc, guardia-nacional",)], 30, (0,), [
            "slugs",
            "-" * 30,
            "mx-arms-drugs-commission,",
            "sspc, guardia-nacional",
        ]),
    ],
)  # fmt: skip
def test_table_lines(headers, rows, width, wrapped, expected):
    assert table_lines(headers, rows, width, wrapped) == expected
