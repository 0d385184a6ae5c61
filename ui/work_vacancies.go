package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// workVacancies is a tab of the work view (to be built).
type workVacancies struct{ w *workView }

func newWorkVacancies(w *workView) *workVacancies { return &workVacancies{w: w} }

func (v *workVacancies) build() fyne.CanvasObject { return widget.NewLabel("") }
