"""Running one drill: the kill switch engaged on the drill's target, timed and judged."""

from __future__ import annotations

from typing import Protocol

from domain.drills.runs import DrillMeasure
from domain.drills.schedule import DrillSpec


class DrillRunner(Protocol):
    """Runs the drill `spec` asks for and measures it (domain/drills/runs.py).

    Contract: the halt engaged is a drill's own (an embedded Bulwark of its own: the deployment's
    trading state is never touched); a target the runner cannot reach, or whose setup fails,
    answers a failed measure naming why rather than raising; the drill's orders still working
    at a venue afterwards are cancelled there (best effort) once they are counted.
    """

    async def run(self, spec: DrillSpec) -> DrillMeasure: ...
