"""The scorecard's words: every mark, trend, status and cadence in both languages, and
each mark's reason as a sentence with the rules' numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from binational.domain import Period
from binational.publish.scorecard_document import Mark, Reason, ScorecardRules, Trend
from binational.publish.scorecard_words import (
    MARKS,
    REASONS,
    WORDS,
    limits,
    long_date,
    mark_word,
    months_text,
    period_label,
    reason_sentence,
    trend_word,
)

AS_OF = dt.date(2023, 12, 31)


def test_every_word_has_both_languages():
    for table in (WORDS, MARKS, REASONS):
        for key, pair in table.items():
            assert len(pair) == 2 and all(pair), key
    assert {mark_word(m, "es") for m in Mark} == {
        "al día", "atrasada", "interrumpida", "nueva", "sin periodicidad", "concluida",
    }  # fmt: skip
    assert trend_word(Trend.UNKNOWN.value, "es") == "sin datos previos"


@pytest.mark.parametrize(
    ("key", "values", "english"),
    [
        ("gap_overdue",
         (("since", "meeting"), ("date", "2022-01-10"), ("months", "23"), ("cadence", "annual"),
          ("limit", "18")),
         "Last met on 2022-01-10, 23 months before 2023-12-31: more than 18 months "
         "(1.5 × annual)."),
        ("gap_lapsed",
         (("since", "coverage"), ("date", "2013-02-01"), ("months", "130"),
          ("cadence", "semiannual"), ("limit", "18")),
         "No linked event since the data begins, on 2013-02-01, 130 months before 2023-12-31: "
         "more than 18 months (3 × semiannual)."),
        ("suspended", (("date", "2017"),), "The registry records it suspended since 2017."),
        ("ended", (("status", "superseded"), ("date", "2020-07-01")),
         "The registry records it superseded (2020-07-01)."),
        ("new", (("date", "2023-01-10"),),
         "Established 2023-01-10, less than 12 months before 2023-12-31: its cadence is not "
         "judged yet."),
    ],
)  # fmt: skip
def test_reasons_as_sentences(key, values, english):
    assert reason_sentence(Reason(key, values), "en", AS_OF) == english
    spanish = reason_sentence(Reason(key, values), "es", AS_OF)
    assert spanish != english and spanish.endswith(".")


def test_the_rules_numbers_follow_the_rules():
    rules = ScorecardRules(overdue_factor=2, lapsed_factor=4)
    values = (("since", "meeting"), ("date", "2019-01-01"), ("months", "59"),
              ("cadence", "annual"), ("limit", "48"))  # fmt: skip
    reason = Reason("gap_lapsed", values)
    assert "(4 × annual)" in reason_sentence(reason, "en", AS_OF, rules)
    assert limits(1.5, "en") == "quarterly 5, semiannual 9, annual 18, biennial 36 months"
    assert limits(3, "es") == "trimestral 9, semestral 18, anual 36, bienal 72 meses"


@pytest.mark.parametrize(
    ("period", "english", "spanish"),
    [("2023", "2023", "2023"), ("2023Q2", "April-June 2023", "abril-junio de 2023"),
     ("2023-05", "May 2023", "mayo de 2023"),
     ("2022-11..2023-02", "November 2022-February 2023", "noviembre de 2022-febrero de 2023")],
)  # fmt: skip
def test_period_labels(period, english, spanish):
    assert period_label(Period.parse(period), "en") == english
    assert period_label(Period.parse(period), "es") == spanish


def test_dates_and_months():
    assert long_date(AS_OF, "en") == "December 31, 2023"
    assert long_date(AS_OF, "es") == "31 de diciembre de 2023"
    assert months_text(415.0, "en") == "14 mo." and months_text(None, "es") == "—"
