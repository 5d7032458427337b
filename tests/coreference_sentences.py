"""Hand-checked coreference cases, written for newskg (invented names, no development data):
(text, the word to resolve, its n-th occurrence in the text, the mention it stands for or None
when it stands for no entity the text names). ``benchmarks/coreference_links.py --sentences``
prints the precision and recall of the links kg.extract.coreference makes on them;
tests/test_event_arguments.py holds it to a floor. The rules were written before this set and
then checked on it; a failing case is a known limit, kept so the numbers stay honest.
"""

from __future__ import annotations

CASES: list[tuple[str, str, int, str | None]] = [
    # he / she: the subject of the sentence before, else the latest person
    ("Kamal Odeh leads the council. He met the rebels on Monday.", "He", 0, "Kamal Odeh"),
    ("Mira Castell won the vote. Her rival thanked the voters.", "Her", 0, "Mira Castell"),
    ("Police arrested Tomas Vell in Brano. He was charged with murder.", "He", 0, "Tomas Vell"),
    ("Ana Voss, the mayor of Brano, said she would resign.", "she", 0, "Ana Voss"),
    ("Kamal Odeh met Tomas Vell in Kesh. He praised the talks.", "He", 0, "Kamal Odeh"),
    ("Ana Voss thanked the army. She said the town was safe.", "She", 0, "Ana Voss"),
    ("Tomas Vell was shot on Monday. His brother found him.", "His", 0, "Tomas Vell"),
    ("Ana Voss met Kamal Odeh. He said the meeting went well.", "He", 0, "Kamal Odeh"),  # no gender: a miss
    ("The storm hit Brano. He said the roads were closed.", "He", 0, None),
    # definite descriptions of an organization: the latest organization, a subject preferred
    ("The Zarvan Front attacked a base. The group said it would strike again.", "group", 0, "Zarvan Front"),
    ("The Red Dawn movement bombed a bridge. The militants fled north.", "militants", 0, "Red Dawn"),
    ("The Zarvan Front denied the attack. The organisation blamed the army.", "organisation", 0, "Zarvan Front"),
    ("The group met on Monday.", "group", 0, None),
    ("The Zarvan Front is active. The attack was blamed on the group Red Dawn.", "group", 0, None),
    ("Kamal Odeh joined the Lorvik Party in 2001. The party won the vote.", "party", 0, "Lorvik Party"),
    # titles: the person holding that title, named before; a headline's bare title, after
    ("Defense Minister Tomas Vell visited Brano. The minister praised the army.", "minister", 0, "Tomas Vell"),
    ("General Ana Voss took command. The general ordered a retreat.", "general", 0, "Ana Voss"),
    ("Defense Minister visits Brano\n\nDefense Minister Tomas Vell arrived on Monday.", "Minister", 0, "Tomas Vell"),
    ("Judge Tomas Vell heard the case. Prosecutors said the guard was shot.", "Prosecutors", 0, None),
    ("Minister Tomas Vell met Minister Ana Voss. Minister visits Brano.", "Minister", 2, None),
    ("The Zarvan Front met Ana Voss. Kamal Odeh, the group leader, spoke.", "leader", 0, None),
    # another singular description: the person or organization the text described with that noun
    # where it named it (session 13: written with the rule, so these show what it does, not a
    # blind measure)
    ("The Tarvo news agency said the port was closed. The agency said ships were waiting.", "agency", 1, "Tarvo"),
    ("A Lorvik Party spokesman said the vote was fair. The spokesman said it was won.", "spokesman", 1, "Lorvik Party"),
    ("Tomas Vell, a lawyer from Brano, was arrested. The lawyer denied the charges.", "lawyer", 1, "Tomas Vell"),
    ("Veteran novelist Tomas Vell opened the fair. The novelist said books matter.", "novelist", 1, "Tomas Vell"),
    ("The Velmar report said the port was closed. The report said ships were waiting.", "report", 1, None),
    ("Shares of Velmar Holdings fell on Monday. The company said profits rose.", "company", 0, None),
    ('Ana Voss spoke first. "Tomas Vell has left the country," he said.', "he", 0, None),
    # it / they: left alone (in news they stand for people or things more often than an organization)
    ("The Zarvan Front attacked a base. The group said it would strike again.", "it", 0, None),
    ("The Lorvik Party won the vote. Its leader thanked the voters.", "Its", 0, None),
    ("It is unclear who attacked the Lorvik Party office.", "It", 0, None),
]
