"""The shape of what the engine needs to choose networks: roles.yaml (the jobs a plan needs a
network for), audiences.yaml (adult and professional usage) and scoring.yaml's selection parts
(when an existing account is kept, what a band without a figure gets, how many networks a team
can run). Validated like the rest of the knowledge (wizard/knowledge/models.py)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from wizard.i18n import Text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- roles.yaml, audiences.yaml ------------------------------------------------------

class RoleFit(_Model):
    """Which appraisals of channels.yaml say how well a channel plays a role."""
    goals: tuple[str, ...] = ()  # goal fits (channels.yaml `goals`)
    groups: tuple[str, ...] = ()  # audience-group fits (channels.yaml `groups`)


class Role(_Model):
    """A job the plan may need a network for (publishing to young people, one-to-one follow-up…)."""
    label: Text
    audience: Literal["youth", "adult", "professional", "team"]
    fit: RoleFit
    channels: tuple[str, ...] = Field(min_length=1)  # the networks that can play it
    weights: dict[str, float] | None = None  # overrides scoring.yaml weights for this role
    weights_why: Text | None = None  # why, when overridden
    shared: bool = True  # a network chosen for another role may play this one too
    why: Text
    sources: tuple[str, ...] = ()


class WithoutAccount(_Model):
    """A network a child under its minimum age can still use without an account of their own."""
    role: Text  # {age} is the network's minimum age
    sources: tuple[str, ...] = ()


class Roles(_Model):
    roles: dict[str, Role]
    goals: dict[str, tuple[str, ...]]  # goal id -> roles it needs
    groups: dict[str, tuple[str, ...]] = {}  # audience group id -> roles it adds
    without_account: dict[str, WithoutAccount] = {}  # channel id -> its use without an account


class AudienceFigure(_Model):
    """Share (%) of an adult population using a network, as published, with its country and year."""
    value: float = Field(ge=0, le=100)
    population: Text
    country: str
    year: int
    sources: tuple[str, ...] = Field(min_length=1)


class Audiences(_Model):
    """Adult and professional usage per kind, country and channel (REFERENCE §10.1, §10.2)."""
    adult: dict[str, dict[str, AudienceFigure]]  # country -> channel -> figure
    professional: dict[str, dict[str, AudienceFigure]] = {}


# --- scoring.yaml parts ---------------------------------------------------------------

class KeepExisting(_Model):
    """From how many followers an existing account is kept: a labelled assumption."""
    followers: int = Field(ge=0)
    assumption: bool = True
    basis: Text
    sources: tuple[str, ...] = ()


class MissingUsage(_Model):
    """What a band with no published usage figure gets: never zero, a neutral estimate."""
    method: Literal["median"]  # the median of the published figures for that band and country
    basis: Text


class Cap(_Model):
    """How many networks a team can run well. Small structures without a dedicated post:
    one or two [MANSFIELD-2012, NPTECHFORGOOD-2015]; otherwise the people decide (a labelled
    assumption) and the hours through each network's workload."""
    small_structure_networks: int = Field(ge=1)
    small_staff_below: int = Field(ge=1)  # fewer staff than this (or unknown with few people): small
    small_people_at_most: int = Field(ge=1)
    small_sources: tuple[str, ...] = Field(min_length=1)
    networks_per_person: int = Field(ge=1)  # assumption
    most: int = Field(ge=1)
    assumption_basis: Text
    assumption_sources: tuple[str, ...] = ()
