"""holdout-api 1.3.0: a package of the held-out pip-resolution case."""
__version__ = "1.3.0"
