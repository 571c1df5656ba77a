"""Drop copy use cases: recording the order path's events as messages, delivering them."""
