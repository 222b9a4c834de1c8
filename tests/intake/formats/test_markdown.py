from __future__ import annotations

from binational.intake.extracted import TextLine
from binational.intake.formats.markdown import extract_markdown


def test_blocks_links_escapes_and_numbered_lists():
    source = (
        "# Report \\| April-June 2023\n\n"
        "### 1\\) Fees \\& \\*USMCA\\* \\<b\\>\n\n"
        "April 12, 2023 [Link](https://www.state.gov/a?b=1&c=2)\n\n"
        "1) Otay II (10.24.22) [Learn more](https://gob.mx/otay)\n"
        "2) Second <https://example.org/auto>\n\n"
        "**Institutional Implications:**\n\n"
        "A first line\nsoft-broken into two.\n"
    )
    assert extract_markdown(source.encode(), "a.md") == [
        TextLine("Report | April-June 2023"),
        TextLine("1) Fees & *USMCA* <b>"),
        TextLine("April 12, 2023 Link", ("https://www.state.gov/a?b=1&c=2",)),
        TextLine("1) Otay II (10.24.22) Learn more", ("https://gob.mx/otay",)),
        TextLine("2) Second https://example.org/auto", ("https://example.org/auto",)),
        TextLine("Institutional Implications:"),
        TextLine("A first line"),
        TextLine("soft-broken into two."),
    ]
