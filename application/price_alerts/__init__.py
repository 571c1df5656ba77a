"""Price alerts: users' thresholds on symbols, watched against the process's quotes."""
