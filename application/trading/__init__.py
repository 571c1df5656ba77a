"""Trading use cases: orders and their booking, pre-trade risk, accounts, instruments, halts."""
