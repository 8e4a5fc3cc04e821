"""The content of the two documents, before any renderer: sections, citations, addressee,
requests, hostile names, French typography and the length of the note."""
from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from wizard.documents.blocks import (
    Bullets,
    Document,
    Heading,
    Paragraph,
    RadarChart,
    StackedBars,
    Table,
)
from wizard.documents.citations import CITATION, NUMBERED, Citations, source_line
from wizard.documents.content_brief import _T as BRIEF_TEXTS
from wizard.documents.content_brief import addressee, brief_document
from wizard.documents.content_brief import rhythm_words as brief_rhythm
from wizard.documents.content_strategy import _T as STRATEGY_TEXTS
from wizard.documents.content_strategy import strategy_document
from wizard.documents.grammar import after_label
from wizard.documents.shared import TITLE_LIMIT, plain
from wizard.engine import build_strategy
from wizard.formatting import long_date
from wizard.knowledge import default
from wizard.profile import parse_profile
from wizard.strategy import SourceRef
from wizard.vocabulary import ids

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))
TODAY = date(2026, 11, 26)

STRATEGY_SECTIONS = ["Synthèse", "Autodiagnostic", "Réseaux recommandés", "Charge de travail", "Plan à 90 jours",
                     "Indicateurs", "Charte d’équipe", "Points juridiques", "Calendrier",
                     "Arguments pour la hiérarchie", "Sources"]
BRIEF_SECTIONS = ["Objet", "Contexte", "Ce que nous proposons", "Ce que cela représente",
                  "Vos questions, nos réponses", "Risques et garde-fous", "Ce que nous vous demandons", "Sources"]
ADDRESSEES = {
    "commune": "Madame la Maire, Monsieur le Maire",
    "intercommunalite": "Madame la Présidente, Monsieur le Président de l’intercommunalité",
    "departement": "Madame la Présidente, Monsieur le Président du Conseil départemental",
    "region": "Madame la Présidente, Monsieur le Président du Conseil régional",
    "etat": "Madame la Préfète, Monsieur le Préfet",
    "association": "Madame la Présidente, Monsieur le Président, Mesdames et Messieurs les administrateurs",
    "autre": "Madame, Monsieur",
    None: "Madame, Monsieur",
}


@cache
def profile(name: str):
    return parse_profile(json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8")))


@cache
def strategy(name: str, lang: str = "fr"):
    return build_strategy(profile(name), default(), TODAY, lang=lang)


def variant(name: str, **changes):
    """An example profile with some fields changed (dotted names), and its strategy."""
    data = profile(name).model_dump(mode="json")
    for dotted, value in changes.items():
        *path, last = dotted.split(".")
        target = data
        for part in path:
            target = target[part]
        target[last] = value
    p = parse_profile(data)
    return p, build_strategy(p, default(), TODAY)


def texts(doc: Document) -> list[str]:
    """Every piece of text the renderers print (chart titles and labels included)."""
    out = [doc.title, doc.subtitle, doc.structure_name]
    for b in doc.blocks:
        if isinstance(b, Heading):
            out.append(b.text)
        elif isinstance(b, Paragraph):
            out += [b.label, b.text]
        elif isinstance(b, Bullets):
            out += [*b.labels, *b.items]
        elif isinstance(b, Table):
            out += [*b.header, *(c for row in b.rows for c in row), b.caption]
        elif isinstance(b, RadarChart):
            out += [b.title, *b.labels]
        elif isinstance(b, StackedBars):
            out += [b.title, *b.categories, *(name for name, _ in b.series), b.line_label]
    return [t for t in out if t]


def body_words(doc: Document) -> int:
    return sum(len(t.split()) for t in texts(doc)[3:])


BRIEF_LEVEL = 2  # the note's sections are level-2 headings (a note, not a report)
_SOURCE_ITEM = re.compile(r"\[(\d+)\]\u00a0")


def sources_list(doc: Document) -> tuple[str, ...]:
    """The items of the Sources list: numbered bullets in the strategy, « [n] … » in small print in the note."""
    i = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Heading) and b.text in ("Sources",)
             and b.level == (BRIEF_LEVEL if doc.kind == "brief" else 1))
    if doc.kind == "brief":
        text = next(b for b in doc.blocks[i:] if isinstance(b, Paragraph) and b.style == "small").text
        parts = _SOURCE_ITEM.split(text)[1:]  # number, item, number, item…
        assert [int(n) for n in parts[0::2]] == list(range(1, len(parts) // 2 + 1))
        return tuple(x.strip() for x in parts[1::2])
    return next(b for b in doc.blocks[i:] if isinstance(b, Bullets) and b.numbered).items


def line_of(src, doc: Document) -> str:
    """A source as the document lists it (the note leaves the addresses to the strategy)."""
    return source_line(src, doc.lang, url=doc.kind != "brief")


def both(name: str):
    s, p = strategy(name), profile(name)
    return [strategy_document(s, p), brief_document(s, p)]


# --- structure -----------------------------------------------------------------------

@pytest.mark.parametrize("name", EXAMPLES)
def test_strategy_sections_in_order(name):
    doc = strategy_document(strategy(name), profile(name))
    assert doc.headings(level=1) == STRATEGY_SECTIONS
    assert (doc.kind, doc.cover, doc.toc, doc.lang, doc.date) == ("strategy", True, True, "fr", TODAY)


@pytest.mark.parametrize("name", EXAMPLES)
def test_brief_sections_in_order(name):
    doc = brief_document(strategy(name), profile(name))
    assert doc.headings(level=BRIEF_LEVEL) == BRIEF_SECTIONS and doc.headings(level=1) == []
    assert (doc.kind, doc.cover, doc.toc) == ("brief", False, False)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_argument_is_answered_in_both_documents(name):
    s = strategy(name)
    assert s.arguments
    for doc in both(name):
        all_text = "\n".join(texts(doc))
        for argument in s.arguments:  # the strategy advises the team, the note answers the officials
            said = argument.title if doc.kind == "strategy" else argument.objection
            assert said and said in all_text, (doc.kind, argument.concern)
    assert set(strategy_document(s, profile(name)).headings(level=2)) >= {a.title for a in s.arguments}


@pytest.mark.parametrize("name", EXAMPLES)
def test_strategy_shows_channels_charts_and_tables(name):
    s, doc = strategy(name), strategy_document(strategy(name), profile(name))
    subheadings = doc.headings(level=2)
    for c in s.channels:
        assert f"{c.label} — {c.role}" in subheadings
    assert "Pourquoi pas les autres\u00a0?" in subheadings
    radar = next(b for b in doc.blocks if isinstance(b, RadarChart))
    assert radar.values == tuple(None if m.score is None else m.score for m in s.maturity)
    bars = next(b for b in doc.blocks if isinstance(b, StackedBars))
    assert bars.categories == (*(c.label for c in s.channels), "Commun")
    assert bars.line_value == s.workload.available_hours_per_week and bars.line_label == "Temps disponible"
    assert sum(sum(values) for _, values in bars.series) == pytest.approx(s.workload.estimated_hours_per_week, abs=0.05)
    assert {n for n, _ in bars.series} <= {"Création", "Publication", "Interaction et modération", "Veille",
                                            "Mesure", "Validation"}
    headers = {b.header for b in doc.blocks if isinstance(b, Table)}
    assert ("Semaine", "À partir du", "Tâches") in headers
    assert ("Indicateur", "Définition", "Comment mesurer", "Cible") in headers
    plan = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0] == "Semaine")
    assert [row[0] for row in plan.rows] == [str(w.week) for w in s.plan]
    blocks = list(doc.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Charte d’équipe")
    charter = next(b for b in blocks[start:] if isinstance(b, Bullets))
    assert len(charter.labels) == len(s.charter) > 0
    assert all(label.startswith(c.title) for label, c in zip(charter.labels, s.charter))


def test_workload_figures_are_written_the_french_way():
    s = strategy("mission-locale-rurale")
    doc = strategy_document(s, profile("mission-locale-rurale"))
    text = "\n".join(texts(doc))
    hours, minutes = divmod(round(s.workload.estimated_hours_per_week * 60), 60)  # e.g. « 7 h 46 »
    written = f"{hours}\u00a0h\u00a0{minutes:02d}" if minutes else f"{hours}\u00a0h"
    assert written in text and f"{round(s.workload.share_of_full_time * 100)}\u00a0%" in text
    assert "hypothèses de travail" in text and "pas des chiffres publiés" in text


def test_unverified_calendar_dates_are_marked():
    for name in EXAMPLES:
        s = strategy(name)
        unverified = [e for m in s.calendar for e in m.events if not e.verified]
        if unverified:
            doc = strategy_document(s, profile(name))
            table = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0] == "Mois")
            assert any("(date à vérifier)" in row[1] for row in table.rows)
            return
    pytest.skip("no example has an unverified date")


# --- citations -----------------------------------------------------------------------

@pytest.mark.parametrize("name", EXAMPLES)
def test_every_number_resolves_and_every_source_is_cited(name):
    s = strategy(name)
    for doc in both(name):
        listed = sources_list(doc)
        assert listed, doc.kind
        numbers = {int(n) for t in texts(doc) for m in NUMBERED.findall(t) for n in re.split(r",\s", m)}
        assert numbers == set(range(1, len(listed) + 1)), doc.kind
        by_line = {line_of(src, doc): src.key for src in s.sources}
        assert all(item in by_line for item in listed), doc.kind
        assert len(set(listed)) == len(listed)


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_known_key_is_left_unnumbered(name):
    known = {src.key for src in strategy(name).sources}
    for doc in both(name):
        for t in texts(doc):
            for match in CITATION.findall(t):
                keys = {k.strip() for k in re.split(r"[,;]", match)}
                assert not keys & known, (doc.kind, t)


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_number_points_at_the_source_the_strategy_cited(name):
    """The first reason of the first channel cites keys; the same sentence in the document
    carries their numbers, and the Sources list has those sources at those positions."""
    s = strategy(name)
    reason = next((r for c in s.channels for r in c.reasons if CITATION.search(r)), None)
    if reason is None:
        pytest.skip("no cited reason")
    doc = strategy_document(s, profile(name))
    cited = [k.strip() for m in CITATION.findall(reason) for k in re.split(r"[,;]", m)]
    keys = [k for k in cited if k in {src.key for src in s.sources}]
    line = next(t for t in texts(doc) if t.startswith(reason.split("[")[0]))
    numbers = [int(n) for m in NUMBERED.findall(line) for n in re.split(r",\s", m)]
    listed = sources_list(doc)
    by_key = {src.key: source_line(src) for src in s.sources}
    assert sorted(listed[n - 1] for n in numbers) == sorted(by_key[k] for k in dict.fromkeys(keys))


def test_citation_helper():
    refs = [SourceRef(key="A-1", publisher="P", title="T", year=2020, url="https://x.org"),
            SourceRef(key="B-2", publisher="Q", title="U…", secondary=True)]
    cite = Citations(refs)
    assert cite.text("Un fait [B-2].") == "Un fait [1]."
    assert cite.text("Deux [A-1, B-2] et [B-2 ; A-1].") == "Deux [1,\u00a02] et [1,\u00a02]."
    assert cite.text("Inconnu [C-3], mêlé [A-1, C-3], [sic].") == "Inconnu [C-3], mêlé [2,\u00a0C-3], [sic]."
    assert cite.text("Liste.", ["A-1", "B-2"]) == "Liste\u00a0[1,\u00a02]."
    assert cite.text("Déjà cité [A-1].", ["A-1"]) == "Déjà cité [2]."
    assert [s.key for s in cite.listed()] == ["B-2", "A-1"]
    assert cite.block().items == ("Q, U… (source secondaire)", "P, T (2020). https://x.org")


def test_every_bracketed_key_in_the_documents_is_listed():
    for name in EXAMPLES:
        known = {src.key for src in strategy(name).sources}
        for doc in both(name):
            for t in texts(doc):
                for match in CITATION.findall(t):
                    keys = {k.strip() for k in re.split(r"[,;]", match)}
                    assert all(k.isdigit() or k in known for k in keys), (name, t)


# --- the note for elected officials ----------------------------------------------------

@pytest.mark.parametrize("parent_body", [*ids("parent_body"), None])
def test_brief_addressee_follows_parent_body(parent_body):
    p, s = variant("pij-petite-ville", **{"structure.parent_body": parent_body})
    doc = brief_document(s, p)
    salutations = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.text.endswith(",")
                   and b.text.startswith("Madame")]
    assert salutations == [ADDRESSEES[parent_body] + ","]
    assert addressee(parent_body) == ADDRESSEES[parent_body]


def test_every_parent_body_has_its_own_addressee():
    assert set(ids("parent_body")) <= set(ADDRESSEES)


@pytest.mark.parametrize("own", ids("own_accounts_allowed"))
def test_brief_asks_for_the_accounts_only_when_not_yet_allowed(own):
    p, s = variant("bij-urbain", **{"constraints.own_accounts_allowed": own})
    doc = brief_document(s, p)
    items = requests_of(doc)
    asked = any("autoriser" in item and "comptes" in item for item in items)
    assert asked == (own != "yes")
    assert any("charte" in item for item in items)
    assert any("bilan à trois mois" in item for item in items)


@pytest.mark.parametrize("name", EXAMPLES)
def test_brief_signature_and_figures(name):
    s, p = strategy(name), profile(name)
    doc = brief_document(s, p)
    paragraphs = [(b.label, b.text) for b in doc.blocks if isinstance(b, Paragraph)]
    assert ("Pour la structure\u00a0: ", p.structure.name) in paragraphs
    assert ("", "Fait à ……………………, le 26 novembre 2026") in paragraphs  # no place is known: left to fill in
    text = "\n".join(texts(doc))
    assert "Fait le" not in text
    assert "estimation ajustable" in text and "35\u00a0h" in text
    if p.structure.youth_per_year:
        assert f"{p.structure.youth_per_year:,}".replace(",", "\u202f") in text
    for c in s.channels:
        assert c.label in text and c.role in text


@pytest.mark.parametrize("name", EXAMPLES)
def test_brief_context_facts_suit_the_kind_of_structure(name):
    p = profile(name)
    text = "\n".join(texts(brief_document(strategy(name), p)))
    if p.structure.kind in ("pij", "bij", "cij", "crij"):
        assert "Information Jeunesse" in text and "2017-86" in text
    if p.structure.kind == "mission_locale":
        assert "non-recours" in text and "963\u00a0000" in text


@pytest.mark.parametrize("name", EXAMPLES)
def test_brief_word_count(name):  # the pages themselves: tests/documents/test_brief_length.py
    assert 800 <= body_words(brief_document(strategy(name), profile(name))) <= 1900


def test_brief_stays_short_with_every_concern_ticked():
    p, s = variant("pij-petite-ville", concerns=list(ids("concern")))
    doc = brief_document(s, p)
    assert 800 <= body_words(doc) <= 2000
    text = "\n".join(texts(doc))
    assert all(a.objection in text for a in s.arguments)


# --- hostile names -------------------------------------------------------------------

HOSTILE = {
    "html": "<script>alert('x')</script><b>MJC</b> & co",
    "markdown": "**Maison** __des__ jeunes [lien](http://x) # titre",
    "long": "Mission Locale" + " très longue" * 420,
    "emoji": "Centre 🎉👩\u200d💻 des jeunes 🇫🇷",
    "arabic": "مركز الشباب — Centre des jeunes",
    "citation": "PIJ [DIPLOMEO-2025] [1]",
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_name_flows_unchanged(kind):
    """HTML, Markdown, emoji, RTL, brackets: printed as typed, in the body and in the titles."""
    name = HOSTILE[kind]
    assert len(HOSTILE["long"]) > 5000
    p, s = _named(name)
    strategy_doc, brief = strategy_document(s, p), brief_document(s, p)
    for doc in (strategy_doc, brief):
        assert len(doc.structure_name) <= TITLE_LIMIT
        if len(name) <= TITLE_LIMIT:
            assert doc.structure_name == name
    facts = next(b for b in strategy_doc.blocks if isinstance(b, Bullets) and b.labels
                 and b.labels[0].startswith("Structure"))
    assert facts.items[0] == name
    assert ("Pour la structure\u00a0: ", name) in [(b.label, b.text) for b in brief.blocks if isinstance(b, Paragraph)]
    context = next(b for b in brief.blocks if isinstance(b, Paragraph) and "context:structure" in b.refs)
    assert f" {name} " in f" {context.text} "  # the context paragraph, the name as typed


def test_long_name_is_cut_for_titles_only():
    name = HOSTILE["long"]
    p, s = _named(name)
    doc = brief_document(s, p)
    assert doc.structure_name.endswith("…") and len(doc.structure_name) <= TITLE_LIMIT
    assert doc.structure_name[:-1].rstrip() in name
    assert ("Pour la structure\u00a0: ", name) in [(b.label, b.text) for b in doc.blocks if isinstance(b, Paragraph)]


def test_control_characters_are_removed():
    name = "PIJ\x00 de\tSaint\x1b[31m-Affrique\u202e\x7f\u0085fin"
    p, s = _named(name)
    for doc in (strategy_document(s, p), brief_document(s, p)):
        assert doc.structure_name == "PIJ de Saint[31m-Affrique fin"
        for t in texts(doc):
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", t), t
    assert plain("a\nb\r\nc") == "a b c"  # one line break, one space (textclean.strip_controls)


def _named(name: str):
    """A valid profile whose name is then replaced (the Profile itself caps names at 200
    characters; the documents must still cope with whatever a Strategy carries)."""
    p0, s0 = profile("pij-petite-ville"), strategy("pij-petite-ville")
    p = p0.model_copy(update={"structure": p0.structure.model_copy(update={"name": name})})
    return p, s0.model_copy(update={"structure_name": name})


# --- language and typography ---------------------------------------------------------

def _fixed_french() -> list[str]:
    return [*STRATEGY_TEXTS["fr"].values(), *BRIEF_TEXTS["fr"].values()]


def test_fixed_french_texts_follow_french_typography():
    for t in _fixed_french():
        assert "'" not in t, t
        assert not re.search(r" [:;!?]", t), t
        assert not re.search(r"[^\s\u00a0\u202f][:;!?](\s|$)", t) or "://" in t, t
        assert "« " not in t and " »" not in t, t


@pytest.mark.parametrize("name", EXAMPLES)
def test_documents_follow_french_typography(name):
    user = profile(name).structure.name
    for doc in both(name):
        for t in texts(doc):
            t = t.replace(user, "")
            t = re.sub(r"https?://\S+", "", t)
            assert "'" not in t, t
            assert not re.search(r" [:;!?]", t), t
            assert "« " not in t and " »" not in t, t


def test_vouvoiement_in_the_brief():
    text = "\n".join(texts(brief_document(strategy("crij-regional"), profile("crij-regional"))))
    assert "votre" in text or "vous" in text
    assert not re.search(r"\b(tu|ton|ta|tes)\b", text)


def test_english_documents():
    s, p = strategy("bij-urbain", "en"), profile("bij-urbain")
    doc = strategy_document(s, p)
    assert doc.lang == "en" and doc.headings(level=1)[0] == "Summary" and doc.headings(level=1)[-1] == "Sources"
    assert not set(doc.headings(level=1)) & (set(STRATEGY_SECTIONS) - {"Sources"})
    brief = brief_document(s, p)
    assert brief.headings(level=BRIEF_LEVEL)[0] == "Subject"
    assert any(t == "Dear Mayor," for t in texts(brief))
    assert "26 November 2026" in "\n".join(texts(brief))


def test_long_date():
    assert long_date(date(2026, 11, 26)) == "26 novembre 2026"
    assert long_date(date(2027, 3, 1)) == "1er mars 2027"
    assert long_date(date(2026, 11, 26), "en") == "26 November 2026"


def test_a_bare_strategy_gives_no_empty_table_or_list():
    """Renderers need not cope with a table without rows or a list without items."""
    s, p = strategy("pij-petite-ville"), profile("pij-petite-ville")
    bare = s.model_copy(update=dict(channels=[], excluded=[], plan=[], calendar=[], kpis=[], charter=[], legal=[],
                                    warnings=[], context_arguments=[], maturity=[], arguments=[], summary=[],
                                    sources=[]))
    bare = bare.model_copy(update=dict(workload=bare.workload.model_copy(
        update=dict(items=[], ways_out=[], assumptions=[], share_of_full_time=0, share_of_available=None))))
    for doc in (strategy_document(bare, p), brief_document(bare, p)):
        if doc.kind == "strategy":
            assert doc.headings(level=1) == STRATEGY_SECTIONS
        else:
            assert doc.headings(level=BRIEF_LEVEL) == BRIEF_SECTIONS
        for b in doc.blocks:
            assert not (isinstance(b, Table) and not b.rows), doc.kind
            assert not (isinstance(b, Bullets) and not b.items), doc.kind
            assert not (isinstance(b, RadarChart) and not b.labels), doc.kind
            assert not (isinstance(b, StackedBars) and not b.series), doc.kind


# --- simulation ----------------------------------------------------------------------

CHANGES = ["Heures par semaine = 12\u00a0h\u00a030", "Personnes = 2"]
SIMULATION_NOTES = {
    "fr": ("Simulation\u00a0: ", "cette stratégie ne reprend pas exactement vos réponses — "
                                 "Heures par semaine = 12\u00a0h\u00a030\u00a0; Personnes = 2."),
    "en": ("Simulation: ", "this strategy does not exactly reflect your answers — "
                           "Heures par semaine = 12\u00a0h\u00a030; Personnes = 2."),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_simulation_says_so_at_the_top_of_both_documents(lang):
    s, p = strategy("bij-urbain", lang), profile("bij-urbain")
    what_if = s.model_copy(update={"simulation": CHANGES})
    doc = strategy_document(what_if, p)
    first = doc.blocks[1]  # right after the Synthèse heading
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == doc.headings(level=1)[0]
    assert isinstance(first, Paragraph) and first.style == "note"
    assert (first.label, first.text) == SIMULATION_NOTES[lang]
    assert doc.subtitle.endswith(" (simulation)")
    brief = brief_document(what_if, p)
    assert isinstance(brief.blocks[1], Paragraph) and brief.blocks[1].style == "lead"  # the object line
    assert brief.blocks[2] == first
    for real in (strategy_document(s, p), brief_document(s, p)):  # the answers themselves: no note
        assert not any(t.startswith("Simulation") for t in texts(real)) and "simulation" not in real.subtitle


# --- accounts the structure already has ----------------------------------------------

def requests_of(doc: Document) -> tuple[str, ...]:
    return next(b for b in doc.blocks if isinstance(b, Bullets) and b.numbered
                and any(r.startswith("ask:") for r in b.refs)).items


def test_brief_keeps_existing_accounts_apart_from_new_ones():
    """mission-locale-rurale is already on YouTube, gets WhatsApp and YouTube, and does not know yet
    whether it may open accounts: it asks to open WhatsApp and to keep up its YouTube account."""
    p, s = profile("mission-locale-rurale"), strategy("mission-locale-rurale")
    assert {c.id for c in s.channels} == {"whatsapp", "youtube"} and list(p.presence) == ["youtube"]
    doc = brief_document(s, p)
    asks = requests_of(doc)
    assert [a for a in asks if "ouverture" in a] == [
        "d’autoriser l’ouverture de comptes professionnels au nom de la structure (WhatsApp), administrés par au "
        "moins deux agents\u00a0;"]
    assert ("d’autoriser la structure à maintenir et à faire évoluer son compte YouTube existant, administré par "
            "au moins deux agents\u00a0;") in asks
    assert "ouvrir de nouveaux comptes professionnels et de faire évoluer notre compte existant" in doc.blocks[1].text
    assert ("Notre structure dispose déjà d’un compte YouTube, à maintenir et à faire évoluer\u00a0; le compte "
            "WhatsApp reste à ouvrir.") in texts(doc)


def test_brief_with_every_account_already_open_asks_to_open_none():
    p, s = variant("mission-locale-rurale", **{"presence.whatsapp": {"followers": 40, "posts_per_week": 0}})
    assert {c.id for c in s.channels} <= set(p.presence)
    doc = brief_document(s, p)
    asks = requests_of(doc)
    assert not any("ouvr" in a for a in asks)
    assert any("maintenir et à faire évoluer ses comptes existants" in a for a in asks)
    assert "autorisation de maintenir et de faire évoluer nos comptes existants" in doc.blocks[1].text
    assert any(t.startswith("Notre structure dispose déjà de comptes ") for t in texts(doc))


def test_brief_without_any_account_asks_to_open_them_all():
    p, s = variant("mission-locale-rurale", presence={})
    doc = brief_document(s, p)
    labels = _join_labels([c.label for c in s.channels])
    assert any(f"l’ouverture de comptes professionnels au nom de la structure ({labels})" in a
               for a in requests_of(doc))
    assert not any("compte existant" in t or "comptes existants (" in t or "dispose déjà" in t for t in texts(doc))
    assert "autorisation d’ouvrir des comptes professionnels et validation" in doc.blocks[1].text


def _join_labels(labels: list[str]) -> str:
    return ", ".join(labels[:-1]) + " et " + labels[-1] if len(labels) > 1 else "".join(labels)


def test_english_brief_keeps_existing_accounts_apart():
    s, p = strategy("mission-locale-rurale", "en"), profile("mission-locale-rurale")
    asks = requests_of(brief_document(s, p))
    assert any("opened in the organisation’s name (WhatsApp)" in a for a in asks)
    assert any("keep up and develop its existing YouTube account" in a for a in asks)


# --- wording of the note -------------------------------------------------------------

@pytest.mark.parametrize("name", EXAMPLES)
def test_brief_says_rhythms_in_words_and_submits_a_project(name):
    s = strategy(name)
    doc = brief_document(s, profile(name))
    text = "\n".join(texts(doc))
    assert "soumettre à votre décision un projet de présence de notre structure" in text
    proposal = next(b for b in doc.blocks if isinstance(b, Bullets) and b.labels
                    and b.labels[0].startswith(s.channels[0].label))
    assert not any("×" in item for item in proposal.items)


def test_rhythm_in_words():
    assert brief_rhythm({"participation": 2}) == "deux temps de présence par semaine dans les conversations"
    assert brief_rhythm({"image_post": 2, "short_video": 1, "story": 10}) == (
        "deux publications illustrées, une vidéo courte et dix stories par semaine")
    assert brief_rhythm({"long_video": 0.5, "short_video": 1}) == (
        "une vidéo longue toutes les deux semaines et une vidéo courte par semaine")
    assert brief_rhythm({"image_post": 1.25}) == "cinq publications illustrées par mois"
    assert brief_rhythm({"participation": 5, "live": 0.5}) == (
        "une séance en direct toutes les deux semaines et cinq temps de présence par semaine dans les conversations")
    assert brief_rhythm({"image_post": 0.3}) == "0,3 publication illustrée par semaine"
    assert brief_rhythm({"story": 25}) == "25 stories par semaine"
    assert brief_rhythm({"moderation": 2}, fallback=["2 × modération des commentaires"]) == (
        "modération des commentaires (2 par semaine)")
    assert brief_rhythm({}) == "" and brief_rhythm({"story": 0}) == ""
    assert brief_rhythm({"participation": 2, "story": 3}, "en") == (
        "three stories a week and two slots a week in the conversations")


def test_whatsapp_rhythm_in_the_brief():
    doc = brief_document(strategy("mission-locale-rurale"), profile("mission-locale-rurale"))
    proposal = next(b for b in doc.blocks if isinstance(b, Bullets) and any(x.startswith("WhatsApp") for x in b.labels))
    item = proposal.items[next(i for i, x in enumerate(proposal.labels) if x.startswith("WhatsApp"))]
    # the messaging app that carries the follow-up says the follow-up it is sized for, not a flat presence
    assert item.startswith("suivi de ") and "messages par semaine" in item


def test_lower_case_after_a_label_ending_with_a_colon():
    assert after_label("Circuit de validation\u00a0: ", "Les publications") == "les publications"
    assert after_label("Prochaine étape\u00a0: ", "Choisissez un réseau") == "choisissez un réseau"
    assert after_label("Repère\u00a0: ", "À la Mission Locale de Limoges") == "à la Mission Locale de Limoges"
    assert after_label("Repère\u00a0: ", "L’équipe") == "l’équipe"
    assert after_label("Note: ", "The plan") == "the plan"
    for kept in ("PIJ de Rodez", "TikTok attire", "Instagram reste", "Mission Locale de Limoges", "« Cité »",
                 "12 heures", "X (ex-Twitter) perd"):
        assert after_label("Repère\u00a0: ", kept) == kept
    assert after_label("Repère", "Les publications") == "Les publications"  # no colon: a title, left alone
    assert after_label("Structure\u00a0: ", "Maison des jeunes", keep=("Maison des jeunes",)) == "Maison des jeunes"


# Labels whose value is a name or an official designation, not a sentence.
_NAME_LABELS = ("Structure", "Type", "Pays", "Rattachement", "Pour la structure", "Organisation", "Country",
                "Reports to", "For the organisation")


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_capital_after_a_bold_label_ending_with_a_colon(name):
    channel_names = {label for lang in ("fr", "en") for c in ids("channel") for label in [_vocab(c, lang)]}
    for lang in ("fr", "en"):
        for doc in (strategy_document(strategy(name, lang), profile(name)),
                    brief_document(strategy(name, lang), profile(name))):
            pairs = [(b.label, b.text) for b in doc.blocks if isinstance(b, Paragraph)]
            pairs += [pair for b in doc.blocks if isinstance(b, Bullets) for pair in zip(b.labels, b.items)]
            for label, text in pairs:
                if not label.rstrip().endswith(":") or label.startswith(_NAME_LABELS):
                    continue
                word = re.match(r"[^\W\d_]+", text)
                if word and not any(text.startswith(c) for c in channel_names) and word.group(0) != "Mission":
                    assert not (word.group(0)[0].isupper() and word.group(0)[1:].islower()), (lang, label, text)


def _vocab(id_: str, lang: str) -> str:
    from wizard.vocabulary import label
    return label("channel", id_, lang)


# --- the self-assessment scale -------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_radar_anchors_are_the_maturity_levels(lang):
    levels = next(iter(default().maturity.values())).levels
    first, last = levels[1].name.get(lang).lower(), levels[5].name.get(lang).lower()
    radar = next(b for b in strategy_document(strategy("bij-urbain", lang), profile("bij-urbain")).blocks
                 if isinstance(b, RadarChart))
    assert f"1 ({first})" in radar.title and f"5 ({last})" in radar.title
    assert "maîtrisé" not in radar.title and "mastered" not in radar.title


# --- tables and citations at A4 --------------------------------------------------------

@pytest.mark.parametrize("name", EXAMPLES)
def test_no_word_of_a_table_cell_is_split_at_a4(name):
    """fpdf2 cuts a word wider than its column without a hyphen (« Taux d’engageme/nt »): each
    word of each cell fits its column, whatever the language."""
    from wizard.documents.pdf import _Renderer
    for lang in ("fr", "en"):
        doc = strategy_document(strategy(name, lang), profile(name))
        renderer = _Renderer(doc)
        pdf = renderer.pdf
        pdf.add_page()
        pad = renderer.TABLE_PAD[1] + renderer.TABLE_PAD[3]
        for table in (b for b in doc.blocks if isinstance(b, Table)):
            prepared = renderer._prepare_table(table)
            pdf.use(prepared.size)
            for row in table.rows:
                for cell, width in zip(row, prepared.widths):
                    for word in cell.split():
                        assert pdf.get_string_width(word) <= width - pad, (lang, table.header[0], word)


def test_every_kpi_name_fits_the_first_column():
    from wizard.documents.pdf import _Renderer
    doc = strategy_document(strategy("bij-urbain"), profile("bij-urbain"))
    kpis = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0] == "Indicateur")
    names = [k.name.get(lang) for k in default().kpis for lang in ("fr", "en")]
    renderer = _Renderer(doc)
    renderer.pdf.add_page()
    every = Table(kpis.header, tuple((n, "", "", "") for n in names), widths=kpis.widths)
    prepared = renderer._prepare_table(every)
    renderer.pdf.use(prepared.size)
    room = prepared.widths[0] - renderer.TABLE_PAD[1] - renderer.TABLE_PAD[3]
    assert max(renderer.pdf.get_string_width(w) for n in names for w in n.split()) <= room


def test_citation_numbers_are_joined_by_no_break_spaces():
    refs = [SourceRef(key=k, publisher="P", title="T") for k in ("A-1", "B-2", "C-3")]
    cite = Citations(refs)
    assert cite.text("Fait [A-1, B-2, C-3].") == "Fait [1,\u00a02,\u00a03]."
    assert cite.refs(["C-3", "A-1"]) == "[1,\u00a03]"
    assert NUMBERED.fullmatch("[1,\u00a03]") and NUMBERED.fullmatch("[1, 3]")
    for name in EXAMPLES:
        for doc in both(name):
            for t in texts(doc):
                assert not re.search(r"\[\d+, ", t), t
