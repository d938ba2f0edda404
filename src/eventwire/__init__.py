"""eventwire: sourced event data from news text."""

from .extraction.pipeline import extract
from .records import Document

__all__ = ["Document", "extract"]
__version__ = "0.1.0"
