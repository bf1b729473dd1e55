"""StreamField blocks for induction: lessons, checklists, reflections, quizzes and sessions.

Lessons reuse the shared blocks from :mod:`hub.blocks`. Quizzes keep which answers are correct
(and the feedback for each answer) on the server: templates only ever receive the question and
answer texts from :func:`public_quiz`, and answers are graded by :func:`grade_quiz`.
"""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from hub.blocks import (
    CalloutBlock,
    DocumentBlock,
    HeadingBlock,
    ImageBlock,
    QuoteBlock,
    VideoBlock,
)


def role_choices():
    """Officer roles as ``(slug, name)`` pairs, in the default language (slugs never change)."""
    role_model = apps.get_model("induction", "OfficerRole")
    try:
        locale = Locale.get_default()
    except Locale.DoesNotExist:
        return []
    return list(
        role_model.objects.filter(locale=locale)
        .order_by("sort_order", "name")
        .values_list("slug", "name")
    )


# --- Lessons -------------------------------------------------------------------------------


def _tracking(context):
    tracking = context.get("tracking")
    return tracking if isinstance(tracking, dict) else {}


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Checklist"))
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=500)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items"),
        min_num=1,
        help_text=_("Things to do. The module counts as done once every item is ticked."),
    )

    class Meta:
        icon = "tasks"
        template = "induction/blocks/checklist.html"
        label = _("Checklist")
        description = _("Tasks the officer ticks off; their progress is saved item by item.")
        preview_value = {
            "title": "Before your first committee",
            "intro": "",
            "items": ["Read last term's minutes", "Meet the committee secretary"],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        tracking = _tracking(context)
        block_id = context.get("id")
        submitted = tracking.get("submitted", {}).get(block_id)
        checked = set(submitted) if submitted is not None else tracking.get("ticked", set())
        context["items"] = [
            {"id": item.id, "text": item.value, "checked": item.id in checked}
            for item in value["items"].bound_blocks
        ]
        context["done"] = bool(context["items"]) and all(i["checked"] for i in context["items"])
        context["error"] = tracking.get("errors", {}).get(block_id)
        return context


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"), max_length=500)
    hint = blocks.CharBlock(label=_("Hint"), max_length=250, required=False)

    class Meta:
        icon = "help"
        template = "induction/blocks/reflection.html"
        label = _("Reflection question")
        description = _("An open question; each officer's answer is private to them.")
        preview_value = {
            "prompt": "Which decision this year matters most to the students you represent?",
            "hint": "",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        tracking = _tracking(context)
        block_id = context.get("id")
        submitted = tracking.get("submitted", {}).get(block_id)
        context["answer"] = (
            submitted
            if submitted is not None
            else tracking.get("reflections", {}).get(block_id, "")
        )
        context["error"] = tracking.get("errors", {}).get(block_id)
        return context


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        max_length=600,
        help_text=_("Shown to officers who chose this answer, after they submit."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Question"), max_length=500)
    answers = blocks.ListBlock(AnswerBlock(), label=_("Answers"), min_num=2, max_num=8)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        if not any(answer["is_correct"] for answer in value["answers"]):
            raise blocks.StructBlockValidationError(
                block_errors={"answers": ValidationError(_("Mark at least one answer correct."))}
            )
        return value


FEEDBACK_EVERY_ATTEMPT = "every_attempt"
FEEDBACK_AFTER_PASSING = "after_passing"


def required_correct(pass_mark, total):
    """The fewest correct answers out of ``total`` that pass at ``pass_mark`` per cent.

    The share is compared as readers see it, rounded to a whole per cent (half up): 2 of 3
    is 67%, so it passes a pass mark of 67%. Integer arithmetic only, so no float error can
    move a boundary.
    """
    if total <= 0:
        return 0
    for score in range(total + 1):
        if (200 * score + total) // (2 * total) >= pass_mark:
            return score
    return total


def attempts_left(quiz_value, used):
    """How many more submissions the limit allows (``None``: no limit)."""
    limit = quiz_value.get("max_attempts")
    return None if not limit else max(limit - used, 0)


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, default=_("Check your understanding")
    )
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=500)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        default=80,
        min_value=1,
        max_value=100,
        help_text=_("The share of questions an officer must answer correctly to pass."),
    )
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1, max_num=20)
    show_feedback = blocks.ChoiceBlock(
        label=_("Show answers' feedback"),
        choices=[
            (FEEDBACK_EVERY_ATTEMPT, _("After every attempt")),
            (FEEDBACK_AFTER_PASSING, _("Only after passing")),
        ],
        default=FEEDBACK_EVERY_ATTEMPT,
        search_index=False,
        help_text=_(
            "After every attempt, officers see which answers were right and why. Only after "
            "passing, they see just their score until they pass, so the quiz cannot be "
            "passed by trial and error."
        ),
    )
    max_attempts = blocks.IntegerBlock(
        label=_("Attempt limit"),
        required=False,
        min_value=1,
        max_value=20,
        help_text=_(
            "How many times an officer may submit the quiz before passing. Leave empty for "
            "no limit. Raise it to give everyone more attempts."
        ),
    )

    class Meta:
        icon = "list-ul"
        template = "induction/blocks/quiz.html"
        label = _("Quiz")
        description = _(
            "Multiple-choice questions with feedback for each answer, marked on the server."
        )
        preview_value = {
            "title": "Check your understanding",
            "intro": "",
            "pass_mark": 80,
            "questions": [
                {
                    "question": "Who sets the union's priorities for the year?",
                    "answers": [
                        {"text": "Students, through elections", "is_correct": True},
                        {"text": "The finance office", "is_correct": False},
                    ],
                }
            ],
        }

    def get_context(self, value, parent_context=None):
        """Only :func:`public_quiz` data and the reader's own last attempt reach the
        template: the raw value (with correctness and feedback) is removed."""
        context = super().get_context(value, parent_context)
        context.pop("self", None)
        context.pop("value", None)
        tracking = _tracking(context)
        block_id = context.get("id")
        quiz = public_quiz(value)
        attempt = tracking.get("attempts", {}).get(block_id)
        submitted = tracking.get("submitted", {}).get(block_id)
        errors = tracking.get("errors", {})
        passed = block_id in tracking.get("passed", set())
        used = tracking.get("attempt_counts", {}).get(block_id, 0)
        left = attempts_left(value, used)
        # With "only after passing", an attempt that did not pass shows its score alone.
        reveal = passed or value.get("show_feedback") != FEEDBACK_AFTER_PASSING
        results = {}
        if attempt is not None and submitted is None and reveal:
            results = {result["question_id"]: result for result in attempt.results}
        for question in quiz["questions"]:
            result = results.get(question["id"])
            if submitted is not None:
                chosen = set(submitted.get(question["id"], []))
            else:
                chosen = set(result["chosen"]) if result else set()
            feedback = {f["answer_id"]: f["text"] for f in (result or {}).get("feedback", [])}
            question["result"] = result
            question["error"] = errors.get(f"{block_id}:{question['id']}")
            for answer in question["answers"]:
                answer["checked"] = answer["id"] in chosen
                answer["feedback"] = feedback.get(answer["id"], "")
        context["quiz"] = quiz
        context["attempt"] = attempt if submitted is None else None
        context["passed"] = passed
        context["attempts_left"] = left
        context["locked"] = left == 0 and not passed
        context["error"] = errors.get(block_id)
        return context

    def get_searchable_content(self, value):
        # Questions and answers are searchable; correctness and feedback never are.
        content = [value["title"], value["intro"]]
        for question in value["questions"]:
            content.append(question["question"])
            content.extend(answer["text"] for answer in question["answers"])
        return [text for text in content if text]


class LessonBlock(blocks.StreamBlock):
    """A module's lessons: reading, media, downloads, and the steps that track progress."""

    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph.html",
    )
    callout = CalloutBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    resource = DocumentBlock(label=_("Downloadable resource"))
    checklist = ChecklistBlock()
    reflection = ReflectionBlock()
    quiz = QuizBlock()

    class Meta:
        block_counts = {}


# --- Officer roles -------------------------------------------------------------------------


class SeatBlock(blocks.StructBlock):
    body = blocks.CharBlock(label=_("Committee or decision body"), max_length=150)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("governing", _("Governing body")),
            ("academic", _("Academic board or committee")),
            ("committee", _("Committee or working group")),
            ("union", _("Union body")),
            ("partnership", _("Partnership forum")),
        ],
        default="committee",
        search_index=False,  # a choice's label is not the page's text
    )
    what_it_decides = blocks.TextBlock(label=_("What it decides"), required=False, max_length=500)
    meets = blocks.CharBlock(
        label=_("How often it meets"),
        required=False,
        max_length=100,
        help_text=_("For example: monthly in term time."),
    )

    class Meta:
        icon = "group"
        template = "induction/blocks/seat.html"
        label = _("Seat")
        description = _("A committee or decision body where the role holds a seat.")
        preview_value = {
            "body": "Academic Board",
            "kind": "academic",
            "what_it_decides": "Approves new courses and changes to assessment rules.",
            "meets": "Three times a year",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        choices = dict(self.child_blocks["kind"].field.choices)
        context["kind_label"] = choices.get(value["kind"], "")
        return context


# --- Programme sessions --------------------------------------------------------------------


class SessionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    date = blocks.DateBlock(label=_("Date"))
    start_time = blocks.TimeBlock(label=_("Starts"))
    end_time = blocks.TimeBlock(label=_("Ends"))
    location = blocks.CharBlock(
        label=_("Place"), required=False, max_length=200, help_text=_("Room and building.")
    )
    online_url = blocks.URLBlock(
        label=_("Online link"), required=False, help_text=_("Video call or stream address.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=2000)
    roles = blocks.MultipleChoiceBlock(
        label=_("Who should attend"),
        choices=role_choices,
        required=False,
        help_text=_("Leave empty when every officer should attend."),
        search_index=False,  # a choice's label is not the page's text
    )

    class Meta:
        icon = "date"
        template = "induction/blocks/session.html"
        label = _("Session")
        description = _("A session of the induction programme, with its time and place.")
        preview_value = {
            "title": "Welcome and introductions",
            "date": datetime.date(2027, 7, 5),
            "start_time": datetime.time(9, 30),
            "end_time": datetime.time(11, 0),
            "location": "Union building, meeting room 1",
            "description": "Meet the staff team and the other new officers.",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["start_time"] and value["end_time"] and value["end_time"] <= value["start_time"]:
            errors["end_time"] = ValidationError(_("A session must end after it starts."))
        if not value["location"] and not value["online_url"]:
            errors["location"] = ValidationError(_("Give a place, an online link, or both."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class ScheduleBlock(blocks.StreamBlock):
    session = SessionBlock()

    class Meta:
        block_counts = {}


# --- Helpers used by views and templates ---------------------------------------------------


def checklist_item_ids(lessons):
    """Every checklist item's stable id in a lessons stream, in reading order."""
    ids = []
    for block in lessons:
        if block.block_type == "checklist":
            ids.extend(item.id for item in block.value["items"].bound_blocks)
    return ids


def quiz_ids(lessons):
    return [block.id for block in lessons if block.block_type == "quiz"]


def public_quiz(quiz_value):
    """What the browser may see of a quiz: texts and ids, never correctness or feedback."""
    questions = []
    for question in quiz_value["questions"].bound_blocks:
        answers = question.value["answers"].bound_blocks
        correct = sum(1 for answer in answers if answer.value["is_correct"])
        questions.append(
            {
                "id": question.id,
                "text": question.value["question"],
                # Several correct answers → checkboxes; telling readers so is not a hint
                # about which ones.
                "multiple": correct > 1,
                "answers": [{"id": answer.id, "text": answer.value["text"]} for answer in answers],
            }
        )
    return {
        "title": quiz_value["title"],
        "intro": quiz_value["intro"],
        "pass_mark": quiz_value["pass_mark"],
        "needed": required_correct(quiz_value["pass_mark"], len(questions)),
        "total": len(questions),
        "max_attempts": quiz_value.get("max_attempts"),
        "questions": questions,
    }


class QuizSubmissionError(ValueError):
    """The submitted answers do not fit the quiz (missing, foreign or malformed ids)."""

    def __init__(self, message, question_id=None):
        super().__init__(message)
        self.message = message
        self.question_id = question_id


def grade_quiz(quiz_value, selections):
    """Mark a submission on the server.

    ``selections`` maps question id → list of chosen answer ids. Every question must be
    answered, and only with that question's own answers; anything else raises
    :class:`QuizSubmissionError`, so a tampered form can never pass. A question scores when
    the chosen answers are exactly its correct answers. Returns a dict with ``score``,
    ``total``, ``passed`` and per-question ``results`` (chosen ids, whether correct, and the
    feedback for each chosen answer).
    """
    results = []
    known_questions = set()
    for question in quiz_value["questions"].bound_blocks:
        known_questions.add(question.id)
        answers = {answer.id: answer.value for answer in question.value["answers"].bound_blocks}
        chosen = selections.get(question.id) or []
        if not chosen:
            raise QuizSubmissionError(_("Answer every question."), question.id)
        if len(set(chosen)) != len(chosen) or any(answer_id not in answers for answer_id in chosen):
            raise QuizSubmissionError(
                _("These answers do not belong to this quiz. Reload the page and try again."),
                question.id,
            )
        correct = {answer_id for answer_id, answer in answers.items() if answer["is_correct"]}
        if len(correct) == 1 and len(chosen) > 1:
            raise QuizSubmissionError(_("Choose one answer."), question.id)
        results.append(
            {
                "question_id": question.id,
                "chosen": list(chosen),
                "correct": set(chosen) == correct,
                "feedback": [
                    {"answer_id": answer_id, "text": answers[answer_id]["feedback"]}
                    for answer_id in chosen
                    if answers[answer_id]["feedback"]
                ],
            }
        )
    unknown = set(selections) - known_questions
    if unknown:
        raise QuizSubmissionError(
            _("These answers do not belong to this quiz. Reload the page and try again.")
        )
    total = len(results)
    score = sum(1 for result in results if result["correct"])
    passed = total > 0 and score >= required_correct(quiz_value["pass_mark"], total)
    return {"score": score, "total": total, "passed": passed, "results": results}
