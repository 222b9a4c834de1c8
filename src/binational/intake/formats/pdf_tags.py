"""Paragraphs as a tagged PDF marks them.

A tagged PDF (Word's "Save as PDF", Typst, WeasyPrint with tags) wraps the text it
draws in marked-content sequences numbered per page (``/P <</MCID 3>> BDC ... EMC``)
and keeps a structure tree whose paragraphs, headings and list items own those
numbers. The page's entry in the tree's parent tree lists, for each number, the
structure element it belongs to; walking up from there to the first block-level
element ('P', 'H2', 'LI', ...) tells which paragraph a run of text is in, across
lines, pages and columns, with no guessing from geometry.
"""

from __future__ import annotations

from typing import Any

BLOCK_TYPES = frozenset(
    {"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "Lbl", "LBody", "TD", "TH", "Caption",
     "BlockQuote", "Title", "Note", "TOCI", "Quote", "Code", "Index", "BibEntry", "Formula"}
)  # fmt: skip
MAX_ENTRIES = 1_000_000  # parent-tree entries read, at most (a damaged tree may loop)
MAX_DEPTH = 50  # structure levels walked up from a marked run, at most


def _name(value: Any) -> str | None:
    from pdfminer.pdftypes import resolve1

    value = resolve1(value)
    name = getattr(value, "name", value)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return name if isinstance(name, str) else None


def _number_tree(root: Any) -> dict[int, Any]:
    """The entries of a number tree, walked without recursion or repeats."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    found: dict[int, Any] = {}
    pending, seen = [root], set()
    while pending and len(found) < MAX_ENTRIES:
        ref = pending.pop()
        if isinstance(ref, PDFObjRef):
            if ref.objid in seen:
                continue
            seen.add(ref.objid)
        node = resolve1(ref)
        if not isinstance(node, dict):
            continue
        nums = resolve1(node.get("Nums"))
        if isinstance(nums, list):
            for key, value in zip(nums[0::2], nums[1::2], strict=False):
                key = resolve1(key)
                if isinstance(key, int):
                    found[key] = value
        kids = resolve1(node.get("Kids"))
        if isinstance(kids, list):
            pending.extend(kids)
    return found


def _block_of(ref: Any, roles: dict[str, str]) -> int | None:
    """The id of the first block-level element at or above the structure element
    ``ref`` (a role map may rename a custom type to a standard one)."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    for _ in range(MAX_DEPTH):
        if not isinstance(ref, PDFObjRef):
            return None
        element = resolve1(ref)
        if not isinstance(element, dict):
            return None
        kind = _name(element.get("S"))
        kind = roles.get(kind, kind) if kind else None
        if kind in BLOCK_TYPES:
            return ref.objid
        ref = element.get("P")
    return None


def paragraph_owners(document: Any) -> dict[int, list[int | None]]:
    """For each page's ``/StructParents`` key, the block element owning each MCID;
    empty for an untagged PDF."""
    from pdfminer.pdftypes import resolve1

    root = resolve1(document.catalog.get("StructTreeRoot"))
    if not isinstance(root, dict) or root.get("ParentTree") is None:
        return {}
    role_map = resolve1(root.get("RoleMap"))
    roles = {}
    if isinstance(role_map, dict):
        for key, value in role_map.items():
            target = _name(value)
            if isinstance(key, str) and target:
                roles[key] = target
    owners: dict[int, list[int | None]] = {}
    cache: dict[int, int | None] = {}
    for key, value in _number_tree(root.get("ParentTree")).items():
        array = resolve1(value)
        if not isinstance(array, list):
            continue
        blocks: list[int | None] = []
        for ref in array[:MAX_ENTRIES]:
            objid = getattr(ref, "objid", None)
            if objid is not None and objid in cache:
                blocks.append(cache[objid])
                continue
            block = _block_of(ref, roles)
            if objid is not None:
                cache[objid] = block
            blocks.append(block)
        owners[key] = blocks
    return owners
