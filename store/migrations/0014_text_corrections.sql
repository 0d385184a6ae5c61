-- 0014: mediators own the languages (issue #18). The texts a person reads
-- (questionnaire, documents) as a desk's mediators corrected them, a layer
-- over the embedded drafts (locales.SetCorrections), and the review areas
-- they marked reviewed, each with who and when.

CREATE TABLE text_corrections (
	lang        TEXT NOT NULL,     -- BCP 47
	key         TEXT NOT NULL,     -- message ID, e.g. doc.consent.yes
	text        TEXT NOT NULL,
	operator_id INTEGER REFERENCES operators (id),
	by_name     TEXT NOT NULL,     -- who corrected it, as the document names them
	at          TEXT NOT NULL,
	PRIMARY KEY (lang, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE text_reviews (
	lang        TEXT NOT NULL,
	area        TEXT NOT NULL,     -- locales.ReviewAreas: q, doc.consent…
	operator_id INTEGER REFERENCES operators (id),
	by_name     TEXT NOT NULL,
	at          TEXT NOT NULL,     -- YYYY-MM-DD
	PRIMARY KEY (lang, area)
) STRICT, WITHOUT ROWID;

