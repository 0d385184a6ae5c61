-- 0009: the work records travel (issue #15, exchange format 1.3): each
-- employer, vacancy, proposal, internship and enterprise is in the change
-- log, so an incremental export picks it; its parts (an employer's flags,
-- an internship's months, an enterprise's steps and applications) mark the
-- record itself, except while a merge writes whole records. Records made
-- before this migration are marked changed now, so the next incremental
-- export carries them; so are the consents to share with an employer,
-- which format 1.2 left out of every export.

INSERT INTO changes (entity, row_id, rev, at) SELECT 'consent', id, (SELECT coalesce(max(rev), 0) FROM changes) + row_number() OVER (ORDER BY id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM consents WHERE employer_id IS NOT NULL
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at;
INSERT INTO changes (entity, row_id, rev, at) SELECT 'employer', id, (SELECT coalesce(max(rev), 0) FROM changes) + row_number() OVER (ORDER BY id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM employers;
INSERT INTO changes (entity, row_id, rev, at) SELECT 'vacancy', id, (SELECT coalesce(max(rev), 0) FROM changes) + row_number() OVER (ORDER BY id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM vacancies;
INSERT INTO changes (entity, row_id, rev, at) SELECT 'proposal', id, (SELECT coalesce(max(rev), 0) FROM changes) + row_number() OVER (ORDER BY id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM proposals;
INSERT INTO changes (entity, row_id, rev, at) SELECT 'internship', id, (SELECT coalesce(max(rev), 0) FROM changes) + row_number() OVER (ORDER BY id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM internships;
INSERT INTO changes (entity, row_id, rev, at) SELECT 'enterprise', id, (SELECT coalesce(max(rev), 0) FROM changes) + row_number() OVER (ORDER BY id), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM enterprises;

CREATE TRIGGER employers_change_i AFTER INSERT ON employers BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('employer', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER employers_change_u AFTER UPDATE ON employers BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('employer', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER vacancies_change_i AFTER INSERT ON vacancies BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('vacancy', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER vacancies_change_u AFTER UPDATE ON vacancies BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('vacancy', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER proposals_change_i AFTER INSERT ON proposals BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('proposal', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER proposals_change_u AFTER UPDATE ON proposals BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('proposal', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER internships_change_i AFTER INSERT ON internships BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('internship', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER internships_change_u AFTER UPDATE ON internships BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('internship', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER enterprises_change_i AFTER INSERT ON enterprises BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('enterprise', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER enterprises_change_u AFTER UPDATE ON enterprises BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('enterprise', new.id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER employer_flags_change_i AFTER INSERT ON employer_flags WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('employer', new.employer_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER employer_flags_change_u AFTER UPDATE ON employer_flags WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('employer', new.employer_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER employer_flags_change_d AFTER DELETE ON employer_flags WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('employer', old.employer_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER internship_attendance_change_i AFTER INSERT ON internship_attendance WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('internship', new.internship_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER internship_attendance_change_u AFTER UPDATE ON internship_attendance WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('internship', new.internship_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER internship_attendance_change_d AFTER DELETE ON internship_attendance WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('internship', old.internship_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER enterprise_steps_change_i AFTER INSERT ON enterprise_steps WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('enterprise', new.enterprise_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER enterprise_steps_change_u AFTER UPDATE ON enterprise_steps WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('enterprise', new.enterprise_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER enterprise_steps_change_d AFTER DELETE ON enterprise_steps WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('enterprise', old.enterprise_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER enterprise_funding_change_i AFTER INSERT ON enterprise_funding WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('enterprise', new.enterprise_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER enterprise_funding_change_u AFTER UPDATE ON enterprise_funding WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('enterprise', new.enterprise_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
CREATE TRIGGER enterprise_funding_change_d AFTER DELETE ON enterprise_funding WHEN NOT EXISTS (SELECT 1 FROM merge_quiet) BEGIN
	INSERT INTO changes (entity, row_id, rev, at) VALUES ('enterprise', old.enterprise_id, (SELECT coalesce(max(rev), 0) + 1 FROM changes), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (entity, row_id) DO UPDATE SET rev = excluded.rev, at = excluded.at; END;
