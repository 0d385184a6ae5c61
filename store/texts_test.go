package store

import (
	"context"
	"strings"
	"testing"

	"sportello/locales"
	"sportello/model"
)

// TestTextCorrections: a mediator corrects an Arabic consent sentence; the
// layer read back and applied makes the next consent text carry it; a
// correction that loses a placeholder is refused on its field; an operator
// may not correct; marking the consent and the shared texts reviewed ends
// the draft; everything is audited.
func TestTextCorrections(t *testing.T) {
	d := newTestDB(t)
	ctx := context.Background()
	med := fixtureOperator(t, d, "samira", model.RoleMediator)
	op := fixtureOperator(t, d, "marco", model.RoleOperator)
	t.Cleanup(func() { locales.SetCorrections("ar", nil); locales.SetAreaReviews("ar", nil) })

	const key, fixed = "doc.consent.person", "صاحب الموافقة: {{.Name}}، ملف رقم {{.Code}}"
	must(t, d.As(med).SaveCorrection(ctx, "ar", key, fixed, med.ID))
	err := d.As(med).SaveCorrection(ctx, "ar", key, "صاحب الموافقة: {{.Name}}", med.ID)
	if model.ErrorCode(err) != model.ErrInvalid || !strings.Contains(err.Error(), "{{.Code}}") {
		t.Errorf("a correction without the case code: %v", err)
	}
	if err := d.As(op).SaveCorrection(ctx, "ar", key, fixed, op.ID); !refused(t, err) {
		t.Error("an operator corrected a translation")
	}
	if err := d.As(med).SaveCorrection(ctx, "it", key, "Persona: {{.Name}} {{.Code}}", med.ID); model.ErrorCode(err) != model.ErrInvalid {
		t.Errorf("the Italian reference corrected: %v", err)
	}

	layer, err := d.TextLayer(ctx)
	must(t, err)
	if c := layer.Corrections["ar"][key]; c.Text != fixed || c.By != "samira" || c.At == "" {
		t.Errorf("the correction read back: %+v", c)
	}
	layer.Apply()
	if got := locales.ForPerson("ar").Tf(key, map[string]any{"Name": "Amina", "Code": "PUA-2026-000001"}); got != "صاحب الموافقة: Amina، ملف رقم PUA-2026-000001" {
		t.Errorf("the consent's sentence: %q", got)
	}

	if locales.DocumentReviewed("ar", "doc.consent") {
		t.Fatal("reviewed before anyone said so")
	}
	must(t, d.As(med).MarkReviewed(ctx, "ar", "doc.consent", true, med.ID))
	must(t, d.As(med).MarkReviewed(ctx, "ar", "doc.common", true, med.ID))
	if err := d.As(med).MarkReviewed(ctx, "ar", "doc.nothing", true, med.ID); model.ErrorCode(err) != model.ErrInvalid {
		t.Errorf("an unknown area: %v", err)
	}
	layer, err = d.TextLayer(ctx)
	must(t, err)
	layer.Apply()
	if r := locales.ReviewOfArea("ar", "doc.consent"); !locales.DocumentReviewed("ar", "doc.consent") || r.By != "samira" || r.Date == "" {
		t.Errorf("the consent after its review: %+v", r)
	}

	must(t, d.As(med).SaveCorrection(ctx, "ar", key, "", med.ID)) // taken away
	layer, err = d.TextLayer(ctx)
	must(t, err)
	if _, ok := layer.Corrections["ar"][key]; ok {
		t.Error("an empty correction was kept")
	}
	var n int
	must(t, d.db.QueryRow("SELECT count(*) FROM audit_events WHERE entity = 'text'").Scan(&n))
	if n != 4 {
		t.Errorf("%d audit events of texts, want 4 (two corrections, two reviews)", n)
	}
}

// TestAddLanguage: the coordinator adds Hausa, read back with the layer;
// a mediator may not add one; a tag there already is refused on its field.
func TestAddLanguage(t *testing.T) {
	d := newTestDB(t)
	ctx := context.Background()
	t.Cleanup(func() { model.SetDeskLanguages(nil) })
	med := fixtureOperator(t, d, "samira", model.RoleMediator)
	coord := fixtureOperator(t, d, "giulia", model.RoleCoordinator)
	ha := model.Language{Tag: "ha", Native: "Hausa", English: "Hausa", Script: "Latn", Direction: model.LTR}
	if err := d.As(med).AddLanguage(ctx, ha, med.ID); !refused(t, err) {
		t.Fatal("a mediator added a language")
	}
	must(t, d.As(coord).AddLanguage(ctx, ha, coord.ID))
	if err := d.As(coord).AddLanguage(ctx, ha, coord.ID); model.ErrorCode(err) != model.ErrConflict {
		t.Errorf("Hausa twice: %v", err)
	}
	if err := d.As(coord).AddLanguage(ctx, model.Language{Tag: "ar", Native: "x", Script: "Arab", Direction: model.RTL}, coord.ID); model.ErrorCode(err) == "" {
		t.Error("a shipped language added again")
	}
	layer, err := d.TextLayer(ctx)
	must(t, err)
	if len(layer.Languages) != 1 || layer.Languages[0] != ha {
		t.Fatalf("languages: %+v", layer.Languages)
	}
	layer.Apply()
	must(t, d.As(med).SaveCorrection(ctx, "ha", "doc.consent.yes", "Eh, na yarda", med.ID))
}

// TestTextReviewsForbidden: an operator may not mark a language's texts
// reviewed, nor import another desk's corrections; nothing is kept.
func TestTextReviewsForbidden(t *testing.T) {
	d := newTestDB(t)
	ctx := context.Background()
	op := fixtureOperator(t, d, "marco", model.RoleOperator)
	if err := d.As(op).MarkReviewed(ctx, "ar", "doc.consent", true, op.ID); !refused(t, err) {
		t.Error("an operator marked the Arabic consent reviewed")
	}
	texts := map[string]string{"doc.consent.withdraw": "يمكنك سحب موافقتك متى شئت."}
	if err := d.As(op).ImportCorrections(ctx, "ar", texts, "ar.toml", op.ID); !refused(t, err) {
		t.Error("an operator imported corrections")
	}
	layer, err := d.TextLayer(ctx)
	must(t, err)
	if len(layer.Reviews["ar"]) != 0 || len(layer.Corrections["ar"]) != 0 {
		t.Errorf("kept after a refusal: %+v", layer)
	}
}
