"""The drop copy context's ports: its outbox, its targets and its measurements."""
