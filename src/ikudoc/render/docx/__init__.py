"""The Word file: filled from its docxtpl template, laid out where the template cannot say it, and
paginated by LibreOffice (daftar isi, printing)."""
