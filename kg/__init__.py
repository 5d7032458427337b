"""newskg: knowledge graphs from news. ``kg.open_graph`` / ``kg.open_dataset`` read a store with rdflib."""


def __getattr__(name: str):
    # Loaded on first use, so that `import kg` (and the `kg` command) stays light.
    if name in ("open_graph", "open_dataset"):
        from kg.store import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
