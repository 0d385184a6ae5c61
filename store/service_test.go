package store

import (
	"context"
	"errors"
	"reflect"
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

func TestImportServices(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	op := fixtureOperator(t, d, "sara", model.RoleOperator)
	fixtureService(t, d, "CGIL Latina", model.ServiceUnion)
	list := []model.Service{
		{Name: "numero verde antitratta", Kind: model.ServiceAntiTrafficking, Phone: "800 290 290", Hours: "sempre"},
		{Name: "ASL Latina", Kind: model.ServiceHealth, Languages: []string{"it"}},
		{Name: "CPIA 9", Kind: model.ServiceCPIA},
		{Name: "cgil latina", Kind: model.ServiceUnion, Phone: "0773 111111"},
	}
	added, updated, err := d.ImportServices(ctx, list, op.ID)
	if err != nil || added != 2 || updated != 2 {
		t.Fatalf("import: added %d updated %d, %v", added, updated, err)
	}
	all, _ := d.Services(ctx)
	if len(all) != 4 {
		t.Fatalf("after import %+v", all)
	}
	for _, s := range list {
		got, err := d.Service(ctx, s.ID)
		if err != nil || !sameService(*got, s) {
			t.Errorf("imported %+v, read back %+v %v", s, got, err)
		}
	}

	// A bad row refuses the whole list.
	again := []model.Service{
		{Name: "Nuovo servizio", Kind: model.ServiceHousing},
		{Name: "ASL Latina", Kind: model.ServiceHealth, Hours: "changed"},
		{Name: "Broken", Kind: "nonsense"},
	}
	if _, _, err := d.ImportServices(ctx, again, op.ID); model.ErrorCode(err) != model.ErrInvalid {
		t.Fatalf("bad import: %v", err)
	}
	if now, _ := d.Services(ctx); len(now) != 4 {
		t.Errorf("a refused import changed the map: %+v", now)
	}
	if asl, _ := d.Service(ctx, list[1].ID); asl.Hours != "" {
		t.Errorf("a refused import updated a service: %+v", asl)
	}
}
