"""lineofsight: a line of sight from every child's record to the figures and judgements."""

__version__ = "0.1.0"
