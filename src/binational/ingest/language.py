"""Language of an extracted text (py3langid), with the source's declared language as
the fallback when the text is too short or ambiguous to say."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MIN_CONFIDENCE = 0.8
MIN_CHARS = 40


@dataclass(frozen=True)
class LanguageDetector:
    """A loaded py3langid model (about a second to load: build one per run)."""

    identifier: Any

    @classmethod
    def load(cls) -> LanguageDetector:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        return cls(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))

    def detect(self, text: str, declared: str | None = None) -> str | None:
        """ISO 639-1 code of ``text``; ``declared`` (e.g. ``es-MX`` from the page or
        the source list) wins when the text is short or the model unsure."""
        hint = declared.split("-")[0].lower() if declared else None
        sample = text[:4000]
        if len(sample.strip()) < MIN_CHARS:
            return hint
        code, confidence = self.identifier.classify(sample)
        if confidence < MIN_CONFIDENCE and hint:
            return hint
        return str(code)
