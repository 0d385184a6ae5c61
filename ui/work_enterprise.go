package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// workEnterprise is a tab of the work view (to be built).
type workEnterprise struct{ w *workView }

func newWorkEnterprise(w *workView) *workEnterprise { return &workEnterprise{w: w} }

func (v *workEnterprise) build() fyne.CanvasObject { return widget.NewLabel("") }
