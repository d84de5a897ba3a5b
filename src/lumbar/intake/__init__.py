"""Intake: free text -> findings (present or absent) with the words they came from."""

from lumbar.intake.reader import ReadFinding, Reading, TextReader

__all__ = ["ReadFinding", "Reading", "TextReader"]
