package store

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/ext/fts5"

	"sportello/model"
)

// ErrNotScratch refuses to load pseudonymised records into a desk's own
// store: they go only into a scratch store (OpenScratch).
var ErrNotScratch = errors.New("pseudonymised records are loaded only into a scratch store")

// OpenScratch opens a scratch store: a plain SQLite database in memory,
// never written to disk, with the store's schema, for computing the
// indicators over pseudonymised exports (LoadScratch, then
// ComputeIndicators). It holds no operator: it is read by the program
// itself, so its grant is the system's. Close discards it.
func OpenScratch(ctx context.Context) (*DB, error) {
	sqldb, err := driver.Open(":memory:", func(c *sqlite3.Conn) error {
		if err := c.Exec("PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY"); err != nil {
			return err
		}
		return fts5.Register(c)
	})
	if err != nil {
		return nil, err
	}
	// One connection, kept open: the database lives only in it.
	sqldb.SetMaxOpenConns(1)
	sqldb.SetMaxIdleConns(1)
	sqldb.SetConnMaxLifetime(0)
	sqldb.SetConnMaxIdleTime(0)
	d := &DB{db: sqldb, path: ":memory:", scratch: true, Now: time.Now, KDF: DefaultKDF, keyMu: new(sync.Mutex),
		cands: new(candidateCache)}
	migs, err := migrations()
	if err != nil {
		sqldb.Close()
		return nil, err
	}
	for i, m := range migs {
		if err := d.migrate(ctx, i+1, m); err != nil {
			sqldb.Close()
			return nil, &OpenError{ProblemOther, d.path, err}
		}
	}
	return d, nil
}

// IsScratch tells a scratch store (OpenScratch).
func (d *DB) IsScratch() bool { return d.scratch }

// ScratchPerson is what the indicators need of a pseudonymised person.
type ScratchPerson struct {
	Key              string // the regional pseudonym: one person however many desks registered them
	Sex              model.Sex
	Birth            string   // YYYY, YYYY-MM or YYYY-MM-DD
	Citizenships     []string // ISO 3166 alpha-2
	DomicileInformal bool
	CreatedAt        time.Time
}

// ScratchCase is a case of a pseudonymised export, with its exit data.
type ScratchCase struct {
	Key, PersonKey     string
	OpenedAt, ClosedAt time.Time
	Status, ExitReason string
	ExitOutcomes       []string
	Plans              []ScratchPlan
	Referrals          []ScratchReferral
	Proposals          []ScratchProposal
	Internships        []ScratchInternship
	Enterprises        []ScratchEnterprise
	Interviews         []ScratchInterview
}

// ScratchPlan is a plan version with its goals' areas.
type ScratchPlan struct {
	Key       string
	Version   int
	Status    string
	AgreedAt  time.Time
	GoalAreas []string
}

// ScratchReferral is a referral and the kind of service it went to.
type ScratchReferral struct {
	Key, ServiceKind, Status string
	SentAt                   time.Time
}

// ScratchProposal is a job proposal; HiredFrom is YYYY-MM-DD.
type ScratchProposal struct {
	Key, State, HiredFrom, Still4Weeks, Still6Months string
	ProposedAt                                       time.Time
}

// ScratchInternship is an internship; dates YYYY-MM-DD.
type ScratchInternship struct{ Key, Start, End string }

// ScratchEnterprise is a path to self-employment; RegisteredAt YYYY-MM-DD.
type ScratchEnterprise struct{ Key, RegisteredAt string }

// ScratchInterview is an interview's date, kind and answers (question ID → value).
type ScratchInterview struct {
	Key, Date, Kind string
	Answers         map[string]string
}

// ScratchData is one load of pseudonymised records. A person found in
// several loads is one person; skills profiles are numbered again per
// person by date, across desks, so that version 1 is the person's first.
type ScratchData struct {
	Persons  []ScratchPerson
	Cases    []ScratchCase
	Profiles []*model.SkillsProfile // PersonID unused: ProfileOwners gives the person's Key
	// ProfileOwners[i] is the Key of the person of Profiles[i].
	ProfileOwners []string
}
