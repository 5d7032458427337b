"""Invented statements for the quote tooltips: one speaker quoted five times over three documents
(one quote repeated by two documents, two quotes carrying markup), and a claim of responsibility
that is not a quote. Named graphs, as a build writes them."""

from __future__ import annotations

from tests.analysis_sample import PREFIXES

SPEAKER = "https://w3id.org/newskg/id/person/tarvo_menik"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
# (document, issued, statement, quote, kg:time or None)
STATEMENTS = [
    ("q1", "2024-02-01", "s1", "The harbour stays open", None),
    ("q1", "2024-02-01", "s2", f"We reject {SCRIPT} threats", "2024-01-20"),
    ("q2", "2024-06-10", "s3", "The harbour stays open", None),
    ("q2", "2024-06-10", "s4", f"Talks resume {IMG} soon & calmly", None),
    ("q3", "2024-09-05", "s5", "Nobody was hurt", "2024-09"),
]


def quotes_trig(claim: bool = True) -> str:
    """The statements as TriG; with ``claim``, also a claim of responsibility by the same speaker."""
    graphs = {}
    for doc, issued, statement, words, time in STATEMENTS:
        lines = graphs.setdefault(
            doc,
            [
                f'id:doc\\/{doc} a kg:Document ; dcterms:title "Report {doc} {IMG}" ; '
                f'dcterms:issued "{issued}"^^xsd:date .',
                'id:person\\/tarvo_menik a kg:Person ; rdfs:label "Tarvo Menik" .',
                'id:place\\/olvik a kg:Place ; rdfs:label "Olvik" .',
            ],
        )
        when = f' ; kg:time "{time}"^^xsd:{"date" if len(time) == 10 else "gYearMonth"}' if time else ""
        lines.append(
            f"id:event\\/{statement} a kg:Event , kg:Statement ; kg:agent id:person\\/tarvo_menik ; "
            f'kg:quote "{words}" ; prov:wasDerivedFrom id:doc\\/{doc}{when} .'
        )
    graphs["q3"].append(
        "id:event\\/meet a kg:Event , kg:Meeting ; kg:participant id:person\\/tarvo_menik ; "
        "kg:place id:place\\/olvik ; prov:wasDerivedFrom id:doc\\/q3 ."
    )
    if claim:
        graphs["q3"].append(
            "id:event\\/c1 a kg:Event , kg:Statement , kg:ClaimOfResponsibility ; "
            'kg:agent id:person\\/tarvo_menik ; kg:quote "We did it" ; prov:wasDerivedFrom id:doc\\/q3 .'
        )
    return PREFIXES + "".join(f"id:doc\\/{doc} {{\n" + "\n".join(lines) + "\n}\n" for doc, lines in graphs.items())


def write_quotes(directory) -> object:
    path = directory / "quotes.trig"
    path.write_text(quotes_trig(), encoding="utf-8")
    return path
