"""The market's clock: venues' sessions, holidays and early closes as data (docs/calendars.md)."""
