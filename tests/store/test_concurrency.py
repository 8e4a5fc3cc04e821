"""Several devices on one resume link, through the app's own save path (ConversationService),
on SQLite and PostgreSQL: nothing acknowledged is lost, nothing fails, the last save wins."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.devices import lost_answers, run_device
from wizard.conversation import ConversationService
from wizard.questionnaire.load import SHIPPED, load

Q = load(SHIPPED / "diagnostic.yaml")


@pytest.mark.timeout(240)
@pytest.mark.parametrize("devices", [2, 10])
def test_many_devices_on_one_link_lose_nothing(store, devices):
    svc = ConversationService(store, Q)
    conv = svc.start()
    svc.answer(conv, "structure_name", "départ")
    start = threading.Barrier(devices)
    with ThreadPoolExecutor(devices) as pool:
        results = list(pool.map(lambda d: run_device(svc, conv.token, d, 30, start), range(devices)))
    written = [w for run in results for w in run.written]
    assert len(written) == devices * 30
    assert [e for run in results for e in run.errors] == []  # no error shown to anyone
    assert lost_answers(store, conv.token, written) == {}
    assert store.load(conv.token).revision >= len({r for r, _, _ in written})


@pytest.mark.timeout(120)
def test_two_devices_answering_the_same_question_at_once_have_one_winner(store):
    svc = ConversationService(store, Q)
    for attempt in range(15):
        first = svc.start()
        svc.answer(first, "structure_name", None)
        second = svc.resume(first.token)
        start = threading.Barrier(2)

        def go(conv, value):
            start.wait()
            return svc.answer(conv, "structure_kind", value)

        with ThreadPoolExecutor(2) as pool:
            a, b = pool.submit(go, first, "pij"), pool.submit(go, second, "bij")
            assert a.result() == [] and b.result() == []  # no error for either
        winner, loser = (first, second) if first.revision > second.revision else (second, first)
        stored = store.load(first.token).answers["structure_kind"]
        assert stored == winner.answers["structure_kind"]
        notices = svc.sync(loser)
        assert [n.code for n in notices] == ["changed_elsewhere"] and notices[0].keys == ("structure_kind",)
        assert loser.answers["structure_kind"] == stored  # the loser now shows the winning answer
