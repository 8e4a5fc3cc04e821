"""Tests for wizard.textclean, the one policy for invisible characters in typed text."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.textclean import (
    BIDI_CONTROLS,
    BIDI_MARKS,
    BOM,
    INVISIBLE_CONTROLS,
    strip_controls,
)

RLO = "\u202e"


def test_the_sets():
    assert BIDI_CONTROLS == set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert BIDI_MARKS == {"\u200e", "\u200f", "\u061c"}
    assert INVISIBLE_CONTROLS == BIDI_CONTROLS | {BOM}
    assert not BIDI_MARKS & INVISIBLE_CONTROLS
    assert all(unicodedata.category(c) == "Cf" for c in INVISIBLE_CONTROLS | BIDI_MARKS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MJC Nord", "MJC Nord"),
        ("\x00MJC\x07 Nord\x7f", "MJC Nord"),
        ("PIJ\x1b[31m rouge", "PIJ[31m rouge"),  # terminal escape: ESC goes
        ("a\x80b\x9fc", "abc"),  # C1
        ("a\nb\tc", "a\nb\tc"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\x0bb\x0cc\x85d\x1ce", "a\nb\nc\nd\ne"),
        ("a\x1fb", "a b"),
        (f"evil{RLO}txt.exe", "eviltxt.exe"),
        ("\u202aa\u202bb\u202cc\u202dd\u2066e\u2067f\u2068g\u2069", "abcdefg"),
        ("\ufeffMJC", "MJC"),
        ("MJC\ud800\udfff Nord", "MJC Nord"),  # lone surrogates
        # kept: bidi marks, joiners, emoji, right-to-left letters, markup as typed
        ("\u200fمرحبا\u200e (MJC)", "\u200fمرحبا\u200e (MJC)"),
        ("\u061c١٢", "\u061c١٢"),
        ("👨\u200d👩\u200d👧 Famille", "👨\u200d👩\u200d👧 Famille"),
        ("می\u200cخواهم", "می\u200cخواهم"),
        ("<b>**gras**</b> :red[x]", "<b>**gras**</b> :red[x]"),
        ("a\u00a0b\u202fc\u2028d", "a\u00a0b\u202fc\nd"),  # no-break spaces stay; a line separator is a line break
        ("", ""),
    ],
)
def test_strip_controls(text, expected):
    assert strip_controls(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\nb\tc", "a b c"),
        ("a\r\nb", "a b"),  # one line break, one space
        ("Maison\x0bdes\x85jeunes", "Maison des jeunes"),  # never glued together
        (f"\x00a{RLO}\ufeff", "a"),
    ],
)
def test_strip_controls_without_newlines(text, expected):
    assert strip_controls(text, keep_newlines=False) == expected


ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(blacklist_categories=())),  # includes lone surrogates
    st.lists(st.sampled_from(["a", "\n", "\r", "\t", "\x00", "\x85", RLO, "\u200f", "\ufeff", "\u200d",
                              "\ud800", "👍", "م"]), max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT, st.booleans())
def test_strip_controls_properties(text, keep_newlines):
    out = strip_controls(text, keep_newlines=keep_newlines)
    allowed = {"\n", "\t"} if keep_newlines else set()
    for ch in out:
        assert ch in allowed or unicodedata.category(ch) not in ("Cc", "Cs"), repr(ch)
        assert ch not in INVISIBLE_CONTROLS
    out.encode("utf-8")  # always encodable
    assert strip_controls(out, keep_newlines=keep_newlines) == out  # idempotent
    assert len(out) <= len(text)


# --- every user of the policy removes the same characters ------------------------------


def test_users_share_the_policy():
    from wizard.documents import pdf, shared
    from wizard.questionnaire.freetext import clean_name
    from wizard.views.inert import inert

    typed = f"MJC{RLO} \u2066Nord\u2069\ufeff \u200fمرحبا"
    assert clean_name(typed) == "MJC Nord \u200fمرحبا"
    assert shared.plain(typed) == "MJC Nord \u200fمرحبا"
    shown = inert(typed)
    assert not set(shown) & INVISIBLE_CONTROLS and "Nord" in shown and "\u200fمرحبا" in shown
    printed = pdf.printable_text(typed)
    assert not set(printed) & INVISIBLE_CONTROLS
    assert ("\u200f" in printed) == pdf.HAS_SHAPING  # marks only matter to text shaping
    for module in (shared, pdf):
        assert not hasattr(module, "_BIDI_CONTROLS")  # no private copy of the set


def test_inert_removes_controls_but_keeps_lines():
    from wizard.views.inert import inert

    assert inert(f"a{RLO}b\x00c") == "abc"  # a refused answer is echoed in logical order
    assert inert("a\r\nb") == "a  \nb"
    assert inert("**x**\t\ud800") == "\\*\\*x\\*\\*\t"


# --- escape_controls: the same characters, shown instead of removed (error lines) -------


@pytest.mark.parametrize(("text", "expected"), [
    ("\x1b[31mfoo\n", "\\x1b[31mfoo\\n"),
    ("a\r\nb\tc\x00", "a\\r\\nb\\tc\\x00"),
    (f"x{RLO}y\ufeff\u2028\u2029\x85\ud800", "x\\u202ey\\ufeff\\u2028\\u2029\\x85\\ud800"),
    ("é 🙂 👨\u200d👩\u200d👧 « » \u200fمرحبا", "é 🙂 👨\u200d👩\u200d👧 « » \u200fمرحبا"),
])
def test_escape_controls(text, expected):
    from wizard.textclean import escape_controls
    assert escape_controls(text) == expected


@given(st.text())
@settings(max_examples=200)
def test_escape_controls_leaves_one_printable_line(text):
    from wizard.textclean import escape_controls
    out = escape_controls(text)
    assert len(out.splitlines()) <= 1 and strip_controls(out) == out
    assert escape_controls(out) == out  # idempotent
