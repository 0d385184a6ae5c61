// Package printouts renders Sportello's documents as PDF: pure,
// deterministic functions Render...(w io.Writer, ...) error, with
// codeberg.org/go-pdf/fpdf. It draws no window and runs no SQL.
//
// gofpdf-family libraries do not shape text, so every text is laid out by
// the typeset package (shaping, bidi, line breaks) and drawn as glyph
// outlines; under it lies the logical text, invisible (text rendering
// mode 3), so the PDF stays searchable and copyable in every script.
// Output is deterministic (fixed dates, sorted catalog) so golden tests work.
package printouts
