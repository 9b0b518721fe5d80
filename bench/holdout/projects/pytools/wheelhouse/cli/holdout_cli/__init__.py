"""holdout-cli 0.9.0: a package of the held-out pip-resolution case."""
__version__ = "0.9.0"
