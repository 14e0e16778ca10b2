"""Open-ended duties: phrases that make a duty unmeasurable.

"Menjalankan tugas-tugas lain yang diperintahkan pimpinan" (other duties ordered by the superior) must not
appear in a job description or a contract: if there are other duties, they are named. The list is
configurable in ``settings.yaml`` (``vague_phrases`` replaces it, ``extra_vague_phrases`` extends it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import DEFAULT_VAGUE_PHRASES as DEFAULT_PHRASES  # the settings' default list


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


@lru_cache(maxsize=8)
def _pattern(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One compiled alternation for the whole list (checked once per text, not once per phrase)."""
    normalised = {_normalise(p): p for p in phrases}
    alternatives = "|".join(re.escape(p) for p in sorted(normalised, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), normalised


def vague_phrase(text: str, phrases: tuple[str, ...] = DEFAULT_PHRASES) -> str | None:
    """The first open-ended phrase found in ``text`` (as whole words), or None."""
    if not phrases:
        return None
    pattern, originals = _pattern(tuple(phrases))
    match = pattern.search(_normalise(text))
    return originals.get(match.group(0)) if match else None
