"""Chinese-English alignment through document structure, by sentence embeddings."""
