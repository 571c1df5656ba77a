"""Monte Carlo simulations of wealth paths."""
