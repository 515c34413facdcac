"""Comparing two revisions of a document and showing what changed (text, JSON, an HTML redline), and
git's view of Word files."""
