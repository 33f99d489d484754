"""Reading the world: HTML pages to article text, files and their encodings, atomic writes."""
