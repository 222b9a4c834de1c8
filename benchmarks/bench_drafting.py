"""Quality and speed of the drafts, on the development set (issue 14).

Run:  .venv/bin/python benchmarks/bench_drafting.py [--runs 9]

Quality, on ``tests/fixtures/drafting/pairs.json`` (real releases paired with the
center's own summaries and implications, from the 2023 Q2 report):

- ROUGE-1/2/L F1 (``rouge-score``, Porter stemming) of the extractive summary against
  the center's summary, and in the same run of lead-3 (the release's first three
  sentences) and of lead-k (as many first sentences as the draft has), over all
  pairs and over the English ones (the center's summary of a Spanish release is a
  translation, which no extract can match word for word);
- the share of draft sentences whose offsets reproduce them (must be 100%), over the
  development set and the ingest fixtures' releases;
- the share of facts whose evidence resolves (must be 100%), with the history of the
  sample report's 14 events (parsed and linked as an import would) in the store; over
  the development set and over those 14 events, each drafted from its own summary.

Speed: one draft without a model for a 10,000-character English source made of real
releases. In process (registry loaded, linker built, as the web app or a batch
drafts) and whole process (a fresh Python that imports, loads the registry, builds
the linker and drafts, as a command would), runs interleaved, medians printed with
the machine's load average. Target: < 200 ms.

Accept: ``binational candidates accept ID`` as a user runs it, whole process, on a
fresh copy of a database holding the sample report, with the draft it makes and
with ``--no-draft``, interleaved; the draft step's share of the command is the
difference of the medians over the median with the draft, and the same of the
minimums (steadier on a shared machine). For a release of the development set and
for the 10,000-character source.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "fixtures" / "drafting" / "pairs.json"
RELEASES = ROOT / "tests" / "fixtures" / "releases.json"
SAMPLE = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"
SOURCE_CHARS = 10_000
MEASURES = ("rouge1", "rouge2", "rougeL")


def load_pairs() -> list[dict]:
    return json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]


def source_of(pair: dict):
    from binational.drafting.inputs import SourceText

    s = pair["source"]
    return SourceText(s["url"], s["text"], s["language"], s["title"])


def event_of(pair: dict, links: tuple[str, ...] = ()):
    from binational.domain import PartialDate
    from binational.drafting.inputs import EventFields

    return EventFields(pair["item"], pair["event_title"], PartialDate.parse(pair["event_date"]),
                       links)  # fmt: skip


def sample_history(linker):
    """The sample report's events as the store would hold them after an import."""
    from binational.drafting.inputs import PastEvent
    from binational.intake.seed2023 import parse_report

    report = parse_report(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    history = []
    for item in report.items:
        summary, implications = "\n".join(item.summary), "\n".join(item.implications)
        links = frozenset(m.slug for m in linker.find(f"{item.title}\n{summary}"))
        history.append(PastEvent(item.number, item.date.value, item.title, links,
                                 status="published", summary=summary,
                                 implications=implications))  # fmt: skip
    return history


def quality(registry, linker) -> None:
    from rouge_score import rouge_scorer

    from binational.drafting.evidence import evidence_resolves
    from binational.drafting.extractive import lead_sentences
    from binational.drafting.inputs import SourceText
    from binational.drafting.service import draft_event

    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    find = linker.find
    history = sample_history(linker)
    event_ids = {str(event.id) for event in history}
    scores: dict[str, list[tuple[str, dict[str, float]]]] = {"draft": [], "lead-3": [],
                                                             "lead-k": []}  # fmt: skip
    sentences = reproduced = evidence = resolved = facts = 0
    kinds: set[str] = set()
    print(f"{'item':>4} {'lang':4} {'system':7} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'sents':>5}")
    for pair in load_pairs():
        source = source_of(pair)
        others = [event for event in history if event.id != pair["item"]]
        links = next((tuple(e.links) for e in history if e.id == pair["item"]), ())
        draft = draft_event(event_of(pair, links), [source], registry, others, find_mentions=find)
        k = len(draft.summary.sentences)
        systems = {
            "draft": draft.summary.text,
            "lead-3": " ".join(s.text for s in lead_sentences(source, 3)),
            "lead-k": " ".join(s.text for s in lead_sentences(source, k)),
        }
        for name, text in systems.items():
            result = scorer.score(pair["center_summary"], text)
            values = {m: result[m].fmeasure for m in MEASURES}
            scores[name].append((source.lang, values))
            count = k if name != "lead-3" else min(3, k)
            print(f"{pair['item']:>4} {source.lang:4} {name:7} "
                  + " ".join(f"{values[m]:6.3f}" for m in MEASURES) + f" {count:>5}")  # fmt: skip
        for sentence in draft.summary.sentences:
            sentences += 1
            reproduced += source.text[sentence.start : sentence.end] == sentence.text
        for fact in draft.implications.facts:
            facts += 1
            kinds.add(fact.kind)
            for item in fact.evidence:
                evidence += 1
                resolved += evidence_resolves(item, registry, event_ids, [source])
    for label, languages in (("all pairs", {"en", "es"}), ("English pairs", {"en"})):
        print(f"mean F1, {label}:")
        for name, rows in scores.items():
            kept = [values for lang, values in rows if lang in languages]
            means = {m: statistics.mean(v[m] for v in kept) for m in MEASURES}
            print(f"  {name:7} " + "  ".join(f"{m} {means[m]:.3f}" for m in MEASURES)
                  + f"  (n={len(kept)})")  # fmt: skip
    releases = json.loads(RELEASES.read_text(encoding="utf-8"))
    for release in releases:
        source = SourceText(release["url"], release["text"], release["language"])
        event = event_of({"item": 0, "event_title": release["title"], "event_date": "2023-01-01"})
        drafted = draft_event(event, [source], registry, find_mentions=find)
        for sentence in drafted.summary.sentences:
            sentences += 1
            reproduced += source.text[sentence.start : sentence.end] == sentence.text
    for event in history:  # the sample report's events, each drafted from its own summary
        source = SourceText(f"https://example.org/item/{event.id}", event.summary, "en")
        past = [other for other in history if other.id != event.id]
        fields = event_of({"item": event.id, "event_title": event.title,
                           "event_date": event.date.isoformat()}, tuple(event.links))  # fmt: skip
        drafted = draft_event(fields, [source], registry, past, find_mentions=find)
        for fact in drafted.implications.facts:
            facts += 1
            kinds.add(fact.kind)
            for item in fact.evidence:
                evidence += 1
                resolved += evidence_resolves(item, registry, event_ids, [source])
    print(
        f"provenance: {reproduced}/{sentences} draft sentences reproduce their source span "
        f"({100 * reproduced / sentences:.1f}%), development set and {len(releases)} releases"
    )
    print(f"evidence: {resolved}/{evidence} pieces of evidence of {facts} facts resolve "
          f"({100 * resolved / evidence:.1f}%), development set and the sample report's "
          f"{len(history)} events; fact kinds: {', '.join(sorted(kinds))}")  # fmt: skip


def ten_thousand_characters() -> str:
    """Real English releases, whole sentences, up to 10,000 characters."""
    texts = [pair["source"]["text"] for pair in load_pairs() if pair["source"]["language"] == "en"]
    texts += [r["text"] for r in json.loads(RELEASES.read_text("utf-8")) if r["language"] == "en"]
    text = ""
    while len(text) < SOURCE_CHARS:
        for paragraph in "\n\n".join(texts).split("\n\n"):
            if len(text) + len(paragraph) + 2 > SOURCE_CHARS:
                return text
            text += paragraph + "\n\n"
    return text


ONE_DRAFT = """
import sys, time
from pathlib import Path
started = time.perf_counter()
from binational.domain import PartialDate
from binational.drafting.inputs import EventFields, SourceText
from binational.drafting.service import draft_event
from binational.registry.loader import load_registry
text = Path(sys.argv[1]).read_text(encoding="utf-8")
event = EventFields(1, "Joint statement on the High-Level Economic Dialogue",
                    PartialDate.day(2023, 9, 29), ("hled",))
draft = draft_event(event, [SourceText("https://example.org/release", text, "en")],
                    load_registry())
assert draft.summary.sentences
print(time.perf_counter() - started)
"""


def speed(registry, linker, runs: int) -> None:
    from binational.domain import PartialDate
    from binational.drafting.inputs import EventFields, SourceText
    from binational.drafting.service import draft_event

    text = ten_thousand_characters()
    source = SourceText("https://example.org/release", text, "en")
    event = EventFields(1, "Joint statement on the High-Level Economic Dialogue",
                        PartialDate.day(2023, 9, 29), ("hled",))  # fmt: skip
    draft_event(event, [source], registry, find_mentions=linker.find)  # warm the caches
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write(text)
    inside, whole, own = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        draft_event(event, [source], registry, find_mentions=linker.find)
        inside.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", ONE_DRAFT, handle.name], check=True,
                                capture_output=True, text=True)  # fmt: skip
        whole.append(time.perf_counter() - started)
        own.append(float(result.stdout))
    os.unlink(handle.name)
    print(f"speed: one draft of a {len(text):,}-character source, no model")
    print(f"  in process (registry and linker ready):      {ms(inside)}")
    print(f"  whole process (python start to exit):        {ms(whole)}")
    print(f"  of which imports, registry, linker, draft:   {ms(own)}")


def ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, "
            f"max {max(values) * 1000:.0f}, n={len(values)})")  # fmt: skip


def accept_database(directory: Path, texts: dict[str, str]) -> tuple[Path, dict[str, int]]:
    """A database as an analyst's would be: the sample report imported (the history
    and the examples) and one queued candidate per text; the candidates' ids."""
    import datetime as dt

    from binational.ingest.clusters import NewDocument, store_document
    from binational.ingest.dedup import text_sha256
    from binational.intake.importer import import_reports
    from binational.registry.annotate import registry_annotator
    from binational.store.database import Database

    path = directory / "accept.db"
    database = Database.open(str(path))
    import_reports(database, [SAMPLE], annotator=registry_annotator())
    ids = {}
    with database.transaction() as session:
        for name, text in texts.items():
            url = f"https://www.state.gov/{name}"
            ids[name] = store_document(session, NewDocument(
                kind="page", url=url, canonical_url=url, title=text.split(".")[0][:120],
                text=text, text_sha256=text_sha256(text), published=dt.date(2023, 9, 29),
                published_stated=True, language="en", score=0.9,
            ), None).candidate_id  # fmt: skip
    database.close()
    return path, ids


def accept_share(runs: int) -> None:
    """``binational candidates accept ID`` as a user runs it (a fresh copy of the
    database each time), with its draft and with --no-draft, interleaved; the draft
    step's share is the difference over the whole."""
    import shutil

    release = next(p for p in load_pairs() if p["item"] == 2)["source"]["text"]
    texts = {"release": release, "ten-thousand": ten_thousand_characters()}
    binational = Path(sys.executable).with_name("binational")
    env = {**os.environ, "BINATIONAL_LLM_URL": ""}
    with tempfile.TemporaryDirectory() as directory:
        template, ids = accept_database(Path(directory), texts)
        print("accept: `binational candidates accept ID`, whole process, no model")
        for name, text in texts.items():
            times: dict[str, list[float]] = {"with draft": [], "--no-draft": []}
            for _ in range(runs):
                for label, extra in (("with draft", []), ("--no-draft", ["--no-draft"])):
                    copy = Path(directory) / "run.db"
                    shutil.copyfile(template, copy)
                    command = [str(binational), "candidates", "accept", str(ids[name]),
                               "--db", str(copy), *extra]  # fmt: skip
                    started = time.perf_counter()
                    subprocess.run(command, check=True, capture_output=True, env=env)
                    times[label].append(time.perf_counter() - started)
                    copy.unlink()
            print(f"  {name} ({len(text):,} characters):")
            for label, values in times.items():
                print(f"    {label:11} {ms(values)}")
            for how, pick in (("medians", statistics.median), ("minimums", min)):
                whole, without = pick(times["with draft"]), pick(times["--no-draft"])
                print(f"    draft step: {(whole - without) * 1000:.0f} ms, "
                      f"{100 * (whole - without) / whole:.0f}% of the accept "
                      f"(difference of the {how})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    from binational.registry.linker import Linker
    from binational.registry.loader import load_registry

    registry = load_registry()
    linker = Linker.build(registry)
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    quality(registry, linker)
    speed(registry, linker, args.runs)
    accept_share(args.runs)
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
