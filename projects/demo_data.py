"""Demo content for Partnership Hub: themes, units, campuses and registry projects.

A fictional institution and its students' union run these projects together. The
data is plain Python so that a seeding command can load it; every name, figure and
story here is invented for demonstration and describes no real organisation or person.
"""

# (slug, name, description)
THEMES = [
    (
        "wellbeing",
        "Wellbeing",
        (
            "Mental and physical health, belonging, and the everyday pressures that affect how "
            "students cope."
        ),
    ),
    (
        "feedback",
        "Student feedback",
        (
            "Surveys, polls, focus groups and other ways of hearing from students, acting on what "
            "they say and telling them what happened."
        ),
    ),
    (
        "attainment-gap",
        "Attainment gaps",
        (
            "Understanding and narrowing differences in continuation and results between groups of "
            "students."
        ),
    ),
    (
        "accessibility",
        "Accessibility",
        (
            "Removing barriers in buildings, teaching materials, assessments and events for "
            "disabled students and everyone else they affect."
        ),
    ),
    (
        "curriculum",
        "Curriculum",
        "Designing and improving courses, modules and teaching methods together with students.",
    ),
    (
        "student-groups",
        "Student groups",
        (
            "Societies, clubs, peer networks and other student-led communities, and keeping them "
            "running from year to year."
        ),
    ),
    (
        "data",
        "Data and insight",
        (
            "Sharing and using information about students' learning and experience responsibly "
            "between the partners."
        ),
    ),
    (
        "partnership",
        "Partnership",
        (
            "How the union and the institution plan, decide and work together, including student "
            "places on committees."
        ),
    ),
    (
        "recognition",
        "Recognition",
        (
            "Acknowledging the time and skill that representatives, volunteers and group leaders "
            "contribute."
        ),
    ),
    (
        "employability",
        "Employability",
        "Placements, skills and routes into work, including links with local employers.",
    ),
]

# (slug, name, kind) — kind is "academic", "service", "union" or "partner".
UNITS = [
    ("students-union", "Students' Union", "union"),
    ("student-services", "Student Services", "service"),
    ("learning-teaching", "Learning and Teaching Enhancement", "service"),
    ("library", "Library and Learning Resources", "service"),
    ("careers", "Careers and Employability Service", "service"),
    ("school-health", "School of Health and Social Care", "academic"),
    ("school-engineering", "School of Engineering", "academic"),
    ("school-business", "Business School", "academic"),
    ("planning-analytics", "Strategic Planning and Analytics", "service"),
    ("local-employers-network", "Local Employers' Network", "partner"),
]

# (slug, name, city)
CAMPUSES = [
    ("city-centre", "City Centre Campus", "Harbourton"),
    ("riverside", "Riverside Campus", "Harbourton"),
    ("north-park", "North Park Campus", "Elmsworth"),
    ("online", "Online / distance learning", ""),
]

# Registry projects. Dates are ISO strings; "end" is None for open-ended work.
PROJECTS = [
    {
        "title": "Monthly student wellbeing poll",
        "summary": (
            "A short monthly poll in the student app asks how students are coping, points each "
            "respondent to relevant support straight away, and gives the union and student "
            "services a shared picture of wellbeing across the year."
        ),
        "body": [
            (
                "The poll runs on the first Tuesday of every month during term. It has one rating "
                "question about how students are coping, two optional follow-ups on sleep and "
                "workload, and a free-text box. Depending on the answer, the app immediately "
                "suggests resources from both student services and the union, such as drop-in "
                "sessions, the peer support network or the advice centre."
            ),
            (
                "Responses are anonymous and only reported for groups of twenty or more. Each "
                "month the wellbeing team and the union's welfare officer review the results "
                "together and agree one or two actions, for example adding counselling slots "
                "before assessment weeks or promoting quiet study spaces when scores dip."
            ),
            (
                "Since launch the poll has collected more than fourteen thousand responses, with "
                "the highest participation among first-year and distance learners. Scores fall "
                "reliably in late November and again in March, and that pattern now decides when "
                "both partners schedule their support campaigns and how they staff the advice "
                "desk."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["wellbeing", "feedback", "data"],
        "unit": "student-services",
        "campuses": ["city-centre", "riverside", "online"],
        "start": "2024-01-15",
        "end": None,
        "open": True,
        "help": (
            "Officers can choose the optional follow-up question each month, promote the poll "
            "through union channels, and sit in on the monthly review where actions are agreed."
        ),
        "outcomes": (
            "Counselling drop-in hours are doubled in the fortnight before assessment deadlines, "
            "and the union moved its main welfare campaign to November after the first year of "
            "results."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Peer mental health support network",
        "summary": (
            "Trained student volunteers run weekly listening sessions and small peer groups, so "
            "that students whose mental health is suffering have someone to talk to before things "
            "reach crisis point."
        ),
        "body": [
            (
                "The network trains students as peer supporters through a twelve-hour course "
                "delivered jointly by the counselling team and the union. Supporters are not "
                "counsellors: they listen, share practical coping ideas and know exactly how to "
                "refer someone to professional help. Every supporter receives monthly supervision "
                "from a qualified practitioner."
            ),
            (
                "Weekly drop-ins take place at City Centre and North Park, and an evening online "
                "group meets for distance learners. Themed groups on exam anxiety, loneliness and "
                "returning to study after illness have grown up over time, usually suggested by "
                "the students who attend."
            ),
            (
                "Around forty supporters are active each year. Recruitment is the hardest part, "
                "because many volunteers graduate just as they become confident, so the union is "
                "testing a buddy system in which experienced supporters pair with new ones during "
                "their first term."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["wellbeing", "student-groups"],
        "unit": "students-union",
        "campuses": ["city-centre", "north-park", "online"],
        "start": "2023-10-02",
        "end": None,
        "open": True,
        "help": (
            "Officers can promote recruitment drives, join the steering group that reviews the "
            "training content, and help find a room at Riverside so the network can run sessions "
            "there too."
        ),
        "outcomes": (
            "More than six hundred student visits were recorded last year, and referrals from the "
            "network now reach counselling earlier in term than self-referrals used to."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Mid-module check-in survey",
        "summary": (
            "Halfway through each module, students answer four quick questions about pace, clarity "
            "and support, so that lecturers can adjust their teaching while the module is still "
            "running."
        ),
        "body": [
            (
                "Feedback collected at the end of a module helps the next cohort but does nothing "
                "for the students who gave it. This project asks every module leader to run a "
                "short anonymous check-in in week five or six, using a shared template in the "
                "virtual learning environment, with one open question about what would help most."
            ),
            (
                "Module leaders discuss the results with the class the following week and name one "
                "change they will make. Course representatives receive a summary so they can "
                "follow up at the next staff–student meeting. The learning and teaching team "
                "supplies the template, guidance notes and a short video on talking through "
                "results with a class."
            ),
            (
                "In the second year, about seven in ten modules ran a check-in. Typical changes "
                "include posting slides earlier, adding worked examples and moving a deadline that "
                "clashed with another module on the same course. Staff say the conversation in "
                "class matters more than the scores."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["feedback", "curriculum"],
        "unit": "learning-teaching",
        "campuses": ["city-centre", "riverside"],
        "start": "2024-02-05",
        "end": None,
        "open": True,
        "help": (
            "Officers can encourage course reps to ask about the check-in at staff–student "
            "meetings and help identify departments where take-up is still low."
        ),
        "outcomes": (
            "Around seventy percent of modules now run a check-in, and students on those modules "
            "are noticeably more likely to agree that their feedback is acted on."
        ),
        "stopped_reason": "",
    },
    {
        "title": "End-of-module survey redesign",
        "summary": (
            "The end-of-module questionnaire was cut from twenty-two questions to ten and rebuilt "
            "with student input, and results now reach course reps within three weeks of the "
            "survey closing."
        ),
        "body": [
            (
                "Response rates to the old questionnaire had fallen below twenty percent, and many "
                "questions duplicated the national student survey. A working group of planning "
                "staff, academics and six course representatives reviewed every item, tested new "
                "wording with students, and dropped anything that did not lead to a decision "
                "someone could act on."
            ),
            (
                "The new survey runs in the last teaching week rather than after exams, and "
                "students complete it on their phones during class time. Results are published "
                "automatically to module leaders, programme leaders and reps through a dashboard, "
                "with free-text comments screened only to remove personal names."
            ),
            (
                "The redesigned questionnaire ran on every campus and all online programmes during "
                "2024–25. Response rates rose to forty-one percent, and programme teams now use "
                "the results as the starting point for their annual monitoring reports instead of "
                "treating them as a separate exercise."
            ),
        ],
        "status": "completed",
        "stage": "success",
        "themes": ["feedback", "data"],
        "unit": "planning-analytics",
        "campuses": ["city-centre", "riverside", "online"],
        "start": "2023-09-01",
        "end": "2025-06-30",
        "open": False,
        "help": "",
        "outcomes": (
            "Response rates more than doubled, and reps now see results for their modules within "
            "three weeks rather than after the summer break."
        ),
        "stopped_reason": (
            "The project finished once the new survey became the standard instrument and moved "
            "into the planning team's routine cycle. Testing question wording with students early "
            "saved a whole round of revisions later."
        ),
    },
    {
        "title": "Three-question pulse surveys",
        "summary": (
            "Pulse surveys of three to five questions go out through the campus app when something "
            "changes quickly, such as a building closure or new assessment rules, giving both "
            "partners student views within days."
        ),
        "body": [
            (
                "Formal surveys take weeks to design and approve, which is too slow when a "
                "decision is due this month. The union and the institution agreed a light process: "
                "either partner can propose a pulse, a small panel signs off the questions within "
                "two working days, and the survey stays open for one week."
            ),
            (
                "Every pulse ends with an open comment box, and those comments usually turn out to "
                "be the most useful part. Officers and staff read them together, and a short "
                "summary goes back to students through the app and the union newsletter within a "
                "fortnight of closing."
            ),
            (
                "Topics so far have included a building closure at Riverside, moving some exams "
                "online, library opening hours and a proposed change to the late-submission "
                "policy. No more than one pulse runs in any month, to avoid tiring students out "
                "with surveys."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["feedback", "data"],
        "unit": "students-union",
        "campuses": ["city-centre", "riverside", "online"],
        "start": "2024-10-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can propose pulse topics drawn from their manifestos, help write clear "
            "questions, and take part in reading the free-text comments."
        ),
        "outcomes": (
            "Nine pulses have run with 800 to 1,500 responses each; one led to the late-submission "
            "policy change being delayed by a term so students could be properly consulted."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Attainment gap advocates scheme",
        "summary": (
            "Paid student advocates work with course teams to investigate why degree outcomes "
            "differ between ethnic groups on their courses, and to test practical changes that "
            "could narrow the gap."
        ),
        "body": [
            (
                "Each academic year up to twelve students are recruited as advocates for ten hours "
                "a month. Each is paired with a programme leader and given access to anonymised "
                "awarding data for their course. Together they talk with students, review "
                "assessment briefs and reading lists, and agree one change to try that year."
            ),
            (
                "The learning and teaching team provides training in reading data, running "
                "conversations and raising uncomfortable issues constructively. The union "
                "co-chairs the advisory group and makes sure findings reach the education "
                "committee, not only the individual course teams. Advocates meet as a cohort twice "
                "a term to compare notes and support one another."
            ),
            (
                "Changes tested so far include clearer marking criteria with annotated examples, "
                "broader reading lists, and an optional assessment workshop in week three. On "
                "three of the first five courses the gap in upper-class degrees narrowed over two "
                "years, although numbers are small and are being watched carefully."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["attainment-gap", "partnership"],
        "unit": "learning-teaching",
        "campuses": ["city-centre", "north-park"],
        "start": "2023-11-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can sit on the advisory group, help recruit advocates from courses not yet "
            "involved, and use the findings in the union's education campaigns."
        ),
        "outcomes": (
            "Three participating courses have seen the awarding gap narrow, and annotated marking "
            "criteria have been adopted across the Business School."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Accessible course materials review",
        "summary": (
            "Library staff and trained student reviewers check lecture slides, reading lists and "
            "online course pages for accessibility barriers, then help teaching staff fix what "
            "they find."
        ),
        "body": [
            (
                "Many barriers in teaching materials are easy to remove once someone spots them: "
                "scanned readings that screen readers cannot process, slides with poor colour "
                "contrast, or videos without captions. The project pairs student reviewers, "
                "including disabled students, with library staff to look at a sample of each "
                "module's materials every semester."
            ),
            (
                "Reviewers work from a short checklist and log issues in a shared tracker. Module "
                "leaders receive a friendly report listing the three most important fixes, with "
                "links to how-to guides. The library converts older scanned readings into "
                "accessible formats on request, usually within five working days."
            ),
            (
                "So far 140 modules have been reviewed, mostly online programmes and courses at "
                "Riverside. The most common problems were untagged PDFs and missing image "
                "descriptions, and both topics have now been added to the induction training for "
                "new teaching staff."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["accessibility", "curriculum"],
        "unit": "library",
        "campuses": ["online", "riverside"],
        "start": "2024-09-16",
        "end": None,
        "open": True,
        "help": (
            "Officers can help recruit student reviewers, particularly disabled students willing "
            "to share their experience, and promote the accessible readings request service."
        ),
        "outcomes": (
            "About 2,300 readings have been converted into accessible formats, and the share of "
            "reviewed modules with no serious issues rose from a third to over half."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Accessibility audit of teaching rooms and buildings",
        "summary": (
            "Disabled students and estates staff walked through every teaching building on the "
            "three physical campuses, recording barriers in rooms, routes, signage and facilities, "
            "and agreed a ranked list of fixes."
        ),
        "body": [
            (
                "Earlier audits had been done by external surveyors against building regulations, "
                "which missed many everyday problems. This audit was planned with the union's "
                "disabled students' officer and carried out by mixed teams of students and staff, "
                "each including at least one person with lived experience of the barriers being "
                "checked."
            ),
            (
                "Teams looked at step-free routes, heavy doors, hearing loops, lighting, seating "
                "layouts, accessible toilets and quiet rooms, as well as whether a room could be "
                "found using signage alone. More than 260 rooms were visited over three months, "
                "and every finding was photographed and logged against its room code."
            ),
            (
                "The final report ranked issues by impact and cost. Estates committed funding for "
                "the top forty items, and the room booking system now shows accessibility details "
                "for each teaching space, so timetablers and students can check a room before they "
                "are sent there."
            ),
        ],
        "status": "completed",
        "stage": "access",
        "themes": ["accessibility"],
        "unit": "student-services",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2024-01-08",
        "end": "2025-03-31",
        "open": False,
        "help": "",
        "outcomes": (
            "Thirty-one of the top forty fixes are done, including new hearing loops in the "
            "largest lecture theatres and automatic doors on the North Park engineering block."
        ),
        "stopped_reason": (
            "The audit is finished; the remaining fixes are tracked in the estates maintenance "
            "plan, with a six-monthly update to the union. Walking the routes at busy times "
            "revealed problems that an empty building never showed."
        ),
    },
    {
        "title": "Flexible assessment formats for disabled students",
        "summary": (
            "The School of Health and Social Care is building alternative formats, such as "
            "recorded instead of live presentations, into selected assessments, so that "
            "adjustments are designed in rather than negotiated case by case."
        ),
        "body": [
            (
                "Students with disabilities or long-term conditions often wait weeks for "
                "individual adjustments to be agreed, and the process can feel singling out. This "
                "project redesigns selected assessments so that several equivalent formats are "
                "open to everyone, assessed against the same learning outcomes and marking "
                "criteria."
            ),
            (
                "Module teams work with the disability advice service and a small group of student "
                "partners to choose which assessments to redesign first. Options include recorded "
                "rather than live presentations, extended take-home papers instead of timed exams, "
                "and spoken alternatives to written reflections. External examiners review every "
                "change before it goes live."
            ),
            (
                "The first six modules ran with flexible formats in 2025. Average marks did not "
                "change, but late adjustment requests fell sharply and students reported less "
                "worry about assessment. Because the work involves individual disability records, "
                "student input comes through the existing partner group rather than officers."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["accessibility", "attainment-gap"],
        "unit": "school-health",
        "campuses": ["riverside"],
        "start": "2025-01-13",
        "end": None,
        "open": False,
        "help": "",
        "outcomes": (
            "Individual adjustment requests on the six pilot modules fell by more than half, and "
            "the school plans to extend the approach to placement-related assessments."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Co-designing the nursing curriculum with student partners",
        "summary": (
            "Student partners from every year of the nursing degree work with academics and "
            "practice educators to redesign modules ahead of the programme's periodic review."
        ),
        "body": [
            (
                "The nursing programme is reviewed every five years, and this time the school "
                "wanted students involved from the first conversation rather than asked to comment "
                "on a finished draft. Eight paid student partners, including two distance learners "
                "and one apprentice, joined the design team for eighteen months."
            ),
            (
                "Partners took part in design workshops, interviewed classmates about what helped "
                "and hindered their learning, and co-wrote module learning outcomes with academic "
                "staff. Practice educators from local health providers joined the sessions on "
                "placement preparation, so students and employers could test ideas together."
            ),
            (
                "The redesigned programme brings in an earlier simulation module, spreads "
                "assessment deadlines more evenly across the year, and adds a module on caring for "
                "people with complex needs that a student partner proposed. It goes to the "
                "validation panel in the spring."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["curriculum", "partnership"],
        "unit": "school-health",
        "campuses": ["riverside", "online"],
        "start": "2024-04-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can help recruit partners for the next phase, which focuses on assessment "
            "design, and join the validation panel as student members."
        ),
        "outcomes": (
            "Students co-wrote the learning outcomes for eleven of the fourteen new modules, and "
            "the simulation module they proposed has been approved in principle."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Mid-course focus groups in engineering",
        "summary": (
            "Student-facilitated focus groups run midway through each engineering module to hear "
            "how labs, lectures and project work are going, so staff can make changes before the "
            "module ends."
        ),
        "body": [
            (
                "Surveys tell engineering staff what students think but rarely why. In week seven "
                "of each semester, trained student facilitators from other courses run "
                "forty-minute focus groups with volunteers from each module. Staff are not in the "
                "room, which helps students speak openly about lab sessions, group projects and "
                "workload."
            ),
            (
                "Facilitators write a short anonymised summary that goes to the module leader and "
                "the course rep. The module leader replies in writing within a week, explaining "
                "what will change now, what will change next year, and what cannot change and why."
            ),
            (
                "In the first year focus groups ran on twenty-two modules. Changes included "
                "restructuring lab report deadlines, adding recorded walkthroughs of design "
                "software, and clearer rules on how marks are shared in group projects. "
                "Facilitators are paid for their time, and several have gone on to become course "
                "reps themselves."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["feedback", "curriculum"],
        "unit": "school-engineering",
        "campuses": ["north-park"],
        "start": "2024-10-14",
        "end": None,
        "open": True,
        "help": (
            "Officers can help recruit and train student facilitators, and bring recurring themes "
            "from the summaries to the faculty education committee."
        ),
        "outcomes": (
            "Twenty-two modules ran focus groups in the first year, and the rules for sharing "
            "marks in group projects were rewritten across the school as a result."
        ),
        "stopped_reason": "",
    },
    {
        "title": "'You said, we did' reporting to students",
        "summary": (
            "A termly report and campus poster campaign shows students how their feedback from "
            "surveys, reps and polls has been used, including requests that could not be met and "
            "the reasons why."
        ),
        "body": [
            (
                "Students often say they give feedback and never hear what happened to it. The "
                "union and the quality team now gather actions from course committees, surveys and "
                "pulse polls into one tracker, and each term they publish the most significant "
                "changes on screens, posters, the app and a short online report."
            ),
            (
                "Each entry names where the feedback came from, what changed and which team was "
                "responsible. The report also lists requests that were turned down, with a plain "
                "explanation, and items still in progress. Course reps receive a version filtered "
                "to their own department to share in class."
            ),
            (
                "The tracker also supports accountability. Items promised in one term but not "
                "delivered by the next are flagged automatically and raised at the joint student "
                "experience committee, where the responsible manager explains the delay. Officers "
                "use the list when preparing for meetings with senior staff."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["feedback", "partnership"],
        "unit": "students-union",
        "campuses": ["city-centre", "riverside", "online"],
        "start": "2023-09-18",
        "end": None,
        "open": True,
        "help": (
            "Officers can help choose which changes to highlight each term, check that the wording "
            "makes sense to students, and chase overdue items at committee."
        ),
        "outcomes": (
            "Six termly reports have been published, and agreement with the survey statement about "
            "feedback being acted on rose by eight percentage points."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Committee succession planning for societies and sports clubs",
        "summary": (
            "The union helps societies and sports clubs plan handovers between committees, with "
            "shadowing, templates and an earlier election window, so that groups do not fold when "
            "their leaders graduate."
        ),
        "body": [
            (
                "Every year some student groups disappear because the committee graduates without "
                "finding successors, or new members take over with no record of bank details, "
                "bookings or contacts. The union's activities team built a handover toolkit with "
                "templates, a checklist and a standard shared-drive structure that each group "
                "passes on."
            ),
            (
                "Groups now hold elections in March rather than May, so outgoing and incoming "
                "committees overlap for a term. New treasurers and presidents shadow their "
                "predecessors, and the union runs a short training day before the summer. Groups "
                "that receive no nominations get direct help to advertise their roles."
            ),
            (
                "Hours spent on committees count towards the institution's volunteering "
                "recognition, which the careers service promotes as evidence of leadership. That "
                "has helped attract students who had never seen themselves as committee material, "
                "including mature students and those who commute long distances to campus."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["student-groups", "recognition"],
        "unit": "students-union",
        "campuses": ["city-centre", "north-park"],
        "start": "2024-03-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can encourage groups to use the toolkit, help run the training day, and talk "
            "up committee roles to students who rarely put themselves forward."
        ),
        "outcomes": (
            "The number of groups that lapsed over the summer fell from twenty-three to nine in "
            "the first full year of the toolkit."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Keeping student-led groups going over the summer",
        "summary": (
            "Small grants and a named staff contact helped societies and peer groups stay in touch "
            "with members over the summer, so they could restart quickly and recruit well at "
            "induction."
        ),
        "body": [
            (
                "Many student-led groups go quiet from June to September, and some never recover, "
                "especially those run mainly by final-year students. The project offered groups a "
                "small summer grant, access to online meeting tools and a named contact in student "
                "services who could help with bookings and places at the induction fair."
            ),
            (
                "In the first summer thirty-four groups took part, running online socials, walking "
                "meet-ups and short volunteering projects. Participating groups were more likely "
                "to start the autumn with a full committee and to recruit strongly during "
                "induction week. Several peer support groups said the contact kept isolated "
                "members connected at a difficult time of year."
            ),
            (
                "The second summer was paused when the grant budget was moved to cost-of-living "
                "support. The union and student services have since drafted a cheaper version that "
                "relies on volunteer coordinators rather than grants, and are looking for a way to "
                "test it."
            ),
        ],
        "status": "paused",
        "stage": "success",
        "themes": ["student-groups", "wellbeing"],
        "unit": "student-services",
        "campuses": ["city-centre", "online"],
        "start": "2024-06-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can make the case for a small summer budget and help test the "
            "volunteer-coordinator model with a handful of groups."
        ),
        "outcomes": (
            "Groups in the first cohort were about twice as likely to begin term with a full "
            "committee as groups that did not take part."
        ),
        "stopped_reason": (
            "Paused after one summer because the grant money went to hardship support instead. The "
            "pilot suggested that a named staff contact mattered more to groups than the money "
            "itself."
        ),
    },
    {
        "title": "Learning analytics data-sharing agreement with the union",
        "summary": (
            "The institution and the union have agreed how the union can see anonymised engagement "
            "data, so both partners can spot participation gaps and plan support together."
        ),
        "body": [
            (
                "The institution's learning analytics system records logins, attendance and "
                "library use so that tutors can offer help early. The union had no access to this "
                "information, even though it runs many of the activities that help students feel "
                "they belong. The agreement sets out what anonymised data the union receives, how "
                "it is protected and what it may be used for."
            ),
            (
                "A joint group including the data protection officer, the planning team and two "
                "union officers wrote the agreement, and a student panel tested whether the "
                "proposed uses felt acceptable. Data is shared only at course and group level, "
                "never about individuals, and the arrangement is reviewed every term."
            ),
            (
                "The first shared report compared involvement in union activities with engagement "
                "in learning, and showed part-time and commuting students as less involved in "
                "both. Those findings are now shaping joint plans for the coming year, including "
                "evening union events and study sessions timed around travel."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["data", "partnership"],
        "unit": "planning-analytics",
        "campuses": ["online", "city-centre"],
        "start": "2025-02-03",
        "end": None,
        "open": True,
        "help": (
            "Officers can join the joint data group, help decide which questions the shared data "
            "should answer, and explain the agreement to students in plain language."
        ),
        "outcomes": (
            "The agreement was signed in 2025, and the first joint report led to a targeted plan "
            "for part-time and commuting students."
        ),
        "stopped_reason": "",
    },
    {
        "title": "First partnership agreement between the union and the institution",
        "summary": (
            "The union and the institution wrote and signed their first partnership agreement, "
            "setting out shared priorities and how joint work is planned, reviewed and handed over "
            "between officer teams."
        ),
        "body": [
            (
                "Joint work had grown project by project and depended on personal relationships "
                "that broke down whenever officers or senior staff changed. Both sides agreed to "
                "write down how they would work together, what each partner was responsible for, "
                "and which few areas would be the shared priorities each year."
            ),
            (
                "Drafting took eighteen months and included open meetings on every campus, an "
                "online consultation, and workshops with academic staff as well as senior "
                "managers. The agreement sets three annual priorities, a joint review each spring, "
                "and a promise to brief incoming officers on all shared projects during their July "
                "induction."
            ),
            (
                "The agreement was signed at the start of 2024–25. Each new officer team now "
                "refreshes it with the institution as a standing part of induction, so it no "
                "longer needs to be run as a separate project. A one-page summary is published for "
                "students every autumn."
            ),
        ],
        "status": "completed",
        "stage": "success",
        "themes": ["partnership"],
        "unit": "students-union",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2023-03-01",
        "end": "2024-09-30",
        "open": False,
        "help": "",
        "outcomes": (
            "The agreement is in force and renewed every year, and this registry was set up to "
            "meet its commitment to show officers all current joint work."
        ),
        "stopped_reason": (
            "Completed when the first agreement was signed; yearly renewal is now ordinary "
            "business for the joint student experience committee. Bringing academic staff in early "
            "made the priorities far more realistic."
        ),
    },
    {
        "title": "Student seats on academic boards and committees",
        "summary": (
            "Union officers and elected school representatives hold voting seats on the academic "
            "board, school education committees and policy review groups, with support to prepare "
            "for each meeting."
        ),
        "body": [
            (
                "Students used to attend some meetings as observers, often only for agenda items "
                "thought to concern them. This project mapped every committee that decides on "
                "teaching, assessment or student services, and agreed with each chair which seats "
                "students should hold and with what voting rights."
            ),
            (
                "There are now forty-six student seats across twenty committees, filled by "
                "officers and elected school representatives. Each student member gets a briefing "
                "from the committee secretary and the union's policy adviser before meetings, and "
                "papers are sent at least ten days ahead."
            ),
            (
                "A short annual survey checks whether student members feel heard. Results are "
                "mixed: most say they are treated as full members, but several felt decisions had "
                "effectively been made before the meeting. That finding led to the early briefings "
                "proposal also listed in this registry."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["partnership", "recognition"],
        "unit": "learning-teaching",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2023-09-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can take up seats, mentor school representatives who are new to committees, "
            "and point out where student voices are still missing."
        ),
        "outcomes": (
            "Forty-six student seats now exist across twenty committees, and committee papers "
            "include a section on how student views were taken into account."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Course representative roles recorded on transcripts",
        "summary": (
            "Course reps, school reps and society committee members who complete their role now "
            "have it recorded on their official transcript, with a short description of the skills "
            "involved."
        ),
        "body": [
            (
                "Student representatives put in a great deal of time, but employers and admissions "
                "tutors rarely saw any evidence of it. Careers staff and the union agreed which "
                "roles would appear on transcripts, what students had to do to qualify, and how "
                "the union would confirm completion each year."
            ),
            (
                "Qualifying students attend training, take part in at least three meetings or "
                "equivalent activities, and submit a short reflection on what they learned. The "
                "union verifies the record and the academic registry adds a standard entry. "
                "Careers advisers run workshops on describing these roles in applications."
            ),
            (
                "The first entries appeared for students graduating in 2024. Careers advisers now "
                "also offer outgoing officers and reps a personal reference based on the union's "
                "verification records, which many have used in applications for graduate jobs, "
                "apprenticeships and further study."
            ),
        ],
        "status": "completed",
        "stage": "progression",
        "themes": ["recognition", "employability"],
        "unit": "careers",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2023-05-01",
        "end": "2024-12-20",
        "open": False,
        "help": "",
        "outcomes": (
            "More than nine hundred students had a representation role recorded on their "
            "transcript in the first year, and nominations rose in the following rep elections."
        ),
        "stopped_reason": (
            "Completed once transcript recording became part of the registry's standard process; "
            "the union now verifies roles each June. The reflection step turned out to be what "
            "made the entry meaningful to employers."
        ),
    },
    {
        "title": "Course representative training programme",
        "summary": (
            "New course reps complete blended training on gathering views from classmates, raising "
            "issues constructively at meetings and telling students what happened as a result."
        ),
        "body": [
            (
                "Around 450 course reps are elected each autumn, most with no experience of "
                "committees. The union's training combines a ninety-minute online module with an "
                "in-person workshop on each campus, followed by optional sessions later in the "
                "year on negotiating, chairing and supporting classmates through difficult "
                "conversations."
            ),
            (
                "Academic staff who run staff–student committees attend a shorter parallel "
                "session, so both sides share expectations about how meetings should work. The "
                "learning and teaching team contributes real examples of changes that reps have "
                "achieved, which helps new reps judge what is realistic."
            ),
            (
                "Completion has risen to eighty percent of reps. The next step is a version for "
                "distance learners and apprentices, whose timetables rarely allow them to come to "
                "daytime workshops on campus. A short refresher for returning reps is also "
                "planned, so experienced reps are not asked to repeat the basics."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["recognition", "partnership"],
        "unit": "students-union",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2023-09-04",
        "end": None,
        "open": True,
        "help": (
            "Officers can deliver workshop sessions, share their own experience as former reps, "
            "and help design the version for distance learners."
        ),
        "outcomes": (
            "Eight in ten reps now complete the training, and committee chairs report that reps "
            "arrive better prepared."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Early briefings for student representatives before decisions",
        "summary": (
            "A proposal to give student representatives at least four weeks' notice and a "
            "plain-language briefing before any significant decision on teaching, assessment or "
            "timetabling is taken."
        ),
        "body": [
            (
                "Student members of committees say they often see proposals for the first time in "
                "the meeting papers, with no chance to ask classmates what they think. This "
                "project would introduce a simple rule: major changes are flagged to the union and "
                "the relevant reps at least four weeks before the deciding meeting, with a "
                "one-page summary."
            ),
            (
                "The learning and teaching team would keep a forward plan of upcoming decisions "
                "and share it monthly with union officers. Reps could ask for a short conversation "
                "with the staff lead, and the final paper would record what student "
                "representatives said and how it affected the decision."
            ),
        ],
        "status": "proposed",
        "stage": "success",
        "themes": ["partnership", "feedback"],
        "unit": "learning-teaching",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2026-09-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can help define what counts as a significant decision, test the one-page "
            "summary template, and agree with reps how to gather views within the four weeks."
        ),
        "outcomes": "",
        "stopped_reason": "",
    },
    {
        "title": "Feedback loop with employers hosting student placements",
        "summary": (
            "Placement hosts and students give structured feedback midway through and at the end "
            "of each placement, so that problems are fixed during the placement and preparation "
            "improves for the next cohort."
        ),
        "body": [
            (
                "Placement students in engineering, business and health sometimes struggle in "
                "silence, unsure whether a problem is serious enough to mention. The local "
                "employers' network agreed with the institution to add a short mid-placement "
                "check-in for both the student and the supervisor, followed by a three-way "
                "conversation if either raises a concern."
            ),
            (
                "At the end of each placement, hosts rate how well prepared the student was, and "
                "students rate the supervision and what they learned. Combined results go to "
                "programme teams and to the network's termly meeting, with anonymised examples of "
                "what went well and badly."
            ),
            (
                "So far eighty-five employers have joined, from small care homes to large "
                "engineering firms. Early feedback led to new pre-placement workshops on workplace "
                "communication and clearer guidance for supervisors on adjustments for disabled "
                "students. Employers also asked for earlier information about each student's "
                "course, which programme teams now send a month before placements begin."
            ),
        ],
        "status": "active",
        "stage": "progression",
        "themes": ["employability", "feedback"],
        "unit": "local-employers-network",
        "campuses": ["north-park", "riverside", "city-centre"],
        "start": "2024-05-06",
        "end": None,
        "open": True,
        "help": (
            "Officers can bring students' placement experiences to network meetings and help write "
            "questions for students placed far from campus."
        ),
        "outcomes": (
            "Eighty-five employers now use the check-in, and two placements were put back on track "
            "midway after early warnings."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Support circles with families and agencies for vocational learners",
        "summary": (
            "For younger learners on the vocational pathway run with a partner college, support "
            "circles bring together tutors, family members, youth services and employers to help "
            "learners at risk of leaving stay on course."
        ),
        "body": [
            (
                "Learners aged sixteen to nineteen on the joint health and care pathway often "
                "juggle caring duties, part-time work and insecure housing. When a tutor notices "
                "warning signs, the learner can choose to set up a support circle with people they "
                "trust, which may include a parent or carer, a youth worker and their work "
                "placement supervisor."
            ),
            (
                "Circles meet up to three times a term, always led by the learner and chaired by a "
                "trained tutor from the partner college. Local youth services and a housing "
                "charity join when relevant. Learners decide what information is shared and with "
                "whom."
            ),
            (
                "In the first year twenty-seven learners used a support circle and twenty-two "
                "completed their year. Because circles handle sensitive personal information they "
                "are not open to officers, but the union's further education officer sits on the "
                "group that reviews how the approach is working."
            ),
        ],
        "status": "active",
        "stage": "access",
        "themes": ["wellbeing", "partnership"],
        "unit": "school-health",
        "campuses": ["riverside"],
        "start": "2024-11-04",
        "end": None,
        "open": False,
        "help": "",
        "outcomes": (
            "Twenty-two of the twenty-seven learners who used a circle completed their year, "
            "compared with roughly half of a similar group in earlier years."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Digital skills drop-ins and self-study course",
        "summary": (
            "The library runs weekly drop-ins and a self-paced online course on everyday digital "
            "skills, from file management and referencing tools to spreadsheets and staying safe "
            "online, aimed especially at mature and returning learners."
        ),
        "body": [
            (
                "Staff had assumed that students arrive confident with technology, but mature "
                "students, returners and some international students told the union they struggled "
                "with the learning platform, referencing software and online submission. The "
                "library developed a series of short, practical sessions in response."
            ),
            (
                "Drop-ins run weekly at City Centre and online in the evening. Most are led by "
                "digital student assistants, paid students trained by the library, which makes "
                "asking basic questions feel less awkward. A self-paced online course covers the "
                "same ground for students who prefer to learn privately."
            ),
            (
                "Attendance peaks in the first four weeks of term and just before major deadlines. "
                "The library is now working with careers to add workplace topics such as "
                "collaborative documents and video interviews, and is recruiting more assistants "
                "who speak the languages most common among international students."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["employability", "attainment-gap"],
        "unit": "library",
        "campuses": ["city-centre", "online"],
        "start": "2024-01-22",
        "end": None,
        "open": True,
        "help": (
            "Officers can promote the sessions to mature and part-time students and pass on topics "
            "that students ask about at the union advice centre."
        ),
        "outcomes": (
            "More than 1,100 students attended drop-ins last year, and submission-related calls to "
            "the IT desk fell during the first assessment period."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Cost-of-living support: food pantry and study essentials",
        "summary": (
            "The union and student services run a free food pantry, subsidised hot meals and a "
            "loan scheme for laptops and study kit, alongside a simpler route into hardship "
            "funding."
        ),
        "body": [
            (
                "Rising rent and energy bills pushed many students into long hours of paid work, "
                "and advisers saw more students skipping meals or missing classes to save on "
                "travel. Student services and the union merged their separate efforts into one "
                "programme with a single point of contact."
            ),
            (
                "The pantry opens three days a week at City Centre and Riverside, stocked through "
                "supermarket donations and institutional funding. A hot lunch in the union café is "
                "heavily subsidised every weekday. The library and IT service lend laptops, "
                "calculators and headphones for a whole term at a time."
            ),
            (
                "Applications to the hardship fund were cut from eleven pages to three, and "
                "students can now apply on a phone. Advisers run short budgeting sessions, and the "
                "programme reports on demand every quarter, which helps make the case for "
                "continued funding from both partners."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["wellbeing", "attainment-gap"],
        "unit": "student-services",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2023-01-16",
        "end": None,
        "open": True,
        "help": (
            "Officers can volunteer at the pantry, collect student stories to support funding "
            "bids, and help publicise the hardship fund in a way that avoids stigma."
        ),
        "outcomes": (
            "The pantry supports about 350 students a week, and hardship applications are decided "
            "within five working days instead of three weeks."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Commuter student lounge and travel-friendly timetables",
        "summary": (
            "A proposal to open a commuter lounge with lockers and a kitchen at City Centre, and "
            "to pilot grouping teaching into fewer, longer days on courses with many commuting "
            "students."
        ),
        "body": [
            (
                "More than forty percent of business students travel over an hour to campus. They "
                "report having nowhere to store belongings, eat or rest between sessions, and "
                "timetables that spread a few hours of teaching across four days. Many say this is "
                "the main reason they rarely join societies or stay for optional events."
            ),
            (
                "The Business School and the union propose turning an underused seminar room into "
                "a commuter lounge, and working with timetabling to pilot a compressed teaching "
                "week on two programmes. Commuting students would be recruited to shape the lounge "
                "design and to evaluate the pilot."
            ),
        ],
        "status": "proposed",
        "stage": "success",
        "themes": ["wellbeing", "student-groups"],
        "unit": "school-business",
        "campuses": ["city-centre"],
        "start": "2026-04-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can help run a survey of commuting students, represent their views to the "
            "timetabling team, and recruit students for the design group."
        ),
        "outcomes": "",
        "stopped_reason": "",
    },
    {
        "title": "Belonging programme for international students",
        "summary": (
            "A year-long programme of welcome events, buddy pairings and open cultural society "
            "events helps international students make friends and feel at home, starting before "
            "they arrive."
        ),
        "body": [
            (
                "International students told the union that their first weeks were lonely and that "
                "most events assumed everyone already knew how things work locally. The programme "
                "starts with online meet-ups before arrival, continues with an airport welcome and "
                "orientation, and pairs each student with a current student buddy for their first "
                "term."
            ),
            (
                "Cultural and national societies receive small grants to run events open to all, "
                "which helps home and international students mix. Student services runs practical "
                "sessions on banking, registering with a doctor and rules on working while "
                "studying, and the union's international officer hosts a monthly open forum."
            ),
            (
                "Belonging scores among international students rose on the previous year, "
                "especially for postgraduates on one-year courses, who have little time to settle "
                "in. The next focus is January starters, who currently miss most of the welcome "
                "activity and often arrive when societies are already established."
            ),
        ],
        "status": "active",
        "stage": "access",
        "themes": ["wellbeing", "student-groups"],
        "unit": "student-services",
        "campuses": ["city-centre", "riverside"],
        "start": "2024-09-02",
        "end": None,
        "open": True,
        "help": (
            "Officers can help design activities for January starters, recruit buddies, and take "
            "issues from the monthly forum to the relevant committees."
        ),
        "outcomes": (
            "More than seven hundred students were paired with buddies last year, and belonging "
            "scores among international postgraduates rose by ten points."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Induction week redesign for new students",
        "summary": (
            "New and current students worked with staff to redesign induction week so that it "
            "combines course-based welcome sessions, union events and practical help, with calmer "
            "alternatives to the traditional fair."
        ),
        "body": [
            (
                "Feedback showed that induction week felt overwhelming for some students and empty "
                "for others: a crowded fair, long talks in lecture theatres and little time with "
                "course-mates. Student services and the union formed a design group that included "
                "twelve current students, several of whom had started as mature, commuting or "
                "disabled students."
            ),
            (
                "The new week opens with course-based sessions where students meet their tutors "
                "and classmates, then offers a mix of union events, campus tours and practical "
                "drop-ins. The fair has a quiet hour each day, and every session is listed in one "
                "online planner with accessibility details."
            ),
            (
                "The new format ran for the first time in September 2025. Turnout at course "
                "sessions was high and most new students used the planner, although online "
                "learners still felt less included than those on campus. The design group's final "
                "report set out recommendations for the following year."
            ),
        ],
        "status": "completed",
        "stage": "access",
        "themes": ["partnership", "student-groups"],
        "unit": "student-services",
        "campuses": ["city-centre", "riverside", "online"],
        "start": "2025-03-03",
        "end": "2025-10-10",
        "open": False,
        "help": "",
        "outcomes": (
            "Satisfaction with induction rose, and the quiet-hour format is now being used at "
            "other large events."
        ),
        "stopped_reason": (
            "Completed after the first redesigned week, with the recommendations handed to the "
            "permanent induction steering group. Online learners need an induction of their own "
            "rather than a streamed copy of the campus one."
        ),
    },
    {
        "title": "Peer mentoring for first-year business students",
        "summary": (
            "Second- and third-year students mentor small groups of first-years through their "
            "first semester, focusing on study habits, assessment expectations and settling into "
            "university life."
        ),
        "body": [
            (
                "First-year students whose families had no experience of higher education were "
                "more likely to withdraw in their first semester. The Business School, with "
                "support from the union, set up a scheme in which trained mentors meet groups of "
                "five or six first-years every fortnight."
            ),
            (
                "Mentors are paid for their time and trained in active listening, study skills and "
                "when to refer someone to a support service. Sessions cover reading an assignment "
                "brief, planning study around paid work and preparing for the first exams. Mentors "
                "meet a staff coordinator monthly to raise any concerns."
            ),
            (
                "Mentees are more likely to continue into the second semester than similar "
                "students who did not take part, and many later become mentors themselves. The "
                "scheme has grown to 120 mentors, and other schools have asked whether it could be "
                "extended to their first-year students."
            ),
        ],
        "status": "active",
        "stage": "access",
        "themes": ["attainment-gap", "wellbeing"],
        "unit": "school-business",
        "campuses": ["city-centre", "online"],
        "start": "2023-09-11",
        "end": None,
        "open": True,
        "help": (
            "Officers can help recruit mentors from a wide range of backgrounds and argue for "
            "funding to extend the scheme to other schools."
        ),
        "outcomes": (
            "First-semester withdrawal among mentees was about a third lower than in a comparable "
            "group, and the scheme now has 120 mentors."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Inclusive timetabling principles",
        "summary": (
            "A proposal to agree timetabling principles that take account of students with caring "
            "responsibilities, long journeys, disabilities or religious observance, and to check "
            "new timetables against them."
        ),
        "body": [
            (
                "Timetables are built around room availability and staff preferences, and student "
                "circumstances are usually considered only after someone complains. The planning "
                "team proposes a short set of principles, such as avoiding isolated single "
                "sessions, limiting very early and very late classes, and publishing timetables at "
                "least four weeks before term."
            ),
            (
                "The principles would be developed with the union, disability advisers and student "
                "carers, then tested on three programmes using real timetabling data to see what "
                "is achievable. A short annual report would show how many timetables met each "
                "principle, so progress can be tracked over time."
            ),
        ],
        "status": "proposed",
        "stage": "success",
        "themes": ["accessibility", "wellbeing"],
        "unit": "planning-analytics",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2026-09-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can collect examples of timetables that cause real difficulties, help rank "
            "the principles, and join the testing group."
        ),
        "outcomes": "",
        "stopped_reason": "",
    },
    {
        "title": "Sustainability in engineering labs and projects",
        "summary": (
            "Engineering students and technicians set out to cut waste and energy use in teaching "
            "labs and to build real sustainability briefs into design projects, working with the "
            "union's environmental society."
        ),
        "body": [
            (
                "Members of the environmental society pointed out that teaching labs used large "
                "amounts of single-use materials and left equipment running overnight. Technicians "
                "and students audited three labs together, introduced reusable kits and automatic "
                "shut-offs, and measured what was saved over a full semester."
            ),
            (
                "In parallel, two design modules trialled project briefs set by local "
                "organisations facing energy and waste problems. Students found these more "
                "motivating than invented briefs, and several projects led to summer internships "
                "with the organisations involved. One team's heating controls design is now in use "
                "at a community centre."
            ),
            (
                "The work paused in 2025 when the lead technician left and the lab refurbishment "
                "schedule changed. The school wants to restart once the new labs open, with "
                "students helping to set the targets from the beginning and the environmental "
                "society taking a formal role in monitoring progress."
            ),
        ],
        "status": "paused",
        "stage": "progression",
        "themes": ["curriculum", "student-groups"],
        "unit": "school-engineering",
        "campuses": ["north-park"],
        "start": "2023-10-02",
        "end": None,
        "open": True,
        "help": (
            "Officers can help reconnect the environmental society with the school and suggest "
            "local organisations that could set design briefs."
        ),
        "outcomes": (
            "Single-use consumables in the three audited labs fell by about a third, and two "
            "design modules now use real sustainability briefs."
        ),
        "stopped_reason": (
            "Paused when the lead technician left and the labs went into refurbishment. Savings "
            "were easiest to achieve when students and technicians measured usage together."
        ),
    },
    {
        "title": "Pre-course expectations survey for new business modules",
        "summary": (
            "Before new modules are finalised, current students and offer holders would be asked "
            "what they hope to learn and how they prefer to be taught and assessed, and the "
            "answers would shape module design."
        ),
        "body": [
            (
                "The Business School is launching several new modules in data and digital "
                "business. Rather than designing them entirely in-house, the school proposes "
                "surveying students on related programmes, and people holding offers, about their "
                "expectations, previous experience and preferred forms of assessment."
            ),
            (
                "Results would be discussed at a workshop with students and module leaders, and "
                "each module specification would include a short note on how the survey shaped it. "
                "The same students would later be invited to mid-course focus groups and "
                "end-of-module feedback, so that design and review are linked from start to "
                "finish."
            ),
        ],
        "status": "proposed",
        "stage": "access",
        "themes": ["curriculum", "feedback"],
        "unit": "school-business",
        "campuses": ["city-centre", "online"],
        "start": "2026-05-04",
        "end": None,
        "open": True,
        "help": (
            "Officers can help design the questions, encourage students to respond, and take part "
            "in the design workshop."
        ),
        "outcomes": "",
        "stopped_reason": "",
    },
    {
        "title": "Officer induction: joining existing projects",
        "summary": (
            "Each July, newly elected officers are introduced to current joint projects through "
            "this registry, short briefings from project leads and a matching session to decide "
            "where they can contribute."
        ),
        "body": [
            (
                "New officers arrive with manifestos full of ideas, and many of those ideas "
                "overlap with work already under way. Without knowing what exists, officers risk "
                "starting parallel projects or spending months rediscovering what staff already "
                "know. The union and the institution now use the project registry as a core part "
                "of July induction."
            ),
            (
                "During induction, officers browse the registry by theme, meet project leads at a "
                "speed-briefing session, and map their manifesto points against existing projects. "
                "Each officer then chooses a few projects to join, and the staff lead agrees with "
                "them what role they will play and what can realistically be achieved within their "
                "term."
            ),
            (
                "Outgoing officers write a short handover note for each project they were involved "
                "in, which is kept with the project record. That makes it much easier for their "
                "successors to pick up where they left off, and it gives staff leads a clear "
                "account of what students contributed."
            ),
        ],
        "status": "active",
        "stage": "success",
        "themes": ["partnership"],
        "unit": "students-union",
        "campuses": ["city-centre", "online"],
        "start": "2025-06-02",
        "end": None,
        "open": True,
        "help": (
            "Officers can update handover notes for the projects they have worked on and suggest "
            "how the induction sessions could be improved next July."
        ),
        "outcomes": (
            "In the first year every new officer joined at least two existing projects, and only "
            "one manifesto pledge became a new standalone project."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Volunteering awards and digital badges",
        "summary": (
            "A proposed scheme would recognise student volunteers, reps and society leaders with "
            "digital badges linked to employability skills, plus an annual celebration evening."
        ),
        "body": [
            (
                "Recognition of student contributions is patchy at present: some schools thank "
                "their reps publicly, others never mention them. Careers and the union propose a "
                "single scheme in which students log volunteering and leadership hours, reflect on "
                "the skills they gained, and receive digital badges they can show on professional "
                "profiles."
            ),
            (
                "Badges would be awarded at three levels based on hours and reflection. An annual "
                "awards evening would celebrate outstanding contributions, with nominations from "
                "both students and staff. The scheme would link to the existing transcript entries "
                "for representative roles rather than replace them."
            ),
        ],
        "status": "proposed",
        "stage": "progression",
        "themes": ["recognition", "employability", "student-groups"],
        "unit": "careers",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2026-07-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can help define the award categories, test the reflection questions with "
            "volunteers, and sit on the nominations panel."
        ),
        "outcomes": "",
        "stopped_reason": "",
    },
    {
        "title": "Skills coaching for society committee members",
        "summary": (
            "Careers advisers offered society committee members short coaching sessions on "
            "describing the leadership, budgeting and organising skills they gained in "
            "applications and interviews."
        ),
        "body": [
            (
                "Committee members often undersell what they do: managing budgets, negotiating "
                "with venues and leading volunteers. Careers advisers ran group coaching sessions "
                "for whole committees, helping them turn their experience into strong examples for "
                "applications and interviews, with an optional one-to-one follow-up for anyone who "
                "wanted it."
            ),
            (
                "About 150 students took part over two years and valued the sessions, but "
                "attendance was uneven because sessions clashed with society activity at the "
                "busiest points of the year. Committees from sports clubs, whose seasons run "
                "through the spring, were the hardest to reach."
            ),
        ],
        "status": "paused",
        "stage": "progression",
        "themes": ["employability", "student-groups"],
        "unit": "careers",
        "campuses": ["city-centre", "north-park"],
        "start": "2024-02-01",
        "end": "2025-05-31",
        "open": False,
        "help": "",
        "outcomes": (
            "Participants reported more confidence in interviews, and several used committee "
            "examples successfully in graduate applications."
        ),
        "stopped_reason": (
            "Paused because attendance fell when sessions clashed with the societies' busiest "
            "periods. Careers plans to fold the material into the proposed digital badges scheme "
            "instead of running separate sessions."
        ),
    },
    {
        "title": "Student ambassadors for engineering outreach in local schools",
        "summary": (
            "A proposal for engineering students from under-represented backgrounds to run "
            "hands-on workshops in local schools and colleges, encouraging pupils who might not "
            "consider engineering to apply."
        ),
        "body": [
            (
                "Applications to engineering come mostly from a narrow range of schools, and women "
                "and pupils from low-income areas are under-represented. The school proposes "
                "paying current students to design and deliver practical workshops with local "
                "schools and the partner vocational college, followed by visits to the North Park "
                "labs."
            ),
            (
                "Ambassadors would be trained in safeguarding, presenting and talking about their "
                "own route into engineering. The union would help recruit a varied group and make "
                "sure the role counts towards recognition schemes. Outreach staff would follow "
                "applications from participating schools over several years."
            ),
        ],
        "status": "proposed",
        "stage": "access",
        "themes": ["attainment-gap", "partnership"],
        "unit": "school-engineering",
        "campuses": ["north-park"],
        "start": "2026-10-01",
        "end": None,
        "open": True,
        "help": (
            "Officers can help recruit ambassadors, advise on making workshops welcoming, and link "
            "the project with relevant student societies."
        ),
        "outcomes": "",
        "stopped_reason": "",
    },
    {
        "title": "Programme-level attainment dashboards",
        "summary": (
            "The planning team built dashboards showing continuation and degree outcomes by "
            "student group for each programme, for programme teams and union officers to use in "
            "annual reviews."
        ),
        "body": [
            (
                "Programme teams had to request attainment data by hand and often received it too "
                "late for their annual review. The planning team built dashboards showing "
                "continuation, progression and degree outcomes broken down by student "
                "characteristics, with small numbers hidden to protect privacy."
            ),
            (
                "A pilot with eight programmes showed that the dashboards prompted useful "
                "conversations, but some staff read small differences as significant. The union "
                "asked for guidance on interpreting the figures and for officers to be given "
                "access on the same terms as staff."
            ),
            (
                "The project paused in 2024 while the institution replaced its student records "
                "system, which changed the underlying data. It is due to restart once the new "
                "system is stable, with interpretation guidance built into the dashboards and a "
                "short training session for programme teams and officers."
            ),
        ],
        "status": "paused",
        "stage": "success",
        "themes": ["data", "attainment-gap"],
        "unit": "planning-analytics",
        "campuses": ["city-centre", "riverside", "north-park"],
        "start": "2023-06-01",
        "end": None,
        "open": False,
        "help": "",
        "outcomes": (
            "Eight pilot programmes used the dashboards in their annual reviews, and two set "
            "specific targets for narrowing gaps."
        ),
        "stopped_reason": (
            "Paused during the replacement of the student records system. The pilot showed that "
            "dashboards need plain-language guidance and training, or they can mislead."
        ),
    },
    {
        "title": "Extended library opening during exam periods",
        "summary": (
            "After student requests, the main library trialled 24-hour opening during exam periods "
            "with a quiet rest area and late-night staffing, then kept the arrangements that were "
            "actually used."
        ),
        "body": [
            (
                "Students asked through the union for longer library hours during exams, "
                "especially those who work during the day or share crowded housing. The library "
                "trialled round-the-clock opening at City Centre for two exam periods, with a rest "
                "area, free hot drinks after midnight and regular staff walk-rounds."
            ),
            (
                "Entry-gate data and a short survey showed heavy use until about two in the "
                "morning and very little afterwards. The library therefore settled on opening "
                "until two during exam periods, keeping the rest area and the free drinks, and "
                "moved the savings into extra bookable group study rooms."
            ),
        ],
        "status": "completed",
        "stage": "success",
        "themes": ["wellbeing", "feedback"],
        "unit": "library",
        "campuses": ["city-centre"],
        "start": "2023-04-17",
        "end": "2024-06-14",
        "open": False,
        "help": "",
        "outcomes": (
            "The library now opens until 2am during exam periods, and the rest area has become a "
            "permanent feature."
        ),
        "stopped_reason": (
            "Completed after two trial periods, when the extended hours became standard practice. "
            "Usage data helped both sides agree a sensible compromise instead of arguing about "
            "principle."
        ),
    },
    {
        "title": "Captions and transcripts for lecture recordings",
        "summary": (
            "A project to add accurate captions and searchable transcripts to all lecture "
            "recordings, starting with automatic captions checked by student editors for technical "
            "vocabulary."
        ),
        "body": [
            (
                "Automatic captions help deaf and hard-of-hearing students, international students "
                "and anyone revising, but they often mangle technical terms. The project switched "
                "on automatic captions for all recorded lectures, and paid student editors "
                "corrected recordings from modules with heavy specialist vocabulary."
            ),
            (
                "Students used the captions widely, and searchable transcripts proved popular for "
                "revision, well beyond the students who had asked for them. However, editing took "
                "longer than expected and costs grew quickly as more modules joined, particularly "
                "in engineering and health, where specialist terms appear in almost every "
                "sentence."
            ),
            (
                "The project is paused while the institution evaluates a new recording platform "
                "with better speech recognition. The glossaries of technical terms compiled by "
                "student editors have been kept so they can be loaded into whichever system is "
                "chosen, and disabled students will help test the shortlisted options."
            ),
        ],
        "status": "paused",
        "stage": "success",
        "themes": ["accessibility"],
        "unit": "learning-teaching",
        "campuses": ["online", "city-centre"],
        "start": "2023-11-06",
        "end": None,
        "open": True,
        "help": (
            "Officers can gather evidence on which modules most need corrected captions and join "
            "the panel evaluating the new recording platform."
        ),
        "outcomes": (
            "Automatic captions are now on by default for all recordings, and corrected "
            "transcripts exist for forty modules."
        ),
        "stopped_reason": (
            "Paused because manual editing costs rose faster than expected, while a new recording "
            "platform is assessed. Subject glossaries compiled by students noticeably improved "
            "automatic accuracy."
        ),
    },
    {
        "title": "Mock interview panels with local employers",
        "summary": (
            "A proposal for volunteers from the local employers' network to run mock interview "
            "panels on campus and online, prioritising students with few professional contacts."
        ),
        "body": [
            (
                "Students whose families have professional networks often get informal interview "
                "practice; many others never do. The local employers' network proposes monthly "
                "panels in which two employer volunteers interview students for realistic roles "
                "and give written feedback afterwards, followed by a short conversation about what "
                "employers in that sector look for."
            ),
            (
                "Careers advisers would help students prepare beforehand, and panels would also "
                "run online for distance learners and apprentices. The union would help reach "
                "students who seldom use careers services, including commuters and students with "
                "caring responsibilities, and would collect feedback on whether the panels felt "
                "welcoming."
            ),
        ],
        "status": "proposed",
        "stage": "progression",
        "themes": ["employability"],
        "unit": "local-employers-network",
        "campuses": ["city-centre", "online"],
        "start": "2026-03-02",
        "end": None,
        "open": True,
        "help": (
            "Officers can help reach students who rarely use careers services and suggest which "
            "sectors the panels should cover first."
        ),
        "outcomes": "",
        "stopped_reason": "",
    },
    {
        "title": "Degree apprentices' voice forum",
        "summary": (
            "Degree apprentices, their workplace mentors and academic staff meet each term to "
            "raise issues about combining work and study, with union support for apprentice "
            "representatives."
        ),
        "body": [
            (
                "Apprentices study mostly online and spend most of the week at work, so the usual "
                "course rep structures rarely reached them. The local employers' network and the "
                "union set up a termly online forum with elected apprentice representatives from "
                "each programme, to which workplace mentors are also invited."
            ),
            (
                "Recurring issues include off-the-job training time not being protected, "
                "assessment deadlines falling in workplace busy periods, and limited access to "
                "campus services. The forum agrees actions for the institution and for employers, "
                "and progress is checked at the next meeting."
            ),
            (
                "Employers have agreed a shared calendar of assessment deadlines, and the union "
                "now includes apprentices in rep training through evening sessions. Apprentice "
                "representatives also hold a seat on the work-based learning committee for the "
                "first time, and their issues are reported to the employers' network each term."
            ),
        ],
        "status": "active",
        "stage": "progression",
        "themes": ["employability", "feedback"],
        "unit": "local-employers-network",
        "campuses": ["online", "north-park"],
        "start": "2025-01-20",
        "end": None,
        "open": True,
        "help": (
            "Officers can attend forums, help apprentice reps connect with the wider union, and "
            "raise apprentice issues at institutional committees."
        ),
        "outcomes": (
            "A shared assessment calendar is now used by thirty employers, and apprentices have a "
            "seat on the work-based learning committee."
        ),
        "stopped_reason": "",
    },
    {
        "title": "Exam stress workshops for business students",
        "summary": (
            "Workshops on managing exam stress and planning revision ran in the Business School "
            "before each exam period, delivered by wellbeing staff and student volunteers."
        ),
        "body": [
            (
                "The Business School runs large first-year modules with high-stakes exams. "
                "Wellbeing staff and student volunteers ran hour-long workshops on revision "
                "planning, sleep and handling anxiety, scheduled in the weeks before the January "
                "and May exams. Volunteers shared their own revision routines, which attendees "
                "said was the most helpful part."
            ),
            (
                "Attendance was strong in the first year but fell sharply in the second, with "
                "students saying the timing clashed with coursework deadlines. Feedback suggested "
                "that short videos and sessions inside existing classes would reach far more "
                "students than separate workshops."
            ),
        ],
        "status": "paused",
        "stage": "success",
        "themes": ["wellbeing"],
        "unit": "school-business",
        "campuses": ["city-centre"],
        "start": "2024-01-08",
        "end": "2025-01-31",
        "open": False,
        "help": "",
        "outcomes": (
            "About five hundred students attended over two years, and the revision planning "
            "template is still used in first-year modules."
        ),
        "stopped_reason": (
            "Paused after attendance dropped, because stand-alone workshops competed with "
            "coursework deadlines. The content is being reworked into short in-class sessions and "
            "resources linked from the monthly wellbeing poll."
        ),
    },
    {
        "title": "Representation for part-time and distance learners",
        "summary": (
            "A proposal to redesign course representation so that part-time, distance and evening "
            "learners can be represented without attending daytime meetings on campus."
        ),
        "body": [
            (
                "Distance learners and part-time students are under-represented among course reps "
                "and almost absent from committees. They study at different times, often alongside "
                "full-time jobs or caring responsibilities, and daytime meetings on campus are "
                "impossible for most of them. Their concerns therefore tend to reach "
                "decision-makers late, if at all."
            ),
            (
                "The proposal includes online and asynchronous ways of contributing to committees, "
                "rep roles that two students can share, evening training, and a small payment to "
                "cover childcare or lost working hours. The learning and teaching team would pilot "
                "the model on three online programmes and two part-time courses."
            ),
        ],
        "status": "proposed",
        "stage": "success",
        "themes": ["partnership", "feedback"],
        "unit": "learning-teaching",
        "campuses": ["online"],
        "start": "2026-01-12",
        "end": None,
        "open": True,
        "help": (
            "Officers can help recruit part-time and distance learners to shape the model and "
            "advise on how the union can support reps who never come to campus."
        ),
        "outcomes": "",
        "stopped_reason": "",
    },
    {
        "title": "Sharing graduate outcomes data with the union",
        "summary": (
            "Careers and the planning team began sharing anonymised graduate outcomes data with "
            "the union, so officers could see which groups of students take longer to find skilled "
            "work and plan joint support."
        ),
        "body": [
            (
                "The union wanted to know whether students from particular backgrounds took longer "
                "to find graduate jobs. Careers and planning agreed to share anonymised outcomes "
                "data by programme and student group, alongside figures on participation in "
                "placements, volunteering, society committees and other extracurricular "
                "activities."
            ),
            (
                "Initial analysis showed that students who had done a placement or held a "
                "leadership role were more likely to be in skilled work, and that the difference "
                "was largest for students who were the first in their family to go to university."
            ),
            (
                "The work is paused while the learning analytics data-sharing agreement is "
                "extended to cover graduate outcomes, so the same safeguards apply. The union and "
                "careers expect to resume the analysis once the data protection officer approves "
                "the amended agreement, probably within the next academic year."
            ),
        ],
        "status": "paused",
        "stage": "progression",
        "themes": ["data", "employability"],
        "unit": "careers",
        "campuses": ["city-centre", "online"],
        "start": "2025-01-06",
        "end": None,
        "open": True,
        "help": (
            "Officers can help frame the questions the data should answer and review the amended "
            "agreement from a student point of view."
        ),
        "outcomes": (
            "Early findings have already been used to argue for more placement places for "
            "first-generation students."
        ),
        "stopped_reason": (
            "Paused until the wider data-sharing agreement covers graduate outcomes. The early "
            "analysis showed how much more useful outcome data becomes when combined with activity "
            "data."
        ),
    },
    {
        "title": "Accessible and inclusive careers fair",
        "summary": (
            "Careers, the union and a panel of disabled students redesigned the annual careers "
            "fair with a quiet hour, step-free layout, an online version and guidance for "
            "employers on inclusive recruitment."
        ),
        "body": [
            (
                "Disabled students described the careers fair as loud, crowded and hard to "
                "navigate, and distance learners could not attend at all. Careers staff worked "
                "with the union and a student panel to redesign the event, including its layout, "
                "timing, information for employers and an online alternative."
            ),
            (
                "The redesigned fair opened with a quiet first hour and had clear signage, seating "
                "areas and a step-free route between stands. Employers received guidance on "
                "adjustments during recruitment, and an online fair ran the following week for "
                "distance learners and apprentices."
            ),
        ],
        "status": "completed",
        "stage": "progression",
        "themes": ["employability", "accessibility"],
        "unit": "careers",
        "campuses": ["city-centre", "online"],
        "start": "2024-08-01",
        "end": "2025-03-21",
        "open": False,
        "help": "",
        "outcomes": (
            "Attendance by disabled students doubled, and the online fair drew more than four "
            "hundred distance learners."
        ),
        "stopped_reason": (
            "Completed after the redesigned fair ran in March 2025, and the new format is now "
            "standard. Guidance for employers proved as important as changes to the venue."
        ),
    },
]
