package exchange

import "sportello/store"

// mergedFiles are the stable IDs of the files merged away, here or on the
// bundle's desk: their own person records are not taken (merge.go).
func mergedFiles(local map[string]bool, theirs []PersonMerge) map[string]bool {
	out := map[string]bool{}
	for uid := range local {
		out[uid] = true
	}
	for _, pm := range theirs {
		out[pm.Merged] = true
	}
	return out
}

// storeMerges are the bundle's merges as the store takes them.
func storeMerges(merges []PersonMerge) []store.PersonMerge {
	out := make([]store.PersonMerge, 0, len(merges))
	for _, pm := range merges {
		out = append(out, store.PersonMerge{Merged: pm.Merged, Kept: pm.Kept, MergedCode: pm.MergedCaseCode, At: when(pm.At)})
	}
	return out
}
