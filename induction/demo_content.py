"""Words for the demo induction: roles, a week of sessions and the training modules.

Written for this project; the facts (who takes part, what good practice looks like) come from
the reading in ``shared/seeds``, the sentences do not.
"""

# --- Officer roles: (slug, name, order, remit, seats, partner unit slugs) -------------------
ROLES = [
    (
        "president",
        "President",
        1,
        "Leads the union's team of officers and speaks for students to the institution's "
        "senior leaders and governors. Chairs the officer team, keeps the union's priorities "
        "in view across the year, and makes sure the other officers' work joins up.",
        [
            (
                "Board of Governors",
                "governing",
                "Sets the institution's strategy and budget and signs off major policies.",
                "Five times a year",
            ),
            (
                "Union Board of Trustees",
                "union",
                "Oversees the union's finances, staffing and legal duties.",
                "Quarterly",
            ),
            (
                "Partnership Forum",
                "partnership",
                "Where the union and senior leaders agree shared priorities and review the "
                "partnership agreement.",
                "Twice a term",
            ),
        ],
        ["students-union", "planning-analytics"],
    ),
    (
        "vp-education",
        "Vice-President Education",
        2,
        "Represents students on teaching, learning and assessment. Supports the course "
        "representatives, brings their evidence to academic committees, and works with staff "
        "on feedback surveys, curriculum design and closing attainment gaps.",
        [
            (
                "Academic Board",
                "academic",
                "Approves new courses, assessment rules and academic regulations.",
                "Three times a year",
            ),
            (
                "Learning and Teaching Committee",
                "academic",
                "Oversees teaching quality, student feedback and the digital learning offer.",
                "Monthly in term time",
            ),
            (
                "Course Representatives Council",
                "union",
                "Brings course reps together to agree priorities and share what they hear.",
                "Every three weeks",
            ),
        ],
        ["learning-teaching", "library", "school-health", "school-engineering", "school-business"],
    ),
    (
        "vp-welfare",
        "Vice-President Welfare",
        3,
        "Speaks for students on health, wellbeing, housing and money. Works with student "
        "services on support that students actually use, and makes sure students in "
        "difficulty know where to turn.",
        [
            (
                "Student Wellbeing Steering Group",
                "committee",
                "Plans mental health, disability and support services with the union.",
                "Monthly",
            ),
            (
                "Accommodation Liaison Group",
                "committee",
                "Reviews rents, repairs and complaints with housing providers.",
                "Each term",
            ),
        ],
        ["student-services", "students-union"],
    ),
    (
        "vp-activities",
        "Vice-President Activities",
        4,
        "Looks after societies, sports clubs, volunteering and student media. Helps student "
        "groups keep going from year to year and makes sure their committees are recognised "
        "for the work they do.",
        [
            (
                "Student Groups Committee",
                "union",
                "Approves new societies and clubs and shares out their grants.",
                "Monthly",
            ),
            (
                "Employability Advisory Group",
                "committee",
                "Connects extracurricular activity with skills awards and careers support.",
                "Each term",
            ),
        ],
        ["students-union", "careers"],
    ),
    (
        "vp-equality",
        "Vice-President Equality and Inclusion",
        5,
        "Champions students who face barriers: disabled students, students of colour, "
        "LGBTQ+ students, carers, commuters and part-time and distance learners. Works with "
        "staff on accessibility reviews and on inclusive teaching and events.",
        [
            (
                "Equality, Diversity and Inclusion Committee",
                "committee",
                "Sets the institution's equality objectives and checks progress on them.",
                "Each term",
            ),
            (
                "Accessibility Working Group",
                "committee",
                "Reviews buildings, teaching materials and assessments for barriers.",
                "Every six weeks",
            ),
        ],
        ["student-services", "learning-teaching"],
    ),
]

# --- A week of sessions: (day offset from Monday, start, end, title, place, online, roles,
# description) -------------------------------------------------------------------------------
SESSIONS = [
    (
        0,
        "09:30",
        "10:30",
        "Welcome breakfast with the union staff team",
        "Union building, first-floor café",
        "",
        [],
        "Meet the staff who support officers day to day, and the rest of your officer team.",
    ),
    (
        0,
        "11:00",
        "12:30",
        "The union and its partners: who is who",
        "Union building, meeting room 2",
        "",
        [],
        "A tour of the union's structures and the institution's departments you will work "
        "with most, with time for questions.",
    ),
    (
        0,
        "14:00",
        "16:00",
        "Your remit, your manifesto and the registry",
        "Union building, meeting room 2",
        "",
        [],
        "Bring your manifesto. We will enter your pledges in the hub and look for projects "
        "already working on them.",
    ),
    (
        1,
        "09:30",
        "11:00",
        "How the institution decides",
        "Main building, senate room",
        "",
        [],
        "The secretary to the governing body explains the committee cycle, papers and where "
        "officers have a seat.",
    ),
    (
        1,
        "11:30",
        "12:30",
        "Meeting the Vice-Chancellor's team",
        "Main building, executive suite",
        "",
        ["president"],
        "Introductions to the senior leaders the President meets every month.",
    ),
    (
        1,
        "14:00",
        "15:30",
        "Academic quality and the course representative system",
        "Library, seminar room 4",
        "https://meet.example.org/induction-academic",
        ["vp-education"],
        "How course reps are recruited and trained, and how their feedback reaches boards.",
    ),
    (
        1,
        "14:00",
        "15:30",
        "Support services walk-through",
        "Student services hub, Riverside Campus",
        "",
        ["vp-welfare"],
        "Counselling, disability advice, money advice and housing: what each team does and how "
        "to refer a student.",
    ),
    (
        2,
        "10:00",
        "12:00",
        "Working with staff on projects",
        "Union building, meeting room 2",
        "https://meet.example.org/induction-projects",
        [],
        "Staff project leads describe three projects open to officers and how to join them.",
    ),
    (
        2,
        "13:30",
        "15:00",
        "Societies, clubs and volunteering",
        "Sports centre, club room",
        "",
        ["vp-activities"],
        "Meet the activities team and a few society presidents; grants, risk and recognition.",
    ),
    (
        2,
        "13:30",
        "15:00",
        "Accessibility and inclusion in practice",
        "Library, accessibility suite",
        "",
        ["vp-equality", "vp-welfare"],
        "Try assistive technology, review a real module page for barriers, and hear from the "
        "disability advice team.",
    ),
    (
        3,
        "10:00",
        "11:30",
        "Feedback that leads to change",
        "Online",
        "https://meet.example.org/induction-feedback",
        [],
        "Surveys, pulse polls and focus groups: how results are shared and how to report back "
        "to students.",
    ),
    (
        3,
        "14:00",
        "16:00",
        "Budgets and trustees",
        "Union building, boardroom",
        "",
        ["president"],
        "The union's accounts, the trustee board and what officers can and cannot decide.",
    ),
    (
        4,
        "09:30",
        "12:30",
        "Planning your year",
        "Union building, meeting room 2",
        "",
        [],
        "Turn your pledges into a plan with milestones, owners and the committees where each "
        "decision will be taken.",
    ),
    (
        4,
        "13:00",
        "14:00",
        "Closing lunch with last year's officers",
        "Union building, first-floor café",
        "",
        [],
        "Ask the outgoing team what they wish they had known.",
    ),
]


def _q(question, *answers):
    """A quiz question: answers are (text, correct, feedback)."""
    return {
        "question": question,
        "answers": [
            {"text": text, "is_correct": correct, "feedback": feedback}
            for text, correct, feedback in answers
        ],
    }


# --- Modules ---------------------------------------------------------------------------------
# Each: slug, title, summary, minutes, due day (days after 1 July), prerequisite slug, role
# slugs, lessons (a list of (type, value) tuples as LessonBlock takes them).
MODULES = [
    {
        "slug": "the-union-and-its-partners",
        "title": "The union and its partners",
        "summary": "Who the union is, who it works with inside and outside the institution, "
        "and why partnership is more than consultation.",
        "minutes": 35,
        "due": 7,
        "lessons": [
            ("heading", {"text": "A union run by students", "level": "h2"}),
            (
                "text",
                "<p>The students' union is a democratic organisation: every student is a member, "
                "and each year they elect the officers who lead it. Officers are supported by "
                "permanent staff who keep the organisation running between elections, look after "
                "its finances and carry its knowledge from one year to the next.</p>"
                "<p>You arrive with a mandate from the students who voted for you, and you "
                "leave after one or two years. That short time is the union's strength, because "
                "it keeps the union close to what students experience now, and its weakness, "
                "because work easily stops when a team changes. Much of this induction is about "
                "picking up what is already moving instead of starting again.</p>",
            ),
            ("heading", {"text": "Partners inside the institution", "level": "h2"}),
            (
                "text",
                "<p>Almost everything students care about is run by someone on the institution's "
                "side: teaching staff and programme leaders, student services, the library, "
                "careers, estates, planning and data teams, and senior managers who decide "
                "where resources go. In a vocational college the picture also includes workshop "
                "instructors, learning support assistants and the staff who arrange work "
                "placements.</p>"
                "<p>These people are your partners, not your audience. Good partnership means "
                "working on problems together from the beginning: sharing information early, "
                "agreeing what success looks like, and taking joint responsibility for the "
                "result.</p>",
            ),
            ("heading", {"text": "Partners outside", "level": "h2"}),
            (
                "text",
                "<p>Some of the students you represent spend much of their week elsewhere: with "
                "employers who host apprenticeships and placements, in hospitals and schools, or "
                "studying online from home. Local agencies, charities, families and employers' "
                "networks all shape their experience. Knowing who these partners are helps you "
                "speak for students whose voices are easy to miss.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Use the registry",
                    "text": "<p>Before you plan anything, search the project registry. "
                    "There is a good chance someone is already working on your "
                    "idea and would welcome an officer on board.</p>",
                },
            ),
            (
                "checklist",
                {
                    "title": "Get to know your partners",
                    "intro": "Tick each item once you have done it.",
                    "items": [
                        "Read the partnership agreement between the union and the institution",
                        "Meet the union's chief executive or general manager",
                        "Find the names of the heads of student services, the library and careers",
                        "Browse the project registry and note three projects linked to your remit",
                        "Add your manifesto pledges to the hub",
                    ],
                },
            ),
            (
                "reflection",
                {
                    "prompt": "Which group of students do you think the union hears from least, "
                    "and who on the institution's side already works with them?",
                    "hint": "Think of part-time, commuting, distance and placement students.",
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 75,
                    "questions": [
                        _q(
                            "What keeps the union's knowledge going from one officer team to the "
                            "next?",
                            (
                                "Permanent staff, handovers and shared records "
                                "such as the registry",
                                True,
                                "Right: staff, handovers and the registry carry work across "
                                "changes of team.",
                            ),
                            (
                                "Each new team starts again with its own ideas",
                                False,
                                "New ideas matter, but starting from scratch every year is exactly "
                                "what loses momentum.",
                            ),
                            (
                                "The institution keeps all union records",
                                False,
                                "The institution keeps its own records; the union is responsible "
                                "for its own continuity.",
                            ),
                        ),
                        _q(
                            "Which of these describes partnership best?",
                            (
                                "Staff decide, then ask the union for comments",
                                False,
                                "That is consultation after the fact, not partnership.",
                            ),
                            (
                                "Union and staff work on a problem together from the "
                                "start and share "
                                "the responsibility",
                                True,
                                "Yes: shared ownership from the beginning is what makes it a "
                                "partnership.",
                            ),
                            (
                                "The union campaigns and the institution responds",
                                False,
                                "Campaigning has its place, but partnership is working on the "
                                "problem together.",
                            ),
                        ),
                        _q(
                            "Which of these are partners outside the institution?",
                            (
                                "Employers who host placements and apprenticeships",
                                True,
                                "Correct: they shape a large part of some students' week.",
                            ),
                            (
                                "Local charities and support agencies",
                                True,
                                "Correct: they often support the same students.",
                            ),
                            (
                                "The library",
                                False,
                                "The library is part of the institution itself.",
                            ),
                        ),
                        _q(
                            "Before starting a new project, what should you do first?",
                            (
                                "Search the registry for work already under way",
                                True,
                                "Exactly: join and shape existing work where you can.",
                            ),
                            (
                                "Book a room for a launch event",
                                False,
                                "Launches come later; first check nobody is already on it.",
                            ),
                            (
                                "Write a new survey",
                                False,
                                "There may already be a survey you can use or improve.",
                            ),
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "your-role-and-its-remit",
        "title": "Your role and its remit",
        "summary": "What your role covers, where its limits are, and how to turn a manifesto "
        "into priorities you can deliver in one year.",
        "minutes": 40,
        "due": 10,
        "prerequisite": "the-union-and-its-partners",
        "lessons": [
            ("heading", {"text": "Reading your remit", "level": "h2"}),
            (
                "text",
                "<p>Every officer role has a written remit: the areas it speaks for, the "
                "committees where it holds a seat, and the staff teams it works with most. Your "
                "remit is shown on your dashboard. Read it alongside your manifesto and mark "
                "where they meet and where they do not.</p>"
                "<p>A remit is not a cage. It tells the institution who to call about what, and "
                "it tells your fellow officers where you will lead and where you will support. "
                "When a pledge falls into a colleague's remit, agree early who leads.</p>",
            ),
            ("heading", {"text": "From manifesto to priorities", "level": "h2"}),
            (
                "text",
                "<p>Manifestos are written to win an election; plans are written to change "
                "something in a year. For each pledge ask three questions: who decides, what "
                "already exists, and what would count as done. You will often find that a "
                "pledge is best delivered by joining a project that is already running and "
                "steering it.</p>"
                "<p>Be honest with students about what changes. Dropping a pledge for a good "
                "reason, and saying so, builds more trust than quietly letting it fade.</p>",
            ),
            (
                "quote",
                {
                    "quote": "The year goes faster than you think. Pick three things you "
                    "will not let go of, and help with the rest.",
                    "attribution": "A former vice-president",
                },
            ),
            (
                "checklist",
                {
                    "title": "Make the remit yours",
                    "intro": "",
                    "items": [
                        "Read your role's remit on the dashboard",
                        "Mark each pledge as inside, shared with, or outside your remit",
                        "Agree with fellow officers who leads on shared pledges",
                        "Link each pledge to a project or mark it as a new initiative",
                    ],
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Which three pledges will you not let go of this year, and why those?"
                    ),
                    "hint": "",
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 67,
                    "questions": [
                        _q(
                            "A pledge falls mainly in another officer's remit. What do you do?",
                            (
                                "Drop it",
                                False,
                                "No need to drop it: agree with your colleague who leads.",
                            ),
                            (
                                "Agree with your colleague early who leads and who supports",
                                True,
                                "Right: clear leads avoid duplicated or competing work.",
                            ),
                            (
                                "Do it anyway without telling them",
                                False,
                                "That risks two officers giving the institution different "
                                "messages.",
                            ),
                        ),
                        _q(
                            "Which question helps most when turning a pledge into a plan?",
                            (
                                "Who decides, what already exists, and what counts as done?",
                                True,
                                "These three questions turn a promise into a plan.",
                            ),
                            (
                                "How quickly can we announce it?",
                                False,
                                "Announcing before you know who decides sets you up to disappoint.",
                            ),
                            (
                                "Which slogan worked best in the campaign?",
                                False,
                                "Slogans win elections; plans change things.",
                            ),
                        ),
                        _q(
                            "A pledge turns out to be impossible this year. What is the best "
                            "course?",
                            (
                                "Say nothing and hope nobody asks",
                                False,
                                "Students notice; silence costs trust.",
                            ),
                            (
                                "Mark it dropped, give the reason and say so on your tracker",
                                True,
                                "Yes: an honest reason keeps students' trust.",
                            ),
                            (
                                "Rename it so it looks achieved",
                                False,
                                "That misleads the students who voted for you.",
                            ),
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "how-the-institution-decides",
        "title": "How the institution decides, and where you sit",
        "summary": "The committee cycle, papers and minutes, and how to use your seat so "
        "student views shape decisions before they are made.",
        "minutes": 45,
        "due": 14,
        "lessons": [
            ("heading", {"text": "The committee cycle", "level": "h2"}),
            (
                "text",
                "<p>Most decisions pass through a chain of committees: a working group drafts a "
                "proposal, a committee discusses and amends it, and a senior body such as the "
                "academic board or the governing body approves it. Each meeting has a deadline "
                "for papers, usually two weeks before. By the time a paper reaches the top, "
                "most of the thinking has been done.</p>"
                "<p>That is why early involvement matters. If you first hear of a proposal at "
                "the final meeting, your influence is small. Ask the committee secretaries for "
                "the year's calendar and for forward plans, so you and your course "
                "representatives can give input while it still changes things.</p>",
            ),
            ("heading", {"text": "Using your seat", "level": "h2"}),
            (
                "text",
                "<p>Read the papers before the meeting and talk to the chair beforehand when "
                "something matters. Bring evidence: survey results, what course reps heard, the "
                "experience of a particular group of students. Speak to the item, not around "
                "it, and ask for your point to be minuted.</p>"
                "<p>Some bodies discuss confidential items. Respect confidentiality, and ask how "
                "student views were taken into account when a decision cannot be shared "
                "yet.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Not every decision is in a committee",
                    "text": "<p>Many day-to-day decisions are made by managers. Map "
                    "them too: who sets the timetable, who approves room "
                    "changes, who owns the student app.</p>",
                },
            ),
            (
                "checklist",
                {
                    "title": "Find your seats",
                    "intro": "",
                    "items": [
                        "Get the committee calendar for the year",
                        "Introduce yourself to the secretary of each committee where you sit",
                        "Read the minutes of the last two meetings of your main committee",
                        "Note the paper deadlines in your calendar",
                        "Map one decision you care about: who drafts, who discusses, who approves",
                    ],
                },
            ),
            (
                "reflection",
                {
                    "prompt": "Pick one of your pledges. At which meeting will it actually be "
                    "decided, and when would students need to be involved to make a "
                    "difference?",
                    "hint": "",
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 75,
                    "questions": [
                        _q(
                            "When does a student voice have most influence on a proposal?",
                            (
                                "While it is being drafted",
                                True,
                                "Right: early input shapes the proposal itself.",
                            ),
                            (
                                "At the final approving meeting",
                                False,
                                "By then most of the thinking is done; changes are hard.",
                            ),
                            (
                                "After it is published",
                                False,
                                "After publication you can only ask for a review.",
                            ),
                        ),
                        _q(
                            "What should you bring to a committee to make your case?",
                            (
                                "Evidence from students: survey results, reps' reports, "
                                "experiences",
                                True,
                                "Evidence makes student views hard to set aside.",
                            ),
                            (
                                "Only your own opinion",
                                False,
                                "You speak for students; show what they told you.",
                            ),
                            (
                                "A petition alone",
                                False,
                                "A petition can help, but it works best alongside evidence and "
                                "proposals.",
                            ),
                        ),
                        _q(
                            "A paper is marked confidential. What do you do?",
                            (
                                "Share it with the course reps' group chat",
                                False,
                                "That breaks confidentiality and your seat's trust.",
                            ),
                            (
                                "Respect confidentiality and ask how student views were considered",
                                True,
                                "Yes: keep confidence and still hold the body to account.",
                            ),
                            (
                                "Refuse to attend",
                                False,
                                "Leaving your seat empty means students are not "
                                "represented at all.",
                            ),
                        ),
                        _q(
                            "Which of these are usually decided by managers rather than "
                            "committees?",
                            (
                                "The teaching timetable",
                                True,
                                "Usually a timetabling team decides within agreed principles.",
                            ),
                            (
                                "Changes to the student app",
                                True,
                                "A service owner normally decides these.",
                            ),
                            (
                                "Approval of a new degree course",
                                False,
                                "New courses go through the academic committee cycle.",
                            ),
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "working-with-staff-on-projects",
        "title": "Working with staff on projects",
        "summary": "How to find, join and shape projects already under way, and how to "
        "start well when something new is needed.",
        "minutes": 40,
        "due": 17,
        "prerequisite": "the-union-and-its-partners",
        "lessons": [
            ("heading", {"text": "Dozens of projects are already running", "level": "h2"}),
            (
                "text",
                "<p>At any moment an institution runs dozens, sometimes hundreds, of projects "
                "that touch the student experience: a new survey, a mentoring scheme, a review "
                "of exam arrangements. Many of them would be better with an officer involved, "
                "and some of them are exactly what your manifesto promised.</p>"
                "<p>Joining existing work gives you results within your term instead of a "
                "plan for your successor. It also avoids the worst outcome: two projects on the "
                "same problem, competing for the same students' attention.</p>",
            ),
            ("heading", {"text": "Joining well", "level": "h2"}),
            (
                "text",
                "<p>Each project in the registry says whether it is open to officers and how "
                "they can help. When you ask to join, say what you bring: the students you "
                "represent, evidence you have, time you can give. Agree your role with the "
                "staff lead, and the moments when students should be involved.</p>"
                "<p>Staff have their own pressures: deadlines, budgets, line managers. Ask about "
                "them. A partnership works when both sides understand what the other needs from "
                "it.</p>",
            ),
            ("heading", {"text": "When something new is needed", "level": "h2"}),
            (
                "text",
                "<p>If nothing fits, register a new initiative, find a staff partner before you "
                "announce it, and agree who will carry it on after your term. Projects with no "
                "owner once an officer leaves are flagged in the registry so they are not "
                "orphaned.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Join a project",
                    "intro": "",
                    "items": [
                        "Find two registry projects open to officers that match your pledges",
                        "Ask to join one, saying what you can bring",
                        "Agree your role and the student involvement points with the staff lead",
                        "Put the project's next milestone in your calendar",
                    ],
                },
            ),
            (
                "reflection",
                {
                    "prompt": "What does the staff lead of your chosen project need from the "
                    "union to succeed?",
                    "hint": "",
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 67,
                    "questions": [
                        _q(
                            "Why join an existing project rather than start a new one?",
                            (
                                "Results arrive within your term and duplication is avoided",
                                True,
                                "Right on both counts.",
                            ),
                            (
                                "New projects are never allowed",
                                False,
                                "They are; but check first whether one already exists.",
                            ),
                            (
                                "Officers cannot lead projects",
                                False,
                                "Officers can lead, but joining often achieves more sooner.",
                            ),
                        ),
                        _q(
                            "What should a request to join a project say?",
                            (
                                "What you bring and how you would like to help",
                                True,
                                "Yes: make it easy for the lead to say yes.",
                            ),
                            (
                                "That the union now owns the project",
                                False,
                                "Partnership is shared ownership, not a takeover.",
                            ),
                            ("Nothing; just turn up to meetings", False, "Agree your role first."),
                        ),
                        _q(
                            "Before announcing a new initiative you should…",
                            (
                                "find a staff partner and agree who carries it on after your term",
                                True,
                                "Exactly: that is how initiatives outlive a single year.",
                            ),
                            (
                                "post it on social media first",
                                False,
                                "Announcing without a partner risks a promise nobody can keep.",
                            ),
                            ("wait until your last month", False, "Then nobody can carry it on."),
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "feedback-and-reporting-back",
        "title": "Feedback and reporting back",
        "summary": "Gathering student views quickly without losing nuance, and closing the "
        "loop so students see what their feedback changed.",
        "minutes": 35,
        "due": 21,
        "lessons": [
            ("heading", {"text": "Before, during and after", "level": "h2"}),
            (
                "text",
                "<p>Useful feedback is gathered at three moments. Before a course or service "
                "starts, ask what students expect and need. While it runs, short check-in "
                "polls or focus groups catch problems while they can still be fixed. "
                "Afterwards, a fuller survey tells the next cohort's staff what to keep and "
                "what to change.</p>"
                "<p>Short surveys of three to six questions get answered. The free-text "
                "comments are often the most useful part: they tell staff why, not only what. "
                "Officers and course representatives can help staff read them and decide what "
                "to do.</p>",
            ),
            ("heading", {"text": "Closing the loop", "level": "h2"}),
            (
                "text",
                "<p>Students stop giving feedback when nothing seems to happen. Report back in "
                "plain words: what students said, what changed, and what did not change and "
                "why. Share it where students will see it: in class, in the app, on the union's "
                "channels. Credit the students and reps whose input made the difference.</p>"
                "<p>Data from learning analytics can show where engagement drops, but not why. "
                "Agree with the institution how such data is shared with the union, so that "
                "numbers and student voices are read together.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Close a loop",
                    "intro": "",
                    "items": [
                        "Find the results of the latest student survey in your area",
                        "Agree with one staff lead what will be reported back and when",
                        "Publish one 'you said, we did' update with them",
                    ],
                },
            ),
            (
                "reflection",
                {
                    "prompt": "Think of a time you gave feedback and never heard back. What would "
                    "have made you give feedback again?",
                    "hint": "",
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 67,
                    "questions": [
                        _q(
                            "Which survey is most likely to be answered?",
                            (
                                "A short check-in of three to six questions",
                                True,
                                "Yes: short, timely surveys get answered.",
                            ),
                            (
                                "A forty-question survey at the end of the year",
                                False,
                                "Long surveys at busy times get few answers.",
                            ),
                            (
                                "A survey with no free-text box",
                                False,
                                "Free text is often where the most useful insight is.",
                            ),
                        ),
                        _q(
                            "What should a report back to students include?",
                            ("What students said", True, "Yes: show you listened."),
                            (
                                "What changed, and what did not and why",
                                True,
                                "Yes: honesty about what did not change builds trust.",
                            ),
                            (
                                "Individual students' names and comments without consent",
                                False,
                                "Never share identifiable comments without consent.",
                            ),
                        ),
                        _q(
                            "What can learning analytics tell you that surveys cannot?",
                            (
                                "Where engagement drops, across many students",
                                True,
                                "Right; but they do not say why, so combine them with student "
                                "voices.",
                            ),
                            (
                                "Why students feel the way they do",
                                False,
                                "Only talking with students tells you why.",
                            ),
                            (
                                "Nothing useful",
                                False,
                                "They are useful when read alongside student feedback.",
                            ),
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "accessibility-and-inclusion",
        "title": "Accessibility and inclusion",
        "summary": "Finding and removing barriers in buildings, teaching materials, "
        "assessment and events, with the students who meet them.",
        "minutes": 45,
        "due": 24,
        "lessons": [
            (
                "heading",
                {
                    "text": "Barriers are often invisible to those who do not meet them",
                    "level": "h2",
                },
            ),
            (
                "text",
                "<p>An accessibility review looks at classrooms and buildings, but also at "
                "teaching materials, assessment formats and the way teaching happens. A step at "
                "a door is easy to spot; a lecture recording without captions, a scanned PDF a "
                "screen reader cannot read, or an exam format that disadvantages some students "
                "are easy to miss.</p>"
                "<p>The students who meet these barriers are the experts. Involve them in "
                "finding problems and in designing the fixes, and make it easy and safe for "
                "them to take part: paid where appropriate, accessible in format, and without "
                "having to disclose more than they want to.</p>",
            ),
            ("heading", {"text": "Inclusion in the union's own work", "level": "h2"}),
            (
                "text",
                "<p>Check your own events and communications too. Offer online options, avoid "
                "times when commuters and carers cannot attend, caption your videos, and write "
                "plainly. Ask who was not in the room, and go to them.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Nothing about us without us",
                    "text": "<p>Do not design a fix for a group of students without "
                    "that group. Good intentions are not enough.</p>",
                },
            ),
            (
                "checklist",
                {
                    "title": "Start an accessibility check",
                    "intro": "",
                    "items": [
                        "Meet the disability advice team",
                        "Check one of your own documents with an accessibility checker",
                        "Ask two students who meet barriers what they would fix first",
                        "Caption the next video the union publishes",
                    ],
                },
            ),
            (
                "reflection",
                {
                    "prompt": "Whose voices were missing from the last union event you attended, "
                    "and what would have helped them take part?",
                    "hint": "",
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 75,
                    "questions": [
                        _q(
                            "What should an accessibility review cover?",
                            ("Buildings and rooms", True, "Yes."),
                            ("Teaching materials and recordings", True, "Yes."),
                            ("Assessment formats", True, "Yes: assessments can exclude too."),
                            (
                                "Only buildings",
                                False,
                                "Many barriers are in materials, assessment and teaching.",
                            ),
                        ),
                        _q(
                            "Who should help design fixes for barriers?",
                            (
                                "The students who meet the barriers",
                                True,
                                "Right: they are the experts in their own experience.",
                            ),
                            (
                                "Only the estates team",
                                False,
                                "Estates matter for buildings, but students should shape the fix.",
                            ),
                            (
                                "The officer alone",
                                False,
                                "Officers should bring the affected students in.",
                            ),
                        ),
                        _q(
                            "Which makes a union event more inclusive?",
                            (
                                "An online option and a time commuters and carers can manage",
                                True,
                                "Yes: think about who cannot be in the room.",
                            ),
                            (
                                "Holding it at 8 pm on campus only",
                                False,
                                "That excludes commuters, carers and many part-time students.",
                            ),
                            (
                                "Long slides with small text",
                                False,
                                "Plain, readable materials help everyone.",
                            ),
                        ),
                        _q(
                            "A student tells you about a barrier but does not want to disclose a "
                            "disability. What do you do?",
                            (
                                "Respect that and raise the barrier without identifying them",
                                True,
                                "Right: nobody should have to disclose more than they wish.",
                            ),
                            (
                                "Insist they register with disability services first",
                                False,
                                "Support can be offered, never required as a condition.",
                            ),
                            (
                                "Ignore it until they disclose",
                                False,
                                "The barrier is real either way.",
                            ),
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "recognising-student-work",
        "title": "Recognising student work",
        "summary": "Thanking and recognising course reps, society committees and volunteers, "
        "so student-led work keeps going from year to year.",
        "minutes": 30,
        "due": 26,
        "lessons": [
            ("heading", {"text": "Why recognition matters", "level": "h2"}),
            (
                "text",
                "<p>Course representatives, society and club committees and student volunteers "
                "give time that could go to paid work or study. Recognition keeps them going and "
                "encourages the next group to step forward. Without new committee members each "
                "year, student-led groups fade.</p>"
                "<p>Recognition takes many forms: awards and celebration events, a mention in "
                "the institution's news, volunteering records on transcripts, skills awards and "
                "digital badges, and simply telling people what difference their work made.</p>",
            ),
            ("heading", {"text": "Working with the institution", "level": "h2"}),
            (
                "text",
                "<p>Careers and employability teams can help students describe the skills they "
                "gain. Teaching staff can acknowledge reps in class. Senior leaders can thank "
                "students at public events. Ask for these things explicitly; they cost little "
                "and matter a lot.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Recognise someone this month",
                    "intro": "",
                    "items": [
                        "Find out how your institution records volunteering and representation",
                        "Thank one course rep or committee publicly for a specific change",
                        "Ask the careers team how students can evidence skills from union roles",
                    ],
                },
            ),
            (
                "reflection",
                {
                    "prompt": "Who made your election campaign possible, and how will you thank "
                    "them?",
                    "hint": "",
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 67,
                    "questions": [
                        _q(
                            "Why does recognition matter for student groups?",
                            (
                                "It keeps volunteers going and encourages new committee members",
                                True,
                                "Yes: groups need new members every year to survive.",
                            ),
                            ("It is required by law", False, "It is good practice, not a law."),
                            (
                                "It replaces the need for support",
                                False,
                                "Recognition complements support; it does not replace it.",
                            ),
                        ),
                        _q(
                            "Which are forms of recognition?",
                            ("Digital badges and skills awards", True, "Yes."),
                            ("A note on the student's transcript", True, "Yes."),
                            ("A public thank-you naming the change they made", True, "Yes."),
                            ("Extra coursework", False, "That is a burden, not a thank-you."),
                        ),
                        _q(
                            "Who can help students describe skills gained in union roles?",
                            (
                                "The careers and employability team",
                                True,
                                "Right: they know how employers read such experience.",
                            ),
                            (
                                "Nobody; it cannot be done",
                                False,
                                "It can, and students benefit from it.",
                            ),
                            (
                                "Only the union president",
                                False,
                                "Careers staff are the experts here.",
                            ),
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "planning-your-year",
        "title": "Planning your year",
        "summary": "Turning priorities into a plan with milestones and owners, keeping track "
        "on your manifesto tracker, and preparing your handover from day one.",
        "minutes": 50,
        "due": 31,
        "prerequisite": "your-role-and-its-remit",
        "lessons": [
            ("heading", {"text": "A plan that survives contact with the year", "level": "h2"}),
            (
                "text",
                "<p>Lay your priorities against the academic calendar: when committees meet, when "
                "students are busy with exams, when new students arrive. A change to next year's "
                "courses has to reach the academic board months ahead; a welcome-week campaign "
                "has to be ready in August. Work backwards from those dates.</p>"
                "<p>For each priority write the next step, who owns it, and the date you will "
                "check on it. Keep your manifesto tracker up to date with short, dated notes. "
                "Publishing it lets students see what is moving, and helps you notice what "
                "is not.</p>",
            ),
            ("heading", {"text": "Plan your handover now", "level": "h2"}),
            (
                "text",
                "<p>Your successor will arrive next July with as little time as you have now. "
                "Start your handover note early and add to it as you go: ongoing projects, key "
                "contacts, unfinished pledges, decisions still pending, and the advice you wish "
                "you had been given. A handover written in the last week is always thinner "
                "than one kept through the year.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Make your plan",
                    "intro": "",
                    "items": [
                        "Put your main committees and the exam periods in one calendar",
                        "Write the next step, owner and check date for each priority",
                        "Record a first update on each pledge in the hub",
                        "Decide whether to publish your manifesto tracker",
                        "Open your handover note and add your first key contact",
                    ],
                },
            ),
            (
                "reflection",
                {
                    "prompt": "What would you like your successor to say about the state you left "
                    "things in?",
                    "hint": "",
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 67,
                    "questions": [
                        _q(
                            "A change to next year's courses needs approval. When do you start?",
                            (
                                "Months ahead, working back from the academic board's dates",
                                True,
                                "Right: approval chains take time.",
                            ),
                            ("The week before term", False, "Far too late for course changes."),
                            (
                                "After the course has started",
                                False,
                                "Then it can only apply the year after.",
                            ),
                        ),
                        _q(
                            "What belongs in each priority's plan?",
                            (
                                "The next step, its owner and a check date",
                                True,
                                "Yes: small, owned, dated steps keep things moving.",
                            ),
                            (
                                "Only the final goal",
                                False,
                                "Without next steps the goal stays a wish.",
                            ),
                            ("A long list of everything at once", False, "Focus on the next step."),
                        ),
                        _q(
                            "When should you start your handover note?",
                            (
                                "Early in the year, adding to it as you go",
                                True,
                                "Exactly: it will be richer and less of a rush.",
                            ),
                            (
                                "In your last week",
                                False,
                                "A last-minute handover is always thinner.",
                            ),
                            (
                                "Never: successors work it out",
                                False,
                                "That is how work gets orphaned.",
                            ),
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "slug": "signposting-students-to-support",
        "title": "Signposting students to support",
        "summary": "For the welfare officer: how to respond when a student comes to you in "
        "difficulty, and how to refer them safely.",
        "minutes": 30,
        "due": 12,
        "roles": ["vp-welfare"],
        "lessons": [
            (
                "heading",
                {"text": "You are not a counsellor, and you do not have to be", "level": "h2"},
            ),
            (
                "text",
                "<p>Students will bring problems to you: money, housing, health, harassment, "
                "exam stress. Your job is to listen, take them seriously and help them reach "
                "the people trained to help. Know the services, their opening hours and how to "
                "reach them out of hours.</p>"
                "<p>If someone is in immediate danger, contact emergency services. Otherwise, "
                "agree with the student what happens next, and keep what they told you "
                "confidential unless there is a risk to their safety or someone else's.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Be ready to signpost",
                    "intro": "",
                    "items": [
                        "Save the numbers of student services, counselling and out-of-hours help",
                        "Read the institution's safeguarding procedure",
                        "Ask the support teams how they prefer referrals to be made",
                    ],
                },
            ),
            (
                "quiz",
                {
                    "title": "Check your understanding",
                    "intro": "",
                    "pass_mark": 100,
                    "questions": [
                        _q(
                            "A student tells you they are struggling to cope. What comes first?",
                            (
                                "Listen, take it seriously and help them reach trained support",
                                True,
                                "Right: listen, then connect them with the experts.",
                            ),
                            (
                                "Give your own advice on treatment",
                                False,
                                "Leave treatment to trained professionals.",
                            ),
                            (
                                "Post about it so others can help",
                                False,
                                "Never share a student's situation without consent.",
                            ),
                        ),
                        _q(
                            "When may you share what a student told you without their consent?",
                            (
                                "When there is a risk to their safety or someone else's",
                                True,
                                "Yes: follow the safeguarding procedure then.",
                            ),
                            (
                                "Whenever a colleague asks",
                                False,
                                "Confidentiality applies to colleagues too.",
                            ),
                            (
                                "Never, even in an emergency",
                                False,
                                "Safety comes first in an emergency.",
                            ),
                        ),
                    ],
                },
            ),
        ],
    },
]

PROGRAMME_INTRO = (
    "A week of sessions in early July and a set of short modules to work through at your own "
    "pace, so you start your term knowing your partners, your seats and the projects you "
    "can build on."
)

PROGRAMME_BODY = [
    "<p>Induction runs through July. The first week is full of meetings with the people you "
    "will work with all year; the modules can be done any time before the end of the "
    "month, in any order except where a module asks you to finish another one first.</p>",
    "<p>Your dashboard shows your progress, your sessions and your predecessor's handover. "
    "Subscribe to your personal calendar feed so changes to the schedule reach you "
    "automatically.</p>",
]

HUB_INTRO = (
    "Everything newly elected officers need in their first weeks: the induction programme, "
    "training modules, handovers from last year's team and a tracker for your manifesto."
)

# --- People and their work -------------------------------------------------------------------
OUTGOING = {
    "email": "outgoing@demo.partnershiphub.eu",
    "first": "Tomasz",
    "last": "Nowak",
}

# Pledges: officer key → list of (title, description, status, linked project titles,
# new initiative, update note)
PLEDGES = {
    "officer": [
        (
            "Peer mental health support in every school",
            "Trained student volunteers in every school so that nobody waits weeks to talk to "
            "someone about their mental health.",
            "in_progress",
            ["Peer mental health support network"],
            False,
            "Met the counselling team; they will train twelve more volunteers in October.",
        ),
        (
            "Cheaper food and study essentials on campus",
            "A food pantry and low-cost study essentials on every campus during the "
            "cost-of-living crisis.",
            "not_started",
            ["Cost-of-living support: food pantry and study essentials"],
            False,
            "",
        ),
        (
            "A monthly wellbeing check-in that leads to action",
            "Use the monthly wellbeing poll to decide where support is needed, and tell "
            "students what changed.",
            "in_progress",
            ["Monthly student wellbeing poll"],
            False,
            "Agreed with student services to publish the results each month.",
        ),
        (
            "Free period products in every campus toilet",
            "Free period products across all campuses, funded jointly by the union and the "
            "institution.",
            "not_started",
            [],
            True,
            "",
        ),
    ],
    "officer2": [
        (
            "Show students what changed because of their feedback",
            "Every programme publishes a short 'you said, we did' update each term.",
            "in_progress",
            ["'You said, we did' reporting to students"],
            False,
            "Learning and Teaching Committee agreed a template for all schools.",
        ),
        (
            "Captions on every recorded lecture",
            "Automatic captions switched on by default, and corrected for key lectures.",
            "not_started",
            ["Captions and transcripts for lecture recordings"],
            False,
            "",
        ),
    ],
    "outgoing": [
        (
            "A wellbeing poll every month",
            "Run a short monthly wellbeing poll in the app.",
            "achieved",
            ["Monthly student wellbeing poll"],
            False,
            "The poll has run every month since October.",
        ),
        (
            "Peer support volunteers in every school",
            "Recruit and train peer supporters in every school.",
            "in_progress",
            ["Peer mental health support network"],
            False,
            "Three schools of five have volunteers; engineering and business are next.",
        ),
    ],
}

HANDOVER = {
    "overview": (
        "A year dominated by the cost-of-living crisis and the new wellbeing poll. Student "
        "services were stretched but keen to work with the union; the counselling waiting "
        "list fell from six weeks to three once peer supporters started in the first three "
        "schools."
    ),
    "projects": [
        (
            "Peer mental health support network",
            "Three schools of five have trained volunteers. Engineering and business are "
            "planned for the autumn; the counselling team leads the training and needs the union "
            "to recruit volunteers in September.",
        ),
        (
            "Monthly student wellbeing poll",
            "Runs on the first Tuesday of the month. The union writes the monthly summary with "
            "student services; the template is in the shared drive.",
        ),
    ],
    "contacts": [
        (
            "Dr Amara Okafor",
            "Head of Student Services",
            "",
            "Your main partner for anything about support services. Prefers a short agenda "
            "the day before meetings.",
        ),
        (
            "Jonas Keller",
            "Counselling team lead",
            "",
            "Runs the peer supporter training; plan recruitment with him in August.",
        ),
        (
            "Lena Fischer",
            "Union welfare coordinator (staff)",
            "",
            "Knows every referral route and keeps the union's casework records.",
        ),
    ],
    "pledges_note": (
        "Peer support reaches three of five schools. The engineering school is willing; the "
        "business school wants evidence from the others first, so share the poll results "
        "with them."
    ),
    "pending_decisions": (
        "The Student Wellbeing Steering Group decides in October whether to fund a second "
        "counsellor for the North Park campus. The paper deadline is two weeks before; the "
        "poll results by campus are your strongest evidence."
    ),
    "advice": (
        "Meet the head of student services in your first fortnight and agree how you will "
        "share what students tell you. Keep your handover note open all year: I wish I had "
        "started mine in September."
    ),
}
