"""Strategies: definitions (sources, sizing, entry/exit rules, mode) and the pure decisions
that turn signals and closed bars into order intents — shared by the live processor and the
backtester."""
