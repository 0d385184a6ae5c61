package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// filePair is a pair of the list with its two files read whole.
type filePair struct {
	A, B  model.Person
	Match model.DedupMatch
}

// pairView shows two files that are likely one person side by side, with
// why, and the way to merge them into either or to say they are two
// persons. done is told, after either, what happened.
type pairView struct {
	u      *App
	pair   filePair
	done   func(said string)
	status *widget.Label
	keepA  *widget.Button
	keepB  *widget.Button
	apart  *widget.Button
}

func newPairView(u *App, pair filePair, done func(string)) *pairView {
	v := &pairView{u: u, pair: pair, done: done, status: wrapped()}
	v.status.Importance = widget.DangerImportance
	v.status.Hide()
	a, b := &v.pair.A, &v.pair.B
	v.keepA = widget.NewButton(u.t("duplicates.keep_this"), func() { v.onMerge(a, b) })
	v.keepB = widget.NewButton(u.t("duplicates.keep_this"), func() { v.onMerge(b, a) })
	v.keepA.Importance, v.keepB.Importance = widget.WarningImportance, widget.WarningImportance
	v.apart = widget.NewButton(u.t("duplicates.not_same"), v.onNotSame)
	return v
}

func (v *pairView) build() fyne.CanvasObject {
	u, a, b := v.u, &v.pair.A, &v.pair.B
	head := widget.NewLabelWithStyle(u.tr.Tf("duplicates.score", map[string]any{"Score": scorePercent(v.pair.Match)})+
		" · "+u.t("duplicates.reasons"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	grid := container.New(compareLayout{})
	row := func(label string, left, right fyne.CanvasObject) {
		grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(left)
		grid.Add(right)
	}
	// A value the two files give differently shows in the warning colour
	// (not the case codes nor the registration days: those always differ).
	text := func(key string, of func(p *model.Person) string) {
		l, r := widget.NewLabel(of(a)), widget.NewLabel(of(b))
		l.Truncation, r.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
		always := key == "duplicates.case_code" || key == "duplicates.registered_on"
		if !always && of(a) != of(b) && of(a) != "" && of(b) != "" {
			l.Importance, r.Importance = widget.WarningImportance, widget.WarningImportance
		}
		row(u.t(key), l, r)
	}
	text("duplicates.case_code", func(p *model.Person) string { return p.CaseCode })
	text("person.family_name", func(p *model.Person) string { return p.FamilyName })
	text("person.given_names", func(p *model.Person) string { return p.GivenNames })
	row(u.t("person.own_script_name"), newScriptText(a.OwnScriptName, a.PreferredLanguage),
		newScriptText(b.OwnScriptName, b.PreferredLanguage))
	text("person.aliases", func(p *model.Person) string { return strings.Join(p.Aliases, ", ") })
	text("person.sex", func(p *model.Person) string {
		if p.Sex == model.SexUnknown {
			return ""
		}
		return u.label("sex", p.Sex)
	})
	text("person.birth_date", func(p *model.Person) string { return p.BirthDate.Italian() })
	text("person.birth_country", func(p *model.Person) string { return v.country(p.BirthCountry) })
	text("person.citizenship", func(p *model.Person) string {
		var names []string
		for _, c := range p.Citizenships {
			names = append(names, v.country(c))
		}
		return strings.Join(names, ", ")
	})
	text("person.phone", func(p *model.Person) string { return p.Phone })
	text("person.fiscal_code", func(p *model.Person) string { return p.FiscalCode })
	text("person.permit_number", func(p *model.Person) string { return p.Permit.Number })
	text("duplicates.registered_on", func(p *model.Person) string {
		if p.CreatedAt.IsZero() {
			return ""
		}
		return day(p.CreatedAt)
	})
	row("", v.keepA, v.keepB)
	return container.NewVBox(head, u.reasonLabels(v.pair.Match), widget.NewSeparator(), grid, widget.NewSeparator(),
		container.NewHBox(v.apart), v.status)
}

// country is the country's name in the interface, or its code.
func (v *pairView) country(code string) string {
	if c, ok := model.CountryByISO2(code); ok {
		return v.u.countryName(c)
	}
	return code
}

// onMerge asks, saying what will happen, then merges drop into keep.
func (v *pairView) onMerge(keep, drop *model.Person) {
	u := v.u
	text := widget.NewLabel(u.tr.Tf("duplicates.merge_text", map[string]any{"Keep": keep.CaseCode,
		"KeepName": keep.DisplayName(), "Drop": drop.CaseCode, "DropName": drop.DisplayName()}))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(u.t("duplicates.merge_title"), u.t("duplicates.merge"), u.t("form.cancel"), text,
		func(ok bool) {
			if ok {
				v.merge(keep.ID, drop.ID, keep.CaseCode)
			}
		}, u.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

func (v *pairView) merge(keep, drop int64, code string) {
	u, db, by := v.u, v.u.db, v.u.operatorID()
	v.busy(true)
	save(u, func(ctx context.Context) error {
		return db.MergePersons(ctx, keep, drop, by)
	}, func(err error) {
		v.busy(false)
		if err != nil {
			v.refused(err)
			return
		}
		if u.home != nil {
			u.home.list.reload() // one file fewer
		}
		v.done(u.tr.Tf("duplicates.merged", map[string]any{"Keep": code}))
	})
}

// onNotSame records that the two files are two persons.
func (v *pairView) onNotSame() {
	u, db, by := v.u, v.u.db, v.u.operatorID()
	a, b := v.pair.A, v.pair.B
	v.busy(true)
	save(u, func(ctx context.Context) error {
		return db.NotSamePerson(ctx, a.ID, b.ID, by)
	}, func(err error) {
		v.busy(false)
		if err != nil {
			v.refused(err)
			return
		}
		v.done(u.tr.Tf("duplicates.not_same_done", map[string]any{"A": a.CaseCode, "B": b.CaseCode}))
	})
}

// refused says, under the buttons, why the store would not.
func (v *pairView) refused(err error) {
	v.status.SetText(v.u.errText(err))
	v.status.Show()
}

// busy disables the buttons while the store works.
func (v *pairView) busy(on bool) {
	for _, b := range []*widget.Button{v.keepA, v.keepB, v.apart} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// compareLayout lays its objects out in rows of three: a label at its own
// width (the widest of the column), then the two files' values sharing the
// rest equally; each row as high as its highest cell.
type compareLayout struct{}

func (compareLayout) widths(objs []fyne.CanvasObject) (label, value float32) {
	for i, o := range objs {
		if i%3 == 0 {
			label = max(label, o.MinSize().Width)
		} else {
			value = max(value, o.MinSize().Width)
		}
	}
	return label, value
}

func (l compareLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	label, value := l.widths(objs)
	pad := theme.Padding()
	var h float32
	for i := 0; i < len(objs); i += 3 {
		h += rowHeight(objs[i:min(i+3, len(objs))]) + pad
	}
	return fyne.NewSize(label+2*value+2*pad, max(h-pad, 0))
}

func (l compareLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	label, _ := l.widths(objs)
	pad := theme.Padding()
	value := max((size.Width-label-2*pad)/2, 0)
	var y float32
	for i := 0; i < len(objs); i += 3 {
		row := objs[i:min(i+3, len(objs))]
		h := rowHeight(row)
		x := float32(0)
		for j, o := range row {
			w := value
			if j == 0 {
				w = label
			}
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
			x += w + pad
		}
		y += h + pad
	}
}

func rowHeight(row []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range row {
		h = max(h, o.MinSize().Height)
	}
	return h
}
