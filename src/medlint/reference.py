"""The straightforward path, for proving that the optimised one gives the same output.

With ``MEDLINT_REFERENCE=1`` in the environment, every pattern runs its regular
expression on every text (no literal prefilter) and segmentation uses a fully
initialised plain jieba.
"""

from __future__ import annotations

import os

REFERENCE = os.environ.get("MEDLINT_REFERENCE") == "1"
