// Package exchange moves a desk's records out and in: exports to the regional
// system (one JSON document, CSV tables or an XLSX workbook, in full or
// pseudonymised, encrypted with age for the recipient) and signed bundles that
// another desk of the same association merges by stable IDs, with conflicts
// listed for an operator to settle. The format is versioned and published as a
// JSON Schema (schema/), checked before anything is written.
//
// A pseudonymised export's persons carry a regional pseudonym under the
// region's key (regional.go), so that IndicatorsOverExports can count the
// programme indicators over many desks' exports, each person once, in a
// scratch store (an encrypted file of its own, store.OpenScratch), read as
// they go, without merging them.
package exchange
