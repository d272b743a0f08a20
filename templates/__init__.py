"""Document layouts (data) and their renderer. The layouts of the consular ID card, the
emergency travel document and the certificates arrive with the documents issue; this package is
installed now so that a post's layout folder has its place."""
