"""What each ``ikudoc`` command does, over load, check and render: the command line (``cli``) only reads
options and calls these."""
