package model

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ServiceKind is what a service of the local map does.
type ServiceKind string

const (
	ServiceCPI             ServiceKind = "cpi"              // job centre, Centro per l'Impiego
	ServiceAntiTrafficking ServiceKind = "anti_trafficking" // anti-trafficking body
	ServiceLegalAid        ServiceKind = "legal_aid"
	ServiceHealth          ServiceKind = "health" // ASL
	ServiceHousing         ServiceKind = "housing"
	ServiceUnion           ServiceKind = "union"
	ServiceTraining        ServiceKind = "training"
	ServiceCPIA            ServiceKind = "cpia" // Italian courses for adults
	ServiceSocial          ServiceKind = "social_services"
)

// ServiceKinds lists the kinds in display order.
var ServiceKinds = []ServiceKind{ServiceCPI, ServiceAntiTrafficking, ServiceLegalAid, ServiceHealth, ServiceHousing,
	ServiceUnion, ServiceTraining, ServiceCPIA, ServiceSocial}

// Service is one entry of the map of services the desk keeps.
type Service struct {
	ID        int64
	UID       string // stable across desks
	Name      string
	Kind      ServiceKind
	Address   string
	Phone     string
	Email     string
	Hours     string
	Languages []string // BCP 47 tags
	Area      string   // area served
	Notes     string
}

// NumeroVerdeUID is the Numero Verde's stable ID, the same on every desk.
const NumeroVerdeUID = "00000000000000000000000000000001"

// NumeroVerde is the one national service that exists everywhere: every
// new database starts with it.
var NumeroVerde = Service{UID: NumeroVerdeUID, Name: "Numero Verde Antitratta", Kind: ServiceAntiTrafficking, Phone: "800 290 290",
	Hours: "24/7", Area: "Italia", Notes: "Numero verde nazionale, gratuito, anonimo; in più lingue."}

// Validate checks the service's fields.
func (s *Service) Validate() error {
	var v ValidationErrors
	v.add(requiredText("name", s.Name, MaxNameLen))
	if !oneOf(s.Kind, ServiceKinds) {
		v.add(newError("kind", ErrInvalid, fmt.Sprintf("unknown kind %q", s.Kind)))
	}
	for _, f := range []struct{ name, value string }{{"address", s.Address}, {"phone", s.Phone}, {"email", s.Email},
		{"hours", s.Hours}, {"area", s.Area}, {"notes", s.Notes}} {
		v.add(optionalText(f.name, f.value, MaxTextLen))
	}
	if s.Email != "" && !strings.Contains(s.Email, "@") {
		v.add(newError("email", ErrInvalid, "not an email address"))
	}
	return v.err()
}

// serviceColumns are the CSV header, in order. The stable ID comes last, out
// of the way of whoever edits the list in a spreadsheet.
var serviceColumns = []string{"name", "kind", "address", "phone", "email", "hours", "languages", "area", "notes", "uid"}

// CleanUID reads a stable ID as a list of services gives it: 32 hexadecimal
// digits, turned to lower case. A spreadsheet drops the leading zeros of an
// ID made only of digits (the Numero Verde's is 0…01 and comes back as "1"):
// they are put back. An empty s gives "" and ok; any other text is not an ID.
func CleanUID(s string) (uid string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", true
	}
	if len(s) < 32 && strings.Trim(s, "0123456789") == "" {
		s = strings.Repeat("0", 32-len(s)) + s
	}
	if len(s) != 32 || strings.Trim(s, "0123456789abcdef") != "" {
		return "", false
	}
	return s, true
}

// WriteServicesCSV writes the map as CSV with a header row, languages
// separated by spaces and each service's stable ID, so desks can share their
// maps and an import can tell which service a row is. Cells a spreadsheet
// could run as a formula are guarded (GuardFormula); ParseServicesCSV takes
// the guard off again.
func WriteServicesCSV(w io.Writer, services []Service) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(serviceColumns); err != nil {
		return err
	}
	for _, s := range services {
		row := []string{s.Name, string(s.Kind), s.Address, s.Phone, s.Email, s.Hours,
			strings.Join(s.Languages, " "), s.Area, s.Notes, s.UID}
		for i := range row {
			row[i] = GuardFormula(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ParseServicesCSV reads a map written by WriteServicesCSV (columns in any
// order, found by the header; the uid column may be missing, as in a list
// made by hand or by an older version). A bad row gives an error naming its
// line, with the field "services.<n>.<field>" where n counts the rows from 0
// (row n is the spreadsheet's row n+2, after the header); nothing is
// returned then, so an import is all or nothing.
func ParseServicesCSV(r io.Reader) ([]Service, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, &Error{Code: ErrInvalid, Field: "csv", Message: "services CSV: no header row"}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"name", "kind"} {
		if _, ok := col[need]; !ok {
			return nil, &Error{Code: ErrInvalid, Field: "csv", Message: fmt.Sprintf("services CSV: no %q column", need)}
		}
	}
	var out []Service
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, &Error{Code: ErrInvalid, Field: "csv", Message: fmt.Sprintf("services CSV line %d: %v", line, err)}
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return UnguardFormula(strings.TrimSpace(rec[i]))
			}
			return ""
		}
		row := len(out)
		uid, ok := CleanUID(get("uid"))
		if !ok {
			return nil, &Error{Code: ErrInvalid, Field: fmt.Sprintf("services.%d.uid", row),
				Message: fmt.Sprintf("services CSV line %d: uid %q is not an ID (32 hexadecimal digits)", line, get("uid"))}
		}
		s := Service{UID: uid, Name: get("name"), Kind: ServiceKind(get("kind")), Address: get("address"),
			Phone: get("phone"), Email: get("email"), Hours: get("hours"), Languages: strings.Fields(get("languages")),
			Area: get("area"), Notes: get("notes")}
		if err := s.Validate(); err != nil {
			return nil, ServiceRowError(row, fmt.Sprintf("services CSV line %d", line), err)
		}
		out = append(out, s)
	}
}

// ServiceRowError turns the validation error of row n (from 0) of a list of
// services into an error for the whole list: the first field error's code,
// the field "services.<n>.<field>", and where in the Message.
func ServiceRowError(n int, where string, err error) error {
	e := &Error{Code: ErrInvalid}
	var v ValidationErrors
	var one *Error
	switch {
	case errors.As(err, &v) && len(v) > 0:
		e.Code, e.Field = v[0].Code, v[0].Field
	case errors.As(err, &one):
		e.Code, e.Field = one.Code, one.Field
	}
	e.Field = strings.TrimSuffix(fmt.Sprintf("services.%d.%s", n, e.Field), ".")
	e.Message = fmt.Sprintf("%s: %v", where, err)
	return e
}
