package store

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"sportello/model"
)

// fixtureService adds a service to the map and returns its id.
func fixtureService(t *testing.T, d *DB, name string, kind model.ServiceKind) int64 {
	t.Helper()
	s := &model.Service{Name: name, Kind: kind}
	if err := d.SaveService(context.Background(), s, 0); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// wantError fails unless err is a model error with the code and field.
func wantError(t *testing.T, err error, code, field string) {
	t.Helper()
	var e *model.Error
	var v model.ValidationErrors
	got := ""
	switch {
	case errors.As(err, &e):
		got = e.Field
	case errors.As(err, &v) && len(v) > 0:
		got = v[0].Field
	}
	if model.ErrorCode(err) != code || got != field {
		t.Fatalf("error %v: want code %q field %q, got code %q field %q", err, code, field, model.ErrorCode(err), got)
	}
}

func sameService(a, b model.Service) bool {
	a.ID, b.ID = 0, 0
	if len(a.Languages) == 0 && len(b.Languages) == 0 {
		a.Languages, b.Languages = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

func TestNumeroVerdeInNewDatabase(t *testing.T) {
	d := newTestDB(t)
	list, err := d.Services(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || !sameService(list[0], model.NumeroVerde) {
		t.Fatalf("services of a new database: %+v", list)
	}
}

func TestSaveService(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	op := fixtureOperator(t, d, "sara", model.RoleOperator)
	cpi := &model.Service{Name: "CPI Latina", Kind: model.ServiceCPI, Address: "Via Roma 1", Phone: "0773 000000",
		Email: "cpi@example.org", Hours: "lun-ven 9-13", Languages: []string{"it", "en"}, Area: "Latina"}
	if err := d.SaveService(ctx, cpi, op.ID); err != nil {
		t.Fatal(err)
	}
	got, err := d.Service(ctx, cpi.ID)
	if err != nil || !sameService(*got, *cpi) || got.ID != cpi.ID {
		t.Fatalf("read back %+v %v", got, err)
	}
	cpi.Hours, cpi.Languages = "lun-gio 9-17", []string{"it", "en", "pa"}
	if err := d.SaveService(ctx, cpi, op.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Service(ctx, cpi.ID); !sameService(*got, *cpi) {
		t.Errorf("after update %+v", got)
	}
	trail, _ := d.AuditTrail(ctx, "service", cpi.ID)
	if len(trail) != 2 || trail[0].Action != model.ActionCreate || trail[1].Action != model.ActionUpdate || trail[1].OperatorID != op.ID {
		t.Errorf("audit %+v", trail)
	}

	bad := []struct {
		name  string
		s     model.Service
		code  string
		field string
	}{
		{"no name", model.Service{Kind: model.ServiceCPI}, model.ErrRequired, "name"},
		{"unknown kind", model.Service{Name: "X", Kind: "bank"}, model.ErrInvalid, "kind"},
		{"bad email", model.Service{Name: "X", Kind: model.ServiceUnion, Email: "nope"}, model.ErrInvalid, "email"},
		{"name taken", model.Service{Name: "cpi latina", Kind: model.ServiceCPI}, model.ErrConflict, "name"},
		{"absent", model.Service{ID: 999, Name: "Y", Kind: model.ServiceCPI}, model.ErrNotFound, ""},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			wantError(t, d.SaveService(ctx, &c.s, 0), c.code, c.field)
		})
	}
	if list, _ := d.Services(ctx); len(list) != 2 || list[0].Name != "CPI Latina" || list[1].Name != model.NumeroVerde.Name {
		t.Errorf("services by name: %+v", list)
	}
	if _, err := d.Service(ctx, 999); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("absent service: %v", err)
	}
}

// importFixture is a desk with the Numero Verde, two services of its own
// and an operator; it returns the operator's ID and the two services.
func importFixture(t *testing.T) (d *DB, op int64, cpi, cgil model.Service) {
	t.Helper()
	ctx := context.Background()
	d = newTestDB(t)
	o := fixtureOperator(t, d, "sara", model.RoleOperator)
	cpi = model.Service{Name: "CPI Latina", Kind: model.ServiceCPI, Address: "Via Roma 1", Phone: "+39 0773 000000",
		Hours: "lun-ven 9-13", Languages: []string{"it", "en"}, Area: "Latina"}
	cgil = model.Service{Name: "CGIL Latina", Kind: model.ServiceUnion, Phone: "0773 111111",
		Notes: "=HYPERLINK(\"http://example.invalid\",\"sito\")"}
	for _, s := range []*model.Service{&cpi, &cgil} {
		if err := d.SaveService(ctx, s, o.ID); err != nil {
			t.Fatal(err)
		}
	}
	return d, o.ID, cpi, cgil
}

// serviceState is what an import could change: the map, the change log the
// exchange sends from, and the audit trail.
type serviceState struct {
	services    []model.Service
	rev, audits int64
}

func stateOf(t *testing.T, d *DB) serviceState {
	t.Helper()
	var st serviceState
	var err error
	if st.services, err = d.Services(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := d.db.QueryRow("SELECT coalesce(max(rev), 0) FROM changes").Scan(&st.rev); err != nil {
		t.Fatal(err)
	}
	if err := d.db.QueryRow("SELECT count(*) FROM audit_events WHERE entity = 'service'").Scan(&st.audits); err != nil {
		t.Fatal(err)
	}
	return st
}

// viaCSV writes list as the window's export does and reads it back as its
// import does.
func viaCSV(t *testing.T, list []model.Service) []model.Service {
	t.Helper()
	var buf bytes.Buffer
	if err := model.WriteServicesCSV(&buf, list); err != nil {
		t.Fatal(err)
	}
	got, err := model.ParseServicesCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// The issue: a row named like the national hotline overwrote its phone
// number. Rows now match services by their stable ID only.
func TestImportServices(t *testing.T) {
	const otherDesk = "0123456789abcdef0123456789abcdef"
	hotline := model.NumeroVerde
	tests := []struct {
		name           string
		list           func(cpi, cgil model.Service) []model.Service
		added, updated int
		raw            bool                                               // the list as given, not through a CSV file (which refuses it already)
		code, field    string                                             // a refused list: nothing changes
		check          func(t *testing.T, d *DB, cpi, cgil model.Service) // what the map holds after
	}{
		{name: "the export read back changes nothing",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{hotline, cpi, cgil}
			}},
		{name: "a row named like the hotline with another phone is kept",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{{Name: "numero verde antitratta", Kind: model.ServiceAntiTrafficking,
					Phone: "06 6666666", Hours: "sempre"}}
			}},
		{name: "a row with the hotline's ID is kept",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{{UID: model.NumeroVerdeUID, Name: "Numero Verde Antitratta", Kind: model.ServiceLegalAid,
					Phone: "06 6666666"}}
			}},
		{name: "a row with the hotline's ID and another name is kept",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{{UID: model.NumeroVerdeUID, Name: "Numero Verde (nuovo)", Kind: model.ServiceAntiTrafficking,
					Phone: "06 6666666"}}
			}},
		{name: "a row with another service's ID and the hotline's name is kept",
			list: func(cpi, cgil model.Service) []model.Service {
				cpi.Name, cpi.Phone = "Numero Verde Antitratta", "06 6666666"
				return []model.Service{cpi}
			}},
		{name: "a row without ID whose name exists is refused",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{{Name: "ASL Latina", Kind: model.ServiceHealth},
					{Name: "cpi latina", Kind: model.ServiceCPI, Phone: "06 6666666"}}
			},
			code: model.ErrConflict, field: "services.1.name"},
		{name: "a row without ID saying what the service says is kept",
			list: func(cpi, cgil model.Service) []model.Service {
				cpi.ID, cpi.UID = 0, ""
				return []model.Service{cpi}
			}},
		{name: "a row without ID and a new name is added",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{{Name: "ASL Latina", Kind: model.ServiceHealth, Phone: "+39 0773 222222"}}
			},
			added: 1,
			check: func(t *testing.T, d *DB, cpi, cgil model.Service) {
				asl := serviceNamed(t, d, "ASL Latina")
				if asl == nil || asl.Phone != "+39 0773 222222" || len(asl.UID) != 32 || asl.UID == cpi.UID {
					t.Errorf("added %+v", asl)
				}
			}},
		{name: "a row with a service's ID updates it",
			list: func(cpi, cgil model.Service) []model.Service {
				cpi.Name, cpi.Phone, cpi.ID = "Centro per l'Impiego di Latina", "0773 999999", 0
				return []model.Service{cpi, cgil}
			},
			updated: 1,
			check: func(t *testing.T, d *DB, cpi, cgil model.Service) {
				got, _ := d.Service(context.Background(), cpi.ID)
				if got.Name != "Centro per l'Impiego di Latina" || got.Phone != "0773 999999" || got.UID != cpi.UID {
					t.Errorf("updated %+v", got)
				}
				trail, _ := d.AuditTrail(context.Background(), "service", cpi.ID)
				if len(trail) != 2 || trail[1].Action != model.ActionUpdate {
					t.Errorf("audit %+v", trail)
				}
			}},
		{name: "a row renaming a service to another's name is refused",
			list: func(cpi, cgil model.Service) []model.Service {
				cpi.Name = "cgil latina"
				return []model.Service{cpi}
			},
			code: model.ErrConflict, field: "services.0.name"},
		{name: "a row with an ID unknown here is added with that ID",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{{UID: otherDesk, Name: "Casa Il Ponte", Kind: model.ServiceHousing}}
			},
			added: 1,
			check: func(t *testing.T, d *DB, cpi, cgil model.Service) {
				if got := serviceNamed(t, d, "Casa Il Ponte"); got == nil || got.UID != otherDesk {
					t.Errorf("added %+v", got)
				}
			}},
		{name: "another desk's row for an office this desk has keeps this desk's details",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{{UID: otherDesk, Name: "CPI Latina", Kind: model.ServiceCPI, Phone: "06 6666666"}}
			}},
		{name: "one ID on two rows is refused",
			list: func(cpi, cgil model.Service) []model.Service {
				twin := cgil
				twin.Name = "CGIL Latina 2"
				return []model.Service{cgil, twin}
			},
			code: model.ErrConflict, field: "services.1.uid"},
		{name: "a row whose ID is not an ID is refused",
			list: func(cpi, cgil model.Service) []model.Service {
				return []model.Service{{Name: "Nuovo", Kind: model.ServiceCPI}, {UID: "KOFI-1", Name: "X", Kind: model.ServiceCPI}}
			},
			raw: true, code: model.ErrInvalid, field: "services.1.uid"},
		{name: "a bad row refuses the whole list",
			list: func(cpi, cgil model.Service) []model.Service {
				cpi.Hours = "changed"
				return []model.Service{{Name: "Nuovo servizio", Kind: model.ServiceHousing}, cpi, {Name: "Broken", Kind: "nonsense"}}
			},
			raw: true, code: model.ErrInvalid, field: "services.2.kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			d, op, cpi, cgil := importFixture(t)
			before := stateOf(t, d)
			list := tt.list(cpi, cgil)
			if !tt.raw {
				list = viaCSV(t, list) // as the window reads it
			}
			added, updated, err := d.ImportServices(ctx, list, op)
			after := stateOf(t, d)
			if tt.code != "" {
				wantError(t, err, tt.code, tt.field)
				if !reflect.DeepEqual(before, after) {
					t.Errorf("a refused import changed the desk:\n%+v\nthen\n%+v", before, after)
				}
				return
			}
			if err != nil || added != tt.added || updated != tt.updated {
				t.Fatalf("import: added %d updated %d (want %d, %d), %v", added, updated, tt.added, tt.updated, err)
			}
			if got := len(after.services) - len(before.services); got != tt.added {
				t.Errorf("%d services more, want %d", got, tt.added)
			}
			if nv, err := d.Service(ctx, 1); err != nil || !sameService(*nv, hotline) {
				t.Errorf("the hotline became %+v %v", nv, err)
			}
			if tt.added == 0 && tt.updated == 0 && !reflect.DeepEqual(before, after) {
				t.Errorf("an import that kept every row changed the desk:\n%+v\nthen\n%+v", before, after)
			}
			for _, s := range []model.Service{cpi, cgil} {
				if got, _ := d.Service(ctx, s.ID); tt.updated == 0 && !sameService(*got, s) {
					t.Errorf("%s became %+v", s.Name, got)
				}
			}
			if tt.check != nil {
				tt.check(t, d, cpi, cgil)
			}
		})
	}
}

func serviceNamed(t *testing.T, d *DB, name string) *model.Service {
	t.Helper()
	list, err := d.Services(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range list {
		if list[i].Name == name {
			return &list[i]
		}
	}
	return nil
}

// The hotline can still be changed by hand in the window; an import then
// keeps the desk's version.
func TestHotlineEditedByHandStays(t *testing.T) {
	ctx := context.Background()
	d, op, _, _ := importFixture(t)
	nv, err := d.Service(ctx, 1)
	if err != nil || nv.UID != model.NumeroVerdeUID {
		t.Fatalf("hotline %+v %v", nv, err)
	}
	nv.Hours = "24/7, anche festivi"
	if err := d.SaveService(ctx, nv, op); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.ImportServices(ctx, viaCSV(t, []model.Service{model.NumeroVerde}), op); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Service(ctx, 1); got.Hours != "24/7, anche festivi" {
		t.Errorf("the import undid the desk's change: %+v", got)
	}
}

// A list with the hotline's ID in a column a spreadsheet turned into the
// number 1 still finds the hotline, and keeps it.
func TestImportHotlineIDFromASpreadsheet(t *testing.T) {
	ctx := context.Background()
	d, op, _, _ := importFixture(t)
	list, err := model.ParseServicesCSV(strings.NewReader("name,kind,phone,uid\r\n" +
		"Numero Verde Antitratta (copia),anti_trafficking,06 6666666,1\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if added, updated, err := d.ImportServices(ctx, list, op); err != nil || added+updated != 0 {
		t.Fatalf("added %d updated %d %v", added, updated, err)
	}
	if nv, _ := d.Service(ctx, 1); !sameService(*nv, model.NumeroVerde) {
		t.Errorf("the hotline became %+v", nv)
	}
}
