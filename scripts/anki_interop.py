#!/usr/bin/env python3
"""Checks prepdeck against the real Anki, through Anki's own Python library.

    python3 scripts/anki_interop.py [--prepdeck PATH] [--venv DIR] [--keep DIR]

It makes a Python virtual environment with `anki` from PyPI (the version pinned
below; the first run downloads about 60 MB), builds prepdeck unless --prepdeck names
a binary, and then, in a fresh Anki collection whose current deck and note type are
something else ("Elsewhere", "Basic (and reversed card)"):

1. imports `prepdeck export --format anki` of the bundled bank and of the trap
   fixtures (tests/fixtures/anki/traps: a question starting with #, one question in
   two topics and twice in one, a tab in code, raw HTML in question and answer);
2. checks every note: note type Basic, its deck, its GUID (the card id), fields and
   tags as written, well-formed HTML;
3. imports both files again, and once more with one answer edited: no note is added
   or merged, and only the edited note changes;
4. exports the collection as Anki's "Notes in Plain Text" and reads it with
   `prepdeck check --json`: every card comes back with its id, question, answer, key
   points, takeaway and tags;
5. imports the hand-written Anki export fixture, exports it from Anki and checks
   prepdeck reads Anki's file as it reads the fixture;
6. replays the scheduling history of src/schedule/history_tests.rs in Anki (fuzz
   off) and compares the Hard/Good/Easy intervals with the ones prepdeck pins.

It prints what held and exits 1 if anything did not. CI does not run it: it needs
the network once, and minutes.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import venv
from html.parser import HTMLParser
from pathlib import Path

ANKI_VERSION = "26.9.3"
REPO = Path(__file__).resolve().parent.parent
TRAPS = REPO / "tests" / "fixtures" / "anki" / "traps"
SAVED_EXPORT = REPO / "tests" / "fixtures" / "layouts" / "anki_export.txt"
# Pinned by five_grades_follow_the_fsrs6_formula_in_study_days: Hard/Good/Easy days
# for a card graduated with Good at 10:10 and seen one or two study days later.
PREPDECK_INTERVALS = {1: (5, 7, 12), 2: (8, 11, 19)}


def main():
    args = arguments()
    if not args.inside:
        return outside(args)
    return inside(args)


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--prepdeck", help="the prepdeck binary (default: cargo build)")
    p.add_argument("--venv", help="where the virtual environment lives")
    p.add_argument("--keep", help="keep the collection and files in this folder")
    p.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args()


def outside(args):
    """Builds prepdeck, makes the environment, and runs the checks inside it."""
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = Path(args.prepdeck) if args.prepdeck else target / "debug" / "prepdeck"
    if not args.prepdeck:
        print("building prepdeck (cargo build)…", flush=True)
        subprocess.run(["cargo", "build", "--quiet"], cwd=REPO, check=True)
    if not binary.is_file():
        sys.exit(f"anki_interop: no prepdeck binary at {binary}")
    env_dir = Path(args.venv) if args.venv else target / "anki-interop-venv"
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    if not python.exists():
        print(f"creating a virtual environment in {env_dir}…", flush=True)
        venv.create(env_dir, with_pip=True)
    have = subprocess.run(
        [str(python), "-m", "pip", "show", "anki"], capture_output=True, text=True
    )
    if f"Version: {ANKI_VERSION}" not in have.stdout:
        print(f"installing anki=={ANKI_VERSION} from PyPI…", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", f"anki=={ANKI_VERSION}"],
            check=True,
        )
    env = dict(os.environ)
    # Anki schedules without fuzz in its test mode: the scheduling check needs that.
    env["ANKI_TEST_MODE"] = "1"
    command = [str(python), __file__, "--inside", "--prepdeck", str(binary)]
    if args.keep:
        command += ["--keep", args.keep]
    return subprocess.run(command, env=env).returncode


class Report:
    """What held and what did not, printed as it goes."""

    def __init__(self):
        self.failed = 0
        self.held = 0

    def check(self, what, ok, detail=""):
        if ok:
            self.held += 1
        else:
            self.failed += 1
        mark = "held  " if ok else "FAILED"
        print(f"  {mark} {what}" + (f": {detail}" if detail else ""), flush=True)
        return ok


def inside(args):
    from anki.collection import Collection
    from anki.config import Config
    from anki.import_export_pb2 import ImportCsvRequest

    import anki.buildinfo

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="anki-interop-"))
    work.mkdir(parents=True, exist_ok=True)
    prepdeck = args.prepdeck
    report = Report()
    print(f"Anki {anki.buildinfo.version} (Python package anki=={ANKI_VERSION}); files in {work}")

    bank = work / "bank.txt"
    traps = work / "traps.txt"
    run(prepdeck, "export", "--format", "anki", "--out", str(bank))
    run(prepdeck, "export", "--format", "anki", "--out", str(traps), str(TRAPS))
    bank_rows = rows(bank)
    trap_rows = rows(traps)

    path = work / "collection.anki2"
    if path.exists():
        path.unlink()
    col = Collection(str(path))
    elsewhere = col.decks.id("Elsewhere")
    col.decks.set_current(elsewhere)
    reversed_type = col.models.by_name("Basic (and reversed card)")
    col.models.set_current(reversed_type)

    def import_file(file):
        metadata = col.get_csv_metadata(str(file), None)
        return col.import_csv(ImportCsvRequest(path=str(file), metadata=metadata)).log

    print("\n1. Importing prepdeck's export into a collection whose current deck is "
          "\"Elsewhere\" and current note type \"Basic (and reversed card)\"")
    for name, file, expected in (("bundled bank", bank, bank_rows), ("trap fixtures", traps, trap_rows)):
        log = import_file(file)
        report.check(
            f"{name}: {len(expected)} rows give {len(expected)} new notes",
            len(log.new) == len(expected) and not log.updated and not log.duplicate,
            f"new {len(log.new)}, updated {len(log.updated)}, duplicate {len(log.duplicate)}, "
            f"missing note type {len(log.missing_notetype)}, empty first field {len(log.empty_first_field)}",
        )

    print("\n2. Every note as written")
    expected = {r["guid"]: r for r in bank_rows + trap_rows}
    notes = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
    report.check(
        f"{len(expected)} notes, one per card id, no two merged",
        len(notes) == len(expected) and set(notes) == set(expected),
        f"{len(notes)} notes",
    )
    report.check(
        "one card per note (note type Basic, not the current reversed type)",
        col.card_count() == len(expected),
        f"{col.card_count()} cards",
    )
    wrong_type, wrong_deck, wrong_fields, wrong_tags, bad_html = [], [], [], [], []
    for guid, row in expected.items():
        note = notes.get(guid)
        if note is None:
            continue
        if note.note_type()["name"] != "Basic":
            wrong_type.append(guid)
        decks = {col.decks.name(card.did) for card in note.cards()}
        if decks != {row["deck"]}:
            wrong_deck.append(f"{guid}: {decks} instead of {row['deck']}")
        if note["Front"] != row["front"] or note["Back"] != row["back"]:
            wrong_fields.append(guid)
        if sorted(note.tags) != sorted(row["tags"]):
            wrong_tags.append(f"{guid}: {note.tags} instead of {row['tags']}")
        for field in (note["Front"], note["Back"]):
            problem = html_problem(field)
            if problem:
                bad_html.append(f"{guid}: {problem}")
    report.check("every note is Basic", not wrong_type, ", ".join(wrong_type[:5]))
    report.check("every card is in its prepdeck::Topic::Subtopic deck, none in Elsewhere",
                 not wrong_deck, "; ".join(wrong_deck[:3]))
    report.check("front and back are the exported HTML, byte for byte", not wrong_fields,
                 ", ".join(wrong_fields[:5]))
    report.check("tags as exported", not wrong_tags, "; ".join(wrong_tags[:3]))
    report.check("every field is well-formed HTML", not bad_html, "; ".join(bad_html[:3]))
    fronts = [n["Front"] for n in notes.values()]
    report.check("the question starting with # arrived (as &#35;1 …)",
                 any(f.startswith("&#35;1 cause of outages") for f in fronts))
    services = [n for n in notes.values() if n["Front"] == "What is a Service?"]
    report.check("three notes share the question \"What is a Service?\", each with its own back",
                 len(services) == 3 and len({n["Back"] for n in services}) == 3,
                 f"{len(services)} notes, {len({n['Back'] for n in services})} backs")
    make = [n for n in notes.values() if "Makefile" in n["Front"]]
    report.check("the tab in the Makefile recipe is kept (&#9; in <pre>)",
                 len(make) == 1 and "<br>&#9;go build ./...<br>&#9;go vet" in make[0]["Back"])
    html_note = [n for n in notes.values() if "Ctrl" in n["Front"]]
    report.check("raw HTML reads alike in front and back (<kbd>, <b> kept, <script> dropped)",
                 len(html_note) == 1 and "<script" not in html_note[0]["Back"]
                 and "<b>SIGINT</b>" in html_note[0]["Back"] and "<kbd>key</kbd>" in html_note[0]["Back"])

    print("\n3. Importing the same files again, then with one answer edited")
    before = {g: (n["Front"], n["Back"]) for g, n in notes.items()}
    for name, file, rows_of in (("bundled bank", bank, bank_rows), ("trap fixtures", traps, trap_rows)):
        log = import_file(file)
        report.check(f"{name}: no new notes, every note matched by its GUID",
                     not log.new and len(log.updated) + len(log.duplicate) == len(rows_of),
                     f"new {len(log.new)}, updated {len(log.updated)}, duplicate {len(log.duplicate)}")
    edited_guid = bank_rows[0]["guid"]
    edited = work / "bank-edited.txt"
    text = bank.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(text):
        if line.startswith(edited_guid + "\t"):
            cells = line.split("\t")
            cells[2] = cells[2] + "<p>Edited in prepdeck.</p>"
            text[i] = "\t".join(cells)
    edited.write_text("\n".join(text), encoding="utf-8")
    log = import_file(edited)
    after = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
    changed = [g for g, n in after.items() if before.get(g) != (n["Front"], n["Back"])]
    report.check("the edited answer updates exactly its own note",
                 changed == [edited_guid] and len(after) == len(expected),
                 f"changed {changed[:3]}, {len(after)} notes")
    report.check("the collection still holds one note per card",
                 col.note_count() == len(expected) and col.card_count() == len(expected))
    # Put the bank back as exported, so the read-back compares with prepdeck's cards.
    import_file(bank)

    print("\n4. Anki's own export read back by prepdeck check")
    exported = work / "anki-export.txt"
    col.export_note_csv(out_path=str(exported), limit=None, with_html=True, with_tags=True,
                        with_deck=True, with_notetype=True, with_guid=True)
    back = check_json(prepdeck, exported)
    originals = check_json(prepdeck)["cards"] + check_json(prepdeck, TRAPS)["cards"]
    back_cards = {c["id"]: c for c in back["cards"]}
    report.check("prepdeck reads it as anki-text, with no warnings",
                 back["files"][0]["layout"] == "anki-text" and not back["warnings"],
                 f"{back['files'][0]['layout']}, {len(back['warnings'])} warnings "
                 + "; ".join(w["message"] for w in back["warnings"][:2]))
    report.check(f"{len(originals)} cards, each under its own id (the GUID)",
                 len(back_cards) == len(originals) and all(c["id"] in back_cards for c in originals),
                 f"{len(back_cards)} cards")
    differ = {}
    for c in originals:
        b = back_cards.get(c["id"])
        if b is None:
            continue
        for field in ("question", "answer", "key_points", "takeaway", "tags"):
            if field == "answer" and c["answer"] and "<" in c["answer"]:
                continue  # raw HTML comes back as the markdown it meant; checked in Rust
            if comparable(field, c[field]) != comparable(field, b[field]):
                differ.setdefault(field, []).append(c["id"])
        if b["topic"] != ["prepdeck"] + c["topic"]:
            differ.setdefault("topic", []).append(c["id"])
    for field in ("question", "answer", "key_points", "takeaway", "tags", "topic"):
        ids = differ.get(field, [])
        name = field.replace("_", " ")
        sorted_note = " (Anki keeps tags sorted; compared as sets)" if field == "tags" else ""
        report.check(f"every card's {name} as prepdeck wrote it{sorted_note}", not ids,
                     f"{len(ids)} differ, e.g. {ids[:3]}" if ids else "")

    print("\n5. The hand-written Anki export fixture, through Anki")
    col2_path = work / "fixture.anki2"
    if col2_path.exists():
        col2_path.unlink()
    col2 = Collection(str(col2_path))
    metadata = col2.get_csv_metadata(str(SAVED_EXPORT), None)
    log = col2.import_csv(ImportCsvRequest(path=str(SAVED_EXPORT), metadata=metadata)).log
    fixture = check_json(prepdeck, SAVED_EXPORT)
    report.check("Anki imports every row prepdeck reads from it",
                 len(log.new) == len(fixture["cards"]),
                 f"Anki {len(log.new)} new (empty first field {len(log.empty_first_field)}), "
                 f"prepdeck {len(fixture['cards'])} cards")
    again = work / "fixture-from-anki.txt"
    col2.export_note_csv(out_path=str(again), limit=None, with_html=True, with_tags=True,
                         with_deck=True, with_notetype=True, with_guid=True)
    col2.close()
    through_anki = {c["id"]: c for c in check_json(prepdeck, again)["cards"]}
    differ = sorted({
        f
        for c in fixture["cards"]
        for f in ("question", "answer", "key_points", "takeaway", "detail", "tags", "topic")
        if comparable(f, through_anki.get(c["id"], {}).get(f)) != comparable(f, c[f])
    })
    report.check("prepdeck reads Anki's re-export of it as it reads the fixture (tags sorted)",
                 not differ and len(through_anki) == len(fixture["cards"]),
                 f"{', '.join(differ)} differ" if differ else "")

    print("\n6. Scheduling: a card graduated with Good at 10:10, seen 1 or 2 study days later")
    col.set_config("fsrs", True)
    col.set_config_bool(Config.Bool.LOAD_BALANCER_ENABLED, False)
    for days, want in sorted(PREPDECK_INTERVALS.items()):
        got = anki_intervals(col, days)
        report.check(f"{days} study day{'s' if days > 1 else ''}: Anki gives Hard/Good/Easy "
                     f"{'/'.join(f'{d}d' for d in got)}, prepdeck {'/'.join(f'{d}d' for d in want)}",
                     tuple(got) == want)
    col.close()

    print(f"\n{report.held} held, {report.failed} failed")
    return 1 if report.failed else 0


def anki_intervals(col, study_days):
    """Hard, Good and Easy days Anki offers for a card graduated with Good, Good at
    10:10 (its learning steps 1m 10m), reviewed `study_days` later at 08:00."""
    from anki.scheduler.v3 import CardAnswer

    model = col.models.by_name("Basic")
    note = col.new_note(model)
    note["Front"] = f"scheduling check {study_days}"
    note["Back"] = "-"
    col.add_note(note, col.decks.id("Scheduling check"))
    cid = note.card_ids()[0]
    for _ in range(2):
        card = col.get_card(cid)
        card.start_timer()
        states = col._backend.get_scheduling_states(cid)
        col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))
    card = col.get_card(cid)
    # Move the last review back: 10:10 on the study day `study_days` before today's.
    today_start = col.sched.day_cutoff - 86_400
    card.last_review_time = today_start - study_days * 86_400 + 6 * 3_600 + 600
    card.due = col.sched.today
    col.update_card(card)
    states = col._backend.get_scheduling_states(cid)
    return [s.normal.review.scheduled_days for s in (states.hard, states.good, states.easy)]


def comparable(field, value):
    """Tags compared as Anki keeps them, sorted; everything else as it is."""
    return sorted(value or []) if field == "tags" else value


def rows(export):
    """The rows of a prepdeck Anki export: guid, front, back, deck, tags."""
    out = []
    for line in export.read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        guid, front, back, deck, tags = line.split("\t")
        if guid.startswith('"'):
            guid = guid[1:-1].replace('""', '"')
        out.append({"guid": guid, "front": front, "back": back, "deck": deck,
                    "tags": tags.split()})
    return out


def run(prepdeck, *args):
    subprocess.run([prepdeck, *args], check=True, capture_output=True)


def check_json(prepdeck, path=None):
    command = [prepdeck, "check", "--json"] + ([str(path)] if path else [])
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"anki_interop: {' '.join(command)} failed: {done.stderr}")
    return json.loads(done.stdout)


class _Balance(HTMLParser):
    VOID = {"br", "img", "hr", "wbr", "input", "meta", "link", "col", "source", "area"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problem = None

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problem = self.problem or f"</{tag}> closes {self.stack[-1:] or 'nothing'}"
        else:
            self.stack.pop()


def html_problem(field):
    """Why a field is not well-formed HTML, or None."""
    parser = _Balance()
    parser.feed(field)
    parser.close()
    if parser.problem:
        return parser.problem
    if parser.stack:
        return f"<{parser.stack[-1]}> never closed"
    return None


if __name__ == "__main__":
    sys.exit(main())
