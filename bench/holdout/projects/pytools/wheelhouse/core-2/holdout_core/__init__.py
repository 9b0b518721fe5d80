"""holdout-core 2.0.0: a package of the held-out pip-resolution case."""
__version__ = "2.0.0"
