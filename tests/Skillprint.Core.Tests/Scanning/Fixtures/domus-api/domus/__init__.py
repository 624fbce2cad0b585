"""Domus: a small home inventory service."""
