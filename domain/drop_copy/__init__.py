"""The drop copy: every order event and fill as one versioned JSON message with a stable id,
for a surveillance desk (docs/drop-copy.md)."""
