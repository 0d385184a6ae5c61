package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sportello/report"
	"sportello/store"
)

// The Indicators screen's desk filter and its report: on a database that
// merged other desks' bundles the coordinator counts one desk apart, by
// the case-code prefix it registers under; and the indicators shown are
// written, as they are, to a workbook or a PDF report (package report).

// loadDesks fills the desk filter with the desks that registered persons
// here; it shows only when there is more than one.
func (s *indicatorsScreen) loadDesks() {
	u, db := s.u, s.db
	load(u, func(ctx context.Context) ([]store.IndicatorDesk, error) {
		return db.IndicatorDesks(ctx)
	}, func(desks []store.IndicatorDesk) {
		s.desks = desks
		opts := []string{u.t("programme.all_desks")}
		for _, d := range desks {
			opts = append(opts, deskLabel(d))
		}
		s.desk.SetOptions(opts)
		s.desk.SetSelectedIndex(0)
		if len(desks) > 1 {
			s.desk.Show()
		}
		u.relayout()
	}, s.failed)
}

func deskLabel(d store.IndicatorDesk) string {
	if d.Name == "" {
		return d.Prefix
	}
	return d.Prefix + " · " + d.Name
}

// deskPrefix is the prefix of the desk chosen, empty for all.
func (s *indicatorsScreen) deskPrefix() string {
	i := s.desk.SelectedIndex()
	if i <= 0 || i > len(s.desks) {
		return ""
	}
	return s.desks[i-1].Prefix
}

// onDesk computes again for the desk chosen.
func (s *indicatorsScreen) onDesk(string) {
	if s.report != nil && s.report.Desk != s.deskPrefix() {
		s.onCompute()
	}
}

// reportInput is what the report writes: the indicators on screen, the
// targets, the interface language (Italian or English: the report has no
// other) and the desk counted.
func (s *indicatorsScreen) reportInput() report.Input {
	u := s.u
	lang := "it"
	if u.tr.Lang() == "en" {
		lang = "en"
	}
	desk := u.setting(store.SettingDesk, "")
	if i := s.desk.SelectedIndex(); i > 0 && i <= len(s.desks) {
		desk = deskLabel(s.desks[i-1])
	}
	return report.Input{Report: s.report, Targets: s.targets, Lang: lang, Desk: desk, Generated: nowFunc()}
}

// onWorkbook and onPDF write the indicators shown as a workbook or a PDF
// report, asking where; the PDF then opens in the system's viewer.
func (s *indicatorsScreen) onWorkbook() { s.writeReport("xlsx", report.WriteXLSX) }
func (s *indicatorsScreen) onPDF()      { s.writeReport("pdf", report.WritePDF) }

func (s *indicatorsScreen) writeReport(ext string, render func(io.Writer, report.Input) error) {
	u := s.u
	if s.report == nil || s.loading {
		return
	}
	in := s.reportInput()
	write(u, func(context.Context) ([]byte, error) {
		var buf bytes.Buffer
		err := render(&buf, in)
		return buf.Bytes(), err
	}, func(data []byte) {
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			if u.savedPDF(wc, data) && ext == "pdf" {
				if link, err := url.Parse(wc.URI().String()); err == nil {
					u.fyne.OpenURL(link)
				}
			}
		}, u.win)
		d.SetFileName(reportFileName(in, ext))
		d.Show()
	}, s.failed)
}

// reportFileName names the report by its period and desk.
func reportFileName(in report.Input, ext string) string {
	name := fmt.Sprintf("indicatori-%s-%s", in.Report.From.Format(time.DateOnly), in.Report.To.Format(time.DateOnly))
	if in.Report.Desk != "" {
		name += "-" + strings.ToLower(in.Report.Desk)
	}
	return name + "." + ext
}

// newReportButtons are the screen's two report actions.
func (s *indicatorsScreen) newReportButtons() (xlsx, pdf *widget.Button) {
	return widget.NewButton(s.u.t("programme.workbook"), s.onWorkbook), widget.NewButton(s.u.t("programme.pdf"), s.onPDF)
}
