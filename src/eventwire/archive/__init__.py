"""Archive: the store (DuckDB or PostgreSQL, one schema), fusion into stories, and export."""
