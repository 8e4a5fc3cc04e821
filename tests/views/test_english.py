"""The whole conversation and the results in English (?lang=en) hold no French interface
string, and in French no English one; the language is remembered with the conversation."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_catalogue import is_french

from wizard.questionnaire import flow
from wizard.questionnaire.load import SHIPPED, load
from wizard.store import SessionStore, make_engine

APP = str(Path(__file__).resolve().parents[2] / "app.py")
Q = load(SHIPPED / "diagnostic.yaml")

BY_BUTTONS_EN = {
    "structure_name": ("skip", "Skip"),
    "structure_kind": ("pick", "Mission Locale (youth employment)"),
    "structure_country": ("pick", "France"),
    "structure_territory": ("pick", "Rural"),
    "structure_parent_body": ("pick", "Inter-municipal body"),
    "structure_youth_per_year": ("pick", "3,000"),
    "structure_staff": ("pick", "25"),
    "current_channels": ("many", ["Facebook", "Instagram"]),
    "presence_followers.facebook": ("pick", "500"),
    "presence_followers.instagram": ("pick", "200"),
    "presence_posts.facebook": ("pick", "1 a week"),
    "presence_posts.instagram": ("pick", "3 a week"),
    "goals": ("ranked", ["Individual follow-up", "Inform young people"]),
    "age_bands": ("many", ["18–25"]),
    "groups": ("many", ["Young people seeking work or training"]),
    "hours_per_week": ("pick", "10 h a week"),
    "people": ("pick", "3"),
    "comms_in_job": ("skip", None),
    "followup_counsellors": ("pick", "2"),
    "followup_youths": ("pick", "30"),
    "skills": ("many", ["Video and editing"]),
    "equipment": ("many", ["Work smartphone"]),
    "budget": ("pick", "0"),
    "concerns": ("many", ["The time it takes", "Competing with the town’s own accounts"]),
    "validation_required": ("pick", "Yes"),
    "own_accounts_allowed": ("pick", "Not known yet"),
    "working_hours_only": ("pick", "Yes"),
    **{f"maturity_{d}": ("pick", n) for d, n in (("strategy", "2"), ("content", "3"), ("interaction", "2"),
                                                ("measurement", "1"), ("organisation", "3"), ("safety", "2"))},
}
ENGLISH_WORDS = {"the", "your", "you", "and", "with", "for", "of", "this", "are", "is", "network", "networks",
                 "answer", "answers", "young", "people", "week", "hours", "time", "to", "a", "an"}


def is_english(text: str) -> bool:
    words = [w.lower() for w in re.findall(r"[A-Za-z’']+", text)]
    return sum(1 for w in words if w in ENGLISH_WORDS) >= 3


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/en.sqlite"
    monkeypatch.setenv("DATABASE_URL", url)
    return SessionStore(make_engine(url))


def interface_strings(at: AppTest) -> list[str]:
    """What the page says in its own voice (not a source's original title, not typed text)."""
    out = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader", "header"):
        for el in getattr(at, kind):
            for line in el.value.split("\n"):
                if re.match(r"^(- \*\*\[|- \\\[\d+\\\] |\d+\. )", line) or not line.strip():  # a source: its title as published
                    continue
                out.append(line)
    out += [b.label for b in at.button] + [e.label for e in at.expander] + [m.label for m in at.metric]
    out += [d.proto.label for d in at.get("download_button")]
    return out


def every_section(at: AppTest) -> list[str]:
    """The results drawn one section at a time: what each section says, the what-if panel open."""
    out = []
    chooser = next((p for p in at.pills if p.key == "section"), None)
    if chooser is None:
        return out
    for option in chooser.options:
        next(p for p in at.pills if p.key == "section").set_value(option).run()
        out += interface_strings(at)
    panel = next(t for t in at.toggle if (t.key or "").startswith("wi-on-"))
    panel.set_value(True).run()
    out += interface_strings(at) + [w.label for w in at.number_input] + [w.label for w in at.multiselect]
    return out


def current(at: AppTest) -> str | None:
    s = at.session_state["chat_state"]
    step = flow.current(Q, s.answers)
    return step.key if step else None


def answer(at: AppTest, how) -> None:
    verb, arg = how[0], how[1]
    if verb == "skip":
        next(b for b in at.button if (b.key or "").startswith("skip-")).click().run()
    elif verb == "pick":
        widget, option = next((p, o) for p in at.pills for o in p.options if o == arg or o.startswith(f"{arg} — "))
        widget.set_value(option).run()
    else:
        widget = next(p for p in at.pills if arg[0] in p.options)
        widget.set_value(arg)
        if verb == "ranked":
            at.run()
        next(b for b in at.button if b.label == "Confirm").click().run()
    assert not at.exception, at.exception


def test_the_whole_conversation_and_the_results_in_english(db):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    seen: list[str] = []
    for _ in range(60):
        seen += interface_strings(at)
        key = current(at)
        if key is None:
            break
        answer(at, BY_BUTTONS_EN[key])
    seen += interface_strings(at) + every_section(at)
    assert any("Your strategy" in x for x in seen)  # the results were reached
    french = sorted({x for x in seen if is_french(x)})
    assert french == []
    token = at.session_state["chat_state"].token
    assert db.load(token).lang == "en"  # remembered with the conversation
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params["s"] = token  # a resume link without ?lang=: the conversation's own language
    again.run()
    assert not again.exception and any(h.value == "Your strategy" for h in again.header)


def test_the_french_interface_holds_no_english(db):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not [x for x in interface_strings(at) if is_english(x)]


def test_the_switch_changes_the_language_and_the_link(db):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.get("button_group")[0].set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert any("What kind of structure" in m.value or "To begin" in m.value for m in at.markdown)


def test_the_whole_conversation_and_the_results_in_french_hold_no_english(db):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_chat import BY_BUTTONS, answer_with_buttons
    at = AppTest.from_file(APP, default_timeout=60).run()
    seen: list[str] = []
    for _ in range(60):
        seen += interface_strings(at)
        key = current(at)
        if key is None:
            break
        answer_with_buttons(at, BY_BUTTONS[key])
    seen += interface_strings(at) + every_section(at)
    assert any("Votre stratégie" in x for x in seen)  # the results were reached
    assert sorted({x for x in seen if is_english(x)}) == []


def test_english_free_text_is_understood_in_the_chat(db):
    """Typed English reaches the English parser: "two and a half hours" is 2.5 h, "skip" skips."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    for _ in range(40):
        key = current(at)
        if key == "hours_per_week":
            break
        answer(at, BY_BUTTONS_EN[key])
    at.chat_input[0].set_value("two and a half hours").run()
    assert at.session_state["chat_state"].answers["hours_per_week"] == 2.5
    at.chat_input[0].set_value("skip").run()  # people: optional? a refusal in English otherwise
    s = at.session_state["chat_state"]
    assert "people" in s.answers or (s.refused and not is_french(s.refused[1]))
