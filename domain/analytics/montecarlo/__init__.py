"""Monte Carlo simulations of wealth paths (issue 18)."""
