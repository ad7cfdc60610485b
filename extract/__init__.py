"""Structure-preserving extraction of PDFs into the pariter document model."""
