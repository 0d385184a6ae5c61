package ui

import (
	"strings"
	"testing"

	"sportello/assets"
	"sportello/locales"
	"sportello/model"
	"sportello/printouts"
)

// screeningAnswers raise indicators of all three frameworks.
var screeningAnswers = map[string]string{"documents.id_kept": "yes", "documents.permit_status": "expired",
	"documents.housing": "informal_settlement", "migration.promised_job": "yes", "migration.job_as_promised": "no",
	"work.jobs": "1", "work.jobs.sector#0": "a", "work.jobs.hours_per_day#0": "13", "work.jobs.pay_per_day#0": "25",
	"work.jobs.living#0": "overcrowded", "work.jobs.deductions#0": "transport,water", "exploitation.threats": "yes",
	"exploitation.deceived": "yes"}

// everyIndicator is a screening that raises every indicator, with no reasons.
func everyIndicator() model.Screening {
	var s model.Screening
	for _, ref := range model.IndicatorRefs() {
		f := model.Finding{Ref: ref}
		switch ind, _ := model.IndicatorByRef(ref); ind.Framework {
		case "ilo":
			s.ILO = append(s.ILO, f)
		case "i603":
			s.Indices = append(s.Indices, f)
		default:
			s.Delphi = append(s.Delphi, f)
		}
	}
	return s
}

// TestScreeningInOneLanguage: the Italian screening shows no English Delphi
// wording, the English one no Italian 603-bis wording; each shows the
// names of what was raised in its own language.
func TestScreeningInOneLanguage(t *testing.T) {
	qn, err := loadQuestionnaire(assets.CurrentQuestionnaire)
	if err != nil {
		t.Fatal(err)
	}
	raised := model.Screen(qn, screeningAnswers)
	if len(raised.ILO) == 0 || len(raised.Indices) == 0 || len(raised.Delphi) == 0 {
		t.Fatalf("the answers do not raise all three frameworks: %+v", raised)
	}
	it, en := locales.New("it"), locales.New("en")
	// What must not show in each language: the other's names, and words
	// only the other language's names use.
	var delphiEN, i603IT, iloIT []string
	for _, ref := range model.IndicatorRefs() {
		ind, _ := model.IndicatorByRef(ref)
		switch ind.Framework {
		case "delphi":
			delphiEN = append(delphiEN, en.T(printouts.IndicatorKey(ref)))
		case "i603":
			i603IT = append(i603IT, it.T(printouts.IndicatorKey(ref)))
		case "ilo":
			iloIT = append(iloIT, it.T(printouts.IndicatorKey(ref)))
		}
	}
	for _, d := range model.DelphiDimensions {
		delphiEN = append(delphiEN, en.T("delphi_dimension."+d.Code))
	}
	notIn := map[string][]string{
		"it": append(delphiEN, "Deceived", "Threat", "Violence", "Confiscation", "Withholding", "strong", "weak"),
		"en": append(append(i603IT, iloIT...), "reiterata", "retribuzioni", "lavoratore", "sussistenza", "normativa", "Inganno"),
	}
	for _, lang := range locales.Interface {
		for name, s := range map[string]model.Screening{"answers": raised, "every indicator": everyIndicator()} {
			u, _ := newTestApp(t)
			u.tr = locales.New(lang)
			v := newScreeningView(u, qn, &model.Interview{}, screeningAnswers, s, func() {})
			u.win.SetContent(v.build())
			screen := texts(u)
			for _, fs := range [][]model.Finding{s.ILO, s.Indices, s.Delphi} {
				for _, f := range fs {
					if want := printouts.IndicatorName(u.tr, f.Ref); !strings.Contains(screen, want) {
						t.Errorf("%s, %s: %s is not on screen as %q", lang, name, f.Ref, want)
					}
				}
			}
			for _, wrong := range notIn[lang] {
				if strings.Contains(screen, wrong) {
					t.Errorf("%s, %s: the screen says %q", lang, name, wrong)
				}
			}
		}
	}
}
