"""Engines: how many articles go through extraction — local processes, or a Ray cluster."""
