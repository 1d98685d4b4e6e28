"""How a question is answered and graded, whatever its kind.

Each kind keeps its rules in its own module of ``trainer.quiz.kinds`` (typed
answer, grading, partial credit, words for exports); these are the calls the
rest of the program makes. An answer is a frozen dataclass per kind, stored as
JSON in the shape its kind documents:

- single_choice: ``{"choice": "b"}``
- multiple_response: ``{"choices": ["a", "c"]}``
- true_false: ``{"value": true}``
- ordering: ``{"order": ["identify", "protect", "refer"]}``
- matching: ``{"pairs": {"p1": "act", "p2": "means"}}``
- scenario: ``{"parts": {"<part id>": <response of that part>}}``
- short_answer: ``{"text": "forced labour"}`` (as typed, trimmed)
- numerical: ``{"text": "1,5"}`` (as typed, trimmed)
"""

from __future__ import annotations

from trainer.quiz.kinds import (
    Answer,
    Grade,
    GradeState,
    clean,
    correct_response,
    describe,
    grade,
    is_complete,
    option_feedback,
    response_from_json,
    to_json,
)
from trainer.quiz.kinds.matching import MatchingAnswer
from trainer.quiz.kinds.multiple_response import MultipleResponseAnswer
from trainer.quiz.kinds.numerical import NumericalAnswer
from trainer.quiz.kinds.ordering import OrderingAnswer
from trainer.quiz.kinds.scenario import ScenarioAnswer
from trainer.quiz.kinds.short_answer import ShortAnswerAnswer
from trainer.quiz.kinds.single_choice import SingleChoiceAnswer
from trainer.quiz.kinds.true_false import TrueFalseAnswer

# A trainee's answer to one question: one of the kinds' answer classes.
Response = Answer

__all__ = [
    "Answer",
    "Grade",
    "GradeState",
    "MatchingAnswer",
    "MultipleResponseAnswer",
    "NumericalAnswer",
    "OrderingAnswer",
    "Response",
    "ScenarioAnswer",
    "ShortAnswerAnswer",
    "SingleChoiceAnswer",
    "TrueFalseAnswer",
    "clean",
    "correct_response",
    "describe",
    "grade",
    "is_complete",
    "option_feedback",
    "response_from_json",
    "to_json",
]
