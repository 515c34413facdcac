"""Any content file, of any document kind: TOML read with the line of every key, its Markdown texts,
the problems found in it, numbers and dates formatted the Indonesian way, and where it came from (a
file or a git revision)."""
