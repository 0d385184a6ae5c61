package exchange

import (
	"context"
	"fmt"
	"io"
	"slices"

	"sportello/store"
)

// documentEntities are the exchanged entities in the order of the
// document's lists (store.Entities is the order a merge applies them).
var documentEntities = []string{"operator", "service", "person", "case", "interview", "plan", "consent", "referral",
	"activity", "skills_profile", "employer", "vacancy", "proposal", "internship", "enterprise"}

// streamed is what the reading goroutine hands on: first the head, then
// each part of the snapshot with the stable IDs it refers to, which the
// goroutine that writes turns into a document holding only its records
// (or a document already made, for the files merged into others).
type streamed struct {
	head *store.SnapshotHead
	snap *store.Snapshot
	uids map[string]map[int64]string
	part *Document
}

// stream reads the desk's records in one transaction a part at a time, on
// a goroutine of its own, turning each part into its exchange records
// (pseudonymised if asked) while use handles the one before: use gets the
// head first, then the parts in the document's order, the files merged
// into others last (full exports only).
func (r *exportRun) stream(ctx context.Context, db *store.DB, opt store.SnapshotOptions, use func(streamed) error) error {
	opt.Bases = r.bases
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan streamed, 2)
	send := func(s streamed) error {
		select {
		case ch <- s:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	var head *store.SnapshotHead
	read := make(chan error, 1)
	go func() {
		defer close(ch)
		read <- r.read(ctx, db, opt, func(h *store.SnapshotHead) error {
			head = h
			return send(streamed{head: h})
		}, send)
	}()
	for s := range ch {
		if s.snap != nil {
			s.part = r.fillPart(s.snap, s.uids)
		}
		if err := use(s); err != nil {
			cancel()
			for range ch { // let the reader end
			}
			return err
		}
	}
	if err := <-read; err != nil {
		return err
	}
	if r.pseudo != nil || len(head.PersonMerges) == 0 {
		return nil
	}
	merges := &Document{}
	for _, pm := range head.PersonMerges {
		merges.PersonMerges = append(merges.PersonMerges, personMergeRecord(pm))
	}
	return use(streamed{part: merges})
}

// read reads the snapshot, giving begin its head and send each part with
// the stable IDs it refers to, on the goroutine that reads.
func (r *exportRun) read(ctx context.Context, db *store.DB, opt store.SnapshotOptions,
	begin func(*store.SnapshotHead) error, send func(streamed) error) error {
	entities := r.entities
	if entities == nil {
		entities = documentEntities
	}
	var head *store.SnapshotHead
	done := 0
	known := knownUIDs{}
	return db.StreamSnapshot(ctx, opt, entities, func(h *store.SnapshotHead) error {
		head = h
		return begin(h)
	}, func(entity string, s *store.Snapshot) error {
		for done < len(entities) && entities[done] != entity {
			done++
			r.progress(0.05 + 0.9*float64(done)/float64(len(entities)))
		}
		uids, err := known.partUIDs(head, s)
		if err != nil {
			return err
		}
		return send(streamed{snap: s, uids: uids})
	})
}

// knownUIDs are the stable IDs of the persons and cases already read, by
// local ID: the records most referred to (a case names its person, an
// interview, a plan or a referral its case) find them here, not in a
// query. Some 50 bytes a record: 10 MB for a desk of 100,000 persons.
type knownUIDs map[string]*uidTable

// partUIDs reads the stable IDs a part of the snapshot refers to: a first
// pass of fill over a copy collects the local IDs; those not known yet are
// read for this part alone, in the snapshot's transaction. The part's
// persons and cases become known. The map it gives is the part's own: the
// goroutine that writes uses it while this one reads on.
func (known knownUIDs) partUIDs(head *store.SnapshotHead, s *store.Snapshot) (map[string]map[int64]string, error) {
	for _, p := range s.Persons {
		known.add("person", p.ID, p.UID)
	}
	for _, c := range s.Cases {
		known.add("case", c.ID, c.UID)
	}
	seen := map[string]map[int64]bool{}
	probe := *s // fill lets go of the lists it has read: the copy's, not s's
	// Operators, services and persons refer to no other record (fill
	// gives them no ref): the probe skips the largest lists.
	probe.Operators, probe.Services, probe.Persons = nil, nil, nil
	fill(&Document{}, &probe, func(entity string, id int64) string {
		if id != 0 {
			if seen[entity] == nil {
				seen[entity] = map[int64]bool{}
			}
			seen[entity][id] = true
		}
		return ""
	}, syncOf(nil))
	out := map[string]map[int64]string{}
	refs := map[string][]int64{}
	for entity, ids := range seen {
		out[entity] = make(map[int64]string, len(ids))
		for id := range ids {
			if uid, ok := known[entity].get(id); ok {
				out[entity][id] = uid
			} else {
				refs[entity] = append(refs[entity], id)
			}
		}
	}
	if len(refs) == 0 {
		return out, nil
	}
	read, err := head.UIDs(refs)
	if err != nil {
		return nil, err
	}
	for entity, m := range read {
		for id, uid := range m {
			out[entity][id] = uid
		}
	}
	return out, nil
}

func (known knownUIDs) add(entity string, id int64, uid string) {
	if known[entity] == nil {
		known[entity] = &uidTable{}
	}
	known[entity].add(id, uid)
}

// uidTable holds stable IDs by local ID. Local IDs are mostly a run of
// integers, read in order: those are kept in a slice from the first one
// (no hashing, no map growing for hundreds of thousands of records); one
// far from the run goes to a map.
type uidTable struct {
	base   int64
	dense  []string
	sparse map[int64]string
}

func (t *uidTable) add(id int64, uid string) {
	if len(t.dense) == 0 {
		t.base = id
	}
	switch i := id - t.base; {
	case i >= 0 && i < int64(len(t.dense)):
		t.dense[i] = uid
	case i >= int64(len(t.dense)) && i < 2*int64(len(t.dense))+1024: // the run goes on, or skips a few
		t.dense = slices.Grow(t.dense, int(i)+1-len(t.dense))[:i+1]
		t.dense[i] = uid
	default:
		if t.sparse == nil {
			t.sparse = map[int64]string{}
		}
		t.sparse[id] = uid
	}
}

func (t *uidTable) get(id int64) (string, bool) {
	if t == nil {
		return "", false
	}
	if i := id - t.base; i >= 0 && i < int64(len(t.dense)) && t.dense[i] != "" {
		return t.dense[i], true
	}
	uid, ok := t.sparse[id]
	return uid, ok
}

// fillPart turns a part of the snapshot into its exchange records
// (pseudonymised if asked), its references resolved by uids.
func (r *exportRun) fillPart(s *store.Snapshot, uids map[string]map[int64]string) *Document {
	sync := syncOf(nil)
	if r.bases {
		sync = func(_, uid string) *Sync { return &Sync{Base: s.Bases[uid]} }
	}
	d := &Document{}
	fill(d, s, func(entity string, id int64) string { return uids[entity][id] }, sync)
	if r.pseudo != nil {
		r.pseudo.pseudonymise(d)
	}
	return d
}

// envelope is the document with no records, for the head's change-log
// position.
func (r *exportRun) envelope(upTo int64) *Document {
	scope := r.scope
	scope.UpTo = upTo
	d := newDocument(r.desk, scope, r.now)
	if r.pseudo != nil {
		r.pseudo.pseudonymise(d)
	}
	return d
}

// writeStreamed writes the document as JSON to w, record by record as
// they are read, each checked against the schema; it returns the document's
// counts and the change-log position it reaches.
func (r *exportRun) writeStreamed(ctx context.Context, db *store.DB, opt store.SnapshotOptions, w io.Writer,
	indent string) (map[string]int, int64, error) {
	var rw *recordWriter
	var upTo int64
	err := r.stream(ctx, db, opt, func(s streamed) error {
		if s.head != nil {
			upTo = s.head.UpTo
			var err error
			rw, err = newRecordWriter(w, r.envelope(upTo), indent)
			if rw != nil {
				rw.unchecked = r.unchecked
			}
			return err
		}
		return writeParts(rw, s.part)
	})
	if err != nil {
		return nil, 0, schemaFailure(err)
	}
	return rw.counts, upTo, rw.finish()
}

// writeParts writes the records of each list a part holds.
func writeParts(rw *recordWriter, part *Document) error {
	for li, l := range documentLists(part) {
		if l.items.Len() > 0 {
			if err := rw.write(li, l.items); err != nil {
				return err
			}
		}
	}
	return nil
}

// schemaFailure says a schema error as an export's.
func schemaFailure(err error) error {
	if _, ok := err.(*SchemaError); ok {
		return fmt.Errorf("the export does not follow its own schema, so it was not completed: %w", err)
	}
	return err
}
