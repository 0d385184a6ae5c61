package exchange

import "sportello/store"

// sameRecord recognises a service or an employer both desks entered.
func sameRecord(m *store.Merger, doc *Document, r record) (bool, error) {
	if r.entity == "employer" {
		return sameEmployer(m, doc.Employers[r.index])
	}
	return sameService(m, doc.Services[r.index])
}

// sameEmployer recognises an employer the other desk added under a partita
// IVA or codice fiscale this desk also has: the same business, entered
// twice. As for services, the two desks settle on the smaller ID and this
// desk's details (and flags) stay; a later change travels as any other.
func sameEmployer(m *store.Merger, e Employer) (bool, error) {
	id, ok, err := m.EmployerByCode(e.PartitaIVA, e.CodiceFiscale)
	if err != nil || !ok {
		return false, err
	}
	if local := m.UIDOf("employer", id); e.ID < local {
		return true, m.RenameUID("employer", id, e.ID)
	}
	m.Alias("employer", e.ID, id)
	return true, nil
}

// sameService recognises a service the other desk added under a name this
// desk also has: the same office, entered twice. The two desks settle on
// the smaller of the two IDs, whichever imports first, so that records
// naming it hash alike on both; this desk's details stay.
func sameService(m *store.Merger, s Service) (bool, error) {
	id, ok, err := m.ServiceByName(s.Name)
	if err != nil || !ok {
		return false, err
	}
	if local := m.UIDOf("service", id); s.ID < local {
		return true, m.RenameUID("service", id, s.ID)
	}
	m.Alias("service", s.ID, id)
	return true, nil
}
