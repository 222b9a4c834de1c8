"""Only published data reaches the site: a draft, a reviewed event and a candidate
never appear anywhere in the built tree (pages, feeds, sitemap, search index, data
files, report downloads)."""

import gzip
from pathlib import Path


def tree_bytes(root: Path):
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":  # Pagefind's index and fragments are gzipped
                data = gzip.decompress(data)
            yield path, data


def test_unpublished_titles_appear_nowhere(built_site, unpublished_titles):
    files = dict(tree_bytes(built_site))
    assert len(files) > 100
    # The check can find what it looks for: a published title is in the tree.
    published = b"Trilateral Fentanyl Committee meets in Mexico City"
    assert any(published in data for data in files.values())
    for title in unpublished_titles:
        needle = title.split()[0].encode()
        found = [str(path) for path, data in files.items() if needle in data]
        assert found == [], f"{title!r} leaked into {found}"
