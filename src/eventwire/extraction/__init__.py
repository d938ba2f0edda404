"""The extraction stages, in the order the pipeline runs them.

parse -> actors -> places (names to coordinates, via gazetteer) -> dates -> events -> quotes.
Each stage reads what the stages before it found and adds its own records; none reaches back,
and none touches the store. ``pipeline.extract`` runs them all on one article.
"""
