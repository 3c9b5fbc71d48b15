"""Extractors: measures, responsible units, numeric targets, citations, tables."""
