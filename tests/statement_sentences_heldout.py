"""Fifty held-out sentences for measuring statements, written (2026-12-06, issue 11) before
the extractor was run on them and after the rules of ``statement_sentences.py`` were fixed:
they are a check set, not a tune set. Invented names, news styles the tune set has few of
("according to", "told reporters", "in a statement", "X's spokesman said", pronoun speakers,
quotes across sentences, a headline above the story).

Each attributed text carries the speakers accepted (an organisation's spokesman may be given
as the organisation or as the spokesman) and words its quote must contain; unattributed texts
attribute words to no one in particular ("officials said", an anonymous source, a pronoun with
nothing to stand for) or to no one at all.
"""

ATTRIBUTED = [
    (
        "According to a spokesman for the Harlow Guard, the checkpoint was moved overnight.",
        ("Harlow Guard", "spokesman for the Harlow Guard", "spokesman"),
        "the checkpoint was moved overnight",
    ),
    ("The checkpoint was moved overnight, according to the Harlow Guard.", ("Harlow Guard",), "checkpoint was moved"),
    (
        "Nadia Ferro told reporters in Velmar that the ferry service would resume on Friday.",
        ("Nadia Ferro",),
        "the ferry service would resume",
    ),
    ('"We did not fire first," Colonel Tomas Reyk told reporters.', ("Tomas Reyk",), "We did not fire first"),
    (
        "In a statement, the Dervan Mining Company said the mine would close for repairs.",
        ("Dervan Mining Company",),
        "the mine would close",
    ),
    (
        "The Dervan Mining Company said in a statement on Tuesday that no workers were hurt.",
        ("Dervan Mining Company",),
        "no workers were hurt",
    ),
    (
        "The Harlow Guard's spokesman said the patrols would continue.",
        ("Harlow Guard", "Harlow Guard's spokesman", "spokesman"),
        "the patrols would continue",
    ),
    (
        "Ludo Varga, a spokesman for the Kestrel Alliance, said the march would go ahead.",
        ("Ludo Varga",),
        "the march would go ahead",
    ),
    (
        "Mira Halden has led the Velmar council since 2019. She said on Sunday that the budget was balanced.",
        ("Mira Halden",),
        "the budget was balanced",
    ),
    ('Mira Halden was blunt. "The council has no money left," she said.', ("Mira Halden",), "no money left"),
    (
        '"The dam will hold," said engineer Piet Okonjo. "We have checked every wall."',
        ("Piet Okonjo",),
        "The dam will hold",
    ),
    (
        '"There is no cholera in the camps. The water is clean," '
        "the Kestrel health minister, Ada Brun, told the agency.",
        ("Ada Brun",),
        "no cholera in the camps",
    ),
    (
        "The Velmar Football Federation confirmed on Monday that the final would be played in May.",
        ("Velmar Football Federation",),
        "the final would be played",
    ),
    (
        "Prime Minister Otto Lenkar announced that elections would be held in the autumn.",
        ("Otto Lenkar",),
        "elections would be held",
    ),
    (
        "Otto Lenkar's office said the prime minister had a cold.",
        ("Otto Lenkar", "Otto Lenkar's office", "office"),
        "the prime minister had a cold",
    ),
    ("Yusuf Darrow denied that his fighters had burned the village.", ("Yusuf Darrow",), "his fighters had burned"),
    (
        "Speaking to the Kestrel Herald, Nadia Ferro said the ferries were safe.",
        ("Nadia Ferro",),
        "the ferries were safe",
    ),
    (
        "The Pellan Red Cross said in a statement that 40 families had been moved to shelters.",
        ("Pellan Red Cross",),
        "40 families had been moved",
    ),
    (
        "The interior ministry told the Velmar Post that the suspect had been released.",
        ("interior ministry",),
        "the suspect had been released",
    ),
    ('"The strike is over," union leader Bruno Castel said on Wednesday.', ("Bruno Castel",), "The strike is over"),
    (
        "The Kestrel coast guard reported that the trawler had sunk.",
        ("Kestrel coast guard",),
        "the trawler had sunk",
    ),
    ("The trawler sank near Velmar, the Kestrel coast guard said.", ("Kestrel coast guard",), "The trawler sank"),
    (
        "Asked about the strike, Otto Lenkar said he hoped it would end soon.",
        ("Otto Lenkar",),
        "he hoped it would end soon",
    ),
    (
        "The Kestrel Alliance, which organised the march, said 10,000 people took part.",
        ("Kestrel Alliance",),
        "10,000 people took part",
    ),
    (
        "General Ivan Moretz visited the front on Monday. The general told reporters the offensive would last weeks.",
        ("Ivan Moretz", "general"),
        "the offensive would last weeks",
    ),
    ("Velmar's mayor, Lotte Haas, said the curfew would be lifted.", ("Lotte Haas",), "the curfew would be lifted"),
    (
        "The Pellan embassy said in a written statement that its staff were unharmed.",
        ("Pellan embassy",),
        "its staff were unharmed",
    ),
    (
        "In an interview with the Velmar Post, Ada Brun said the hospitals needed more nurses.",
        ("Ada Brun",),
        "the hospitals needed more nurses",
    ),
    (
        "Otto Lenkar wrote on social media that the talks had been useful.",
        ("Otto Lenkar",),
        "the talks had been useful",
    ),
    (
        "Velmar army kills 12 rebels in border raid\n\n"
        "The Velmar army said on Friday that its troops had killed 12 rebels.",
        ("Velmar army",),
        "its troops had killed 12 rebels",
    ),
]

UNATTRIBUTED = [
    "Health officials in Velmar said the outbreak was under control.",
    "Officials told reporters that the ferry had been delayed.",
    "According to officials, the checkpoint was moved overnight.",
    "According to local media, the dam had cracked.",
    "It was not immediately clear who fired first.",
    "A source close to the talks said the deal was near.",
    "Government sources told the Velmar Post that the minister would resign.",
    "Witnesses told reporters they heard two explosions.",
    "She said the vote was rigged.",
    "They told reporters the road was blocked.",
    "The ferry was delayed by two hours on Friday.",
    "Nadia Ferro visited the port on Monday.",
    "Rumours spread that the mayor had fled.",
    "Several residents said they had not been warned.",
    "A police officer who asked not to be named said the suspect was armed.",
    "An aid worker said the camp was overcrowded.",
    "The Kestrel Alliance marched through Velmar on Saturday.",
    "People in the market said prices had doubled.",
    "Analysts told the agency that growth would slow.",
    "The mayor's decision was announced on Monday.",
]
