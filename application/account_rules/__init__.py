"""US account rules on the order path (the pattern-day-trader rule, day-trading buying power,
the options level) and each account's settings of them."""
