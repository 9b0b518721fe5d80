"""Recognizers that turn lines into events, one module per tool family; the generic finder covers the rest."""
from ..locations import find_location
from .classifier import Classifier
from .details import bare_test_id, canonical_test_id
from .families import FAMILIES, without
from .rules import Family, Rule

__all__ = ["FAMILIES", "Classifier", "bare_test_id", "Family", "Rule", "canonical_test_id", "find_location", "without"]
