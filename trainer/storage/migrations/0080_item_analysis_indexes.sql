-- Item analysis at national scale (ten million answers): each answer of a module's exam
-- attempts is read from an index alone, never from the table (whose rows carry the
-- question as shown and are ten times wider).
-- The answers of one question grouped by response, with what the sums need: SQLite sums
-- them in index order, without sorting.
CREATE INDEX attempt_questions_by_response
    ON attempt_questions (question_id, kind, response, attempt_id, fraction);
-- The questions of each attempt and their scores (which attempts share a question set).
CREATE INDEX attempt_questions_item_scores
    ON attempt_questions (attempt_id, question_id, fraction);
