"""tagger: review and tag news articles from a terminal."""

__version__ = "0.1.0"
