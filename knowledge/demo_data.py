"""Demo guidance, written for this project (informed by the seeds, no sentence copied).

Texts that are translated through wagtail-localize are :class:`T` values carrying English,
German and French side by side, so each translation sits next to its source. Everything else
is plain English.

Body items are tuples:
``("h2", text)``, ``("h3", text)``, ``("p", text)``, ``("list", [items])``,
``("callout", kind, title, text)``, ``("checklist", title, [items])``, ``("quote", text, by)``,
``("table", caption, [header, *rows])``, ``("practice", {...})``, ``("download", key, text)``.
"""

from typing import NamedTuple


class T(NamedTuple):
    """One text in English, German and French."""

    en: str
    de: str
    fr: str


def same(text):
    """A name or place that reads the same in every language."""
    return T(text, text, text)


INDEX = {
    "title": T("Guidance", "Leitfäden", "Guides pratiques"),
    "slug": same("guidance"),
    "intro": T(
        "Practical guidance on working in partnership, for staff, leaders, learners and "
        "external partners. Browse by topic or audience, or search.",
        "Praktische Leitfäden für die partnerschaftliche Zusammenarbeit, für Personal, "
        "Leitung, Lernende und externe Partner. Stöbern Sie nach Thema oder Zielgruppe oder "
        "nutzen Sie die Suche.",
        "Des conseils pratiques pour travailler en partenariat, destinés au personnel, à la "
        "direction, aux apprenants et aux partenaires externes. Parcourez par thème ou par "
        "public, ou lancez une recherche.",
    ),
}

FEATURED = ["who-takes-part", "writing-a-partnership-agreement", "accessibility-reviews"]

# --- The four translated guidelines ---------------------------------------------------------

WHO_TAKES_PART = {
    "slug": T("who-takes-part", "wer-wirkt-mit", "qui-participe"),
    "title": T(
        "Who takes part, and who is responsible for what",
        "Wer mitwirkt und wer wofür verantwortlich ist",
        "Qui participe, et qui est responsable de quoi",
    ),
    "summary": T(
        "Partnership works when every group knows its part. This guide sets out what staff, "
        "leaders, learners and external partners each bring, and what each can expect from "
        "the others.",
        "Partnerschaft gelingt, wenn jede Gruppe ihre Rolle kennt. Dieser Leitfaden zeigt, was "
        "Lehr- und Fachpersonal, Leitung, Lernende und externe Partner jeweils einbringen und "
        "was sie voneinander erwarten können.",
        "Un partenariat fonctionne quand chaque groupe connaît son rôle. Ce guide présente ce "
        "que le personnel, la direction, les apprenants et les partenaires externes apportent "
        "chacun, et ce qu'ils peuvent attendre les uns des autres.",
    ),
    "audiences": ["staff", "leaders", "learners", "partners"],
    "themes": ["partnership"],
    "reviewed_days_ago": 40,
    "body": [
        (
            "h2",
            T(
                "Why roles need to be clear",
                "Warum klare Rollen wichtig sind",
                "Pourquoi des rôles clairs sont importants",
            ),
        ),
        (
            "p",
            T(
                "Inclusive engagement is shared work. When nobody is sure who books the room, "
                "who briefs the representatives or who follows up on a complaint, good "
                "intentions stall. Agreeing roles at the start saves time later and makes it "
                "easier to notice when someone is carrying too much.",
                "Inklusive Beteiligung ist gemeinsame Arbeit. Wenn niemand weiß, wer den Raum "
                "bucht, wer die Vertretungen informiert oder wer einer Beschwerde nachgeht, "
                "bleiben gute Absichten stecken. Wer die Rollen zu Beginn klärt, spart später "
                "Zeit und merkt eher, wenn jemand zu viel trägt.",
                "L'engagement inclusif est un travail partagé. Quand personne ne sait qui "
                "réserve la salle, qui informe les représentants ou qui donne suite à une "
                "réclamation, les bonnes intentions restent lettre morte. Se mettre d'accord "
                "sur les rôles dès le départ fait gagner du temps et permet de repérer plus "
                "vite quand une personne en porte trop.",
            ),
        ),
        (
            "h2",
            T(
                "Teaching and support staff",
                "Lehr- und Unterstützungspersonal",
                "Personnel enseignant et d'accompagnement",
            ),
        ),
        (
            "p",
            T(
                "Class teachers and tutors are usually the first people learners turn to, so "
                "they hear about problems early. Programme leaders, administrators, careers "
                "advisers and learner support staff all see a different part of the picture "
                "and belong in the conversation too.",
                "Klassenlehrkräfte und Tutorinnen und Tutoren sind meist die ersten "
                "Ansprechpersonen der Lernenden und erfahren deshalb früh von Problemen. "
                "Studiengangsleitungen, Verwaltung, Berufsberatung und Lernbegleitung sehen "
                "jeweils einen anderen Ausschnitt und gehören ebenfalls dazu.",
                "Les enseignants et les tuteurs sont en général les premiers vers qui se "
                "tournent les apprenants : ils entendent parler des problèmes très tôt. Les "
                "responsables de formation, le personnel administratif, les conseillers "
                "d'orientation et les équipes d'accompagnement voient chacun une autre partie "
                "du tableau et ont aussi leur place dans la discussion.",
            ),
        ),
        (
            "p",
            T(
                "Staff need time and training for this work, not just goodwill. Ask what "
                "support they need before adding partnership tasks to a full timetable.",
                "Das Personal braucht dafür Zeit und Weiterbildung, nicht nur guten Willen. "
                "Fragen Sie nach dem Unterstützungsbedarf, bevor Sie einen vollen Stundenplan "
                "um Partnerschaftsaufgaben ergänzen.",
                "Le personnel a besoin de temps et de formation pour ce travail, pas seulement "
                "de bonne volonté. Demandez-lui de quel soutien il a besoin avant d'ajouter "
                "des tâches de partenariat à un emploi du temps déjà chargé.",
            ),
        ),
        (
            "h2",
            T(
                "Managers and institutional leaders",
                "Leitung und Führungskräfte",
                "Direction et responsables d'établissement",
            ),
        ),
        (
            "p",
            T(
                "Leaders provide what the work runs on: a budget, staff hours, protected time "
                "in or alongside the curriculum, rooms, and contact with specialist support "
                "services. Learners and staff cannot be asked to deliver an engagement "
                "strategy that has no resources behind it.",
                "Die Leitung stellt bereit, wovon die Arbeit lebt: ein Budget, "
                "Personalstunden, geschützte Zeit im oder neben dem Lehrplan, Räume und den "
                "Kontakt zu spezialisierten Beratungsstellen. Von Lernenden und Personal kann "
                "man nicht verlangen, eine Beteiligungsstrategie ohne Ressourcen umzusetzen.",
                "La direction fournit ce dont le travail a besoin : un budget, des heures de "
                "personnel, du temps protégé dans le programme ou à côté, des salles et le "
                "lien avec les services d'accompagnement spécialisés. On ne peut pas demander "
                "aux apprenants et au personnel de mettre en œuvre une stratégie de "
                "participation sans moyens.",
            ),
        ),
        (
            "h2",
            T(
                "Learners and their representatives",
                "Lernende und ihre Vertretungen",
                "Les apprenants et leurs représentants",
            ),
        ),
        (
            "p",
            T(
                "Learners are the people the work is for, so they should be able to lead it, "
                "not only be consulted. That needs a safe space where they can raise problems "
                "without fear of consequences, and staff who listen before they step in with "
                "solutions.",
                "Die Arbeit geschieht für die Lernenden, deshalb sollten sie sie auch leiten "
                "können und nicht nur angehört werden. Dafür braucht es einen geschützten "
                "Raum, in dem sie Probleme ohne Angst vor Folgen ansprechen können, und "
                "Personal, das zuhört, bevor es Lösungen anbietet.",
                "Les apprenants sont les premiers concernés : ils doivent pouvoir piloter la "
                "démarche, et pas seulement être consultés. Il leur faut pour cela un espace "
                "sûr où exprimer les difficultés sans craindre de conséquences, et un "
                "personnel qui écoute avant de proposer des solutions.",
            ),
        ),
        ("h2", T("External partners", "Externe Partner", "Partenaires externes")),
        (
            "p",
            T(
                "Quality agencies, public bodies, NGOs, family organisations and parents all "
                "have a stake. In vocational education the companies that host practical "
                "training matter most of all: they see learners in a setting the college "
                "never does.",
                "Qualitätsagenturen, Behörden, NGOs, Familienverbände und Eltern haben alle "
                "ein Interesse daran. In der beruflichen Bildung sind die Betriebe, in denen "
                "die praktische Ausbildung stattfindet, besonders wichtig: Sie erleben die "
                "Lernenden in einem Umfeld, das die Schule nie sieht.",
                "Les agences qualité, les organismes publics, les ONG, les associations de "
                "familles et les parents sont tous concernés. Dans la formation "
                "professionnelle, les entreprises qui accueillent la formation pratique "
                "comptent plus que tout : elles voient les apprenants dans un cadre que "
                "l'établissement ne voit jamais.",
            ),
        ),
        (
            "table",
            T(
                "Who is responsible for what",
                "Wer wofür verantwortlich ist",
                "Qui est responsable de quoi",
            ),
            [
                [
                    T("Group", "Gruppe", "Groupe"),
                    T("Brings", "Bringt ein", "Apporte"),
                    T("Can expect", "Kann erwarten", "Peut attendre"),
                ],
                [
                    T(
                        "Teaching and support staff",
                        "Lehr- und Unterstützungspersonal",
                        "Personnel enseignant et d'accompagnement",
                    ),
                    T(
                        "Daily contact with learners and early warning of problems",
                        "Täglichen Kontakt zu den Lernenden und frühe Hinweise auf Probleme",
                        "Le contact quotidien avec les apprenants et une alerte précoce sur "
                        "les problèmes",
                    ),
                    T(
                        "Time and training for partnership tasks",
                        "Zeit und Weiterbildung für Partnerschaftsaufgaben",
                        "Du temps et de la formation pour les tâches de partenariat",
                    ),
                ],
                [
                    T(
                        "Managers and institutional leaders",
                        "Leitung und Führungskräfte",
                        "Direction et responsables d'établissement",
                    ),
                    T(
                        "Budget, staff time, rooms and access to support services",
                        "Budget, Personalzeit, Räume und Zugang zu Beratungsstellen",
                        "Un budget, du temps de personnel, des salles et l'accès aux "
                        "services d'accompagnement",
                    ),
                    T(
                        "Honest reports on what is and is not working",
                        "Ehrliche Rückmeldungen darüber, was funktioniert und was nicht",
                        "Des retours honnêtes sur ce qui fonctionne et ce qui ne fonctionne pas",
                    ),
                ],
                [
                    T(
                        "Learners and their representatives",
                        "Lernende und ihre Vertretungen",
                        "Les apprenants et leurs représentants",
                    ),
                    T(
                        "Lived experience and the lead on what needs to change",
                        "Gelebte Erfahrung und die Führung bei der Frage, was sich ändern muss",
                        "Leur vécu et l'initiative sur ce qui doit changer",
                    ),
                    T(
                        "A safe space, timely information and feedback on what happened",
                        "Einen geschützten Raum, rechtzeitige Informationen und Rückmeldung "
                        "darüber, was passiert ist",
                        "Un espace sûr, des informations à temps et un retour sur ce qui a été "
                        "fait",
                    ),
                ],
                [
                    T("External partners", "Externe Partner", "Partenaires externes"),
                    T(
                        "A view from workplaces, families and the wider community",
                        "Den Blick aus Betrieben, Familien und dem weiteren Umfeld",
                        "Le regard des entreprises, des familles et de la communauté",
                    ),
                    T(
                        "A clear contact person and a say in shared decisions",
                        "Eine feste Ansprechperson und Mitsprache bei gemeinsamen Entscheidungen",
                        "Un interlocuteur identifié et une voix dans les décisions communes",
                    ),
                ],
            ],
        ),
        (
            "callout",
            "tip",
            T("Write it down", "Schriftlich festhalten", "Mettez-le par écrit"),
            T(
                "A one-page summary of who does what, shared with every new officer and staff "
                "member, prevents most misunderstandings.",
                "Eine einseitige Übersicht, wer was tut, die jede neue Vertretung und jede "
                "neue Mitarbeiterin und jeder neue Mitarbeiter erhält, verhindert die meisten "
                "Missverständnisse.",
                "Une page qui résume qui fait quoi, remise à chaque nouvel élu et à chaque "
                "nouveau membre du personnel, évite la plupart des malentendus.",
            ),
        ),
        (
            "checklist",
            T("Agree at the start", "Zu Beginn vereinbaren", "À convenir dès le départ"),
            [
                T(
                    "Name one contact person in each group",
                    "In jeder Gruppe eine Ansprechperson benennen",
                    "Désigner un interlocuteur dans chaque groupe",
                ),
                T(
                    "Agree how much time staff can give each term",
                    "Vereinbaren, wie viel Zeit das Personal pro Semester einbringen kann",
                    "Convenir du temps que le personnel peut y consacrer chaque semestre",
                ),
                T(
                    "Confirm the budget and who signs it off",
                    "Budget und Freigabe klären",
                    "Confirmer le budget et qui le valide",
                ),
                T(
                    "Decide how learners who are not representatives can take part",
                    "Festlegen, wie auch Lernende ohne Vertretungsamt mitwirken können",
                    "Décider comment les apprenants qui ne sont pas représentants peuvent "
                    "participer",
                ),
                T(
                    "Invite the employers and families who are affected",
                    "Die betroffenen Betriebe und Familien einladen",
                    "Inviter les employeurs et les familles concernés",
                ),
            ],
        ),
        (
            "practice",
            {
                "institution": same("Riverside Vocational College"),
                "place": T("Maribor, Slovenia", "Maribor, Slowenien", "Maribor, Slovénie"),
                "challenge": T(
                    "Apprentices on placement felt forgotten: problems at work reached the "
                    "college weeks late, if at all.",
                    "Auszubildende im Betrieb fühlten sich vergessen: Probleme am Arbeitsplatz "
                    "erreichten die Schule erst Wochen später oder gar nicht.",
                    "Les apprentis en entreprise se sentaient oubliés : les problèmes "
                    "rencontrés au travail remontaient à l'établissement des semaines plus "
                    "tard, voire jamais.",
                ),
                "approach": T(
                    "The college, the student council and three host employers drew up a "
                    "shared map of who to contact about what, and met once a term to go "
                    "through open issues together.",
                    "Die Schule, der Schülerrat und drei Ausbildungsbetriebe erstellten "
                    "gemeinsam eine Übersicht, wer wofür zuständig ist, und trafen sich einmal "
                    "pro Semester, um offene Fragen gemeinsam durchzugehen.",
                    "L'établissement, le conseil des élèves et trois entreprises d'accueil "
                    "ont établi ensemble une carte de qui contacter pour quoi, et se sont "
                    "réunis une fois par semestre pour passer en revue les questions en "
                    "suspens.",
                ),
                "result": T(
                    "Issues are now raised within days, and two employers have changed how "
                    "they induct new apprentices.",
                    "Probleme kommen jetzt innerhalb weniger Tage auf den Tisch, und zwei "
                    "Betriebe haben ihre Einarbeitung neuer Auszubildender geändert.",
                    "Les difficultés sont désormais signalées en quelques jours, et deux "
                    "employeurs ont revu leur accueil des nouveaux apprentis.",
                ),
                "project": "Support circles with families and agencies for vocational learners",
            },
        ),
    ],
    "projects": [
        "Support circles with families and agencies for vocational learners",
        "Feedback loop with employers hosting student placements",
    ],
    "related": ["partnership-as-an-ethos", "keeping-representatives-informed"],
    "resources": ["partnership-agreement-template"],
}

KEEPING_INFORMED = {
    "slug": T(
        "keeping-representatives-informed",
        "vertretungen-rechtzeitig-informieren",
        "informer-les-representants-a-temps",
    ),
    "title": T(
        "Keeping representatives informed in time to respond",
        "Vertretungen rechtzeitig informieren, damit sie reagieren können",
        "Informer les représentants à temps pour qu'ils puissent réagir",
    ),
    "summary": T(
        "Representatives can only give useful input if they hear about plans early enough to "
        "ask students. Here is how much notice to give, what to send and how to avoid "
        "consultation that comes too late.",
        "Vertretungen können nur dann sinnvoll mitreden, wenn sie früh genug von Plänen "
        "erfahren, um die Studierenden zu fragen. Hier steht, wie viel Vorlauf nötig ist, was "
        "Sie schicken sollten und wie Sie eine zu späte Anhörung vermeiden.",
        "Les représentants ne peuvent apporter une contribution utile que s'ils sont informés "
        "assez tôt pour consulter les étudiants. Voici combien de temps prévoir, quoi envoyer "
        "et comment éviter une consultation trop tardive.",
    ),
    "audiences": ["staff", "leaders", "learners"],
    "themes": ["partnership", "feedback"],
    "reviewed_days_ago": 95,
    "body": [
        (
            "h2",
            T(
                "Why timing matters",
                "Warum der Zeitpunkt entscheidend ist",
                "Pourquoi le calendrier compte",
            ),
        ),
        (
            "p",
            T(
                "Representatives speak for other students, not just for themselves. To do "
                "that well they need to ask around, collect views and come back with "
                "something considered. A paper that arrives the evening before a meeting only "
                "lets them give a personal opinion.",
                "Vertretungen sprechen für andere Studierende, nicht nur für sich selbst. "
                "Dafür müssen sie herumfragen, Meinungen sammeln und mit einer durchdachten "
                "Position zurückkommen. Eine Vorlage, die am Vorabend einer Sitzung eintrifft, "
                "erlaubt nur eine persönliche Meinung.",
                "Les représentants parlent au nom d'autres étudiants, pas seulement en leur "
                "nom propre. Pour bien le faire, ils doivent se renseigner, recueillir des "
                "avis et revenir avec une position réfléchie. Un document reçu la veille d'une "
                "réunion ne leur permet que de donner un avis personnel.",
            ),
        ),
        ("h2", T("How much notice is enough", "Wie viel Vorlauf genug ist", "Quel délai prévoir")),
        (
            "list",
            [
                T(
                    "Routine papers for a committee: at least one week before the meeting.",
                    "Routinevorlagen für ein Gremium: mindestens eine Woche vor der Sitzung.",
                    "Documents courants d'un comité : au moins une semaine avant la réunion.",
                ),
                T(
                    "Changes to a course, timetable or assessment: at least four weeks, so "
                    "representatives can survey the students affected.",
                    "Änderungen an Kurs, Stundenplan oder Prüfungen: mindestens vier Wochen, "
                    "damit die Vertretungen die Betroffenen befragen können.",
                    "Changements de cours, d'emploi du temps ou d'évaluation : au moins quatre "
                    "semaines, pour que les représentants puissent interroger les étudiants "
                    "concernés.",
                ),
                T(
                    "Major decisions such as closures, fees or restructuring: tell the union "
                    "as soon as options are being drawn up, not once one has been chosen.",
                    "Große Entscheidungen wie Schließungen, Gebühren oder Umstrukturierungen: "
                    "die Studierendenvertretung informieren, sobald Optionen erarbeitet werden, "
                    "nicht erst, wenn eine gewählt ist.",
                    "Décisions majeures comme une fermeture, des frais ou une restructuration : "
                    "prévenir le syndicat étudiant dès que des options sont à l'étude, et non "
                    "une fois l'une d'elles choisie.",
                ),
            ],
        ),
        (
            "callout",
            "warning",
            T(
                "Too late is not consultation",
                "Zu spät ist keine Anhörung",
                "Trop tard, ce n'est pas une consultation",
            ),
            T(
                "If the decision has already been made, say so honestly and explain it. "
                "Presenting a finished decision as a consultation damages trust for years.",
                "Wenn die Entscheidung schon gefallen ist, sagen Sie das offen und erklären "
                "Sie sie. Eine fertige Entscheidung als Anhörung auszugeben, beschädigt das "
                "Vertrauen auf Jahre.",
                "Si la décision est déjà prise, dites-le franchement et expliquez-la. "
                "Présenter une décision déjà arrêtée comme une consultation abîme la confiance "
                "pour des années.",
            ),
        ),
        (
            "h2",
            T(
                "What a useful briefing contains",
                "Was eine hilfreiche Information enthält",
                "Ce que contient une note d'information utile",
            ),
        ),
        (
            "checklist",
            T(
                "Send with every request for input",
                "Mit jeder Bitte um Rückmeldung mitschicken",
                "À joindre à chaque demande d'avis",
            ),
            [
                T(
                    "What is being decided, and by whom",
                    "Was entschieden wird und von wem",
                    "Ce qui est décidé, et par qui",
                ),
                T(
                    "Which options are still open",
                    "Welche Optionen noch offen sind",
                    "Quelles options restent ouvertes",
                ),
                T(
                    "Which students are affected",
                    "Welche Studierenden betroffen sind",
                    "Quels étudiants sont concernés",
                ),
                T(
                    "The date you need a response by",
                    "Bis wann Sie eine Antwort brauchen",
                    "La date limite de réponse",
                ),
                T(
                    "A named person to ask questions",
                    "Eine Ansprechperson für Rückfragen",
                    "Une personne à contacter pour les questions",
                ),
                T(
                    "When and how you will report back",
                    "Wann und wie Sie Rückmeldung geben werden",
                    "Quand et comment vous rendrez compte",
                ),
            ],
        ),
        ("h2", T("Make it routine", "Machen Sie es zur Routine", "En faire une habitude")),
        (
            "p",
            T(
                "Agree a standing calendar with the union at the start of the year: committee "
                "dates, paper deadlines and the points in the year when big decisions are "
                "usually taken. Representatives can then plan their own consultations around "
                "it.",
                "Vereinbaren Sie zu Jahresbeginn mit der Studierendenvertretung einen festen "
                "Kalender: Sitzungstermine, Fristen für Vorlagen und die Zeitpunkte im Jahr, "
                "zu denen große Entscheidungen üblicherweise fallen. Die Vertretungen können "
                "ihre eigenen Befragungen danach planen.",
                "Convenez avec le syndicat étudiant d'un calendrier fixe en début d'année : "
                "dates des comités, échéances des documents et moments de l'année où les "
                "grandes décisions sont habituellement prises. Les représentants peuvent ainsi "
                "organiser leurs propres consultations.",
            ),
        ),
        (
            "practice",
            {
                "institution": same("Harbourton University"),
                "place": same("Harbourton"),
                "challenge": T(
                    "Representatives kept receiving committee papers two days before meetings "
                    "and felt their role was a formality.",
                    "Die Vertretungen erhielten Sitzungsunterlagen regelmäßig zwei Tage vorher "
                    "und empfanden ihre Rolle als Formsache.",
                    "Les représentants recevaient les documents des comités deux jours avant "
                    "les réunions et avaient le sentiment que leur rôle était une formalité.",
                ),
                "approach": T(
                    "The academic registry moved paper deadlines forward by a week and added a "
                    "short briefing call with the union's education officer before each "
                    "faculty board.",
                    "Das Prüfungsamt verlegte die Fristen für Vorlagen um eine Woche nach vorn "
                    "und führte vor jeder Fakultätsratssitzung ein kurzes Vorgespräch mit der "
                    "zuständigen Referentin der Studierendenvertretung ein.",
                    "Le service de la scolarité a avancé d'une semaine la date limite des "
                    "documents et a ajouté un court échange préparatoire avec la "
                    "vice-présidente chargée de la pédagogie du syndicat avant chaque conseil "
                    "de faculté.",
                ),
                "result": T(
                    "Representatives now bring survey results to most meetings, and two "
                    "proposals were changed before they were approved.",
                    "Die Vertretungen bringen jetzt zu den meisten Sitzungen Umfrageergebnisse "
                    "mit, und zwei Vorschläge wurden vor ihrer Verabschiedung geändert.",
                    "Les représentants apportent désormais des résultats d'enquête à la "
                    "plupart des réunions, et deux propositions ont été modifiées avant leur "
                    "adoption.",
                ),
                "project": "Early briefings for student representatives before decisions",
            },
        ),
    ],
    "projects": [
        "Early briefings for student representatives before decisions",
        "Course representative training programme",
    ],
    "related": ["student-seat-and-reporting-back", "quick-check-in-surveys"],
    "resources": [],
}

CHECK_INS = {
    "slug": T("quick-check-in-surveys", "kurze-zwischenumfragen", "enquetes-eclair"),
    "title": T("Quick check-in surveys", "Kurze Zwischenumfragen", "Les enquêtes éclair"),
    "summary": T(
        "Short surveys of three to six questions, run during the term, let the union and the "
        "institution spot problems while there is still time to fix them.",
        "Kurze Umfragen mit drei bis sechs Fragen während des Semesters helfen "
        "Studierendenvertretung und Hochschule, Probleme zu erkennen, solange noch Zeit ist, "
        "sie zu lösen.",
        "De courtes enquêtes de trois à six questions, menées pendant le semestre, permettent "
        "au syndicat étudiant et à l'établissement de repérer les problèmes tant qu'il est "
        "encore temps de les régler.",
    ),
    "audiences": ["staff", "learners"],
    "themes": ["feedback"],
    "reviewed_days_ago": 12,
    "body": [
        (
            "h2",
            T(
                "Why short and frequent beats long and late",
                "Warum kurz und häufig besser ist als lang und spät",
                "Pourquoi court et fréquent vaut mieux que long et tardif",
            ),
        ),
        (
            "p",
            T(
                "End-of-year surveys tell you what went wrong after the students who lived "
                "through it have moved on. A check-in of a few questions in week three or four "
                "reaches the same students while their course can still change.",
                "Umfragen am Jahresende zeigen, was schiefgelaufen ist, wenn die betroffenen "
                "Studierenden schon weitergezogen sind. Eine Zwischenumfrage mit wenigen "
                "Fragen in der dritten oder vierten Woche erreicht dieselben Studierenden, "
                "solange sich ihr Kurs noch ändern lässt.",
                "Les enquêtes de fin d'année révèlent ce qui n'a pas fonctionné une fois que "
                "les étudiants concernés sont partis. Une enquête éclair de quelques questions "
                "en troisième ou quatrième semaine touche les mêmes étudiants tant que leur "
                "cours peut encore évoluer.",
            ),
        ),
        ("h2", T("Designing the questions", "Die Fragen gestalten", "Concevoir les questions")),
        (
            "list",
            [
                T(
                    "Keep it to between three and six questions; it should take two minutes.",
                    "Bleiben Sie bei drei bis sechs Fragen; das Ausfüllen sollte zwei Minuten "
                    "dauern.",
                    "Limitez-vous à trois à six questions ; il faut deux minutes pour répondre.",
                ),
                T(
                    "Include at least one open question: the free-text answers are usually "
                    "the most useful part.",
                    "Stellen Sie mindestens eine offene Frage: Die Freitextantworten sind meist "
                    "der wertvollste Teil.",
                    "Prévoyez au moins une question ouverte : les réponses libres sont souvent "
                    "la partie la plus utile.",
                ),
                T(
                    "Write the questions with course representatives, so they ask about what "
                    "students actually raise.",
                    "Formulieren Sie die Fragen mit den Kursvertretungen, damit sie nach dem "
                    "fragen, was Studierende wirklich beschäftigt.",
                    "Rédigez les questions avec les délégués de cours, pour qu'elles portent "
                    "sur ce que les étudiants soulèvent réellement.",
                ),
                T(
                    "Ask the same core questions each time so you can see change over the year.",
                    "Stellen Sie jedes Mal dieselben Kernfragen, damit Sie Veränderungen im "
                    "Jahresverlauf sehen.",
                    "Posez à chaque fois les mêmes questions de base pour suivre l'évolution au "
                    "fil de l'année.",
                ),
            ],
        ),
        (
            "callout",
            "tip",
            T("A sample set", "Ein Beispiel", "Un exemple"),
            T(
                "How is the course going so far? What is helping you learn? What is getting "
                "in the way? Is there anything you would like your representative to raise?",
                "Wie läuft der Kurs bisher? Was hilft Ihnen beim Lernen? Was steht Ihnen im "
                "Weg? Gibt es etwas, das Ihre Vertretung ansprechen soll?",
                "Comment se passe le cours jusqu'ici ? Qu'est-ce qui vous aide à apprendre ? "
                "Qu'est-ce qui vous freine ? Y a-t-il un point que vous aimeriez que votre "
                "représentant soulève ?",
            ),
        ),
        (
            "h2",
            T(
                "Acting on the answers together",
                "Gemeinsam auf die Antworten reagieren",
                "Agir ensemble à partir des réponses",
            ),
        ),
        (
            "p",
            T(
                "Share the results with course representatives within a week and agree one or "
                "two changes you can make straight away. Representatives often know which "
                "comments matter most and what lies behind them.",
                "Teilen Sie die Ergebnisse innerhalb einer Woche mit den Kursvertretungen und "
                "vereinbaren Sie ein oder zwei Änderungen, die sofort möglich sind. "
                "Vertretungen wissen oft, welche Kommentare am wichtigsten sind und was "
                "dahintersteckt.",
                "Partagez les résultats avec les délégués de cours dans la semaine et convenez "
                "d'un ou deux changements applicables tout de suite. Les représentants savent "
                "souvent quels commentaires comptent le plus et ce qu'il y a derrière.",
            ),
        ),
        (
            "h3",
            T(
                "Tell students what changed",
                "Den Studierenden sagen, was sich geändert hat",
                "Dire aux étudiants ce qui a changé",
            ),
        ),
        (
            "p",
            T(
                "Close the loop in the next lecture or message: what you heard, what you are "
                "changing and what you cannot change and why. Response rates to the next "
                "check-in depend on it.",
                "Schließen Sie den Kreis in der nächsten Vorlesung oder Nachricht: was Sie "
                "gehört haben, was Sie ändern und was Sie nicht ändern können und warum. Davon "
                "hängt die Beteiligung an der nächsten Umfrage ab.",
                "Bouclez la boucle lors du cours ou du message suivant : ce que vous avez "
                "entendu, ce que vous changez, ce que vous ne pouvez pas changer et pourquoi. "
                "Le taux de réponse à l'enquête suivante en dépend.",
            ),
        ),
        (
            "checklist",
            T(
                "Before you send a check-in",
                "Bevor Sie eine Zwischenumfrage verschicken",
                "Avant d'envoyer une enquête éclair",
            ),
            [
                T(
                    "Representatives have seen and shaped the questions",
                    "Die Vertretungen haben die Fragen gesehen und mitgestaltet",
                    "Les représentants ont vu et amendé les questions",
                ),
                T(
                    "Someone is named to read the answers within a week",
                    "Jemand ist benannt, der die Antworten innerhalb einer Woche liest",
                    "Une personne est chargée de lire les réponses dans la semaine",
                ),
                T(
                    "Students know the survey is anonymous",
                    "Die Studierenden wissen, dass die Umfrage anonym ist",
                    "Les étudiants savent que l'enquête est anonyme",
                ),
                T(
                    "A date is set to report back",
                    "Ein Termin für die Rückmeldung steht fest",
                    "Une date de retour est fixée",
                ),
            ],
        ),
        (
            "practice",
            {
                "institution": same("Elmsworth College of Further Education"),
                "place": same("Elmsworth"),
                "challenge": T(
                    "Module feedback arrived after exams, too late to help anyone taking the "
                    "module.",
                    "Rückmeldungen zu Modulen kamen erst nach den Prüfungen, zu spät für alle, "
                    "die das Modul belegten.",
                    "Les retours sur les modules arrivaient après les examens, trop tard pour "
                    "les étudiants qui le suivaient.",
                ),
                "approach": T(
                    "The union and the quality team introduced a four-question check-in in "
                    "week four of every module, with results discussed at a short meeting "
                    "between the module leader and representatives.",
                    "Studierendenvertretung und Qualitätsteam führten in der vierten Woche "
                    "jedes Moduls eine Umfrage mit vier Fragen ein; die Ergebnisse besprechen "
                    "Modulverantwortliche und Vertretungen in einem kurzen Treffen.",
                    "Le syndicat étudiant et l'équipe qualité ont instauré une enquête de "
                    "quatre questions en quatrième semaine de chaque module ; les résultats "
                    "sont discutés lors d'une courte réunion entre le responsable du module et "
                    "les représentants.",
                ),
                "result": T(
                    "Most modules now make at least one change mid-term, and response rates "
                    "rose as students saw results.",
                    "Die meisten Module ändern jetzt mitten im Semester mindestens eine Sache, "
                    "und die Beteiligung stieg, als die Studierenden Ergebnisse sahen.",
                    "La plupart des modules apportent désormais au moins un changement en "
                    "cours de semestre, et le taux de réponse a augmenté quand les étudiants "
                    "ont vu les résultats.",
                ),
                "project": "Mid-module check-in survey",
            },
        ),
    ],
    "projects": ["Three-question pulse surveys", "Mid-module check-in survey"],
    "related": ["co-creating-a-course", "wellbeing-partnership"],
    "resources": ["check-in-question-bank"],
}

AGREEMENT = {
    "slug": T(
        "writing-a-partnership-agreement",
        "partnerschaftsvereinbarung-schreiben",
        "rediger-un-accord-de-partenariat",
    ),
    "title": T(
        "Writing a partnership agreement",
        "Eine Partnerschaftsvereinbarung schreiben",
        "Rédiger un accord de partenariat",
    ),
    "summary": T(
        "A partnership agreement sets out how the union and the institution will work "
        "together and which areas they will improve this year. This guide covers what to put "
        "in it and how to write it so that it stays in use.",
        "Eine Partnerschaftsvereinbarung legt fest, wie Studierendenvertretung und Hochschule "
        "zusammenarbeiten und woran sie in diesem Jahr gemeinsam arbeiten. Dieser Leitfaden "
        "zeigt, was hineingehört und wie sie lebendig bleibt.",
        "Un accord de partenariat précise comment le syndicat étudiant et l'établissement "
        "travaillent ensemble et sur quels points ils veulent progresser cette année. Ce guide "
        "explique quoi y mettre et comment le rédiger pour qu'il reste utile.",
    ),
    "audiences": ["leaders", "learners"],
    "themes": ["partnership"],
    "reviewed_days_ago": 150,
    "body": [
        (
            "h2",
            T("What an agreement is for", "Wozu eine Vereinbarung dient", "À quoi sert un accord"),
        ),
        (
            "p",
            T(
                "An agreement is not a contract and not an end in itself. It records shared "
                "values, the way joint work is done and a short list of priorities, so that "
                "new officers and new staff can see what has been agreed and pick it up.",
                "Eine Vereinbarung ist kein Vertrag und kein Selbstzweck. Sie hält gemeinsame "
                "Werte, die Art der Zusammenarbeit und eine kurze Liste von Prioritäten fest, "
                "damit neue Vertretungen und neues Personal sehen, was vereinbart wurde, und "
                "daran anknüpfen können.",
                "Un accord n'est ni un contrat ni une fin en soi. Il consigne des valeurs "
                "communes, la manière de travailler ensemble et une courte liste de priorités, "
                "pour que les nouveaux élus et les nouveaux membres du personnel voient ce qui "
                "a été convenu et puissent s'en saisir.",
            ),
        ),
        ("h2", T("What to include", "Was hineingehört", "Ce qu'il faut y inclure")),
        (
            "checklist",
            T(
                "Sections of a partnership agreement",
                "Abschnitte einer Partnerschaftsvereinbarung",
                "Les parties d'un accord de partenariat",
            ),
            [
                T(
                    "Why you are working in partnership, in a few sentences",
                    "Warum Sie partnerschaftlich arbeiten, in wenigen Sätzen",
                    "Pourquoi vous travaillez en partenariat, en quelques phrases",
                ),
                T(
                    "The principles you both sign up to",
                    "Die Grundsätze, zu denen sich beide Seiten bekennen",
                    "Les principes auxquels les deux parties souscrivent",
                ),
                T(
                    "Where students are represented and how representatives are supported",
                    "Wo Studierende vertreten sind und wie die Vertretungen unterstützt werden",
                    "Où les étudiants sont représentés et comment les représentants sont soutenus",
                ),
                T(
                    "Three to five priorities for the year, each with a lead from both sides",
                    "Drei bis fünf Prioritäten für das Jahr, jeweils mit einer verantwortlichen "
                    "Person auf beiden Seiten",
                    "Trois à cinq priorités pour l'année, chacune avec un responsable de chaque "
                    "côté",
                ),
                T(
                    "How and when you will review progress",
                    "Wie und wann Sie den Fortschritt überprüfen",
                    "Comment et quand vous ferez le point",
                ),
                T(
                    "What happens when you disagree",
                    "Was geschieht, wenn Sie unterschiedlicher Meinung sind",
                    "Ce qui se passe en cas de désaccord",
                ),
            ],
        ),
        ("h2", T("Writing it together", "Gemeinsam schreiben", "Le rédiger ensemble")),
        (
            "p",
            T(
                "Draft it jointly from the first page rather than asking the union to comment "
                "on an institutional draft. Hold open sessions where students and staff at "
                "every level can say what partnership should mean, and take the time to agree "
                "on difficult wording.",
                "Entwerfen Sie den Text von der ersten Seite an gemeinsam, statt die "
                "Studierendenvertretung einen Entwurf der Hochschule kommentieren zu lassen. "
                "Laden Sie zu offenen Runden ein, in denen Studierende und Beschäftigte aller "
                "Ebenen sagen können, was Partnerschaft bedeuten soll, und nehmen Sie sich "
                "Zeit für schwierige Formulierungen.",
                "Rédigez le texte ensemble dès la première page plutôt que de demander au "
                "syndicat étudiant de commenter un projet de l'établissement. Organisez des "
                "séances ouvertes où étudiants et personnels de tous niveaux peuvent dire ce "
                "que le partenariat devrait signifier, et prenez le temps de vous accorder sur "
                "les formulations délicates.",
            ),
        ),
        (
            "callout",
            "info",
            T("Keep it short", "Fassen Sie sich kurz", "Restez bref"),
            T(
                "Four pages that people read are worth more than forty that sit in a drawer.",
                "Vier Seiten, die gelesen werden, sind mehr wert als vierzig, die in der "
                "Schublade liegen.",
                "Quatre pages qu'on lit valent mieux que quarante qui dorment dans un tiroir.",
            ),
        ),
        ("h2", T("Keeping it alive", "Die Vereinbarung lebendig halten", "Le faire vivre")),
        (
            "p",
            T(
                "Review the agreement every year when new officers take office, and ask them "
                "what they would change. Report on the priorities publicly, including the ones "
                "that did not work out.",
                "Überprüfen Sie die Vereinbarung jedes Jahr, wenn neue Vertretungen ihr Amt "
                "antreten, und fragen Sie sie, was sie ändern würden. Berichten Sie öffentlich "
                "über die Prioritäten, auch über jene, die nicht gelungen sind.",
                "Revoyez l'accord chaque année à l'arrivée des nouveaux élus, et "
                "demandez-leur ce qu'ils changeraient. Rendez compte publiquement des "
                "priorités, y compris de celles qui n'ont pas abouti.",
            ),
        ),
        (
            "download",
            "partnership-agreement-template",
            T(
                "Partnership agreement template (text file)",
                "Vorlage für eine Partnerschaftsvereinbarung (Textdatei, Englisch)",
                "Modèle d'accord de partenariat (fichier texte, en anglais)",
            ),
        ),
        (
            "practice",
            {
                "institution": same("Harbourton University and Harbourton Students' Union"),
                "place": same("Harbourton"),
                "challenge": T(
                    "Joint work depended on a few good relationships and restarted from "
                    "scratch whenever officers changed.",
                    "Die Zusammenarbeit hing an wenigen guten Beziehungen und begann bei jedem "
                    "Wechsel der Vertretung von vorn.",
                    "Le travail commun reposait sur quelques bonnes relations et repartait de "
                    "zéro à chaque changement d'élus.",
                ),
                "approach": T(
                    "A working group of two officers, two senior staff and two course "
                    "representatives wrote a first agreement over one term, with open drafting "
                    "sessions on each campus.",
                    "Eine Arbeitsgruppe aus zwei Vertretungsmitgliedern, zwei leitenden "
                    "Beschäftigten und zwei Kursvertretungen schrieb in einem Semester eine "
                    "erste Vereinbarung, mit offenen Schreibrunden an jedem Standort.",
                    "Un groupe de travail composé de deux élus, deux cadres et deux délégués de "
                    "cours a rédigé un premier accord en un semestre, avec des séances "
                    "d'écriture ouvertes sur chaque campus.",
                ),
                "result": T(
                    "The agreement is now part of officer induction and its yearly review sets "
                    "the joint priorities.",
                    "Die Vereinbarung ist heute Teil der Einarbeitung neuer Vertretungen, und "
                    "ihre jährliche Überprüfung legt die gemeinsamen Prioritäten fest.",
                    "L'accord fait désormais partie de l'accueil des nouveaux élus et sa "
                    "révision annuelle fixe les priorités communes.",
                ),
                "project": "First partnership agreement between the union and the institution",
            },
        ),
    ],
    "projects": ["First partnership agreement between the union and the institution"],
    "related": ["partnership-as-an-ethos", "student-seat-and-reporting-back"],
    "resources": ["partnership-agreement-template", "partnerschaftsvereinbarung-vorlage"],
}

TRANSLATED_LANGUAGES = ["de", "fr"]

# --- Guidance in English only (readers of other languages see it through alias pages) -------

CO_CREATING = {
    "slug": "co-creating-a-course",
    "title": "Co-creating a course before, during and after it runs",
    "summary": (
        "Students can shape a course at three moments: before it starts, while it runs and "
        "once it has finished. This guide explains what to ask at each stage and how the "
        "union can help coordinate."
    ),
    "audiences": ["staff", "learners"],
    "themes": ["curriculum", "feedback"],
    "reviewed_days_ago": 70,
    "body": [
        ("h2", "Three moments to involve students"),
        (
            "p",
            "Co-creation is not one meeting. The most useful input arrives at different "
            "points: expectations before the first session, experience while the course is "
            "running, and reflection once it is over. Each stage needs a different method "
            "and feeds the next.",
        ),
        ("h2", "Before the course: ask about expectations"),
        (
            "p",
            "A short survey sent to enrolled students a few weeks before the start asks what "
            "they hope to learn, what they already know and what might make it hard for them "
            "to take part. Read the answers before finalising the first weeks of teaching.",
        ),
        (
            "checklist",
            "Before the course",
            [
                "Send an expectations survey two to four weeks before the start",
                "Ask about access needs and caring or work commitments",
                "Share a draft outline with course representatives",
                "Adjust the first weeks in light of what you hear",
            ],
        ),
        ("h2", "During the course: listen while it can still change"),
        (
            "p",
            "Around the middle of the course, run a focus group with a mix of students, "
            "ideally facilitated by the union or a representative rather than the teacher. "
            "Ask whether the content and the teaching methods are meeting their needs, and "
            "what one change would help most.",
        ),
        (
            "callout",
            "tip",
            "Let students facilitate",
            "<p>Students speak more freely to a peer. A representative can run the session "
            "and pass on themes without names.</p>",
        ),
        ("h2", "After the course: improve the next run"),
        (
            "p",
            "Gather feedback on the whole experience and agree with representatives which "
            "changes will be made for the next group of students. Write them down where the "
            "next cohort will see them, so that the improvements are visible.",
        ),
        ("h3", "What the union can coordinate"),
        (
            "list",
            [
                "Recruiting a varied group of students for focus groups",
                "Running sessions on neutral ground, away from the teaching team",
                "Collecting themes across courses so common problems stand out",
                "Working with staff on learning outcomes that are rigorous and relevant",
            ],
        ),
        (
            "practice",
            {
                "institution": "North Park School of Health and Social Care",
                "place": "Elmsworth",
                "challenge": (
                    "A new nursing module was built without hearing from the students who "
                    "would take it, and placements clashed with lectures."
                ),
                "approach": (
                    "<p>Student partners joined the design team, ran a survey of the incoming "
                    "cohort and facilitated a mid-module focus group.</p>"
                ),
                "result": (
                    "The timetable was changed before the second run, and students now "
                    "co-write one assessment brief each year."
                ),
                "project": "Co-designing the nursing curriculum with student partners",
            },
        ),
    ],
    "projects": [
        "Pre-course expectations survey for new business modules",
        "Mid-course focus groups in engineering",
        "Co-designing the nursing curriculum with student partners",
    ],
    "related": ["quick-check-in-surveys", "accessibility-reviews"],
    "resources": ["course-co-creation-planner"],
}

ACCESSIBILITY = {
    "slug": "accessibility-reviews",
    "title": "Accessibility reviews of rooms, materials, assessment and teaching",
    "summary": (
        "An accessibility review looks at four things: the rooms, the course materials, the "
        "way students are assessed and the way they are taught. Disabled students should "
        "help run it, not only answer questions about it."
    ),
    "audiences": ["staff", "leaders", "learners"],
    "themes": ["accessibility"],
    "reviewed_days_ago": 25,
    "body": [
        ("h2", "Start with the people who meet the barriers"),
        (
            "p",
            "The students who meet barriers every day know where they are. Ask the union to "
            "recruit disabled students and students with other access needs to plan the "
            "review with you, pay or credit them for their time, and agree at the start how "
            "findings will be acted on.",
        ),
        ("h2", "The four areas to review"),
        (
            "table",
            "What to look at in each area",
            [
                ["Area", "What to check", "Who to involve"],
                [
                    "Rooms and buildings",
                    "Step-free routes, hearing loops, lighting, quiet spaces, signs",
                    "Estates team, disabled students, visitors' services",
                ],
                [
                    "Course materials",
                    "Readable documents, captions and transcripts, alt text, reading lists on time",
                    "Teaching staff, library, learning technologists",
                ],
                [
                    "Assessment",
                    "Choice of formats, deadlines, exam rooms, clear briefs",
                    "Programme leaders, exams office, representatives",
                ],
                [
                    "Teaching methods",
                    "Pace, recordings, group work, use of slides and handouts",
                    "Teaching staff, learner support, students",
                ],
            ],
        ),
        ("h3", "Rooms and buildings"),
        (
            "p",
            "Walk the routes students actually use at the times they use them. A lift that "
            "works at ten in the morning may be locked in the evening when part-time students "
            "arrive.",
        ),
        ("h3", "Materials, assessment and teaching"),
        (
            "p",
            "Take a sample of modules rather than trying to review everything at once. Look "
            "at what students received, not what the handbook says they should receive.",
        ),
        (
            "callout",
            "warning",
            "Avoid one-off audits",
            "<p>A review that ends in a report nobody owns changes nothing. Give every "
            "finding an owner and a date, and report back to the students who took part.</p>",
        ),
        (
            "checklist",
            "For each finding",
            [
                "Describe the barrier in the words of the student who met it",
                "Agree who will fix it and by when",
                "Decide how you will know it has been fixed",
                "Tell the students involved what happened",
            ],
        ),
        (
            "practice",
            {
                "institution": "Harbourton University Library",
                "place": "Harbourton",
                "challenge": (
                    "Scanned readings were often unreadable by screen readers and reached "
                    "students late."
                ),
                "approach": (
                    "<p>Students from the disabled students' network reviewed a sample of "
                    "reading lists with library staff and agreed a standard for digitised "
                    "texts.</p>"
                ),
                "result": (
                    "New scans are now checked before release, and most reading lists are "
                    "published two weeks before teaching starts."
                ),
                "project": "Accessible course materials review",
            },
        ),
    ],
    "projects": [
        "Accessibility audit of teaching rooms and buildings",
        "Accessible course materials review",
        "Flexible assessment formats for disabled students",
        "Captions and transcripts for lecture recordings",
    ],
    "related": ["co-creating-a-course"],
    "resources": ["accessibility-review-checklist", "grille-accessibilite"],
}

SUPPORTING_UNION_WORK = {
    "slug": "supporting-and-recognising-union-work",
    "title": "Supporting and recognising union work",
    "summary": (
        "Student unions do a great deal of unpaid work for their institution. Practical "
        "support and visible recognition keep representatives and student groups going."
    ),
    "audiences": ["staff", "leaders", "learners"],
    "themes": ["recognition", "student-groups"],
    "reviewed_days_ago": 120,
    "body": [
        ("h2", "Practical support"),
        (
            "p",
            "Support is more than goodwill. It means training for representatives, a budget "
            "for activities, rooms and equipment, and access to the information they need to "
            "do their job, from committee papers to anonymised survey results.",
        ),
        (
            "list",
            [
                "Training at the start of the year, run jointly by staff and the union",
                "A small budget that the union decides how to spend",
                "Rooms and equipment that can be booked without a long process",
                "A named staff contact for each area of union work",
            ],
        ),
        ("h2", "Recognition that means something"),
        (
            "p",
            "Thank people in ways that matter to them: a line on the academic transcript, "
            "an award at a public event, a mention in the institution's newsletter or a "
            "reference that explains what they achieved. Recognition motivates the next "
            "volunteers too.",
        ),
        (
            "quote",
            "Nobody had ever told me that chairing the society counted for anything. Seeing "
            "it on my transcript changed how I talked about it in interviews.",
            "A former society president",
        ),
        ("h2", "Keeping student-led groups alive"),
        (
            "p",
            "Societies and sports clubs depend on a handful of committee members who leave "
            "every year. Give them space in official student communications to recruit, link "
            "committee roles to employability support, and offer digital badges or "
            "volunteering awards for the skills they build.",
        ),
        (
            "checklist",
            "This year",
            [
                "Agree a training plan for representatives with the union",
                "Publish how students can get their union roles recognised",
                "Promote committee vacancies through institutional channels",
                "Celebrate representatives at one public event",
            ],
        ),
        (
            "practice",
            {
                "institution": "Harbourton Students' Union",
                "place": "Harbourton",
                "challenge": "Clubs folded each summer when their committees graduated.",
                "approach": (
                    "<p>The union and the careers service launched volunteering awards and "
                    "digital badges, and the university promoted committee roles in its "
                    "welcome emails.</p>"
                ),
                "result": "More groups now start the year with a full committee.",
                "project": "Volunteering awards and digital badges",
            },
        ),
    ],
    "projects": [
        "Volunteering awards and digital badges",
        "Course representative roles recorded on transcripts",
        "Skills coaching for society committee members",
    ],
    "related": ["succession-planning-for-officers"],
    "resources": ["partnership-annual-report"],
}

STUDENT_SEAT = {
    "slug": "student-seat-and-reporting-back",
    "title": "A formal seat for students, and reporting back on how their input was used",
    "summary": (
        "Give the union a seat on the bodies that make decisions, consult regularly rather "
        "than now and then, and always tell students what happened to what they said."
    ),
    "audiences": ["leaders", "learners"],
    "themes": ["partnership", "feedback"],
    "reviewed_days_ago": 60,
    "body": [
        ("h2", "Which bodies need a student seat"),
        (
            "p",
            "Start with the bodies that shape students' experience most directly: academic "
            "boards, programme committees, policy review groups and planning committees. A "
            "seat should come with full papers, the right to speak and a vote where others "
            "have one.",
        ),
        ("h2", "Make the seat real"),
        (
            "list",
            [
                "Send papers in time for representatives to ask other students",
                "Offer a short briefing before meetings on complex items",
                "Avoid moving important items to closed sessions without good reason",
                "Count student members towards the quorum",
            ],
        ),
        ("h2", "Consult as a habit, not an event"),
        (
            "p",
            "Regular meetings between officers and senior staff, on a calendar agreed at the "
            "start of the year, gather input over time instead of only when something goes "
            "wrong.",
        ),
        ("h2", "Close the loop"),
        (
            "p",
            "For every piece of student input, tell students what was done with it: what "
            "changed, what did not and why. A simple 'you said, we did' update each term "
            "builds more trust than any survey.",
        ),
        (
            "callout",
            "info",
            "Hold yourselves to account",
            "<p>Keep a shared log of commitments made in response to student input, with an "
            "owner and a due date, and review it with the union each term.</p>",
        ),
        (
            "checklist",
            "Each term",
            [
                "Review the log of commitments with the union",
                "Publish a 'you said, we did' update",
                "Check that every student seat was filled",
                "Ask representatives whether they got papers in time",
            ],
        ),
        (
            "practice",
            {
                "institution": "Elmsworth College of Further Education",
                "place": "Elmsworth",
                "challenge": "Students could not see any result of the feedback they gave.",
                "approach": (
                    "<p>The college and the student council publish a short 'you said, we "
                    "did' page every term, written together and shown on screens around the "
                    "campus.</p>"
                ),
                "result": "Survey responses rose, and representatives report more trust.",
                "project": "'You said, we did' reporting to students",
            },
        ),
    ],
    "projects": [
        "Student seats on academic boards and committees",
        "'You said, we did' reporting to students",
    ],
    "related": ["keeping-representatives-informed", "writing-a-partnership-agreement"],
    "resources": [],
}

ETHOS = {
    "slug": "partnership-as-an-ethos",
    "title": "Partnership as an ethos: principles for working together",
    "summary": (
        "Partnership is a way of working, not a list of activities. Five principles help an "
        "institution and its union choose it, invest in it and keep it alive."
    ),
    "audiences": ["leaders", "learners", "staff"],
    "themes": ["partnership"],
    "reviewed_days_ago": 430,
    "review_in_days": 365,
    "body": [
        ("h2", "More than the sum of your activities"),
        (
            "p",
            "Course representatives, surveys and committees are useful, but having all of "
            "them does not mean you are working in partnership. Partnership is about shared "
            "responsibility: for naming a problem, for designing the answer and for carrying "
            "it out together.",
        ),
        ("h2", "Neither customers nor apprentices"),
        (
            "p",
            "Treating students as customers reduces them to rating what they were sold. "
            "Treating them only as apprentices overlooks what they know that staff do not. "
            "Partnership asks students what they care about and works on it with them.",
        ),
        ("h2", "Five principles"),
        ("h3", "Choose it as a whole institution"),
        (
            "p",
            "Debate what partnership should mean openly, across the institution, not in a "
            "small group of senior managers.",
        ),
        ("h3", "Invest in it"),
        (
            "p",
            "Map how decisions are really made, and commit staff time and, where you can, "
            "money to changing it.",
        ),
        ("h3", "Remove barriers"),
        (
            "p",
            "Expect people to struggle for lack of time, confidence or information, and have "
            "support ready. Check which groups of students are missing and why.",
        ),
        ("h3", "Set joint priorities"),
        ("p", "Choose a few shared priorities each year rather than trying everything at once."),
        ("h3", "Keep it under review"),
        (
            "p",
            "Every new team of officers brings new ideas. Revisit how you work together each "
            "year so that partnership stays a work in progress.",
        ),
        (
            "quote",
            "We stopped asking the union to sign off our plans and started writing the plans "
            "with them. It was slower for a term and faster ever since.",
            "A deputy principal",
        ),
        (
            "callout",
            "tip",
            "Signs that it is working",
            "<ul><li>Both sides propose new work</li><li>Students co-write policies, not just "
            "comment on them</li><li>Disagreements are argued out in good faith</li></ul>",
        ),
        (
            "checklist",
            "Questions to ask each year",
            [
                "Who took part in deciding how we work together?",
                "What did we invest, and was it enough?",
                "Which students are missing from our partnership work, and why?",
                "Which joint priorities did we finish, and which did we drop?",
            ],
        ),
        (
            "practice",
            {
                "institution": "Elmsworth College of Further Education",
                "place": "Elmsworth",
                "challenge": (
                    "Partnership meant a monthly meeting between the principal and the "
                    "student president, and little else."
                ),
                "approach": (
                    "<p>The college and the student council held open sessions for staff and "
                    "learners on what partnership should mean, then agreed three joint "
                    "priorities for the year.</p>"
                ),
                "result": (
                    "Course teams now propose joint work with representatives, not only "
                    "senior managers."
                ),
                "project": "First partnership agreement between the union and the institution",
            },
        ),
    ],
    "projects": ["First partnership agreement between the union and the institution"],
    "related": ["writing-a-partnership-agreement", "who-takes-part"],
    "resources": ["partnership-annual-report"],
}

SUCCESSION = {
    "slug": "succession-planning-for-officers",
    "title": "Succession planning for short officer terms",
    "summary": (
        "Elected officers usually serve for one year. Handover notes, an overlap period and "
        "a shared record of ongoing projects stop good work from restarting every summer."
    ),
    "audiences": ["learners", "staff"],
    "themes": ["student-groups", "partnership"],
    "reviewed_days_ago": 200,
    "body": [
        ("h2", "The problem with one-year terms"),
        (
            "p",
            "By the time a new officer understands how the institution works, their term is "
            "half over. Staff see the same conversations start again each year, and long "
            "projects lose their student voice just when it matters.",
        ),
        ("h2", "Hand over, in writing and in person"),
        (
            "list",
            [
                "A handover note for each role: open projects, contacts, commitments made",
                "An overlap of at least two weeks between outgoing and incoming officers",
                "A joint meeting with key staff contacts before the outgoing officer leaves",
            ],
        ),
        ("h2", "Help new officers join what already exists"),
        (
            "p",
            "Institutions usually run dozens of projects that touch the student experience. "
            "When staff share them openly, a new officer can join and shape existing work "
            "instead of starting a parallel project on the same issue. The project registry "
            "on this site exists for exactly that.",
        ),
        (
            "callout",
            "tip",
            "Use the induction window",
            "<p>Most unions induct new officers in early summer. Offer staff sessions during "
            "induction where project leads explain how officers can get involved.</p>",
        ),
        ("h2", "Keep memory in more than one place"),
        (
            "p",
            "Union staff and a named institutional contact should hold the history of each "
            "area of work, so that it does not leave with the officer.",
        ),
        (
            "checklist",
            "Before the handover",
            [
                "Handover note written for each role",
                "Overlap dates agreed",
                "Registry entries updated with the current union contact",
                "Introductions arranged with the main staff contacts",
            ],
        ),
        (
            "practice",
            {
                "institution": "Harbourton Students' Union",
                "place": "Harbourton",
                "challenge": (
                    "New officers launched manifesto projects that duplicated work already "
                    "under way in the university."
                ),
                "approach": (
                    "<p>During induction each officer met the leads of existing projects "
                    "linked to their manifesto, using the registry to find them.</p>"
                ),
                "result": "Most manifesto points were folded into existing projects.",
                "project": "Officer induction: joining existing projects",
            },
        ),
    ],
    "projects": [
        "Officer induction: joining existing projects",
        "Committee succession planning for societies and sports clubs",
        "Keeping student-led groups going over the summer",
    ],
    "related": ["supporting-and-recognising-union-work"],
    "resources": ["officer-handover-template"],
}

DATA_SHARING = {
    "slug": "sharing-data-with-the-union",
    "title": "Sharing data with the union responsibly",
    "summary": (
        "Learning analytics and survey data can help the union and the institution find "
        "where participation gaps are. Share it for a clear purpose, in aggregate, under a "
        "written agreement."
    ),
    "audiences": ["leaders", "learners", "staff"],
    "themes": ["data"],
    "reviewed_days_ago": 85,
    "body": [
        ("h2", "Why share data at all"),
        (
            "p",
            "Analytics show what students do: who attends, who uses the library, who "
            "engages online. When the union can see the same patterns, both sides can agree "
            "where the biggest gaps are and design support together.",
        ),
        ("h2", "What data cannot replace"),
        (
            "p",
            "Behavioural data says little about why students act as they do. It complements "
            "representation and feedback; it does not replace them. Use the two together.",
        ),
        ("h2", "Ground rules"),
        (
            "list",
            [
                "Agree the purpose in writing before anything is shared",
                "Share aggregated figures, never records about individual students",
                "Suppress small groups so that nobody can be identified",
                "Limit who in the union can see the data, and for how long",
                "Complete a data protection impact assessment with your data protection officer",
            ],
        ),
        (
            "callout",
            "warning",
            "Personal data stays protected",
            "<p>Union officers are students too. Do not give them access to information "
            "about named peers, even with good intentions.</p>",
        ),
        ("h2", "Use it together"),
        (
            "p",
            "Look at the figures side by side at a regular meeting, decide together what "
            "they suggest, and test those ideas with students before acting.",
        ),
        (
            "checklist",
            "Before the first data share",
            [
                "Purpose and scope written down and signed by both sides",
                "Impact assessment completed",
                "Small-number suppression rule agreed",
                "Named people on each side responsible for the data",
            ],
        ),
        (
            "practice",
            {
                "institution": "Harbourton University",
                "place": "Harbourton",
                "challenge": "The union could not see which groups were least engaged.",
                "approach": (
                    "<p>A data-sharing agreement gives the union termly, aggregated "
                    "engagement figures by programme and student group.</p>"
                ),
                "result": (
                    "Two joint projects now target commuter and part-time students, "
                    "identified from the data."
                ),
                "project": "Learning analytics data-sharing agreement with the union",
            },
        ),
    ],
    "projects": [
        "Learning analytics data-sharing agreement with the union",
        "Programme-level attainment dashboards",
        "Sharing graduate outcomes data with the union",
    ],
    "related": ["wellbeing-partnership"],
    "resources": ["data-sharing-checklist"],
}

WELLBEING = {
    "slug": "wellbeing-partnership",
    "title": "Building a wellbeing partnership",
    "summary": (
        "Student wellbeing is a shared responsibility. A joint approach combines regular, "
        "light-touch check-ins with signposting to both union and institutional support."
    ),
    "audiences": ["staff", "learners", "leaders"],
    "themes": ["wellbeing"],
    "reviewed_days_ago": 33,
    "body": [
        ("h2", "Own it together"),
        (
            "p",
            "Wellbeing work is strongest when the union and the institution's student "
            "services plan it together, share what they learn and refer students to each "
            "other's support.",
        ),
        ("h2", "A monthly check-in"),
        (
            "p",
            "A very short poll each month, for example in the student app, asks how students "
            "are feeling. Depending on the answer, students are shown activities and support "
            "that might help, from both the union and the institution.",
        ),
        (
            "list",
            [
                "Keep it to one or two questions",
                "Show support options immediately after answering",
                "Share the anonymous trends openly between the partners",
                "Watch how wellbeing changes across the year, for example around exams",
            ],
        ),
        (
            "callout",
            "warning",
            "A poll is not a crisis service",
            "<p>Make clear that the poll is not monitored in real time, and show urgent "
            "contacts on every screen.</p>",
        ),
        ("h2", "Act on the trends"),
        (
            "p",
            "If wellbeing dips every year in the same weeks, plan for it: extra drop-in "
            "sessions, coordinated deadlines and peer support run by trained students.",
        ),
        (
            "checklist",
            "Setting up",
            [
                "Agree the questions with the union and student services",
                "Map every support option the poll will point to",
                "Agree who sees the results and when",
                "Check the safeguarding wording with specialists",
            ],
        ),
        (
            "practice",
            {
                "institution": "Riverside Campus student services and the union",
                "place": "Harbourton",
                "challenge": "Support services only saw students once they were in crisis.",
                "approach": (
                    "<p>A monthly two-question poll in the student app links each answer to "
                    "tailored support from both partners.</p>"
                ),
                "result": (
                    "More students use early support, and the partners plan extra sessions "
                    "before exam periods."
                ),
                "project": "Monthly student wellbeing poll",
            },
        ),
    ],
    "projects": ["Monthly student wellbeing poll", "Peer mental health support network"],
    "related": ["quick-check-in-surveys", "sharing-data-with-the-union"],
    "resources": ["wellbeing-poll-questions"],
}

GUIDELINES = [
    WHO_TAKES_PART,
    KEEPING_INFORMED,
    CO_CREATING,
    ACCESSIBILITY,
    SUPPORTING_UNION_WORK,
    STUDENT_SEAT,
    ETHOS,
    AGREEMENT,
    SUCCESSION,
    CHECK_INS,
    DATA_SHARING,
    WELLBEING,
]

TRANSLATED = [WHO_TAKES_PART, KEEPING_INFORMED, CHECK_INS, AGREEMENT]

# Anonymous demo answers to "Was this helpful?": (guideline slug, helpful, comment).
FEEDBACK = [
    ("quick-check-in-surveys", True, ""),
    ("quick-check-in-surveys", True, "We used the sample questions in our first term."),
    ("quick-check-in-surveys", True, ""),
    ("quick-check-in-surveys", False, "An example of how results were shared would help."),
    ("who-takes-part", True, "The table was useful for our induction day."),
    ("who-takes-part", True, ""),
    ("who-takes-part", False, "More on working with employers, please."),
    ("writing-a-partnership-agreement", True, "We adapted the template for our first draft."),
    ("partnership-as-an-ethos", False, "Some of the examples feel dated."),
]

# --- The resource library -------------------------------------------------------------------
# key, title, description, kind, language, themes, file name, file content

RESOURCES = [
    (
        "partnership-agreement-template",
        "Partnership agreement template",
        "A short, editable outline for a first agreement between a union and its institution.",
        "template",
        "en",
        ["partnership"],
        "partnership-agreement-template.txt",
        """PARTNERSHIP AGREEMENT
Between [institution] and [students' union], for the year [year]

1. Why we work in partnership
   In three or four sentences, say what you want to achieve together.

2. Our principles
   - We share problems early and look for answers together.
   - We give each other time to consult before decisions are made.
   - We tell students what happened to their input.

3. Student representation
   List the bodies with student seats and the support representatives receive.

4. Our priorities this year (three to five)
   Priority | Institution lead | Union lead | How we will know it worked

5. Reviewing this agreement
   We meet each term to review progress and rewrite the agreement with the
   new officers every summer.

6. When we disagree
   Describe how disagreements are raised and who meets to resolve them.

Signed for the institution: ______________  Signed for the union: ______________
""",
    ),
    (
        "partnerschaftsvereinbarung-vorlage",
        "Vorlage: Partnerschaftsvereinbarung",
        "Eine kurze Gliederung für eine erste Vereinbarung zwischen Studierendenvertretung "
        "und Hochschule, auf Deutsch.",
        "template",
        "de",
        ["partnership"],
        "partnerschaftsvereinbarung-vorlage.txt",
        """PARTNERSCHAFTSVEREINBARUNG
zwischen [Hochschule] und [Studierendenvertretung] für das Jahr [Jahr]

1. Warum wir partnerschaftlich arbeiten
2. Unsere Grundsätze
3. Studentische Vertretung in Gremien
4. Unsere Prioritäten in diesem Jahr (drei bis fünf)
5. Überprüfung der Vereinbarung
6. Umgang mit Meinungsverschiedenheiten
""",
    ),
    (
        "check-in-question-bank",
        "Check-in survey question bank",
        "Short questions for mid-term check-ins, grouped by purpose, to adapt with "
        "representatives.",
        "template",
        "en",
        ["feedback"],
        "check-in-question-bank.csv",
        """purpose,question,type
overall,How is the course going so far?,scale 1-5
learning,What is helping you learn?,free text
barriers,What is getting in the way?,free text
workload,How manageable is your workload at the moment?,scale 1-5
voice,Is there anything you would like your representative to raise?,free text
""",
    ),
    (
        "accessibility-review-checklist",
        "Accessibility review checklist",
        "A checklist for reviewing rooms, materials, assessment and teaching with disabled "
        "students.",
        "checklist",
        "en",
        ["accessibility"],
        "accessibility-review-checklist.txt",
        """ACCESSIBILITY REVIEW CHECKLIST

Rooms and buildings
[ ] Step-free route to every teaching room, at all opening hours
[ ] Hearing loop working and signed
[ ] Quiet space available nearby

Course materials
[ ] Documents readable by screen readers
[ ] Recordings captioned, transcripts available
[ ] Reading lists published before teaching starts

Assessment
[ ] Alternative formats offered where the learning outcome allows
[ ] Briefs written in plain language

Teaching
[ ] Slides shared before sessions
[ ] Group work arranged so everyone can take part
""",
    ),
    (
        "grille-accessibilite",
        "Grille d'auto-évaluation de l'accessibilité",
        "Une grille simple pour examiner l'accessibilité des salles, des supports et des "
        "évaluations, en français.",
        "checklist",
        "fr",
        ["accessibility"],
        "grille-accessibilite.txt",
        """GRILLE D'AUTO-ÉVALUATION DE L'ACCESSIBILITÉ

Salles et bâtiments : accès de plain-pied, boucle magnétique, espace calme
Supports de cours : documents lisibles, sous-titres, transcriptions
Évaluations : formats alternatifs, consignes claires
Enseignement : supports partagés à l'avance, travail de groupe accessible
""",
    ),
    (
        "officer-handover-template",
        "Officer handover note template",
        "What an outgoing officer should pass on: open projects, contacts and commitments.",
        "template",
        "en",
        ["student-groups", "partnership"],
        "officer-handover-template.txt",
        """OFFICER HANDOVER NOTE
Role: ____________   Outgoing: ____________   Incoming: ____________

Open projects (name, registry link, staff lead, next step)
Commitments made to students or staff, with dates
Key contacts and how each prefers to be reached
Meetings and committees the role sits on
What I would do differently
""",
    ),
    (
        "course-co-creation-planner",
        "Co-creating a course: planning guide",
        "A one-page plan for involving students before, during and after a course.",
        "guide",
        "en",
        ["curriculum", "feedback"],
        "course-co-creation-planner.txt",
        """CO-CREATING A COURSE: PLANNING GUIDE

Before: expectations survey (2-4 weeks before the start), draft outline to representatives
During: mid-course focus group run by a representative, one agreed change
After: end-of-course feedback, changes agreed for the next cohort and published
""",
    ),
    (
        "data-sharing-checklist",
        "Data-sharing checklist for unions and institutions",
        "The questions to settle before the institution shares analytics with the union.",
        "checklist",
        "en",
        ["data"],
        "data-sharing-checklist.txt",
        """DATA-SHARING CHECKLIST
[ ] Purpose agreed in writing
[ ] Only aggregated figures shared
[ ] Small groups suppressed
[ ] Access limited to named people, for a set period
[ ] Data protection impact assessment completed
""",
    ),
    (
        "partnership-annual-report",
        "Partnership in practice: annual report",
        "What the union and the institution achieved together last year, and what they learned.",
        "report",
        "en",
        ["partnership", "recognition"],
        "partnership-annual-report.txt",
        """PARTNERSHIP IN PRACTICE: ANNUAL REPORT

Highlights
- A first partnership agreement, written jointly and reviewed with new officers
- Check-in surveys in most first-year modules
- Student seats filled on every academic board

What did not work
- Focus groups on the North Park campus attracted few part-time students

Next year
- Recognise representatives on transcripts
- Extend accessibility reviews to assessment
""",
    ),
    (
        "wellbeing-poll-questions",
        "Wellbeing poll: monthly questions and signposting",
        "The two poll questions and the support each answer points to.",
        "guide",
        "en",
        ["wellbeing"],
        "wellbeing-poll-questions.txt",
        """WELLBEING POLL

Q1 How are you feeling this month? (very good / good / okay / low / very low)
Q2 Would you like to see support options? (yes / no)

Signposting
very good, good: union clubs and volunteering
okay: study skills drop-ins, peer support
low, very low: wellbeing service, peer mental health network, urgent contacts
""",
    ),
]
