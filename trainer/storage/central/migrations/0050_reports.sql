-- The coordinator's reports over every workstation (trainer/storage/central/reports.py).
-- Attempts and trainee profiles are numbered in the order they arrived: the results
-- browser breaks ties by that number and the item analysis keys attempts by it. The
-- workstations never write it: a sequence fills it in (a plain default, so the sync's
-- staging tables, made LIKE these with their defaults, stay valid).
CREATE SEQUENCE attempts_number AS bigint;
CREATE SEQUENCE trainees_number AS bigint;
ALTER TABLE attempts ADD COLUMN id bigint NOT NULL DEFAULT nextval('attempts_number');
ALTER TABLE trainees ADD COLUMN id bigint NOT NULL DEFAULT nextval('trainees_number');
ALTER SEQUENCE attempts_number OWNED BY attempts.id;
ALTER SEQUENCE trainees_number OWNED BY trainees.id;
GRANT USAGE ON SEQUENCE attempts_number, trainees_number TO tip_workstation;
CREATE UNIQUE INDEX attempts_id ON attempts (id);
CREATE UNIQUE INDEX trainees_id ON trainees (id);
-- The results browser's first page (newest first) and its other pages.
CREATE INDEX attempts_started ON attempts (started_at, id);
-- The modules that have attempts (a skip scan) and each one's latest title.
CREATE INDEX attempts_module_id ON attempts (module_id, id);
-- An official's transcript gathers their profiles from every workstation.
CREATE INDEX trainees_person_id ON trainees (person_uid, id);
