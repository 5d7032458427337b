"""Write an analysis out: report.md, metrics.json, metrics.csv and PNG charts.

>>> import pyoxigraph as ox, tempfile, json
>>> from pathlib import Path
>>> from kg.analysis.analyze import analyze
>>> from kg.analysis.read import EXAMPLE_TTL
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> paths = write_report(analyze(store), Path(tempfile.mkdtemp()), source="example")
>>> sorted(paths)
['csv', 'events_chart', 'json', 'report', 'top_actors_chart']
>>> json.loads(paths["json"].read_text())["nodes"][0]["label"]
'Ali'
"""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

from kg.analysis.analyze import ACTOR_TYPES, Analysis
from kg.analysis.metrics import RANKED_METRIC_NAMES

TOP = 15


def _cell(text: object) -> str:
    """Article text in a Markdown table cell: HTML escaped, pipes and newlines neutralised."""
    return html.escape(" ".join(str(text).split())).replace("|", "\\|")


def node_rows(run: Analysis) -> list[dict]:
    """One record per node, best ranked first, with its metrics."""
    rows = []
    for rank, node in enumerate(run.ranking(), 1):
        attrs = run.graph.nodes[node]
        rows.append(
            {
                "rank": rank,
                "iri": node,
                "label": attrs["label"],
                "type": attrs["type"],
                "events": run.events_of(node),
                "mentions": attrs.get("mentions", 0),
                **run.metrics[node],
            }
        )
    return rows


def _label(run: Analysis, node: str) -> str:
    return run.graph.nodes[node]["label"] if node in run.graph else node


def summary(run: Analysis, source: str) -> dict:
    """Everything metrics.json holds."""
    f = run.filters
    position = {n: i for i, n in enumerate(run.ranking())}
    return {
        "source": source,
        "filters": {
            "types": sorted(f.types) if f.types else None,
            "event_classes": sorted(f.event_classes) if f.event_classes else None,
            "since": f.since.isoformat() if f.since else None,
            "until": f.until.isoformat() if f.until else None,
            "min_support": f.min_support,
        },
        "seed": run.seed,
        "graph": {
            "nodes": run.graph.number_of_nodes(),
            "edges": run.graph.number_of_edges(),
            "events": len(run.events),
            "components": len(run.components),
            "communities": len(run.communities),
        },
        "nodes": node_rows(run),
        "communities": [
            {
                "id": i,
                "members": [_label(run, n) for n in sorted(members, key=position.__getitem__)],
                "iris": members,
                "event_classes": dict(run.community_classes(members).most_common()),
            }
            for i, members in enumerate(run.communities)
        ],
        "activity": {
            "period": run.activity.period,
            # What the timeline counts (its keys keep their names): the reports of one happening count once.
            "counted": "incidents",
            "periods": run.activity.periods,
            "undated_events": run.activity.undated,
            "events_by_class": {p: dict(c) for p, c in sorted(run.activity.by_class.items())},
            "events_by_actor": {
                _label(run, a): {p: n for p, n in sorted(c.items())} for a, c in sorted(run.activity.by_actor.items())
            },
            "changes": [
                {
                    **change,
                    "rise": [{**r, "label": _label(run, r["actor"])} for r in change["rise"]],
                    "fall": [{**r, "label": _label(run, r["actor"])} for r in change["fall"]],
                }
                for change in run.activity.changes
            ],
        },
    }


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _rank_table(run: Analysis, types: tuple[str, ...]) -> list[str]:
    rows = []
    for i, node in enumerate(run.ranking(types)[:TOP], 1):
        m = run.metrics[node]
        rows.append(
            [
                i,
                _label(run, node),
                run.graph.nodes[node]["type"],
                f"{m['actor_rank']:.4f}",
                f"{m['pagerank']:.4f}",
                m["degree"],
                f"{m['weighted_degree']:g}",
                f"{m['betweenness']:.4f}",
                run.events_of(node),
                m["community"],
            ]
        )
    header = ["#", "name", "type", "actor rank", "PageRank", "degree", "weighted degree", "betweenness"]
    header += ["events", "community"]
    return _table(header, rows) if rows else ["(none)"]


def markdown(run: Analysis, facts: dict, charts: dict[str, Path]) -> str:
    g = facts["graph"]
    active = {k: v for k, v in facts["filters"].items() if v is not None and not (k == "min_support" and v == 1)}
    lines = [
        "# Graph analysis",
        "",
        f"Source: `{_cell(facts['source'])}`. Entity graph: {g['nodes']} entities, {g['edges']} edges, "
        f"{g['events']} events, {g['components']} connected components, {g['communities']} communities "
        f"(Louvain, seed {run.seed}).",
        "",
        f"Filters: {_cell(json.dumps(active)) if active else 'none'}.",
        "",
        "## Top actors",
        "",
        "People, organizations and countries by actor rank: PageRank on the event-and-relation graph, so that "
        "an actor's weight follows the events it took part in. PageRank: on the entity graph (edge weight = "
        "supporting events and documents).",
        "",
        *_rank_table(run, ACTOR_TYPES),
        "",
        f"![top actors]({charts['top_actors_chart'].name})",
        "",
        "## Top places",
        "",
        *_rank_table(run, ("Place", "Facility")),
        "",
        "## Communities",
        "",
    ]
    shown = [c for c in facts["communities"] if len(c["members"]) > 1][:TOP]
    rows = [
        [
            c["id"],
            len(c["members"]),
            ", ".join(c["members"][:10]) + (" …" if len(c["members"]) > 10 else ""),
            ", ".join(f"{k} ({v})" for k, v in list(c["event_classes"].items())[:3]) or "—",
        ]
        for c in shown
    ]
    lines += _table(["community", "size", "members (by rank)", "dominant event classes"], rows) if rows else ["(none)"]
    singles = len(facts["communities"]) - len([c for c in facts["communities"] if len(c["members"]) > 1])
    lines += ["", f"{singles} entities stand alone (communities of one).", ""] if singles else [""]
    lines += ["## Timeline", ""]
    lines += [
        "Counted in incidents: the events of one `kg:incident` (one happening, however many documents"
        " report it) count once; an event without an incident counts alone.",
        "",
    ]
    activity = facts["activity"]
    classes = sorted({k for counts in activity["events_by_class"].values() for k in counts})
    rows = [[p, sum(c.values()), *(c.get(k, 0) for k in classes)] for p, c in activity["events_by_class"].items()]
    lines += _table([activity["period"], "incidents", *classes], rows) if rows else ["(no dated incidents)"]
    lines += ["", f"{activity['undated_events']} incident(s) have no date and are not in the timeline.", ""]
    lines += [f"![incidents over time]({charts['events_chart'].name})", "", "### Activity of the top actors", ""]
    lines += ["Incidents each actor takes part in, by period.", ""]
    active = [a for a in run.ranking(ACTOR_TYPES) if a in run.activity.by_actor][:TOP]
    rows = [[_label(run, a), *run.activity.series(a)] for a in active]
    lines += _table(["actor", *run.activity.periods], rows) if rows else ["(no dated incidents with actors)"]
    lines += ["", "### Rise and fall", "", "The change in the number of incidents from one period to the next.", ""]
    rows = [
        [
            f"{c['from']} → {c['to']}",
            ", ".join(f"{r['label']} (+{r['change']})" for r in c["rise"]) or "—",
            ", ".join(f"{r['label']} ({r['change']})" for r in c["fall"]) or "—",
        ]
        for c in activity["changes"]
    ]
    lines += _table(["periods", "rose", "fell"], rows) if rows else ["(fewer than two periods)"]
    return "\n".join(lines) + "\n"


def _chart_top_actors(rows: list[dict], path: Path) -> None:
    top = [r for r in rows if r["type"] in ACTOR_TYPES][:TOP][::-1]
    # A bare Figure draws with the Agg canvas and leaves pyplot's global backend alone.
    fig = Figure(figsize=(8, 0.35 * max(len(top), 3) + 1.2))
    ax = fig.subplots()
    ax.barh([r["label"] for r in top], [r["actor_rank"] for r in top], color="#4e79a7")
    ax.set_xlabel("actor rank (PageRank on events and relations)")
    ax.set_title("Top actors")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def _chart_events(activity: dict, path: Path) -> None:
    periods = list(activity["events_by_class"])
    classes = sorted({k for counts in activity["events_by_class"].values() for k in counts})
    fig = Figure(figsize=(max(9, 0.6 * len(periods) + 5), 4.5))
    ax = fig.subplots()
    bottom = [0] * len(periods)
    colours = matplotlib.colormaps["tab20"]
    for i, name in enumerate(classes):
        values = [activity["events_by_class"][p].get(name, 0) for p in periods]
        ax.bar(periods, values, bottom=bottom, label=name, color=colours(i % 20))
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylabel("incidents")
    ax.set_title(f"Incidents by {activity['period']} and class")
    if classes:
        ax.legend(fontsize=7, ncol=2, loc="upper left", bbox_to_anchor=(1, 1))
    ax.tick_params(axis="x", labelrotation=45)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def write_report(run: Analysis, out_dir: Path, source: str) -> dict[str, Path]:
    """Write report.md, metrics.json, metrics.csv, top_actors.png and events_over_time.png in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    facts = summary(run, source)
    paths = {
        "report": out_dir / "report.md",
        "json": out_dir / "metrics.json",
        "csv": out_dir / "metrics.csv",
        "top_actors_chart": out_dir / "top_actors.png",
        "events_chart": out_dir / "events_over_time.png",
    }
    paths["json"].write_text(json.dumps(facts, indent=2, ensure_ascii=False), encoding="utf-8")
    with paths["csv"].open("w", newline="", encoding="utf-8") as handle:
        columns = ["rank", "iri", "label", "type", "events", "mentions", *RANKED_METRIC_NAMES]
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(facts["nodes"])
    _chart_top_actors(facts["nodes"], paths["top_actors_chart"])
    _chart_events(facts["activity"], paths["events_chart"])
    paths["report"].write_text(markdown(run, facts, paths), encoding="utf-8")
    return paths
