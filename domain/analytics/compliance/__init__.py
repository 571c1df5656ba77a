"""Compliance documents: the 13F-HR information table and the filing
calendar (13F, Schedules 13D and 13G, U.S. estimated tax), pure and dated by the rules in force.
docs/13f.md states the conventions and the sources."""
