package ui

import (
	"bytes"
	"context"
	"image"
	"io"
	"net/url"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"sportello/exchange"
	"sportello/printouts"
)

// printPDF renders a document in memory, then asks where to save it and
// opens it in the system's PDF viewer. A document that cannot be rendered
// (no text in that language, say) gives a message and writes nothing.
func (u *App) printPDF(name string, render func(io.Writer) error) {
	write(u, func(context.Context) ([]byte, error) {
		var buf bytes.Buffer
		err := render(&buf)
		return buf.Bytes(), err
	}, func(pdf []byte) {
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			if u.savedPDF(wc, pdf) {
				if link, err := url.Parse(wc.URI().String()); err == nil {
					u.fyne.OpenURL(link)
				}
			}
		}, u.win)
		d.SetFileName(name)
		d.Show()
	}, u.showError)
}

// savedPDF saves a printed document where the save dialog points and says
// where it went, or what went wrong.
func (u *App) savedPDF(wc fyne.URIWriteCloser, data []byte) bool {
	if err := savePDF(wc, data); err != nil {
		u.showError(err)
		return false
	}
	where := wc.URI().String()
	if wc.URI().Scheme() == "file" {
		where = wc.URI().Path()
	}
	dialog.ShowInformation(u.t("print.saved_title"), u.tr.Tf("print.saved_to", map[string]any{"Path": where}), u.win)
	return true
}

// savePDF writes a printed document where the save dialog points. A
// document names the person, so a file on disk is written by the program
// itself, readable by this account only (0600) whatever the umask, through
// a temporary file renamed into place; the dialog's own writer would leave
// it readable by every account. Anywhere else it goes through the dialog.
func savePDF(wc fyne.URIWriteCloser, data []byte) error {
	if wc.URI().Scheme() != "file" {
		_, err := wc.Write(data)
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		return err
	}
	path := wc.URI().Path()
	wc.Close() // the dialog made the file empty: it is replaced below
	err := exchange.WritePrivateFile(path, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
	if err != nil {
		if fi, serr := os.Stat(path); serr == nil && fi.Size() == 0 {
			os.Remove(path)
		}
	}
	return err
}

// printRequest prepares a document from the database, prints it, and
// records in the audit trail what was printed for the person (document,
// language, notice version). fail shows why it could not be prepared.
func (u *App) printRequest(req printouts.Request, personID int64, fail func(string)) {
	// Reading the case and drawing the pages both happen off the UI goroutine.
	db, by := u.db, u.operatorID()
	load(u, func(ctx context.Context) (prepared, error) {
		var p prepared
		var err error
		if p.render, err = printouts.Prepare(ctx, db, req); err != nil {
			return p, err
		}
		p.pages, err = printouts.Preview(p.render, 1.1)
		return p, err
	}, func(p prepared) {
		u.showPreview(p.pages, func() {
			u.printPDF(req.Doc+"-"+req.CaseCode+"-"+req.Lang+".pdf", func(w io.Writer) error {
				if err := p.render(w); err != nil {
					return err
				}
				return db.RecordPrint(context.Background(), by, personID, PrintDetail(req))
			})
		})
	}, func(err error) { fail(u.errText(err) + " (" + err.Error() + ")") })
}

// prepared is a document ready to print: how to render it, and its pages
// drawn for the preview.
type prepared struct {
	render func(io.Writer) error
	pages  []image.Image
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
