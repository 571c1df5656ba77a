"""US capital-gains tax views: lots, realized gains, wash sales (IRS section 1091), harvesting."""
