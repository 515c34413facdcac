"""The Perjanjian Kinerja (PK): the yearly performance agreement built from an IKU's sasaran, indicators
and targets (PermenPANRB 53/2014), from a small content file recognised by its [perjanjian] table."""
