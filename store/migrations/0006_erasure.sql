-- 0006: erasure (GDPR art. 17). A person erased keeps an anonymous tally
-- (store/erase.go): these columns say when and on which ground. The audit
-- chain's links hash a salted digest of each event's detail instead of the
-- detail itself (store/audit_redact.go), so that an erasure can remove the
-- personal values an event's detail holds while the chain still verifies;
-- the events are salted and the chain linked again by the program right
-- after this migration, once the old chain is found sound.

ALTER TABLE persons ADD COLUMN erased_at TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN erasure_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN erasure_note TEXT NOT NULL DEFAULT '';

ALTER TABLE audit_events ADD COLUMN salt TEXT NOT NULL DEFAULT '';   -- hex, random; '' once redacted
ALTER TABLE audit_events ADD COLUMN digest TEXT NOT NULL DEFAULT ''; -- hex HMAC-SHA256(salt, detail), kept when redacted

-- The trail stays append-only; the one change allowed is a redaction:
-- the detail replaced and the salt removed, the digest of the detail as
-- it was kept, everything else as it was.
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events WHEN NOT (
	new.id = old.id AND new.at = old.at AND new.operator_id IS old.operator_id AND new.action = old.action
	AND new.entity = old.entity AND new.entity_id = old.entity_id AND old.salt <> '' AND new.salt = ''
	AND old.digest = '' AND length(new.digest) = 64) BEGIN
	SELECT RAISE(ABORT, 'audit events cannot be changed');
END;

-- Consents stay append-only; an erasure may remove the scan of the signed
-- paper of a person erased, and nothing else.
DROP TRIGGER consents_no_update;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents WHEN NOT (
	new.id = old.id AND new.uid = old.uid AND new.person_id = old.person_id AND new.purpose = old.purpose
	AND new.service_id IS old.service_id AND new.notice_version = old.notice_version AND new.language = old.language
	AND new.mediator = old.mediator AND new.state = old.state AND new.date = old.date AND new.recorded_by IS old.recorded_by
	AND new.scan IS NULL AND new.scan_name = ''
	AND (SELECT erased_at FROM persons WHERE id = old.person_id) <> '') BEGIN
	SELECT RAISE(ABORT, 'consents cannot be changed');
END;

-- Once erased, a person takes no personal value again: not from a form,
-- not from another desk's bundle, not from an interview.
CREATE TRIGGER persons_erased_stay_erased BEFORE UPDATE ON persons WHEN old.erased_at <> '' AND (
	new.erased_at = '' OR new.family_name <> '' OR new.given_names <> '' OR new.own_script_name <> ''
	OR new.aliases <> '' OR new.phone <> '' OR new.domicile <> '' OR new.fiscal_code <> ''
	OR new.permit_number <> '' OR new.vulnerabilities <> '') BEGIN
	SELECT RAISE(ABORT, 'this person was erased');
END;
CREATE TRIGGER answers_of_erased BEFORE INSERT ON answers WHEN (SELECT p.erased_at FROM interviews i
	JOIN cases c ON c.id = i.case_id JOIN persons p ON p.id = c.person_id WHERE i.id = new.interview_id) <> '' BEGIN
	SELECT RAISE(ABORT, 'this person was erased');
END;
CREATE TRIGGER scans_of_erased BEFORE INSERT ON consents WHEN new.scan IS NOT NULL
	AND (SELECT erased_at FROM persons WHERE id = new.person_id) <> '' BEGIN
	SELECT RAISE(ABORT, 'this person was erased');
END;
