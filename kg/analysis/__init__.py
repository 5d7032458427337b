"""Analysis of a graph in the newskg vocabulary: projection to networkx, metrics, reports, RDF out."""
