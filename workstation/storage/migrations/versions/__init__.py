"""Migration scripts, oldest first: 0001_registry_audit, 0002_documents_numbering,
0003_search_keys_birth_year, 0004_document_files."""
