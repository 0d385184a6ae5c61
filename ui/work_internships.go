package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// workInternships is a tab of the work view (to be built).
type workInternships struct{ w *workView }

func newWorkInternships(w *workView) *workInternships { return &workInternships{w: w} }

func (v *workInternships) build() fyne.CanvasObject { return widget.NewLabel("") }
