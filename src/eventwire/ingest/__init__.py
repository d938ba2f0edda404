"""Ingest: bytes, files and folders in; checked ``Article`` records out, or why not."""
