"""The calendars context's use cases: venues' sessions for a range of days (docs/calendars.md)."""
