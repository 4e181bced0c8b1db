"""``medlint rules`` and ``medlint explain``: what the rules are and why."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from ..filters.suppression import UNUSED
from ..rules.reference import entry, explain, find
from .errors import EXIT_OK, UsageError
from .options import config_options, pack, rules_option

if TYPE_CHECKING:
    from ..rules.reference import AnyRule


def add_parsers(commands: Any) -> None:
    listing = commands.add_parser("rules", help="list the rules")
    listing.add_argument("names", nargs="*", metavar="RULE", help="codes or names (default: all)")
    _format_option(listing)
    rules_option(listing)
    config_options(listing)
    explaining = commands.add_parser("explain", help="show a rule's documentation")
    explaining.add_argument("code", metavar="RULE", help="a rule code or name")
    _format_option(explaining)
    rules_option(explaining)
    config_options(explaining)


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text")


def _known(args: argparse.Namespace) -> tuple[list[AnyRule], int]:
    rule_pack = pack(args)
    return [*rule_pack.rules, UNUSED], len(rule_pack.topics)


def _named(rules: list[AnyRule], names: list[str]) -> list[AnyRule]:
    chosen = []
    for name in names:
        rule = find(rules, name)
        if rule is None:
            raise UsageError(f"unknown rule: {name}")
        chosen.append(rule)
    return chosen


def cmd_rules(args: argparse.Namespace) -> int:
    rules, topics = _known(args)
    chosen = sorted(_named(rules, args.names) if args.names else rules, key=lambda r: r.code)
    if args.format == "json":
        print(json.dumps([entry(rule) for rule in chosen], ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(rule.name) for rule in chosen)
    for rule in chosen:
        fix = entry(rule)["fix"]
        mark = {"safe": "fix", "unsafe": "fix (unsafe)"}.get(fix or "", "")
        line = f"{rule.code}  {rule.name:<{width}}  {rule.category:<16} {rule.severity.value:<8}"
        print(f"{line} {mark}".rstrip())
    if not args.names:
        print(f"{len(rules)} rules, {topics} topic profiles")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    rules, _ = _known(args)
    rule = _named(rules, [args.code])[0]
    if args.format == "json":
        print(json.dumps(entry(rule), ensure_ascii=False, indent=2))
    else:
        print(explain(rule))
    return EXIT_OK
