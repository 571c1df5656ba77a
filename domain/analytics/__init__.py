"""Pure analytics: performance statistics (more to come with issues 15, 18, 19 and 22)."""
