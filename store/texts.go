package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"sportello/locales"
	"sportello/model"
)

// TextLayer is what a desk's mediators made of the texts a person reads:
// corrections by language and message ID, and the review areas marked
// reviewed by language, and the languages the desk added.
// locales.SetCorrections, SetAreaReviews and model.SetDeskLanguages take it
// (Apply).
type TextLayer struct {
	Corrections map[string]map[string]Correction     // lang → message ID → correction
	Reviews     map[string]map[string]locales.Review // lang → review area → review
	Languages   []model.Language                     // the languages the desk added, in the order added
}

// Correction is one corrected text, with who corrected it and when.
type Correction struct {
	Text string
	By   string
	At   string // RFC 3339
}

// TextLayer reads every correction and review of the desk. Anyone signed
// in may: the texts are the desk's, not a person's data.
func (d *DB) TextLayer(ctx context.Context) (*TextLayer, error) {
	out := &TextLayer{Corrections: map[string]map[string]Correction{}, Reviews: map[string]map[string]locales.Review{}}
	err := d.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT lang, key, text, by_name, at FROM text_corrections")
		err = eachRow(rows, err, func(s scanner) error {
			var lang, key string
			var c Correction
			if err := s.Scan(&lang, &key, &c.Text, &c.By, &c.At); err != nil {
				return err
			}
			if out.Corrections[lang] == nil {
				out.Corrections[lang] = map[string]Correction{}
			}
			out.Corrections[lang][key] = c
			return nil
		})
		if err != nil {
			return fmt.Errorf("corrections: %w", err)
		}
		rows, err = tx.QueryContext(ctx, "SELECT tag, native, english, script, direction FROM desk_languages ORDER BY at, tag")
		err = eachRow(rows, err, func(s scanner) error {
			var l model.Language
			err := s.Scan(&l.Tag, &l.Native, &l.English, &l.Script, &l.Direction)
			out.Languages = append(out.Languages, l)
			return err
		})
		if err != nil {
			return fmt.Errorf("languages: %w", err)
		}
		rows, err = tx.QueryContext(ctx, "SELECT lang, area, by_name, at FROM text_reviews")
		return eachRow(rows, err, func(s scanner) error {
			var lang, area string
			r := locales.Review{State: locales.Reviewed}
			if err := s.Scan(&lang, &area, &r.By, &r.Date); err != nil {
				return err
			}
			if out.Reviews[lang] == nil {
				out.Reviews[lang] = map[string]locales.Review{}
			}
			out.Reviews[lang][area] = r
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("text layer: %w", err)
	}
	return out, nil
}

// Export is the desk's corrections of lang as a file carries them
// (locales.WriteCorrections): the texts, and a header naming the language,
// how many texts and who corrected them.
func (l *TextLayer) Export(lang string) (texts map[string]string, header []string) {
	texts, by := map[string]string{}, map[string]bool{}
	for k, c := range l.Corrections[lang] {
		texts[k], by[c.By] = c.Text, true
	}
	names := make([]string, 0, len(by))
	for n := range by {
		names = append(names, n)
	}
	slices.Sort(names)
	return texts, []string{fmt.Sprintf("Sportello: corrections of the %s texts a person reads, %d texts", lang, len(texts)),
		"corrected by " + strings.Join(names, ", ") + "; import: sportello texts import --lang " + lang + " FILE"}
}

// Apply hands the layer to locales: every person's text in the window and
// in printouts reads it from now on.
func (l *TextLayer) Apply() {
	model.SetDeskLanguages(l.Languages)
	langs := map[string]bool{}
	for lang := range l.Corrections {
		langs[lang] = true
	}
	for lang := range l.Reviews {
		langs[lang] = true
	}
	for lang := range langs {
		texts := map[string]string{}
		for k, c := range l.Corrections[lang] {
			texts[k] = c.Text
		}
		locales.SetCorrections(lang, texts)
		locales.SetAreaReviews(lang, l.Reviews[lang])
	}
}

// SaveCorrection keeps a corrected text of a person's language: checked
// against the Italian source (locales.CheckCorrection: the same
// placeholders and numbers), audited with the text before and after. An
// empty text takes the correction away. Mediators and the coordinator may
// (PermTexts). Correcting a text of an area marked reviewed leaves the
// mark: the reviewer stands by the area, and the audit trail says what
// changed after.
func (d *DB) SaveCorrection(ctx context.Context, lang, key, text string, operatorID int64) error {
	text = strings.TrimSpace(text)
	if _, ok := model.LanguageByTag(lang); !ok || lang == locales.Default {
		return &model.Error{Code: model.ErrInvalid, Field: "lang", Message: fmt.Sprintf("no language %q to correct", lang)}
	}
	if text != "" {
		if err := locales.CheckCorrection(key, text); err != nil {
			return &model.Error{Code: model.ErrInvalid, Field: "text", Message: err.Error()}
		}
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		name, err := d.textActor(ctx, tx)
		if err != nil {
			return err
		}
		return d.putCorrection(ctx, tx, lang, key, text, operatorID, name, "")
	})
	if err != nil {
		return fmt.Errorf("correct %s %s: %w", lang, key, err)
	}
	return nil
}

// ImportCorrections keeps a file's corrections of lang (another desk's,
// locales.ReadCorrections) in one transaction: each checked as
// SaveCorrection checks it, audited with where it came from. Mediators and
// the coordinator may. Reviews do not travel: this desk's mediator marks
// its areas.
func (d *DB) ImportCorrections(ctx context.Context, lang string, texts map[string]string, source string, operatorID int64) error {
	if _, ok := model.LanguageByTag(lang); !ok || lang == locales.Default {
		return &model.Error{Code: model.ErrInvalid, Field: "lang", Message: fmt.Sprintf("no language %q to correct", lang)}
	}
	keys := make([]string, 0, len(texts))
	for k, text := range texts {
		if err := locales.CheckCorrection(k, strings.TrimSpace(text)); err != nil {
			return &model.Error{Code: model.ErrInvalid, Field: "text", Message: k + ": " + err.Error()}
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	err := d.update(ctx, func(tx *sql.Tx) error {
		name, err := d.textActor(ctx, tx)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if err := d.putCorrection(ctx, tx, lang, k, strings.TrimSpace(texts[k]), operatorID, name, source); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("import corrections of %s: %w", lang, err)
	}
	return nil
}

// putCorrection writes (or, for an empty text, removes) one correction
// and audits it with the text before, and the file it came from if any.
func (d *DB) putCorrection(ctx context.Context, tx *sql.Tx, lang, key, text string, operatorID int64, name, source string) error {
	var before string
	err := tx.QueryRowContext(ctx, "SELECT text FROM text_corrections WHERE lang = ? AND key = ?", lang, key).Scan(&before)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if before == text {
		return nil
	}
	if text == "" {
		_, err = tx.ExecContext(ctx, "DELETE FROM text_corrections WHERE lang = ? AND key = ?", lang, key)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO text_corrections (lang, key, text, operator_id, by_name, at)
			VALUES (?, ?, ?, nullif(?, 0), ?, ?) ON CONFLICT (lang, key) DO UPDATE SET text = excluded.text,
			operator_id = excluded.operator_id, by_name = excluded.by_name, at = excluded.at`,
			lang, key, text, operatorID, name, formatTime(d.Now()))
	}
	if err != nil {
		return err
	}
	detail := fmt.Sprintf("%s %s: %q → %q", lang, key, before, text)
	if source != "" {
		detail += " (from " + source + ")"
	}
	return d.audit(ctx, tx, operatorID, model.ActionUpdate, "text", 0, detail)
}

// AddLanguage adds a language to the desk (issue #18): a person may then
// be registered and interviewed in it, its texts start empty and the
// mediators fill them in (SaveCorrection); what it lacks prints in
// Italian, marked. The coordinator's (PermSettings); audited.
func (d *DB) AddLanguage(ctx context.Context, l model.Language, operatorID int64) error {
	l.Native, l.English = strings.TrimSpace(l.Native), strings.TrimSpace(l.English)
	err := d.update(ctx, func(tx *sql.Tx) error {
		if err := d.actorMay(ctx, tx, model.PermSettings); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM desk_languages WHERE tag = ?", l.Tag).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &model.Error{Code: model.ErrConflict, Field: "tag", Message: fmt.Sprintf("the language %q is already there", l.Tag)}
		}
		if err := l.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO desk_languages (tag, native, english, script, direction, operator_id, at)
			VALUES (?, ?, ?, ?, ?, nullif(?, 0), ?)`, l.Tag, l.Native, l.English, l.Script, string(l.Direction),
			operatorID, formatTime(d.Now())); err != nil {
			return err
		}
		return d.audit(ctx, tx, operatorID, model.ActionUpdate, "language", 0,
			fmt.Sprintf("added %s (%s, %s, %s)", l.Tag, l.Native, l.Script, l.Direction))
	})
	if err != nil {
		return fmt.Errorf("add language %s: %w", l.Tag, err)
	}
	return nil
}

// MarkReviewed marks a review area of a language reviewed by the bound
// operator today (reviewed false takes the mark away): its documents stop
// printing "draft". Mediators and the coordinator may; audited.
func (d *DB) MarkReviewed(ctx context.Context, lang, area string, reviewed bool, operatorID int64) error {
	known := false
	for _, a := range locales.ReviewAreas {
		known = known || a.ID == area
	}
	if _, ok := model.LanguageByTag(lang); !ok || !known {
		return &model.Error{Code: model.ErrInvalid, Field: "area", Message: fmt.Sprintf("no review area %q of %q", area, lang)}
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		name, err := d.textActor(ctx, tx)
		if err != nil {
			return err
		}
		if reviewed {
			_, err = tx.ExecContext(ctx, `INSERT INTO text_reviews (lang, area, operator_id, by_name, at)
				VALUES (?, ?, nullif(?, 0), ?, ?) ON CONFLICT (lang, area) DO UPDATE SET operator_id = excluded.operator_id,
				by_name = excluded.by_name, at = excluded.at`, lang, area, operatorID, name, d.Now().Format("2006-01-02"))
		} else {
			_, err = tx.ExecContext(ctx, "DELETE FROM text_reviews WHERE lang = ? AND area = ?", lang, area)
		}
		if err != nil {
			return err
		}
		return d.audit(ctx, tx, operatorID, model.ActionUpdate, "text", 0, fmt.Sprintf("%s %s reviewed: %v", lang, area, reviewed))
	})
	if err != nil {
		return fmt.Errorf("review %s %s: %w", lang, area, err)
	}
	return nil
}

// textActor checks that the bound operator may correct texts and gives
// the name the correction is signed with.
func (d *DB) textActor(ctx context.Context, tx *sql.Tx) (string, error) {
	if err := d.actorMay(ctx, tx, model.PermTexts); err != nil {
		return "", err
	}
	if d.actor == nil {
		return "Sportello", nil
	}
	var name string
	err := tx.QueryRowContext(ctx, "SELECT full_name FROM operators WHERE id = ?", d.actor.ID).Scan(&name)
	return name, err
}
