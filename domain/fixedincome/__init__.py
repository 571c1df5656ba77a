"""Fixed income: day counts, bond price/yield, risk measures, ladders and yield curves."""
