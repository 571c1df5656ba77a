"""Trading model: instruments, orders, fills, positions, accounts."""
