-- 0005: the audit trail made tamper-evident. Each event gets one link of a
-- hash chain: HMAC-SHA256, under a secret of the desk kept in settings, of
-- the previous link and the event (store/audit_chain.go). The links are
-- written by the program with their event, in the same transaction; the
-- events of an earlier version are linked at the first event after this
-- migration. AUTOINCREMENT keeps in sqlite_sequence the highest event ever
-- linked, so that cutting the end of the trail shows.

CREATE TABLE audit_chain (
	event_id INTEGER PRIMARY KEY AUTOINCREMENT REFERENCES audit_events (id),
	hash     TEXT NOT NULL              -- hex HMAC-SHA256
) STRICT;

-- The chain is append-only, as the trail is.
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain BEGIN
	SELECT RAISE(ABORT, 'the audit chain cannot be changed');
END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain BEGIN
	SELECT RAISE(ABORT, 'the audit chain cannot be changed');
END;
