"""Names of things, shared by every stage: the gazetteer (countries, places, demonyms) and name normalisation."""
