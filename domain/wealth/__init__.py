"""The investor's profile and the suitability of what they run (docs/wealth.md). Pure."""
