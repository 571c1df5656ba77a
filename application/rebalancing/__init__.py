"""Rebalancing: drift of a household against its targets, tax-aware proposals, execution
through the pre-trade gate, and the autopilot that proposes and executes within limits."""
