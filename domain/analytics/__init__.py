"""Pure analytics: performance statistics, options, Monte Carlo, risk measures and the rest."""
