"""US account rules the gate enforces beyond an account's own limits: FINRA's pattern-day-trader
rule and day-trading buying power, and an account's options approval level."""
