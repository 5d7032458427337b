"""RDF: the vocabulary's namespaces, IRI minting, and the mapping of extractions to quads."""
