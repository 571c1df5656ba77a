"""Safety use cases: the kill switch, agents, margin, loss-limit triggers, succession."""
