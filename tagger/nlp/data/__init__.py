"""Curated word lists for the entity recogniser (curated.txt), shipped as package data."""
