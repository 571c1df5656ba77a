"""Answers' numbers on the wire: the kinds, their formatting, every response DTO."""
