"""The stages that change the text: normalisation, rule packs and their kinds, the tag-list and block-scoring heuristics, and their order."""
