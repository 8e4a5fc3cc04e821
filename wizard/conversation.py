"""One conversation, without Streamlit: start, resume, answer (or edit), sync, finish.

The chat page and the workshop both drive a conversation through this service; it owns
the rules that keep every acknowledged answer:

- an answer is first applied to the page's own copy, queued, then written: when the
  database is down the queue waits in the page and is written on the next action;
- a write replays the queued answers onto the answers stored *now*, in one transaction
  (SessionStore.update), so two devices on one link never erase each other; only what
  this device's own edits made inapplicable is removed;
- the last save wins, and the device whose answer was replaced is told so (a Notice)
  the next time it saves or reloads;
- a database that was replaced (file deleted and put back, backup restored) is noticed by
  its instance id: the page then writes back everything it holds.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from wizard.profile import Profile
from wizard.questionnaire import flow
from wizard.questionnaire.model import Questionnaire
from wizard.store import (
    Saved,
    SessionGone,
    SessionStore,
    StoreError,
    WorkshopClosed,
    well_formed,
)

# deleted / expired: the conversation was deleted (by its owner, on another tab or device; by the
# retention period) — the answers held here are not written back.
NoticeCode = Literal["changed_elsewhere", "added_elsewhere", "saved_after_outage", "new_link",
                     "db_replaced", "unavailable", "missing_file", "gone", "workshop_closed",
                     "deleted", "expired"]
ENDED = ("deleted", "expired")


@dataclass(frozen=True)
class Notice:
    """Something the person should be told, by code (the page words it): keys name questions."""

    code: NoticeCode
    keys: tuple[str, ...] = ()


class LinkProblem(Exception):
    """A resume link that cannot resume: malformed, unknown here, of another questionnaire, or
    whose conversation was deleted by its owner or expired (the retention period)."""

    def __init__(self, reason: Literal["malformed", "unknown", "other_questionnaire", "deleted", "expired"],
                 database_created: datetime | None = None):
        super().__init__(reason)
        self.reason = reason
        self.database_created = database_created


@dataclass
class Conversation:
    """The page's side of a conversation (kept in the browser session, never shared)."""

    token: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    synced: dict[str, Any] | None = None  # the stored answers at this page's last save or reload
    pending: list[tuple[str, Any]] = field(default_factory=list)  # answers not written yet
    revision: int = 0
    instance: str | None = None  # the database this page last wrote to
    lang: str = "fr"  # the conversation's language, as stored
    profile_revision: int | None = None  # the revision whose profile is stored
    waiting: bool = False  # a write failed: the queued answers wait for the database


class ConversationService:
    def __init__(self, store: SessionStore, questionnaire: Questionnaire, lang: str = "fr", *,
                 workshop_id: int | None = None, pseudonym: str | None = None):
        """`workshop_id`: the conversations it starts belong to that workshop (a participant's)."""
        self.store, self.q, self.lang = store, questionnaire, lang
        self.workshop_id, self.pseudonym = workshop_id, pseudonym

    def _create(self, answers: dict[str, Any]) -> tuple[str, Saved]:
        """A new stored conversation holding `answers` (one transaction): (token, Saved)."""
        return self.store.create_with(self.q.id, self.lang, answers, workshop_id=self.workshop_id,
                                      pseudonym=self.pseudonym)

    # --- reading ---------------------------------------------------------------------

    def start(self) -> Conversation:
        return Conversation()

    def resume(self, token: str) -> Conversation:
        """The stored conversation (LinkProblem when it cannot resume; StoreError when the
        database cannot answer: the link may be fine, it is worth trying again)."""
        if not well_formed(token):
            raise LinkProblem("malformed")
        stored = self.store.load(token)
        instance, created = self.store.identity()
        if stored is None:
            raise LinkProblem(self.store.gone(token) or "unknown", created)
        if stored.questionnaire_id != self.q.id:
            raise LinkProblem("other_questionnaire")
        self._touch(token)
        conv = Conversation(token=token, lang=stored.lang)
        self._adopt(conv, stored.answers, stored.revision, instance)
        conv.profile_revision = stored.revision if stored.profile is not None else None
        return conv

    def _touch(self, token: str) -> None:
        """Opening a link is activity: the retention period starts again (at most once a day).
        A database that cannot be written to still resumes."""
        try:
            self.store.touch(token)
        except StoreError:
            pass

    def current(self, conv: Conversation) -> flow.Step | None:
        return flow.current(self.q, conv.answers)

    # --- writing ---------------------------------------------------------------------

    def answer(self, conv: Conversation, key: str, value: Any) -> list[Notice]:
        """Apply an answer (a first one or an edit; None = skipped) and try to store it."""
        conv.answers = flow.answer(self.q, conv.answers, key, value)
        conv.pending.append((key, value))
        return self.sync(conv)

    def sync(self, conv: Conversation) -> list[Notice]:
        """Write what is queued; with nothing queued, take in what other devices saved."""
        if conv.token is None and not conv.pending:
            return []  # a fresh page: nothing stored, nothing to say
        try:
            # one query: the database's id and this session's revision (None: unknown here)
            instance, revision = self.store.state(conv.token)
            # another database (its id changed), or the same one restored from a backup (its
            # revision went back): what this page holds is written back
            replaced = (conv.instance is not None and instance != conv.instance) or (
                revision is not None and revision < conv.revision)
            if not conv.pending and not replaced:
                return self._reload(conv, instance, revision)
            return self._write(conv, instance, replaced)
        except WorkshopClosed:  # refused, not kept for later: the workshop takes no more answers
            conv.pending = []
            stored = self.store.load(conv.token) if conv.token else None
            if stored is not None:
                self._adopt(conv, stored.answers, stored.revision, conv.instance or "")
            elif conv.token is None:  # a first answer: nothing was stored, nothing is shown
                conv.answers = {}
            return [Notice("workshop_closed")]
        except StoreError as exc:
            conv.waiting = bool(conv.pending)
            return [Notice("missing_file" if exc.kind == "missing_file" else "unavailable")]

    def delete(self, conv: Conversation) -> None:
        """« Supprimer mes réponses »: the conversation and its answers, at once (StoreError when
        the database cannot do it now: nothing is deleted, the page says so)."""
        if conv.token is not None:
            self.store.delete(conv.token)
        conv.answers, conv.pending, conv.synced, conv.revision = {}, [], None, 0

    def _ended(self, conv: Conversation) -> list[Notice] | None:
        """Deleted by its owner or by the retention period: nothing held here is written back."""
        reason = self.store.gone(conv.token) if conv.token else None
        if reason is None:
            return None
        conv.answers, conv.pending, conv.synced = {}, [], None
        return [Notice(reason)]

    def finish(self, conv: Conversation) -> tuple[Profile, list[Notice]]:
        """The Profile (ProfileError names a wrong field) and its storage, once per revision."""
        profile = flow.build_profile(self.q, conv.answers)
        if conv.token is None or conv.pending or conv.profile_revision == conv.revision:
            return profile, []
        try:
            if self.store.save_profile(conv.token, profile.model_dump(mode="json"), revision=conv.revision):
                conv.profile_revision = conv.revision
            return profile, []
        except SessionGone:
            return profile, self._ended(conv) or [Notice("gone")]
        except StoreError as exc:
            return profile, [Notice("missing_file" if exc.kind == "missing_file" else "unavailable")]

    # --- inside ------------------------------------------------------------------------

    def _replay(self, pending: list[tuple[str, Any]]) -> Callable[[dict], dict]:
        def change(stored: dict) -> dict:
            new = stored
            for key, value in pending:
                new = flow.answer(self.q, new, key, value)
            return new
        return change

    def _write(self, conv: Conversation, instance: str, replaced: bool) -> list[Notice]:
        notices: list[Notice] = []
        if replaced:  # this page holds answers the new database lacks: it writes them all back
            held = dict(conv.answers)
            change: Callable[[dict], dict] = lambda stored: flow.prune(self.q, {**stored, **held})
            notices.append(Notice("db_replaced"))
            conv.synced = None
        else:
            change = self._replay(list(conv.pending))
        try:
            if conv.token is None:  # a first answer: the conversation is created with it
                conv.token, saved = self._create(change({}))
                conv.synced = {}
            else:
                saved = self.store.update(conv.token, change)
        except SessionGone:  # deleted meanwhile: go on under a new link with everything shown here
            ended = self._ended(conv)  # unless its owner deleted it (or it expired): that stays done
            if ended:
                return ended
            conv.token, saved = self._create(dict(conv.answers))
            conv.synced = None
            notices.append(Notice("new_link"))
        if conv.waiting:
            notices.append(Notice("saved_after_outage"))
            conv.waiting = False
        written = {key for key, _ in conv.pending}
        notices += self._others(conv, saved.before, saved.after, written)
        conv.pending = []
        self._adopt(conv, saved.after, saved.revision, instance)
        return notices

    def _reload(self, conv: Conversation, instance: str, revision: int | None) -> list[Notice]:
        if conv.token is None:
            return []
        if revision == conv.revision and conv.synced is not None:
            return []  # nothing saved elsewhere since: nothing to read
        stored = self.store.load(conv.token) if revision is not None else None
        if stored is None:
            return self._ended(conv) or [Notice("gone")]
        notices = self._others(conv, stored.answers, stored.answers, set())
        self._adopt(conv, stored.answers, stored.revision, instance)
        return notices

    def _others(self, conv: Conversation, before: dict, after: dict, written: set[str]) -> list[Notice]:
        """What other devices changed since this page last synced, as notices."""
        if conv.synced is None:
            return []
        mine = conv.synced
        changed = tuple(k for k in mine if k not in written and before.get(k, _MISSING) != mine[k]
                        and after.get(k, _MISSING) != mine[k])
        added = tuple(k for k in before if k not in mine and k not in written)
        out = []
        if changed:
            out.append(Notice("changed_elsewhere", changed))
        if added:
            out.append(Notice("added_elsewhere", added))
        return out

    def _adopt(self, conv: Conversation, stored: dict, revision: int, instance: str) -> None:
        conv.synced = dict(stored)
        conv.answers = flow.prune(self.q, stored)
        conv.revision, conv.instance = revision, instance


_MISSING = object()
