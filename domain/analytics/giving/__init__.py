"""Giving: donations and receipts, the charitable deduction under the AGI limits
with five-year carryovers, donor-advised funds, and the excess-alpha donation suggestion."""
