"""Language detection: deterministic, on a bounded sample.

``langdetect`` is probabilistic; its factory is seeded once so the same text
always gives the same answer.  Only a bounded sample is read (the first
paragraphs that look like prose, up to :data:`SAMPLE_CHARS` characters), so the
cost does not grow with the document.  Text with too few letters gets ``None``
and is cleaned with the language-neutral pack only.
"""

from __future__ import annotations

import threading

import regex

SAMPLE_CHARS = 1500
MIN_LETTERS = 20
_LETTERS_RE = regex.compile(r"\p{L}")
_lock = threading.Lock()
_ready = False


def _factory_ready() -> None:
    global _ready
    with _lock:
        if not _ready:
            from langdetect import DetectorFactory

            DetectorFactory.seed = 0
            _ready = True


def sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The first prose-like lines of ``text``, up to ``limit`` characters."""
    picked: list[str] = []
    size = 0
    for line in text.split("\n"):
        if len(line.split()) >= 6:
            picked.append(line)
            size += len(line)
            if size >= limit:
                break
    out = "\n".join(picked) if picked else text
    return out[:limit]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (``zh-cn`` style codes are cut to ``zh``), or None."""
    chunk = sample(text)
    if len(_LETTERS_RE.findall(chunk[:400])) < MIN_LETTERS:
        return None
    _factory_ready()
    from langdetect import detect
    from langdetect.lang_detect_exception import LangDetectException

    try:
        code = detect(chunk)
    except LangDetectException:
        return None
    return code.split("-")[0]
