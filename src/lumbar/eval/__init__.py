"""Scoring of labelled sets: measures, never used by the engines."""
