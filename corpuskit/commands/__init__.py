"""One module per `corpuskit` command, each with `run(args) -> int`."""
