package ui

import (
	"context"
	"encoding/json"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// skillsView is a person's skills profile (bilancio di competenze): the
// draft of the next version, editable, above the versions already saved,
// each shown read-only. A person with no version yet starts from what
// their latest completed interview said.
type skillsView struct {
	u      *App
	person *model.Person
	box    *fyne.Container
	status *statusLine
	scroll *container.Scroll

	versions []model.SkillsProfile // newest first
	seed     *model.Interview      // the interview the draft was proposed from, or nil
	caseID   int64                 // the person's newest case, for the plan
	plan     *model.Plan           // that case's newest plan, or nil
	draft    *model.SkillsProfile  // the next version being written
	shown    int                   // index in versions shown read-only; -1 for the draft

	fields     map[string]*field        // the inputs of the shown profile, by model field path
	raw        map[string]string        // texts that do not read (dates) or name no option (type-ahead), by field path
	rawMsg     map[string]string        // what to say of each, by field path
	inputs     []fyne.Disableable       // every input, to disable on a read-only view
	skillsBox  *fyne.Container          // the skills card's content, redrawn when a skill is ticked
	lastChecks map[string]*widget.Check // the proposed skills' checks, by ID
	otherPick  *picker                  // the type-ahead of other skills
	wordsEntry *widget.Entry            // a skill in words
	focusPath  string                   // the field to focus after a redraw (a row just added), or ""

	// opened from an interview in progress (interview_skills.go):
	fromInterview *model.Interview // its answers so far propose a first profile; or nil
	// afterSave runs in the same work as the save, with the version saved
	// (the interview records it); or nil
	afterSave func(ctx context.Context, db Store, saved *model.SkillsProfile) error
}

func newSkillsView(u *App, p *model.Person) *skillsView {
	return &skillsView{u: u, person: p, box: container.NewVBox(widget.NewLabel(u.t("case.loading"))),
		status: newStatusLine(), shown: -1, raw: map[string]string{}}
}

func (v *skillsView) build() fyne.CanvasObject {
	v.load()
	v.scroll = v.u.followFocus(container.NewVScroll(container.NewPadded(v.box)))
	return container.NewBorder(nil, v.status, nil, nil, v.scroll)
}

// editable reports whether the shown profile can be changed: the draft,
// for a role that writes the skills part.
func (v *skillsView) editable() bool {
	return v.shown < 0 && v.u.op.Can(model.PartSkills).Writes()
}

// load reads the versions, the newest case's interviews (to propose a first
// profile) and plan (for the suggested actions). The occupation tables are
// read here too, off the UI goroutine, so the first search does not wait.
func (v *skillsView) load() {
	u, personID := v.u, v.person.ID
	db, op, from := u.db, u.op, v.fromInterview
	load(u, func(ctx context.Context) (skillsData, error) {
		return readSkills(ctx, db, op, personID, from)
	}, func(d skillsData) {
		v.versions, v.seed, v.plan, v.caseID = d.versions, d.seed, d.plan, d.caseID
		v.startDraft()
		v.render()
	}, func(err error) {
		v.box.Objects = []fyne.CanvasObject{widget.NewLabel(u.errText(err))}
		v.box.Refresh()
	})
}

// skillsData is what the profile screen reads.
type skillsData struct {
	versions []model.SkillsProfile
	seed     *model.Interview // the latest completed interview, when no version was saved
	plan     *model.Plan      // the newest case's newest plan, if the operator reads plans
	caseID   int64
}

// from, when the screen was opened from an interview in progress, is the
// one that proposes a first profile.
func readSkills(ctx context.Context, db Store, op *model.Operator, personID int64, from *model.Interview) (d skillsData, err error) {
	if d.versions, err = db.SkillsProfiles(ctx, personID); err != nil {
		return d, err
	}
	model.ESCOOccupations()
	cases, err := db.CasesOf(ctx, personID)
	if err != nil || len(cases) == 0 {
		return d, err
	}
	d.caseID = cases[0].ID
	if op.Can(model.PartPlan).Reads() {
		plans, err := db.PlansOf(ctx, d.caseID)
		if err != nil {
			return d, err
		}
		if len(plans) > 0 {
			d.plan = &plans[0]
		}
	}
	if len(d.versions) > 0 || !op.Can(model.PartInterview).Reads() {
		return d, nil
	}
	if from != nil {
		d.seed = from
		return d, nil
	}
	for _, c := range cases {
		ivs, err := db.InterviewsOf(ctx, c.ID)
		if err != nil {
			return d, err
		}
		for i := range ivs {
			if ivs[i].Status == model.InterviewCompleted && (d.seed == nil || ivs[i].Date.After(d.seed.Date)) {
				d.seed = &ivs[i]
			}
		}
	}
	return d, nil
}

// startDraft begins the next version: a copy of the newest, or the
// interview's answers, or nothing; dated today.
func (v *skillsView) startDraft() {
	switch {
	case len(v.versions) > 0:
		v.draft = cloneProfile(&v.versions[0])
		v.seed = nil
	case v.seed != nil:
		v.draft = model.SeedSkillsProfile(v.person.ID, v.seed)
	default:
		v.draft = &model.SkillsProfile{PersonID: v.person.ID}
	}
	v.draft.Date = profileDay()
	v.shown = -1
	if !v.u.op.Can(model.PartSkills).Writes() && len(v.versions) > 0 {
		v.shown = 0 // nothing to write: the newest version, read-only
	}
	clear(v.raw)
}

// profileDay is the day of the clock, at midnight UTC, as the store keeps dates.
func profileDay() time.Time {
	y, m, d := nowFunc().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// cloneProfile copies a profile deeply: the draft never shares a slice
// with a saved version.
func cloneProfile(p *model.SkillsProfile) *model.SkillsProfile {
	var out model.SkillsProfile
	b, _ := json.Marshal(p)
	_ = json.Unmarshal(b, &out)
	return &out
}

// profile is the profile on screen: the draft or a saved version.
func (v *skillsView) profile() *model.SkillsProfile {
	if v.shown >= 0 {
		return &v.versions[v.shown]
	}
	return v.draft
}

// render draws the whole profile again; the texts of dates that do not
// read yet are kept.
func (v *skillsView) render() {
	u := v.u
	v.fields, v.inputs, v.rawMsg = map[string]*field{}, nil, map[string]string{}
	p := v.profile()
	title := widget.NewLabelWithStyle(u.t("skills.title")+" · "+v.person.DisplayName(), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	objs := []fyne.CanvasObject{title, v.versionRow()}
	if v.seed != nil && v.shown < 0 {
		objs = append(objs, v.note(u.tr.Tf("skills.seeded", map[string]any{"Date": itDay(v.seed.Date)}), widget.WarningImportance))
	}
	if v.fromInterview != nil && v.seed == nil && v.shown < 0 && len(v.versions) > 0 {
		objs = append(objs, v.note(u.t("skills.from_interview_latest"), widget.WarningImportance))
	}
	if !v.editable() {
		objs = append(objs, v.note(u.t("skills.read_only"), widget.MediumImportance))
	}
	objs = append(objs, formGrid(v.dateField("date", u.t("skills.date"), dateOf(&p.Date))))
	objs = append(objs, v.languagesCard(p), v.educationCard(p), v.experienceCard(p))
	v.skillsBox = container.NewVBox()
	v.fillSkills(p)
	objs = append(objs, widget.NewCard(u.t("skills.skills"), u.t("skills.skills_hint"), v.skillsBox))
	objs = append(objs, v.licencesCard(p), v.certificatesCard(p), v.availabilityCard(p), v.validationCard(p))
	if card := v.suggestionsCard(p); card != nil {
		objs = append(objs, card)
	}
	if v.editable() {
		save := widget.NewButtonWithIcon(u.t("skills.save"), theme.DocumentSaveIcon(), v.onSave)
		save.Importance = widget.HighImportance
		objs = append(objs, container.NewHBox(save))
	} else {
		for _, in := range v.inputs {
			in.Disable()
		}
	}
	v.box.Objects = objs
	v.box.Refresh()
	if f := v.fields[v.focusPath]; f != nil {
		if w := firstFocusable(f.obj); w != nil {
			u.win.Canvas().Focus(w)
		}
	}
	v.focusPath = ""
}

func (v *skillsView) note(text string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

// versionRow chooses what is shown: the new version being written, or a
// saved one.
func (v *skillsView) versionRow() fyne.CanvasObject {
	u := v.u
	var labels []string
	writes := u.op.Can(model.PartSkills).Writes()
	if writes {
		labels = append(labels, u.t("skills.new_version"))
	}
	for _, p := range v.versions {
		labels = append(labels, u.tr.Tf("skills.version", map[string]any{"N": p.Version, "Date": itDay(p.Date)}))
	}
	if len(labels) == 0 {
		return widget.NewLabel(u.t("skills.no_version"))
	}
	sel := widget.NewSelect(labels, nil)
	offset := 0
	if writes {
		offset = 1
	}
	sel.SetSelectedIndex(v.shown + offset)
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex() - offset; i != v.shown {
			v.shown = i
			v.render()
		}
	}
	return container.NewBorder(nil, nil, widget.NewLabel(u.t("skills.version_label")), nil, sel)
}
