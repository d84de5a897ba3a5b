"""Exports for the trip to the doctor: CSV of dated records and scores, a FHIR R4B Bundle."""
