package exchange

import "testing"

// TestImportInParts runs the merge tests with every record of a bundle in
// a part of its own: what a regional-size bundle's merge does across
// parts (labels, owners, erasures, consents kept aside, services and
// employers entered on both desks) must not depend on where parts end.
func TestImportInParts(t *testing.T) {
	saved := partBytes
	partBytes = 1
	t.Cleanup(func() { partBytes = saved })
	for name, test := range map[string]func(*testing.T){
		"RoundTrip": TestRoundTrip, "BulkMergeSearch": TestBulkMergeSearch, "Conflicts": TestConflicts,
		"SameNamedServicesConverge": TestSameNamedServicesConverge, "PlanMadeOnBothDesks": TestPlanMadeOnBothDesksWaitsAsAConflict,
		"Erasure": TestErasureTravelsAndIsNotUndone, "PersonMerge": TestPersonMergeTravels,
		"WorkTravels": TestWorkTravelsInBundles, "WorkIncremental": TestWorkIncremental,
		"WorkRefusals": TestWorkBundleRefusals, "WorkChanges": TestWorkChangesMerge, "WorkErasure": TestWorkErasureTravels,
		"Employer": TestEmployerEnteredOnBothDesks, "Skills": TestSkillsProfilesTravelInBundles,
		"Forged": TestForgedBundleFromATrustedDeskMakesConflicts, "NoBase": TestNoBaseIsBelievedOnlyFromTheDeskBasesCameFrom, "Refusals": TestImportRefusals,
	} {
		t.Run(name, test)
	}
}
