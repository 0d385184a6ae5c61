package model

import (
	"encoding/csv"
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

// serviceColumns are the CSV header, in order.
var serviceColumns = []string{"name", "kind", "address", "phone", "email", "hours", "languages", "area", "notes"}

// WriteServicesCSV writes the map as CSV with a header row, languages
// separated by spaces, so desks can share their maps.
func WriteServicesCSV(w io.Writer, services []Service) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(serviceColumns); err != nil {
		return err
	}
	for _, s := range services {
		if err := cw.Write([]string{s.Name, string(s.Kind), s.Address, s.Phone, s.Email, s.Hours,
			strings.Join(s.Languages, " "), s.Area, s.Notes}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ParseServicesCSV reads a map written by WriteServicesCSV (columns in any
// order, found by the header). A bad row gives an error naming its line;
// nothing is returned then, so an import is all or nothing.
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
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		s := Service{Name: get("name"), Kind: ServiceKind(get("kind")), Address: get("address"), Phone: get("phone"),
			Email: get("email"), Hours: get("hours"), Languages: strings.Fields(get("languages")), Area: get("area"),
			Notes: get("notes")}
		if err := s.Validate(); err != nil {
			return nil, &Error{Code: ErrInvalid, Field: "csv", Message: fmt.Sprintf("services CSV line %d: %v", line, err)}
		}
		out = append(out, s)
	}
}
