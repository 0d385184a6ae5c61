package exchange

import "sportello/store"

// mergedFiles are the stable IDs of the files merged away, here or on the
// bundle's desk: their own person records are not taken (merge.go).
func mergedFiles(local map[string]bool, doc *Document) map[string]bool {
	out := map[string]bool{}
	for uid := range local {
		out[uid] = true
	}
	for _, pm := range doc.PersonMerges {
		out[pm.Merged] = true
	}
	return out
}

// storeMerges are the bundle's merges as the store takes them.
func storeMerges(doc *Document) []store.PersonMerge {
	out := make([]store.PersonMerge, 0, len(doc.PersonMerges))
	for _, pm := range doc.PersonMerges {
		out = append(out, store.PersonMerge{Merged: pm.Merged, Kept: pm.Kept, MergedCode: pm.MergedCaseCode, At: when(pm.At)})
	}
	return out
}
