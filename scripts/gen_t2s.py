"""Regenerate src/medlint/data/t2s.tsv, the Traditional→Simplified character table.

The table is derived from OpenCC's TSCharacters dictionary (Apache-2.0), as shipped by
the opencc-python-reimplemented package (a development-only dependency):

    pip install opencc-python-reimplemented && python scripts/gen_t2s.py

Only one-to-one character mappings are kept (the first candidate of each entry), so
converting a text never changes its length and positions stay exact.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "medlint" / "data" / "t2s.tsv"


def main() -> None:
    source = files("opencc") / "dictionary" / "TSCharacters.txt"
    pairs: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        trad, simp = line.split("\t", 1)
        first = simp.split()[0]
        if len(trad) == 1 and len(first) == 1 and trad != first:
            pairs.setdefault(trad, first)
    body = "".join(f"{t}\t{s}\n" for t, s in sorted(pairs.items()))
    header = "# Traditional→Simplified, one character each; from OpenCC TSCharacters (Apache-2.0)\n"
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{len(pairs)} pairs written to {OUT}")


if __name__ == "__main__":
    main()
