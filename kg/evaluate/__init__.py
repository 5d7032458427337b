"""Evaluation: readers for public benchmark formats and precision/recall/F1 scoring."""
