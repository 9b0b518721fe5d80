"""Recognizers that turn lines into events, one module per tool family; generic rules cover the rest."""
from .classifier import Classifier, bare_test_id, canonical_test_id, find_location
from .families import FAMILIES
from .rules import Family, Rule

__all__ = ["FAMILIES", "Classifier", "bare_test_id", "Family", "Rule", "canonical_test_id", "find_location"]
