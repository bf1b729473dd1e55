"""Quizzes in a module's lessons: the block editors fill in, what the browser may see of it,
and the marking, which happens on the server.

Which answers are correct (and the feedback for each answer) stays on the server: templates
only ever receive the question and answer texts from :func:`public_quiz`, and answers are
graded by :func:`grade_quiz`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


def lesson_tracking(context):
    """The reader's saved progress the module page gives its lesson blocks (or nothing)."""
    tracking = context.get("tracking")
    return tracking if isinstance(tracking, dict) else {}


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
        tracking = lesson_tracking(context)
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
