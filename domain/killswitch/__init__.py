"""killswitch."""
