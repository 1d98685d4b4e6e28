-- The item analysis over every workstation reads one row per attempt, not one per answer
-- (trainer/storage/central/reports.py). Each finished attempt's answers are kept here a
-- second time, as arrays in slot order, with what the reliability needs: the questions
-- answered (their ids in byte order, joined by U+001F), the item scores' sum and whether
-- any was neither 0 nor 1. Ten million answers make 500,000 rows of these, about 80 bytes
-- per answer; reading a module's attempts this way takes a third of the time of probing
-- each attempt's answers.
--
-- The server fills the table itself, after every insert into attempt_questions (one
-- statement-level trigger, whoever inserts): a workstation has no right to write it, so
-- what it holds is always what attempt_questions holds.
CREATE TABLE attempt_items (
    attempt_uid text PRIMARY KEY REFERENCES attempts (uid),
    attempt_id bigint NOT NULL UNIQUE,
    question_key text NOT NULL,
    item_sum double precision NOT NULL,
    partial boolean NOT NULL,
    questions text[] NOT NULL,
    kinds text[] NOT NULL,
    responses text[] NOT NULL,
    fractions double precision[] NOT NULL
);
GRANT SELECT ON attempt_items TO tip_workstation, tip_coordinator;

CREATE FUNCTION tip_attempt_items() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    AS $$
BEGIN
    -- An attempt's answers arrive in one statement (a sync sends an attempt whole); should
    -- some arrive later, the row is made again from everything the attempt holds.
    INSERT INTO attempt_items (attempt_uid, attempt_id, question_key, item_sum, partial,
                               questions, kinds, responses, fractions)
    SELECT a.uid, a.id,
           string_agg(q.question_id, chr(31) ORDER BY q.question_id COLLATE "C"),
           sum(coalesce(q.fraction, 0.0)),
           bool_or(coalesce(q.fraction, 0.0) NOT IN (0.0, 1.0)),
           array_agg(q.question_id ORDER BY q.slot), array_agg(q.kind ORDER BY q.slot),
           array_agg(q.response ORDER BY q.slot), array_agg(q.fraction ORDER BY q.slot)
    FROM added q JOIN attempts a ON a.uid = q.attempt_uid
    GROUP BY a.uid, a.id
    ON CONFLICT (attempt_uid) DO UPDATE
    SET (question_key, item_sum, partial, questions, kinds, responses, fractions) = (
        SELECT string_agg(q.question_id, chr(31) ORDER BY q.question_id COLLATE "C"),
               sum(coalesce(q.fraction, 0.0)),
               bool_or(coalesce(q.fraction, 0.0) NOT IN (0.0, 1.0)),
               array_agg(q.question_id ORDER BY q.slot), array_agg(q.kind ORDER BY q.slot),
               array_agg(q.response ORDER BY q.slot), array_agg(q.fraction ORDER BY q.slot)
        FROM attempt_questions q WHERE q.attempt_uid = excluded.attempt_uid);
    RETURN NULL;
END
$$;
-- Runs as the schema's owner: its names are looked up in this schema only (never in a
-- caller's temporary tables).
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION tip_attempt_items() SET search_path = %I, pg_temp',
                   current_schema());
END
$$;
REVOKE ALL ON FUNCTION tip_attempt_items() FROM PUBLIC;

CREATE TRIGGER attempt_items_made AFTER INSERT ON attempt_questions
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION tip_attempt_items();

-- The answers a server holds already.
INSERT INTO attempt_items (attempt_uid, attempt_id, question_key, item_sum, partial,
                           questions, kinds, responses, fractions)
SELECT a.uid, a.id,
       string_agg(q.question_id, chr(31) ORDER BY q.question_id COLLATE "C"),
       sum(coalesce(q.fraction, 0.0)),
       bool_or(coalesce(q.fraction, 0.0) NOT IN (0.0, 1.0)),
       array_agg(q.question_id ORDER BY q.slot), array_agg(q.kind ORDER BY q.slot),
       array_agg(q.response ORDER BY q.slot), array_agg(q.fraction ORDER BY q.slot)
FROM attempt_questions q JOIN attempts a ON a.uid = q.attempt_uid
GROUP BY a.uid, a.id;

-- A module's finished exams and their scores, read from the index alone.
CREATE INDEX attempts_exam_totals ON attempts (module_id, behaviour, state, id)
    INCLUDE (score, max_score, percent);
