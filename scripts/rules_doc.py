"""Write docs/rules.md, the rule reference, from the default rules.

    python scripts/rules_doc.py           # rewrite docs/rules.md
    python scripts/rules_doc.py --check   # exit 1 if docs/rules.md is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medlint.filters.suppression import UNUSED
from medlint.rules import default_rules_dir, load_pack
from medlint.rules.reference import markdown

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "rules.md"


def generate() -> str:
    """The reference of this checkout's rules (the installed pack may be older)."""
    rules = ROOT / "rules"
    return markdown([*load_pack([rules if rules.is_dir() else default_rules_dir()]).rules, UNUSED])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare")
    args = parser.parse_args()
    text = generate()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/rules_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
