"""holdout-core 1.0.0: a package of the held-out pip-resolution case."""
__version__ = "1.0.0"
