"""Open-ended duties: phrases that make a duty unmeasurable.

"Menjalankan tugas-tugas lain yang diperintahkan pimpinan" (other duties ordered by the superior) must not
appear in a job description or a contract: if there are other duties, they are named. The list is
configurable in ``settings.yaml`` (``vague_phrases`` replaces it, ``extra_vague_phrases`` extends it).
"""

from __future__ import annotations

import re

DEFAULT_PHRASES: tuple[str, ...] = (
    "tugas lain yang diperintahkan pimpinan",
    "tugas lain yang diberikan pimpinan",
    "tugas lain yang diberikan atasan",
    "tugas lain yang diperintahkan atasan",
    "tugas-tugas lain",
    "tugas kedinasan lain",
    "dan lain-lain",
    "dan lain lain",
    "dll",
    "dsb",
    "other duties as assigned",
    "other tasks assigned",
    "any other duties",
    "and so on",
    "etc",
)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def vague_phrase(text: str, phrases: tuple[str, ...] = DEFAULT_PHRASES) -> str | None:
    """The first open-ended phrase found in ``text`` (as whole words), or None."""
    norm = _normalise(text)
    for phrase in phrases:
        p = _normalise(phrase)
        if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", norm):
            return phrase
    return None
