"""The model of a configuration file's settings, validated when a file configures
medlint (the defaults need no model: :class:`medlint.config.settings.DefaultConfig`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, field_validator

from ..prose import prose_problem
from ..violation import Severity
from .globs import glob_problem

Format = Literal["markdown", "html", "text"]


class Config(BaseModel):
    """The settings of one configuration file (keys are spelled with hyphens)."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=lambda name: name.replace("_", "-"), frozen=True,
        defer_build=True,
    )

    select: list[str] | None = Field(
        default=None, description="rules to run (default: ALL): codes, prefixes, names, categories"
    )
    extend_select: list[str] = Field(default_factory=list, description="rules added to select")
    ignore: list[str] = Field(default_factory=list, description="rules not to run")
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict, description="glob (gitignore syntax) -> rules ignored there"
    )
    exclude: list[str] = Field(
        default_factory=list, description="globs (gitignore syntax) of files and folders to skip"
    )
    respect_gitignore: StrictBool = Field(default=True, description="skip what .gitignore ignores")
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="selector -> error | warning | info"
    )
    extra_rules: list[str] = Field(
        default_factory=list, description="folders of additional YAML rules"
    )
    disclaimer_text: str | None = Field(
        default=None, description="the disclaimer wording the site requires (used by --fix)"
    )
    extensions: list[str] | dict[str, Format] | None = Field(
        default=None, description="suffixes checked in folders, optionally -> format"
    )
    allow_inline_suppression: StrictBool = Field(
        default=True, description="honour medlint-disable comments"
    )

    @field_validator("disclaimer_text")
    @classmethod
    def _prose(cls, value: str | None) -> str | None:
        if value is not None and (problem := prose_problem(value)):
            raise ValueError(problem)
        return value

    @field_validator("exclude")
    @classmethod
    def _bounded_globs(cls, value: list[str]) -> list[str]:
        for pattern in value:
            if problem := glob_problem(pattern):
                raise ValueError(problem)
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _bounded_keys(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for pattern in value:
            if problem := glob_problem(pattern):
                raise ValueError(problem)
        return value

    @field_validator("extra_rules")
    @classmethod
    def _relative(cls, value: list[str]) -> list[str]:
        for folder in value:
            if not folder or Path(folder).is_absolute() or ".." in Path(folder).parts:
                raise ValueError(
                    f"{folder!r}: must be a folder inside the configuration's folder "
                    "(a relative path without '..')"
                )
        return value


def describe(error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"])
    if first["type"] == "extra_forbidden":
        return f"unknown setting {location!r}"
    return f"{location}: {first['msg']}"
