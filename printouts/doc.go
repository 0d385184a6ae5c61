// Package printouts will render Sportello's documents (privacy notice,
// consent, referral letter, action plan, intake summary, appointment slip,
// rights leaflet) as pure, deterministic functions Render(w io.Writer, doc)
// error, with codeberg.org/go-pdf/fpdf. It draws no window and runs no SQL.
//
// It is empty until the languages and printouts issues fill it: the folder
// is here so the project's layout is the one the design fixes.
package printouts
