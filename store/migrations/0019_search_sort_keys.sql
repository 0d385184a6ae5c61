-- Search as you type: a word of two letters or more asks the full-text
-- index, which may match thousands of persons ("popescu", "sin"); sorting
-- them by name read every match's whole row, page by page through the
-- encryption (20 ms at 100,000 persons). This narrow index holds, by ID,
-- only what the list is sorted by, so the first page is chosen from it
-- and only its rows are read (3 ms).
CREATE INDEX persons_sort_keys ON persons (id, family_name COLLATE NOCASE, given_names COLLATE NOCASE);
