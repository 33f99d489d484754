"""Language detection and the stoplists of each language."""
