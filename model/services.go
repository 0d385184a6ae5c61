package model

import "context"

// PersonFilter selects persons for the list and the search.
type PersonFilter struct {
	Query  string // search-as-you-type text; empty lists everyone
	Offset int
	Limit  int
}

// PersonSummary is one row of the person list.
type PersonSummary struct {
	ID            int64
	CaseCode      string
	FamilyName    string
	GivenNames    string
	OwnScriptName string
	BirthYear     int
	BirthCountry  string
}

// PersonService reads and writes persons.
type PersonService interface {
	FindPersons(ctx context.Context, f PersonFilter) ([]PersonSummary, error)
	CountPersons(ctx context.Context, query string) (int, error)
	Person(ctx context.Context, id int64) (*Person, error)
	// CreatePerson saves a new person and opens a case for them, assigned to
	// the operator, in one transaction.
	CreatePerson(ctx context.Context, p *Person, operatorID int64) error
	UpdatePerson(ctx context.Context, p *Person, operatorID int64) error
}

// CaseService reads cases and their interviews.
type CaseService interface {
	CasesOf(ctx context.Context, personID int64) ([]Case, error)
	InterviewsOf(ctx context.Context, caseID int64) ([]Interview, error)
}

// OperatorService manages accounts and logins.
type OperatorService interface {
	CountOperators(ctx context.Context) (int, error)
	CreateOperator(ctx context.Context, o *Operator, password string, by int64) error
	Login(ctx context.Context, username, password string) (*Operator, error)
	Operators(ctx context.Context) ([]Operator, error)
}
