"""Screenshots of the main pages for the documentation, written to docs/screenshots/ on each run
(overwritten): viewport-only PNGs at device_scale_factor 1, a 390×844 phone unless said, in
Debian's chromium. Each page is checked to show what it is about before it is taken.

- diagnostic.png: the first question;
- results.png: the top of the results page (a finished conversation opened by its link);
- trainer.png: a workshop's controls (/formateur?t=…);
- room.png: the room view at 1280×800, revealed, with a few participants' answers;
- data.png: « Vos données »."""
from __future__ import annotations

import struct

import pytest
from conftest import PHONE, ROOT
from seeding import finished_conversation, revealed_workshop, store_of

pytestmark = pytest.mark.browser
SHOTS = ROOT / "docs" / "screenshots"
PHONE_1X = {**PHONE, "device_scale_factor": 1}
ROOM = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1, "locale": "fr-FR"}
MAX_BYTES = 400_000


def idle(page) -> None:
    page.wait_for_timeout(300)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", head
    return struct.unpack(">II", head[16:24])


@pytest.fixture(scope="module")
def seeded(app_server):
    store = store_of(app_server)
    return finished_conversation(store), revealed_workshop(store)


@pytest.fixture(scope="module")
def pages(browser):
    """A phone page and a projector page, both at scale 1, for the whole module."""
    made = {}
    for name, options in (("phone", PHONE_1X), ("room", ROOM)):
        context = browser.new_context(**options)
        context.set_default_timeout(30_000)
        made[name] = context.new_page()
    yield made
    for page in made.values():
        page.context.close()


def to_top(page) -> None:
    page.evaluate("window.scrollTo(0, 0); document.querySelector('[data-testid=\"stMain\"]')?.scrollTo(0, 0)")
    page.wait_for_timeout(300)


def shoot(page, name: str, size: tuple[int, int]) -> None:
    assert page.get_by_test_id("stException").count() == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=path, animations="disabled", caret="hide")  # the viewport only
    assert png_size(path) == size
    assert path.stat().st_size <= MAX_BYTES, path.stat().st_size
    print(f"{path.relative_to(ROOT)}: {size[0]}×{size[1]}, {path.stat().st_size // 1024} KB")


def test_screenshots_of_the_main_pages(app_server, seeded, pages):
    results, room = seeded
    phone, projector = pages["phone"], pages["room"]

    phone.goto(app_server.url)
    phone.locator(".st-key-cap-asked [data-testid='stChatMessage']").wait_for()
    phone.get_by_test_id("stChatInputTextArea").wait_for()
    idle(phone)
    shoot(phone, "diagnostic", (390, 844))

    phone.goto(f"{app_server.url}/?s={results}")
    phone.locator(".st-key-dl-strategy-pdf").wait_for()
    idle(phone)
    to_top(phone)
    shoot(phone, "results", (390, 844))

    phone.goto(f"{app_server.url}/formateur?t={room.trainer_token}")
    phone.locator(".st-key-ws-reveal").wait_for()
    phone.locator("[data-testid='stHtml'] img[alt]").first.wait_for()  # the QR code
    idle(phone)
    phone.locator(".st-key-ws-joining").evaluate("e => e.scrollIntoView({block: 'center'})")
    phone.wait_for_timeout(300)
    shoot(phone, "trainer", (390, 844))

    phone.goto(f"{app_server.url}/donnees")
    phone.get_by_test_id("stHeading").nth(3).wait_for()
    idle(phone)
    shoot(phone, "data", (390, 844))

    projector.goto(f"{app_server.url}/salle?code={room.code}")
    projector.get_by_test_id("stMetric").nth(1).wait_for()
    projector.locator("[data-testid='stMarkdown'] table").first.wait_for()  # revealed: the bars
    idle(projector)
    shoot(projector, "room", (1280, 800))
