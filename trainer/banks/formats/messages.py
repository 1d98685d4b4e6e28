"""The English texts of import/export reports, with %1-style placeholders.

The interface translates them in the "ImportReport" context (see
``trainer/ui/screens/formats.py``, which lists each one for the translation
tools); an argument made of comma-separated words from ``TOKENS`` is
translated word by word.
"""

from __future__ import annotations

M_IMAGES = (
    "images and files cannot be shown here and were left out (in %1); "
    "an [image] mark shows where they were"
)
M_NO_TEXT = "the question has no text"
M_TITLE_AS_TEXT = "the question has no text but its title: the title became its text"
M_TO_COMPLETE = "to complete: %1"
M_ANSWER_NO_TEXT = "an answer has no text"
M_NO_FULL_MARKS = "no answer gives full marks"
M_SEVERAL_FULL_MARKS = (
    "%1 answers give full marks: in Moodle any one of them earns full marks; here it became a "
    "multiple-response question where each right one must be ticked"
)
M_PARTIAL_DROPPED = "the %1% credit for '%2' is not kept: only the right option scores here"
M_NO_CREDIT = "no answer gives any credit"
M_WEIGHTS = (
    "answer weights (%1) become our fixed rule: the options with positive weight (%2) are "
    "right, each right option ticked earns an equal share and each wrong one ticked costs an "
    "equal share"
)
M_MATCH_PAIRS = "a matching question needs at least 2 pairs"
M_SUBQUESTION_NO_TEXT = "a sub-question has no text"
M_ORDERING_ITEMS = "an ordering question needs at least 2 items with text"
M_ORDERING_GRADING = (
    "Moodle grades it by %1; here it earns the share of neighbouring items placed in the "
    "right order"
)
M_ORDERING_SUBSET = "Moodle showed only some of the items; here all items are shown"
M_SCENARIO_MADE = "the description and the %1 questions after it became one scenario"
M_UNREADABLE = "the question could not be read"
M_UNSUPPORTED = "%1 questions have no equivalent here and were left out"
M_NOTHING = "no question could be converted"
M_NEGATIVE_CREDIT = "an answer's grade of %1% counts as 0% here (a typed answer never costs marks)"
M_UNIT_GRADING = (
    "Moodle takes the unit penalty off the question's whole mark; here it is taken off the "
    "answer's credit"
)
M_UNITS_CHOSEN = "Moodle offered the units in a list; here the unit is typed after the number"
M_UNIT_BAD = "a unit has no name or a multiplier that is not a positive number: %1"
M_NUMBER_BAD = "an answer or tolerance is not a number: %1"
M_FULL_MARKS_CAUGHT = (
    "no answer can earn full marks: an earlier answer (such as '*') catches every answer "
    "that would"
)
M_GIFT_UNITS = "GIFT has no units; export to Moodle XML to keep them"
M_GIFT_CASE = (
    "GIFT cannot say that capital letters count; Moodle will ignore them (export to Moodle XML "
    "to keep it)"
)
M_FIXED_OPTIONS = "options fixed in place cannot be expressed; Moodle may shuffle them"
M_WEIGHT_ROUNDED = "a weight of %1% is not one Moodle allows; %2% was written instead"
M_SCENARIO_WRITTEN = (
    "scenario written as a description followed by its %1 questions; Moodle shows them as "
    "separate questions"
)
M_METADATA = (
    "sources, difficulty and audiences have no place in Moodle: they are kept in a comment "
    "that Moodle ignores and TiP Trainer reads back"
)
M_EMPTY_ANSWER_DROPPED = "an answer with no text was dropped, as Moodle drops it"
M_TILDE_EQUALS = (
    "'~=' leaves an empty answer before the right one ('=' alone marks it); the empty answer "
    "was dropped, as Moodle drops it"
)
M_EMPTY_ITEM_DROPPED = "an item with no text was dropped, as Moodle drops it"
M_TOO_FEW_ANSWERS = "fewer than 2 answers have text"
M_IMAGE_ONLY = "the %1 is only a picture, which cannot be kept here; the question was left out"
M_ALL_RIGHT = (
    "every option is right (%1 of %1); a multiple-response question needs at least one wrong option"
)
M_ONE_CHOICE = (
    "every sub-question has the same answer ('%1'); a matching question needs at least 2 "
    "different answers"
)
M_DESCRIPTION_LEFT_OUT = (
    "a description is text shown between questions, not a question: it was left out (it "
    "becomes the case of a scenario only when its questions name it)"
)
M_DESCRIPTION_JOINED = (
    "this question has no title and follows the titled description '%1', which has no "
    "question: the blank line between them was taken for a slip and the description was "
    "put before this question's text"
)
M_SCENARIO_TOO_FEW = (
    "only %1 of the scenario's questions could be imported; a scenario needs 2, so its case "
    "text was left out"
)
M_COMBINED_FEEDBACK = (
    "the feedback for right, partly right and wrong answers has no place here and was left out"
)
M_HINTS = "hints for later tries (%1) have no place here and were left out"
M_ITEM_FEEDBACK = "the feedback of each item has no place here and was left out"
M_NEAREST_GRADE = (
    "a grade of %1% is not one Moodle allows; the nearest, %2%, was used (nearest grade)"
)
M_ORDERING_LAYOUT = "Moodle showed the items side by side; here they are shown one below the other"
M_GIFT_ORDERING_TEXT = (
    "GIFT ordering items are written one per line as they are: line breaks in an item were "
    "replaced by spaces"
)
M_NO_QUESTIONS = "the file holds no question"
M_PICTURE_NO_ALT = (
    "the picture '%1' has no alternative text: add alternative text (what the picture shows)"
)
M_PICTURE_ONLY = "the question was only a picture: write its text"
M_PICTURE_REFUSED = "the picture '%1' was left out: %2"
M_EXPORT_LARGE = (
    "the file is %1 MB with its pictures, more than the 16 MB an import here reads and perhaps"
    " more than the platform accepts: export the questions in smaller banks"
)
M_PICTURE_GIFT = "GIFT holds no pictures: the picture '%1' was left out (export to Moodle XML)"
# Errors the GIFT reader gives a question it cannot read (Moodle skips it too).
E_BRACES = (
    "unbalanced braces: the answers must be written between one '{' and one '}' "
    "(write \\{ or \\} for a literal brace)"
)
E_MC_ANSWERS = "a multiple choice question needs at least 2 answers"
E_WEIGHT = "an answer weight such as %50% is not a number"
E_MATCH_PAIR = "a matching pair must be written '=question -> answer'"
E_NUMERICAL_ANSWERS = "a numerical question needs at least 1 answer"
E_NUMERICAL_NUMBERS = (
    "a numerical answer must be written 'value', 'value:tolerance' or 'min..max' with numbers"
)

# Words that appear as arguments (parts of a question, missing fields, kinds).
TOKENS = (
    "question text",
    "general feedback",
    "an answer",
    "answer feedback",
    "feedback",
    "a sub-question",
    "an item",
    "description",
    "topic",
    "explanation",
    "source",
    "essay",
    "short answer",
    "numerical",
    "embedded answers (Cloze)",
    "calculated",
    "simple calculated",
    "calculated multichoice",
    "drag and drop into text",
    "drag and drop onto image",
    "drag and drop markers",
    "select missing words",
    "random short-answer matching",
)


def all_templates() -> list[str]:
    return [value for name, value in globals().items() if name.startswith(("M_", "E_"))]
