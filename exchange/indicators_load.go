package exchange

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"time"

	"sportello/model"
	"sportello/store"
)

// scratchFeed loads an export's records into the scratch store a part at
// a time: what the indicators read, under keys made unique across desks
// by the desk's ID; persons under their regional pseudonym (before 1.5,
// or when missing, under the desk's own pseudonym, which matches no
// other desk). What comes before the record it refers to is held until
// the file's end (a Sportello export writes what is referred to first).
// The store loads a part while the next is read: at most one waits.
type scratchFeed struct {
	db       *store.DB
	desk     string            // the desk's ID and ":"
	services map[string]string // service ID → kind
	later    []Referral        // referrals read before the services

	parts   chan *store.ScratchPart
	done    chan struct{}
	failed  atomic.Bool
	stopped bool
	err     error             // the loader's, once done
	left    store.ScratchPart // records read before the person or case they refer to
}

// newScratchFeed starts loading into db; stop ends it.
func newScratchFeed(ctx context.Context, db *store.DB) *scratchFeed {
	f := &scratchFeed{db: db, services: map[string]string{}, parts: make(chan *store.ScratchPart, 1),
		done: make(chan struct{})}
	go f.load(ctx)
	return f
}

// load loads the parts sent, keeping what they leave and the first error.
func (f *scratchFeed) load(ctx context.Context) {
	defer close(f.done)
	for part := range f.parts {
		if f.err != nil {
			continue
		}
		left, err := f.db.LoadScratchPart(ctx, part)
		if err != nil {
			f.err = err
			f.failed.Store(true)
			continue
		}
		f.left.Persons = append(f.left.Persons, left.Persons...)
		f.left.Cases = append(f.left.Cases, left.Cases...)
		f.left.OfCases = append(f.left.OfCases, left.OfCases...)
		f.left.Goals = append(f.left.Goals, left.Goals...)
		f.left.Answers = append(f.left.Answers, left.Answers...)
		f.left.Profiles = append(f.left.Profiles, left.Profiles...)
	}
}

// stop waits for the parts sent to be loaded, and gives the first error.
func (f *scratchFeed) stop() error {
	if !f.stopped {
		f.stopped = true
		close(f.parts)
		<-f.done
	}
	return f.err
}

// add sends a document's records to be loaded: a part of one list, or a
// whole export. It gives the error of a part loaded before.
func (f *scratchFeed) add(doc *Document) error { return f.addBatch(&tableBatch{doc: doc}) }

// addBatch sends a batch of records, goals and answers to be loaded.
func (f *scratchFeed) addBatch(b *tableBatch) error {
	doc := b.doc
	if f.failed.Load() || f.stopped {
		return f.stop()
	}
	f.desk = doc.Desk.ID + ":"
	for _, s := range doc.Services {
		f.services[s.ID] = s.Kind
	}
	referrals := doc.Referrals
	if len(doc.Services) > 0 && len(f.later) > 0 {
		referrals, f.later = append(f.later, referrals...), nil
	}
	if len(f.services) == 0 && len(referrals) > 0 {
		f.later, referrals = append(f.later, referrals...), nil
	}
	part := f.part(doc, referrals)
	for _, g := range b.goals {
		part.Goals = append(part.Goals, store.ScratchGoal{PlanKey: f.desk + g.PlanKey, Area: g.Area})
	}
	for _, a := range b.answers {
		part.Answers = append(part.Answers, store.ScratchAnswer{InterviewKey: f.desk + a.InterviewKey,
			QuestionID: a.QuestionID, Value: a.Value})
	}
	if !part.Empty() {
		f.parts <- part
	}
	return nil
}

// finish loads at the file's end what was held, and refuses the file if
// anything still refers to a person or a case not in it.
func (f *scratchFeed) finish(ctx context.Context) error {
	if err := f.stop(); err != nil {
		return err
	}
	if len(f.later) > 0 {
		part := f.part(&Document{}, f.later)
		f.left.OfCases = append(f.left.OfCases, part.OfCases...)
	}
	if f.left.Empty() {
		return nil
	}
	left, err := f.db.LoadScratchPart(ctx, &f.left)
	if err != nil {
		return err
	}
	if m, ok := left.Missing(); ok {
		id := func(key string) string { return strings.TrimPrefix(key, f.desk) }
		return errors.New(m.Text(id, "in the export"))
	}
	return nil
}

// part is what the indicators read of a document's records, and of the
// referrals given.
func (f *scratchFeed) part(doc *Document, referrals []Referral) *store.ScratchPart {
	out := &store.ScratchPart{}
	desk := f.desk
	for i := range doc.Persons {
		p := &doc.Persons[i]
		key := p.RegionalPseudonym
		if key == "" {
			key = desk + p.ID
		}
		sp := store.ScratchPerson{Key: key, Ref: desk + p.ID, Sex: model.Sex(p.SexRecorded), Birth: p.DataNascita,
			DomicileInformal: p.DomicileInformal, CreatedAt: when(p.CreatedAt)}
		for _, c := range p.Cittadinanza {
			sp.Citizenships = append(sp.Citizenships, c.ISO)
		}
		out.Persons = append(out.Persons, sp)
	}
	for _, c := range doc.Cases {
		out.Cases = append(out.Cases, store.ScratchCase{Key: desk + c.ID, PersonKey: desk + c.PersonID,
			OpenedAt: when(c.OpenedAt), ClosedAt: when(c.ClosedAt), Status: c.Status, ExitReason: c.ExitReason,
			ExitOutcomes: c.ExitOutcomes})
	}
	of := func(caseID string) *store.ScratchRecords { // the records of one case together, as an export lists them
		if n := len(out.OfCases); n == 0 || out.OfCases[n-1].CaseKey != desk+caseID {
			out.OfCases = append(out.OfCases, store.ScratchOfCase{CaseKey: desk + caseID})
		}
		return &out.OfCases[len(out.OfCases)-1].ScratchRecords
	}
	for _, p := range doc.Plans {
		sp := store.ScratchPlan{Key: desk + p.ID, Version: p.Version, Status: p.Status, AgreedAt: when(p.AgreedAt)}
		for _, g := range p.Goals {
			sp.GoalAreas = append(sp.GoalAreas, g.Area)
		}
		r := of(p.CaseID)
		r.Plans = append(r.Plans, sp)
	}
	for _, rf := range referrals {
		r := of(rf.CaseID)
		r.Referrals = append(r.Referrals, store.ScratchReferral{Key: desk + rf.ID, ServiceKind: f.services[rf.ServiceID],
			Status: rf.Status, SentAt: when(rf.SentAt)})
	}
	for _, p := range doc.Proposals {
		r := of(p.CaseID)
		r.Proposals = append(r.Proposals, store.ScratchProposal{Key: desk + p.ID, State: p.State, HiredFrom: p.DataInizio,
			Still4Weeks: p.Still4Weeks, Still6Months: p.Still6Months, ProposedAt: when(p.ProposedAt)})
	}
	for _, in := range doc.Internships {
		r := of(in.CaseID)
		r.Internships = append(r.Internships, store.ScratchInternship{Key: desk + in.ID, Start: in.DataInizio, End: in.DataFine})
	}
	for _, e := range doc.Enterprises {
		r := of(e.CaseID)
		r.Enterprises = append(r.Enterprises, store.ScratchEnterprise{Key: desk + e.ID, RegisteredAt: e.RegisteredAt})
	}
	for _, iv := range doc.Interviews {
		si := store.ScratchInterview{Key: desk + iv.ID, Date: iv.Date, Kind: iv.Kind, Answers: map[string]string{}}
		for _, a := range iv.Answers {
			si.Answers[a.QuestionID] = a.Value
		}
		r := of(iv.CaseID)
		r.Interviews = append(r.Interviews, si)
	}
	for i := range doc.SkillsProfiles {
		s := &doc.SkillsProfiles[i]
		out.Profiles = append(out.Profiles, store.ScratchProfile{Owner: desk + s.PersonID, Profile: indicatorProfile(desk, s)})
	}
	return out
}

// indicatorProfile is what the indicators read of a skills profile: its
// date, languages with their CEFR levels, and education with ISCED level,
// completion and recognition.
func indicatorProfile(desk string, s *SkillsProfile) *model.SkillsProfile {
	day, _ := time.Parse(time.DateOnly, s.Date)
	p := &model.SkillsProfile{UID: desk + s.ID, Version: s.Version, Date: day}
	for _, l := range s.Lingue {
		p.Languages = append(p.Languages, model.LanguageSkill{Language: l.Lingua, Mother: l.Madrelingua, Overall: l.Livello,
			Levels: l.Livelli})
	}
	for _, e := range s.TitoliStudio {
		p.Education = append(p.Education, model.EducationEntry{Completed: e.Conseguito, ISCED: e.ISCED,
			Recognition: e.Riconoscimento})
	}
	return p
}
