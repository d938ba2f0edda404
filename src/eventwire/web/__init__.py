"""The analyst's web app: JSON API, HTML pages and their static files."""
