"""Suite-wide settings: Hypothesis without wall-clock limits (CI machines are slow and shared)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Properties are about correctness, not speed: a slow draw or example on a busy machine must
# not fail them (performance lives in benchmarks/).
settings.register_profile("bulwark", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("bulwark")
