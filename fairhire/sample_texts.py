"""Fictional HR texts for module 2: job ads, CVs and a chatbot's answer.

Everything here is invented for the course. The bakery De Korenschoof,
the applicants, their streets and phone numbers do not exist; e-mail
addresses use the reserved domains example.nl and example.com.
"""

from __future__ import annotations

VACANCIES: dict[str, str] = {
    "productiemedewerker": """\
Productiemedewerker bakkerij (32 tot 38 uur)

Bakkerij De Korenschoof zoekt een stressbestendige en daadkrachtige productiemedewerker.
Je bent een echte doorzetter die elke uitdaging aangaat, ook als het om vier uur 's nachts
druk is. Je werkt zelfstandig, neemt snel beslissingen en bent ambitieus. Wij zoeken een
kampioen in tempo: je bent competitief en wilt elke dag de beste zijn.

Wat wij bieden: een concurrerend salaris, een vaste plek in ons team en gratis brood.
""",
    "hr-adviseur": """\
HR-adviseur (24 uur)

Ben jij een betrokken en empathische HR-adviseur? Bij De Korenschoof ondersteun je
leidinggevenden bij alles rond werving, verzuim en ontwikkeling. Je bent een vriendelijk en
vertrouwd aanspreekpunt voor collega's en hebt begrip voor wat mensen bezighoudt. Je werkt
prettig samen en vindt een zorgzame, eerlijke werksfeer belangrijk.

Wat wij bieden: een fijne werkplek, ruimte voor opleiding en flexibele werktijden.
""",
    "logistiek-planner": """\
Logistiek planner (36 uur)

Als logistiek planner maak je elke dag de ritplanning voor onze vier bezorgbusjes. Je houdt
rekening met de bestellingen van winkels en horeca, de werktijden van de chauffeurs en de
capaciteit van de ovens. Je hebt een mbo- of hbo-opleiding in logistiek of ervaring met
planningssoftware. Bij storingen zoek je samen met de chauffeurs een oplossing.

Wat wij bieden: een salaris volgens de cao, een reiskostenvergoeding en een vaste baan.
""",
}

# The masculine-coded production-worker ad rewritten: the same job, described by
# what the work is, with the coded words taken out or balanced.
VACANCY_REWRITTEN = """\
Productiemedewerker bakkerij (32 tot 38 uur)

Bakkerij De Korenschoof zoekt een productiemedewerker. Je maakt samen met vier collega's
brood en banket voor onze winkels. Je werkt volgens recept en planning, ook in de vroege
ochtend (vanaf vier uur). In drukke weken, zoals rond de feestdagen, houd je het overzicht
en vraag je hulp als dat nodig is. Ervaring is fijn, maar niet nodig: je leert het vak bij ons.

Wat wij bieden: een salaris volgens de cao voor het bakkersbedrijf, een vaste plek in ons team
en gratis brood.
"""

CVS: dict[str, dict] = {
    "noor": {
        "names": ["Noor Verhagen"],
        "text": """\
Curriculum vitae

Naam: Noor Verhagen
Adres: Kwakkelaarstraat 14, 3817 KT Amersfoort
Telefoon: 06-48213957
E-mail: noor.verhagen@example.nl
Geboortedatum: 12-03-1991

Werkervaring
2019 - heden: productiemedewerker bij Bakkerij Het Gouden Korstje, Amersfoort
2014 - 2019: verkoopmedewerker in een supermarkt

Opleiding
2012: mbo-2 Bakker, ROC Midden Nederland

Over mij
Ik ben Noor, ik werk graag vroeg en ik hou van bakken. Noor Verhagen is lid van een
hardloopvereniging.
""",
    },
    "yusuf": {
        "names": ["Yusuf Demir"],
        "text": """\
YUSUF DEMIR
Lommerikweg 7a
3822AB Amersfoort
+31 6 3147 2290 | y.demir+werk@example.com
Geboren op 3 juli 1989

Profiel: logistiek planner met tien jaar ervaring in transport en distributie.

Werkervaring
2016 - heden: planner bij een groothandel in Utrecht
2011 - 2016: chauffeur

Vaardigheden: planningssoftware, Excel, rijbewijs C. Referenties op aanvraag bij Demir zelf.
""",
    },
    "lieke": {
        "names": ["Lieke de Bruin"],
        "text": """\
Lieke de Bruin, Frinkelhof 103-2, 1324 XZ Almere
tel. 036 123 45 67, mobiel 0612 345 678, lieke_debruin@example.nl
geboortedatum 1985-11-24

Ervaring: HR-adviseur bij een kinderopvangorganisatie (2017 - 2024), daarvoor
personeelsadministratie. Mevrouw De Bruin heeft een hbo-diploma Personeel en Arbeid.
""",
    },
}

CHATBOT_PROMPT = """\
Schrijf een vacaturetekst voor een productiemedewerker bij bakkerij De Korenschoof in
Amersfoort. 32 uur per week, werk begint om 4 uur 's ochtends. Geen diploma nodig, wij leiden
op. Salaris volgens de cao voor het bakkersbedrijf. Max 120 woorden.
"""

# A fictional answer, written for the course as a chatbot might answer: fluent,
# but with coded words, a pronoun, an age preference, a language demand and facts
# that were not in the prompt.
CHATBOT_ANSWER = """\
Productiemedewerker gezocht! (40 uur)

Ben jij een stressbestendige doorzetter die van een uitdaging houdt? Bakkerij De Korenschoof
in Amersfoort zoekt een gedreven productiemedewerker voor ons jonge, dynamische team. Hij
begint elke ochtend om 4 uur en werkt zelfstandig aan de productie van brood en banket.

Wat vragen wij?
- Minimaal een mbo-2 diploma bakker
- Nederlands als moedertaal
- Rijbewijs B

Wat bieden wij?
- Een salaris van € 3.400 bruto per maand
- Een leidende rol in een ambitieus bedrijf

Solliciteer vandaag nog!
"""

# Texts for the graded exercise of module 2 (not used in the lesson).
EXERCISE_VACANCIES: dict[str, str] = {
    "teamleider-productie": """\
Teamleider productie (38 uur)

Wij zoeken een daadkrachtige teamleider voor onze broodlijn. Je bent een natuurlijke leider:
besluitvaardig, resultaatgericht en analytisch sterk. Je neemt snel beslissingen, ook onder druk,
en je bent ambitieus genoeg om het team naar de top te brengen. Je houdt van een uitdaging.
""",
    "klantenservice": """\
Medewerker klantenservice (20 tot 24 uur)

Je beantwoordt vragen van klanten over bestellingen en bezorging. Je bent vriendelijk, geduldig
en hebt begrip voor klanten die een fout in hun bestelling melden. Je werkt prettig samen met de
bezorgers en je bent betrokken bij de winkel. Ook zelfstandig werken gaat je goed af.
""",
    "chauffeur": """\
Chauffeur bezorging (32 uur)

Je bezorgt brood en banket bij winkels en restaurants in de regio. Je werkt zelfstandig, blijft
rustig in het verkeer en bent vriendelijk tegen klanten. Je hebt rijbewijs B. Het werk begint om
zes uur 's ochtends.
""",
}

# A pseudonymised CV and a fictional chatbot summary of it; one claim is not in the CV.
EXERCISE_CV = """\
[NAAM] · [ADRES] · [POSTCODE] Utrecht · [TELEFOON] · [E-MAIL]

Werkervaring
2018 - heden: planner bij een groothandel in levensmiddelen; plant dagelijks de ritten van
twaalf vrachtwagens.
2012 - 2018: magazijnmedewerker bij dezelfde groothandel.

Opleiding
2011: mbo-4 Logistiek

Vaardigheden: Excel, planningssoftware, rijbewijs B.
Talen: Nederlands, Engels en Turks.
"""

EXERCISE_SUMMARY = {
    "A": "De kandidaat werkt sinds 2018 als planner bij een groothandel.",
    "B": "Daarvoor werkte de kandidaat zes jaar in een magazijn.",
    "C": "De kandidaat heeft een hbo-diploma logistiek en rijbewijs C.",
    "D": "De kandidaat spreekt Nederlands, Engels en Turks.",
}
