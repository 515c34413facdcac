"""The Perjanjian Kinerja (PK): the yearly performance agreement built from an IKU's sasaran, indicators
and targets (PermenPANRB 53/2014), from a small content file recognised by its [perjanjian] table.

Only the IKU's commands need none of this package: they import it when a content file is a PK."""

#: The key that makes a content file a Perjanjian Kinerja instead of an IKU.
KIND_KEY = "perjanjian"
