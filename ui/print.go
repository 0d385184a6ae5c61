package ui

import (
	"bytes"
	"context"
	"image"
	"io"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"sportello/printouts"
)

// printPDF renders a document in memory, then asks where to save it and
// opens it in the system's PDF viewer. A document that cannot be rendered
// (no text in that language, say) gives a message and writes nothing.
func (u *App) printPDF(name string, render func(io.Writer) error) {
	var buf bytes.Buffer
	u.background(func() error { return render(&buf) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			_, werr := wc.Write(buf.Bytes())
			cerr := wc.Close()
			if werr != nil || cerr != nil {
				if werr == nil {
					werr = cerr
				}
				u.showError(werr)
				return
			}
			if link, err := url.Parse(wc.URI().String()); err == nil {
				u.fyne.OpenURL(link)
			}
		}, u.win)
		d.SetFileName(name)
		d.Show()
	})
}

// printRequest prepares a document from the database, prints it, and
// records in the audit trail what was printed for the person (document,
// language, notice version). fail shows why it could not be prepared.
func (u *App) printRequest(req printouts.Request, personID int64, fail func(string)) {
	// Reading the case and drawing the pages both happen off the UI goroutine.
	var render func(io.Writer) error
	var pages []image.Image
	u.background(func() (err error) {
		if render, err = printouts.Prepare(context.Background(), u.db, req); err != nil {
			return err
		}
		pages, err = printouts.Preview(render, 1.1)
		return err
	}, func(err error) {
		if err != nil {
			fail(u.errText(err) + " (" + err.Error() + ")")
			return
		}
		u.showPreview(pages, func() {
			u.printPDF(req.Doc+"-"+req.CaseCode+"-"+req.Lang+".pdf", func(w io.Writer) error {
				if err := render(w); err != nil {
					return err
				}
				return u.db.RecordPrint(context.Background(), u.operatorID(), personID, PrintDetail(req))
			})
		})
	})
}

// showPreview shows a document's pages before it is saved and printed.
func (u *App) showPreview(pages []image.Image, save func()) {
	box := container.NewVBox()
	for _, p := range pages {
		img := canvas.NewImageFromImage(p)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(595, 842))
		box.Add(img)
	}
	d := dialog.NewCustomConfirm(u.t("print.preview"), u.t("print.save_open"), u.t("form.cancel"),
		container.NewVScroll(box), func(ok bool) {
			if ok {
				save()
			}
		}, u.win)
	d.Resize(fyne.NewSize(680, 700))
	d.Show()
}

// PrintDetail is what the audit trail keeps of a printed document.
func PrintDetail(r printouts.Request) string {
	detail := r.Doc + " lang=" + r.Lang
	if r.Doc == "consent" || r.Doc == "notice" {
		detail += " notice=" + printouts.NoticeVersion + " purpose=" + r.Purpose
	}
	return detail
}
