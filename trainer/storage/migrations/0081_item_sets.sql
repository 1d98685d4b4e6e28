-- The item analysis reads, for each finished attempt, which questions it was given (their
-- ids in byte order, joined by U+001F: equal sets are equal strings), the sum of its item
-- scores and whether any score was neither 0 nor 1 (trainer/storage/results.py). Kept
-- here once per attempt, instead of being gathered from every answer at each analysis
-- (one second of three at ten million answers).
--
-- The rule is written once, as a view over the answers; the table keeps its rows. A row is
-- made when an attempt of this workstation finishes (trigger) and when one arrives in a
-- bundle (trainer/storage/bundles.py); an attempt without a row is read from the view.
CREATE VIEW attempt_item_set_rows AS
SELECT a.id AS attempt_id,
       (SELECT group_concat(s.question_id, char(31))
        FROM (SELECT question_id FROM attempt_questions WHERE attempt_id = a.id
              ORDER BY question_id) s) AS question_key,
       (SELECT total(ifnull(fraction, 0.0)) FROM attempt_questions
        WHERE attempt_id = a.id) AS item_sum,
       (SELECT ifnull(max(ifnull(fraction, 0.0) NOT IN (0.0, 1.0)), 0) FROM attempt_questions
        WHERE attempt_id = a.id) AS partial
FROM attempts a
WHERE a.state = 'finished'
  AND EXISTS (SELECT 1 FROM attempt_questions WHERE attempt_id = a.id);

CREATE TABLE attempt_item_sets (
    attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    item_sum REAL NOT NULL,
    partial INTEGER NOT NULL
);

CREATE TRIGGER attempt_item_set_on_finish AFTER UPDATE OF state ON attempts
WHEN NEW.state = 'finished' AND OLD.state != 'finished'
BEGIN
    INSERT OR REPLACE INTO attempt_item_sets (attempt_id, question_key, item_sum, partial)
    SELECT attempt_id, question_key, item_sum, partial FROM attempt_item_set_rows
    WHERE attempt_id = NEW.id;
END;

INSERT INTO attempt_item_sets (attempt_id, question_key, item_sum, partial)
SELECT attempt_id, question_key, item_sum, partial FROM attempt_item_set_rows;

-- A module's finished exams and their scores in the order they were recorded, read from
-- this index alone (the attempts' rows carry the module's title and are much wider).
CREATE INDEX attempts_exam_totals
    ON attempts (module_id, behaviour, state, id, score, max_score, percent);

-- The answers of one question grouped by response and then by fraction (migration 0080
-- had the fraction last): the item analysis sums per (question, kind, response,
-- fraction) in index order, six sums per answer instead of thirteen.
DROP INDEX attempt_questions_by_response;
CREATE INDEX attempt_questions_by_response
    ON attempt_questions (question_id, kind, response, fraction, attempt_id);
