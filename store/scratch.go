package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/ext/fts5"

	"sportello/internal/privtemp"
	"sportello/model"
)

// ErrNotScratch refuses to load pseudonymised records into a desk's own
// store: they go only into a scratch store (OpenScratch).
var ErrNotScratch = errors.New("pseudonymised records are loaded only into a scratch store")

// scratchCacheMiB is the most of a scratch store SQLite keeps in memory:
// the rest is in its file, so that the indicators over a region's exports
// take the same memory whatever their size.
const scratchCacheMiB = 32

// OpenScratch opens a scratch store with the store's schema, for
// computing the indicators over pseudonymised exports (LoadScratchPart,
// FinishScratch, then ComputeIndicators). It lives in a file of its own
// in a new directory of the system's temporary one, readable by this
// user only and encrypted with a random key held only in memory: what a
// crash leaves there can be read by nobody, and goes the next day
// (privtemp). It holds no operator: it is
// read by the program itself, so its grant is the system's. Close
// discards it, file and directory.
func OpenScratch(ctx context.Context) (*DB, error) {
	dir, err := privtemp.Make("sportello-scratch-")
	if err != nil {
		return nil, fmt.Errorf("open scratch: %w", err)
	}
	d, err := openScratchIn(ctx, dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("open scratch: %w", err)
	}
	return d, nil
}

func openScratchIn(ctx context.Context, dir string) (*DB, error) {
	path := filepath.Join(dir, "scratch.db")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	key := make([]byte, dataKeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	name := fileURI(path) + "?" + url.Values{"vfs": {"adiantum"}}.Encode()
	sqldb, err := driver.Open(name, func(c *sqlite3.Conn) error {
		// A scratch store is thrown away on any error: no log on disk, no
		// waiting for the disk.
		if err := c.Exec("PRAGMA hexkey='" + hex.EncodeToString(key) + "'"); err != nil {
			return err
		}
		if err := c.Exec(fmt.Sprintf(`PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;
			PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=%d`, -1024*scratchCacheMiB)); err != nil {
			return err
		}
		return fts5.Register(c)
	})
	if err != nil {
		return nil, err
	}
	// One connection, kept open: the key lives only in it.
	sqldb.SetMaxOpenConns(1)
	sqldb.SetMaxIdleConns(1)
	sqldb.SetConnMaxLifetime(0)
	sqldb.SetConnMaxIdleTime(0)
	d := &DB{db: sqldb, path: path, scratch: true, scratchDir: dir, Now: time.Now, KDF: DefaultKDF,
		keyMu: new(sync.Mutex), cands: new(candidateCache)}
	if err := d.scratchSchema(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return d, nil
}

// scratchSchema writes the store's schema, and the scratch store's own
// tables: how a load names its persons, and the order of the skills
// profiles before FinishScratch numbers them (which a desk's store
// refuses: its versions are never changed). The change log and the
// search index are quiet for good, as in a bulk merge.
func (d *DB) scratchSchema(ctx context.Context) error {
	migs, err := migrations()
	if err != nil {
		return err
	}
	for i, m := range migs {
		if err := d.migrate(ctx, i+1, m); err != nil {
			return &OpenError{ProblemOther, d.path, err}
		}
	}
	_, err = d.db.ExecContext(ctx, `CREATE TABLE scratch_refs (ref TEXT PRIMARY KEY, person_id INTEGER NOT NULL) WITHOUT ROWID;
		CREATE TABLE scratch_profiles (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);
		DROP TRIGGER skills_profiles_no_update;
		INSERT INTO merge_quiet VALUES (2);
		INSERT INTO employers (uid, name, created_at, updated_at) VALUES ('scratch', '', '', '')`)
	return err
}

// IsScratch tells a scratch store (OpenScratch).
func (d *DB) IsScratch() bool { return d.scratch }

// ScratchPerson is what the indicators need of a pseudonymised person.
type ScratchPerson struct {
	Key              string // the regional pseudonym: one person however many desks registered them
	Ref              string // how this load's cases and profiles name the person; Key when empty
	Sex              model.Sex
	Birth            string   // YYYY, YYYY-MM or YYYY-MM-DD
	Citizenships     []string // ISO 3166 alpha-2
	DomicileInformal bool
	CreatedAt        time.Time
}

// ScratchCase is a case of a pseudonymised export, with its exit data and
// the records that hang on it.
type ScratchCase struct {
	Key                string
	PersonKey          string // the person's Ref
	OpenedAt, ClosedAt time.Time
	Status, ExitReason string
	ExitOutcomes       []string
	ScratchRecords
}

// ScratchRecords are the records that hang on a case.
type ScratchRecords struct {
	Plans       []ScratchPlan
	Referrals   []ScratchReferral
	Proposals   []ScratchProposal
	Internships []ScratchInternship
	Enterprises []ScratchEnterprise
	Interviews  []ScratchInterview
}

// ScratchOfCase are records of the case CaseKey, loaded with it or after it.
type ScratchOfCase struct {
	CaseKey string
	ScratchRecords
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

// ScratchProfile is a skills profile (its PersonID unused) and the Ref of
// its person.
type ScratchProfile struct {
	Owner   string
	Profile *model.SkillsProfile
}

// ScratchGoal is the area of a goal of the plan PlanKey, in the plan's order.
type ScratchGoal struct{ PlanKey, Area string }

// ScratchAnswer is an answer of the interview InterviewKey; only those to
// the questions the indicators read are kept (IndicatorQuestion).
type ScratchAnswer struct{ InterviewKey, QuestionID, Value string }

// ScratchPart is a part of a load of pseudonymised records: a person found
// in several parts or loads is one person. A record may refer only to
// what this part or an earlier one loaded: what refers to anything else
// comes back from LoadScratchPart, to be given again once it is there.
type ScratchPart struct {
	Persons  []ScratchPerson
	Cases    []ScratchCase
	OfCases  []ScratchOfCase
	Goals    []ScratchGoal   // of plans loaded before or in this part
	Answers  []ScratchAnswer // of interviews loaded before or in this part
	Profiles []ScratchProfile
}

// Empty tells a part with nothing in it.
func (p *ScratchPart) Empty() bool {
	return len(p.Persons)+len(p.Cases)+len(p.OfCases)+len(p.Goals)+len(p.Answers)+len(p.Profiles) == 0
}

// ScratchData is one whole load of pseudonymised records (LoadScratch).
type ScratchData struct {
	Persons  []ScratchPerson
	Cases    []ScratchCase
	Profiles []*model.SkillsProfile // PersonID unused: ProfileOwners gives the person's Key
	// ProfileOwners[i] is the Key of the person of Profiles[i].
	ProfileOwners []string
}
