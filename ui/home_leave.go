package ui

import (
	"encoding/json"
	"sort"

	"fyne.io/fyne/v2/dialog"
)

// A screen with work not yet saved (the plan editor) guards the way out:
// showing another screen, or signing out, asks first, so that nothing
// typed is lost without a word.

// guardLeave is called by a screen's build with what tells whether it has
// unsaved changes; it takes effect once the screen is shown.
func (h *home) guardLeave(unsaved func() bool) { h.pending = unsaved }

// leave runs next at once when the shown screen has nothing unsaved, and
// otherwise after the operator chose to leave without saving.
func (h *home) leave(next func()) {
	if h.unsaved == nil || !h.unsaved() {
		next()
		return
	}
	u := h.u
	d := dialog.NewConfirm(u.t("leave.title"), u.t("leave.unsaved"), func(discard bool) {
		if discard {
			h.unsaved = nil
			next()
		}
	}, u.win)
	d.SetConfirmText(u.t("leave.discard"))
	d.SetDismissText(u.t("leave.stay"))
	d.Show()
}

// unsaved tells whether the plans differ from what was loaded or saved, or
// a field holds text that does not read.
func (v *planView) unsaved() bool {
	return v.snapshot != "" && v.current() != v.snapshot
}

// current is the plans as edited, with the text of the fields that do not
// read, as one string to compare.
func (v *planView) current() string {
	keys := make([]string, 0, len(v.raw))
	for k := range v.raw {
		keys = append(keys, k+"="+v.raw[k])
	}
	sort.Strings(keys)
	b, _ := json.Marshal(struct {
		Plans any
		Raw   []string
	}{v.plans, keys})
	return string(b)
}
