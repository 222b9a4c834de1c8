import pytest

from binational.errors import UserError
from binational.ingest.sources import (
    Source,
    load_sources,
    official_hosts,
    parse_sources,
    save_sources,
    sources_toml,
    with_source,
    without_source,
)


def test_bundled_list_covers_both_governments_and_canada():
    sources = load_sources(None)
    assert {s.country for s in sources} == {"US", "MX", "CA"}
    assert {s.language for s in sources} == {"en", "es"}
    assert all(s.is_official for s in sources)
    assert all(s.selector for s in sources if s.kind == "listing")


def test_round_trip_through_the_file(tmp_path):
    path = tmp_path / "sources.toml"
    sources = (
        Source("A", "https://a.example/feed", "rss", "es", "MX", "sre", official=True),
        Source('B "quoted"', "https://b.example/news", "listing", selector="a[href*='/n/']"),
    )
    save_sources(path, sources)
    assert load_sources(path) == sources
    assert parse_sources(sources_toml(sources), "x") == sources
    assert official_hosts(sources) == {"a.example"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[source]]\nname = "A"\nurl = "ftp://x"\nkind = "rss"\n', "is not a web address"),
        ('[[source]]\nname = "A"\nurl = "https://x.example"\nkind = "blog"\n',
         "kind must be one of rss, atom, feed, listing, sitemap, not 'blog'"),
        ('[[source]]\nname = "A"\nkind = "rss"\n', "missing 'url'"),
        ('[[source]]\nname = "A"\nurl = "https://x.example"\nkind = "rss"\ncolor = 1\n',
         "unknown field 'color'"),
        ('[[source]]\nname = "A"\nurl = "https://x.example"\nkind = "rss"\ncountry = "FR"\n',
         "country must be one of US, MX, CA, not 'FR'"),
        ("[[source]\n", "is not valid TOML"),
    ],
)  # fmt: skip
def test_bad_files_are_refused_with_the_place_and_reason(text, message):
    with pytest.raises(UserError, match=message):
        parse_sources(text, "watch.toml")


def test_add_and_remove():
    one = (Source("A", "https://a.example/feed", "rss"),)
    two = with_source(one, Source("B", "https://b.example/feed", "atom"))
    assert [s.name for s in two] == ["A", "B"]
    with pytest.raises(UserError, match="already a source named 'A'"):
        with_source(two, Source("A", "https://c.example/feed", "rss"))
    assert without_source(two, "A") == (two[1],)
    with pytest.raises(UserError, match="no source named 'Z'"):
        without_source(two, "Z")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('source = "oops"\n',
         "watch.toml: source must be a list of [[source]] tables, not 'oops'"),
        ("source = [1, 2]\n",
         "watch.toml, source 1 (unnamed): a source is a [[source]] table, not 1"),
        ('[[source]]\nname = "A"\nurl = 5\nkind = "rss"\n',
         "watch.toml, source 1 (A): url must be text (a web address starting with http:// or "
         "https://), not 5"),
        ('[[source]]\nname = 3\nurl = "https://x.example"\nkind = "rss"\n',
         "watch.toml, source 1 (unnamed): name must be text, not 3"),
        ('[[source]]\nname = "A"\nurl = "https://x.example"\nkind = ["rss"]\n',
         "watch.toml, source 1 (A): kind must be one of rss, atom, feed, listing, sitemap, "
         "not ['rss']"),
        ('[[source]]\nname = "A"\nurl = "https://x.example"\nkind = "rss"\nofficial = "yes"\n',
         "watch.toml, source 1 (A): official must be true or false, not 'yes'"),
        ('[[source]]\nname = "A"\nurl = "https://x.example"\nkind = "rss"\ncountry = 1\n',
         "watch.toml, source 1 (A): country must be one of US, MX, CA, not 1"),
    ],
)  # fmt: skip
def test_wrong_types_are_one_sentence_naming_the_source_and_field(text, message):
    with pytest.raises(UserError) as refused:
        parse_sources(text, "watch.toml")
    assert str(refused.value) == message
