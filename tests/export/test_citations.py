"""The events' sources as CSL-JSON (read by citeproc-py) and RIS (read by rispy)."""

import json

import rispy


def test_csl_json_is_read_and_formatted_by_citeproc(exported, origin):
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    records = json.loads((exported / "sources.csl.json").read_text(encoding="utf-8"))
    source = CiteProcJSON(records)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    keys = [record["id"] for record in records]
    bibliography.register(Citation([CitationItem(key) for key in keys]))
    entries = [str(item) for item in bibliography.bibliography()]
    assert len(entries) == len(records) >= 3
    fentanyl = next(r for r in records if r["URL"] == f"{origin}/releases/fentanyl.html")
    assert fentanyl["issued"] == {"date-parts": [[2023, 5, 20]]}
    assert "accessed" in fentanyl
    assert any("Release" in entry for entry in entries)


def test_ris_is_read_by_rispy(exported, origin):
    with open(exported / "sources.ris", encoding="utf-8") as handle:
        entries = rispy.load(handle)
    urls = {entry["urls"][0] for entry in entries}
    assert f"{origin}/releases/dialogo.html" in urls
    dialogo = next(e for e in entries if e["urls"][0] == f"{origin}/releases/dialogo.html")
    assert dialogo["type_of_reference"] == "ELEC"
    assert dialogo["year"] == "2024"
    assert dialogo["title"] == "Se reúne el Diálogo Económico de Alto Nivel"
