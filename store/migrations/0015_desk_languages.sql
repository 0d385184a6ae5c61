-- 0015: languages a desk adds without a release (issue #18).
-- The languages a desk added (a coordinator, in the window): their texts
-- start empty and come from the mediators' corrections; what they lack is
-- printed in Italian, marked.
CREATE TABLE desk_languages (
	tag         TEXT PRIMARY KEY,  -- BCP 47
	native      TEXT NOT NULL,     -- the language's name in itself
	english     TEXT NOT NULL,
	script      TEXT NOT NULL,     -- ISO 15924, one the bundled fonts draw
	direction   TEXT NOT NULL,     -- ltr or rtl
	operator_id INTEGER REFERENCES operators (id),
	at          TEXT NOT NULL
) STRICT;
