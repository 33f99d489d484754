"""The document model: canonical text, paragraphs, changes, edits and their replay, the per-document context."""
