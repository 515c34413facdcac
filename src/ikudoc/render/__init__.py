"""A template context -> the document's bytes: page setup, the fitting of tables, and the DOCX, HTML
and PDF writers. Nothing here knows which kind of document it renders."""
