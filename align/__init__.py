"""Chinese-English alignment through document structure, by sentence embeddings.

Text level, one module per concern:

- `segment`: rule-based sentence boundaries (spaCy, offline)
- `embed`: the `Embedder` protocol, MUSE and sentence-transformers backends, a disk cache
- `candidates`: FAISS top-k search (exact, or HNSW for long inputs)
- `sentences`: the aligner (anchors, band, Vecalign DP) and `Bead`
- `evaluate`: bead files and strict/lax P/R/F1
- `bench`, `cli`: the Bible benchmark and the `align-text` / `eval-align` commands

Nothing heavy is imported here, so `import pariter.align` stays cheap.
"""
