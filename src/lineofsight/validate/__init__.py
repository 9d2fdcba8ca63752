"""Validation of the statutory returns against the DfE rules, each declared once."""

from lineofsight.validate.engine import validate_paths, validate_store
from lineofsight.validate.report import Issue, NotRun, ValidationReport

__all__ = ["Issue", "NotRun", "ValidationReport", "validate_paths", "validate_store"]
