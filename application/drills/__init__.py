"""Scheduled kill-switch drills: the owners' schedules, the leased job that runs them, and the
records other contexts read (the last drill of an owner, or of one target)."""
