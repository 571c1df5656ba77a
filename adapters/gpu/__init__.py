"""Compute backends (CPU numba, CUDA) and, later, inference runners; chosen in bootstrap."""
