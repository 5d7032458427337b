"""Render a :class:`kg.viz.view.View` as one self-contained HTML page.

Why not pyvis's own template: even in its ``in_line`` mode it links Bootstrap (and
tom-select) from a CDN, and it writes node data into a ``<script>`` unescaped, so a
name containing ``</script>`` would end the script. This page inlines the
vis-network build that the pyvis package ships (``pyvis/lib/vis-9.1.2``), has no
other resource, forbids any request with a Content-Security-Policy, carries the data
as JSON with ``<``, ``>`` and ``&`` escaped, and shows article text only through
``textContent``.

>>> import pyoxigraph as ox
>>> from kg.analysis.read import EXAMPLE_TTL, read_graph
>>> from kg.viz.network import build_view
>>> store = ox.Store()
>>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
>>> page = render_page(build_view(read_graph(store)), title="<b>demo</b>")
>>> "<title>&lt;b&gt;demo&lt;/b&gt;</title>" in page, "https://" in page.split("<script>")[0]
(True, False)
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from kg.viz.colours import event_colours

if TYPE_CHECKING:
    from kg.viz.view import View

VIS_VERSION = "vis-9.1.2"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, as shipped inside the pyvis package."""
    lib = files("pyvis") / "lib" / VIS_VERSION
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


def script_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive as such.

    >>> script_json({"name": "</script><img src=x onerror=alert(1)>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(view: View, title: str | None = None) -> str:
    """The page's HTML text, titled ``title`` (default: the view's title)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent)), autoescape=True, keep_trailing_newline=True
    )
    js, css = vis_assets()
    data = {
        "nodes": view.nodes,
        "edges": view.edges,
        "options": view.options,
        "legend": view.legend,
        "eventClasses": view.event_classes,
        "eventColours": event_colours(),
        "physics": view.physics,
    }
    return env.get_template("page.html").render(
        title=title or view.title, notes=view.notes, data=script_json(data), vis_js=js, vis_css=css
    )


def write_page(view: View, path: str | Path, title: str | None = None) -> Path:
    """Write the page to ``path`` (UTF-8) and return the path.

    >>> import pyoxigraph as ox, tempfile
    >>> from kg.analysis.read import EXAMPLE_TTL, read_graph
    >>> from kg.viz.network import build_view
    >>> store = ox.Store()
    >>> _ = store.load(input=EXAMPLE_TTL, format=ox.RdfFormat.TURTLE)
    >>> write_page(build_view(read_graph(store)), Path(tempfile.mkdtemp()) / "graph.html").stat().st_size > 100_000
    True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_page(view, title), encoding="utf-8")
    return path


def iframe(page: str, height: int = 600) -> str:
    """The page inside an isolated ``<iframe srcdoc>``, for notebooks (Jupyter, VS Code).

    The sandbox lets the page's scripts run but gives it an origin of its own, so it
    cannot touch the notebook, and the notebook's styles cannot touch it.

    >>> frame = iframe('<p title="a">x & y</p>', height=300)
    >>> frame.split('"')[1], 'sandbox="allow-scripts"' in frame
    ('&lt;p title=&quot;a&quot;&gt;x &amp; y&lt;/p&gt;', True)
    """
    # Wrapped in a div: IPython warns about bare <iframe> HTML, suggesting IFrame (which takes a URL only).
    return (
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd"></iframe></div>'
    )
