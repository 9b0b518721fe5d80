"""Recognizers that turn lines into events; the generic rules cover what no tool family claims."""
from .classifier import Classifier, canonical_test_id, find_location
from .rules import RULES, Rule

__all__ = ["Classifier", "RULES", "Rule", "canonical_test_id", "find_location"]
