"""English and Spanish labels (web/i18n.py, web/labels.py)."""

import re
from pathlib import Path

import pytest

from binational.accounts.roles import Role
from binational.domain import Category, DatePrecision, DateSource, EventStatus
from binational.web.i18n.labels import LABELS
from binational.web.i18n.translator import Translator, choose_language, parse_accept_language

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "binational" / "web" / "templates"
STATIC_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+)["']\s*[,)]""")


@pytest.mark.parametrize(
    ("header", "tags"),
    [
        ("es-MX,es;q=0.9,en;q=0.8", ["es", "es", "en"]),
        ("en-US,en;q=0.5,es;q=0.9", ["en", "es", "en"]),
        ("fr;q=0, es", ["es"]),
        ("de;q=abc, en", ["en"]),
        ("", []),
        (None, []),
    ],
)
def test_parse_accept_language(header, tags):
    assert parse_accept_language(header) == tags


@pytest.mark.parametrize(
    ("cookie", "header", "language"),
    [
        ("es", "en-US", "es"),
        ("en", "es-MX", "en"),
        (None, "es-MX,es;q=0.9", "es"),
        (None, "fr-FR,de;q=0.9", "en"),
        ("xx", "es", "es"),
        (None, None, "en"),
    ],
)
def test_choose_language(cookie, header, language):
    assert choose_language(cookie, header) == language


def test_every_label_has_both_languages():
    for key, (english, spanish) in LABELS.items():
        assert english.strip() and spanish.strip(), key
        assert re.findall(r"\{\w+\}", english) == re.findall(r"\{\w+\}", spanish), key


def dynamic_keys() -> set[str]:
    keys = {f"status_{s.value}" for s in EventStatus}
    keys |= {f"category_{c.value}" for c in Category}
    keys |= {f"precision_{p.value}" for p in DatePrecision}
    keys |= {f"date_source_{s.value}" for s in DateSource}
    keys |= {f"role_{r.value}" for r in Role}
    keys |= {f"facet_{name}" for name in ("q", "quarter", "month", "institution", "category",
                                          "topic", "status")}  # fmt: skip
    keys |= {f"field_{name}" for name in ("title", "summary", "implications")}
    keys |= {"origin_linker", "origin_analyst"}
    keys |= {"error_bad_request", "error_csrf", "error_forbidden", "error_not_found",
             "error_too_many", "error_login"}  # fmt: skip
    return keys


def test_every_key_the_templates_use_exists():
    used = set()
    for template in TEMPLATES.rglob("*.html"):
        used |= set(STATIC_KEY.findall(template.read_text(encoding="utf-8")))
    used |= dynamic_keys()
    missing = sorted(used - set(LABELS))
    assert not missing, f"labels missing from web/labels.py: {missing}"


def test_translator_fills_values_and_months():
    assert Translator("es")("n_events", n=3) == "3 eventos"
    assert Translator("en")("n_events", n=3) == "3 events"
    assert Translator("es")("n_events", n=1) == "1 evento"
    assert Translator("en")("n_events", n=1) == "1 event"
    assert Translator("es")("n_active", n=1) == "1 activo"
    assert Translator("es")("n_active", n=0) == "0 activos"
    assert Translator("es")("event_n", n=1) == "Evento 1"  # no singular label: as it is
    assert Translator("es").month(5) == "mayo"
    assert Translator("fr")("search") == "Search"


def test_pages_follow_the_cookie_and_the_browser(browser):
    client = browser("viewer")
    english = client.get("/events").text
    assert '<html lang="en">' in english and "Skip to content" in english
    spanish = client.get("/events", headers={"Accept-Language": "es-MX,es;q=0.9"}).text
    assert '<html lang="es">' in spanish and "Saltar al contenido" in spanish
    switch = client.get("/language/es?next=/events%3Fq%3Dagua", follow_redirects=False)
    assert switch.headers["location"] == "/events?q=agua"
    assert "lang=es" in switch.headers["set-cookie"]
    assert "Buscar" in client.get("/events").text
    client.get("/language/en")
    assert "Search" in client.get("/events").text


def test_language_switch_refuses_other_hosts(browser):
    response = browser(None).get("/language/es?next=//evil.example", follow_redirects=False)
    assert response.headers["location"] == "/events"
