"""Language identification: py3langid and lingua (low-accuracy mode) restricted to tuning.LANGUAGES, averaged.

Each library alone got 80-81 of the 85 short messages of the blind set's tune half right, with different
mistakes (py3langid reads "hola donde esta mi pedido" as Portuguese; lingua reads accentless French with an
English word in it as English); the average of their probabilities got 83 (bench/results/signals.json).
Lingua's low-accuracy mode (trigrams only) keeps it at ~15 MB instead of ~300 MB for the full models.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from backend import tuning

# English names of tuning.LANGUAGES, for prompts and notes ("answer in Spanish").
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French", "nl": "Dutch", "pt": "Portuguese",
                  "it": "Italian", "pl": "Polish", "sv": "Swedish", "da": "Danish", "tr": "Turkish", "ca": "Catalan",
                  "ro": "Romanian", "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "hu": "Hungarian", "el": "Greek",
                  "ru": "Russian", "uk": "Ukrainian"}


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)


@lru_cache(maxsize=1)
def _detectors() -> tuple[Any, Any, tuple[str, ...]]:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    from backend.retrieval.model_cache import load_langid

    langid = load_langid(norm_probs=True)  # its model kept inflated per machine (~0.3 s a start otherwise)
    codes = tuple(c for c in tuning.LANGUAGES if c in langid.nb_classes and hasattr(IsoCode639_1, c.upper()))
    langid.set_languages(list(codes))
    lingua = LanguageDetectorBuilder.from_languages(
        *(Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes)
    ).with_low_accuracy_mode().with_preloaded_language_models().build()
    return langid, lingua, codes


def warm_up() -> None:
    """Load both models (about 0.3 s) so the first conversation does not pay for it."""
    _detectors()


def language_scores(text: str) -> dict[str, float]:
    """Probability per language code (the two libraries' probabilities averaged)."""
    langid, lingua, codes = _detectors()
    first = dict(langid.rank(text))
    second = {v.language.iso_code_639_1.name.lower(): v.value for v in lingua.compute_language_confidence_values(text)}
    weight = tuning.LANGUAGE_LINGUA_WEIGHT
    return {c: (1 - weight) * float(first.get(c, 0.0)) + weight * float(second.get(c, 0.0)) for c in codes}


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of `text` (`default` when it has no letters)."""
    # Both detectors are linear in the text and settle within a few sentences, so a long answer or thread
    # is judged by its head; the cache serves the same text seen again (signals and the answer's language in
    # one request, a ticket re-opened, a question many customers ask).
    return _detect(text[: tuning.LANGUAGE_SAMPLE_CHARS], default)


@lru_cache(maxsize=tuning.LANGUAGE_CACHE_SIZE)
def _detect(text: str, default: str) -> str:
    if not any(ch.isalpha() for ch in text):
        return default
    scores = language_scores(text)
    return max(scores, key=lambda c: scores[c]) if scores else default
