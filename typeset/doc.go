// Package typeset lays out text in any of Sportello's languages, for the
// screen and for paper alike: it splits a paragraph into runs by bidi level,
// script and font, shapes them with go-text/typesetting over the bundled
// Noto fonts, breaks lines to a width, and orders the runs of each line
// visually by the Unicode bidi algorithm (rule L2, every level, so digits
// inside Arabic inside Italian land right). Right-to-left paragraphs are
// right-aligned.
//
// The result is a Layout of positioned glyph runs. The ui package rasterises
// it (Image); the printouts package draws its glyph outlines (Outline) and
// lays the logical text under them, invisible, for search and copy.
package typeset
