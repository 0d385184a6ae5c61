package ui

import (
	"context"
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"rsc.io/qr"

	"sportello/exchange"
	"sportello/model"
	"sportello/store"
)

// trustPanel shows, under an import refused because this desk has not
// accepted the desk that signed the bundle, who that desk says it is and
// the fingerprint of its key, in large digits and as a QR code, with what
// to do: compare it by phone with that desk's coordinator. A coordinator
// then accepts the key, and the same file is imported again.
type trustPanel struct {
	u          *App
	db         *store.DB
	box        *fyne.Container
	desk       *widget.Label
	digits     *widget.Label
	qr         *canvas.Image
	how        *widget.Label
	accept     *widget.Button
	only       *widget.Label
	status     *widget.Label
	refused    *exchange.UnknownDeskError
	path       string
	onAccepted func(path string)
}

func newTrustPanel(u *App, db *store.DB, onAccepted func(path string)) *trustPanel {
	p := &trustPanel{u: u, db: db, desk: wrapped(), how: wrapped(), only: hint(), status: wrapped(),
		onAccepted: onAccepted}
	p.digits = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	p.digits.SizeName = theme.SizeNameHeadingText
	p.qr = canvas.NewImageFromImage(image.NewGray(image.Rect(0, 0, 1, 1)))
	p.qr.FillMode = canvas.ImageFillContain
	p.qr.ScaleMode = canvas.ImageScalePixels
	p.qr.SetMinSize(fyne.NewSize(180, 180))
	p.accept = widget.NewButtonWithIcon(u.t("exchange.trust_accept"), theme.ConfirmIcon(), p.onAccept)
	p.accept.Importance = widget.WarningImportance
	p.status.Hide()
	return p
}

func (p *trustPanel) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(p.u.t("exchange.trust_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.box = container.NewVBox(widget.NewSeparator(), title, p.desk, widget.NewLabel(p.u.t("exchange.trust_fingerprint")),
		container.NewHBox(p.digits, p.qr), p.how, container.NewHBox(p.accept), p.only, p.status)
	p.box.Hide()
	return p.box
}

// show explains the refusal of the bundle at path.
func (p *trustPanel) show(e *exchange.UnknownDeskError, path string) {
	u := p.u
	p.refused, p.path = e, path
	name := firstOf(e.Desk.Name, e.Desk.Organisation, e.Desk.CasePrefix)
	if e.Desk.CasePrefix != "" && name != e.Desk.CasePrefix {
		name += " (" + e.Desk.CasePrefix + ")"
	}
	p.desk.SetText(u.tr.Tf("exchange.trust_desk", map[string]any{"Desk": name, "ID": e.Desk.ID}))
	p.digits.SetText(fingerprintLines(e.Fingerprint))
	if img, err := qrImage(e.Fingerprint); err == nil {
		p.qr.Image = img
		p.qr.Show()
		p.qr.Refresh()
	} else {
		p.qr.Hide()
	}
	p.how.SetText(u.tr.Tf("exchange.trust_instruction", map[string]any{"Desk": name}))
	if u.op.May(model.PermDesks) {
		p.accept.Show()
		p.accept.Enable()
		say(p.only, "")
	} else {
		p.accept.Hide()
		say(p.only, u.t("exchange.trust_coordinator_only"))
	}
	say(p.status, "")
	p.box.Show()
}

func (p *trustPanel) hide() {
	p.refused, p.path = nil, ""
	if p.box != nil {
		p.box.Hide()
	}
}

// onAccept records the key as accepted by the coordinator signed in, then
// imports the same file again.
func (p *trustPanel) onAccept() {
	u, e, path := p.u, p.refused, p.path
	if e == nil {
		return
	}
	p.accept.Disable()
	db, op := p.db, u.op
	save(u, func(ctx context.Context) error {
		return exchange.TrustDesk(ctx, db, e.Desk, e.PublicKey, op)
	}, func(err error) {
		if err != nil {
			p.accept.Enable()
			say(p.status, u.errText(err))
			return
		}
		p.hide()
		p.onAccepted(path)
	})
}

// fingerprintLines sets a fingerprint's 12 groups out in three lines of
// four, as Signal shows a safety number.
func fingerprintLines(fp string) string {
	groups := strings.Fields(fp)
	var lines []string
	for len(groups) > 4 {
		lines = append(lines, strings.Join(groups[:4], " "))
		groups = groups[4:]
	}
	return strings.Join(append(lines, strings.Join(groups, " ")), "\n")
}

// qrImage draws text as a QR code, black on white with its quiet zone of
// four modules, four pixels a module.
func qrImage(text string) (image.Image, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, err
	}
	const scale, quiet = 4, 4
	side := (code.Size + 2*quiet) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if !code.Black(x, y) {
				continue
			}
			for dy := 0; dy < scale; dy++ {
				for dx := 0; dx < scale; dx++ {
					img.SetGray((x+quiet)*scale+dx, (y+quiet)*scale+dy, color.Gray{})
				}
			}
		}
	}
	return img, nil
}
