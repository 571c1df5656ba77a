"""Live trading by explicit opt-in: an account on a live venue connection trades only once its
owner typed the acknowledgement (and, where configured, a second person approved), and only
while its limits stand; every new account gets default limits."""
