"""One module per ``alliance`` verb, as MkDocs lays out its commands."""
