"""Benchmarks (``make bench``): ratios against the plain tools on the same work."""
