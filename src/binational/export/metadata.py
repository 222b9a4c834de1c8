"""What the exported data says about itself: title, description, licence, sources."""

from __future__ import annotations

from dataclasses import dataclass

from binational.config import DATA_LICENSES

DEFAULT_LICENSE = "CC-BY-4.0"


@dataclass(frozen=True)
class DataDescription:
    organization: str
    period: str | None = None  # the exported period, None for everything
    license: str = DEFAULT_LICENSE  # an SPDX identifier of ``config.DATA_LICENSES``

    def __post_init__(self) -> None:
        if self.license not in DATA_LICENSES:
            raise ValueError(f"unknown data licence {self.license!r}")

    @property
    def license_title(self) -> str:
        return DATA_LICENSES[self.license][0]

    @property
    def license_url(self) -> str:
        return DATA_LICENSES[self.license][1]

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
