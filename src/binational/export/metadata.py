"""What the exported data says about itself: title, description, license, sources."""

from __future__ import annotations

from dataclasses import dataclass

# The license the exported data is offered under. The center publishes its reports
# openly; CC BY 4.0 asks only for attribution.
LICENSE_NAME = "CC-BY-4.0"
LICENSE_TITLE = "Creative Commons Attribution 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class DataDescription:
    organization: str
    period: str | None = None  # the exported period, None for everything

    @property
    def title(self) -> str:
        scope = f" ({self.period})" if self.period else ""
        return f"Binational Institutions Repository: open data{scope}"

    @property
    def description(self) -> str:
        return (
            f"Published events of the US–Mexico relationship curated by {self.organization}, "
            "the registry of binational institutions and government agencies, the links "
            "between them with the mention that justified each, and the sources each event cites."
        )

    @property
    def source(self) -> str:
        return f"{self.organization}: quarterly reports and official sources of both governments"
