"""Name tables: canonical spellings of people and places, fuzzy matching, transliteration, discovery of candidates."""
