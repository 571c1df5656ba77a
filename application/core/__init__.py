"""What every application context shares: access, cursors, retries, locks, pacing, audit."""
