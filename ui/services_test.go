package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// servicesScreen signs a coordinator in and shows the map of services, with
// one service of the desk's own besides the Numero Verde.
func servicesScreen(t *testing.T) (*servicesView, *store.DB, model.Service) {
	t.Helper()
	u, db, op := signedInApp(t)
	cpi := model.Service{Name: "CPI Latina", Kind: model.ServiceCPI, Phone: "+39 0773 000000"}
	if err := db.SaveService(context.Background(), &cpi, op.ID); err != nil {
		t.Fatal(err)
	}
	v := newServicesView(u)
	u.win.SetContent(v.build())
	return v, db, cpi
}

func servicesOf(t *testing.T, db *store.DB) []model.Service {
	t.Helper()
	list, err := db.Services(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// After an import the status says how many services were added, updated
// and kept; a refused import says why, in the operator's language, and
// changes nothing.
func TestServicesImportStatus(t *testing.T) {
	tests := []struct {
		name    string
		csv     func(cpi model.Service) string
		want    func(u *App) string
		changes bool
	}{
		{"added, updated and kept",
			func(cpi model.Service) string {
				return "name,kind,phone,uid\n" +
					"Numero Verde Antitratta,anti_trafficking,06 6666666,\n" + // never changes the hotline
					"CPI Latina,cpi,0773 999999," + cpi.UID + "\n" +
					"ASL Latina,health,,\n"
			},
			func(u *App) string {
				return u.tr.Tf("services.imported", map[string]any{"Added": 1, "Updated": 1, "Kept": 1})
			}, true},
		{"a row without ID whose name exists",
			func(model.Service) string {
				return "name,kind,phone\nASL Latina,health,\ncpi latina,cpi,0773 999999\n"
			},
			func(u *App) string {
				return u.tr.Tf("services.import_name_exists", map[string]any{"Row": 3, "Name": "cpi latina"})
			}, false},
		{"a row renaming a service to the name of another",
			func(cpi model.Service) string {
				return "name,kind,uid\nAltro,cpi,\nNumero Verde Antitratta 2,cpi," + model.NumeroVerdeUID + "\nasl,health,\n" +
					"altro,cpi," + cpi.UID + "\n"
			},
			func(u *App) string {
				return u.tr.Tf("services.import_name_taken", map[string]any{"Row": 5, "Name": "altro"})
			}, false},
		{"one ID twice",
			func(cpi model.Service) string {
				return "name,kind,uid\nA,cpi," + cpi.UID + "\nB,cpi," + cpi.UID + "\n"
			},
			func(u *App) string { return u.tr.Tf("services.import_uid_twice", map[string]any{"Row": 3}) }, false},
		{"a bad row",
			func(model.Service) string { return "name,kind\nASL Latina,health\nBanca,bank\n" },
			func(u *App) string {
				return u.tr.Tf("services.import_row", map[string]any{"Row": 3, "Field": u.t("services.kind"),
					"Detail": u.t("error.invalid")})
			}, false},
		{"an ID that is not one",
			func(model.Service) string { return "name,kind,uid\nASL Latina,health,KOFI-1\n" },
			func(u *App) string {
				return u.tr.Tf("services.import_row", map[string]any{"Row": 2, "Field": u.t("services.uid"),
					"Detail": u.t("error.invalid")})
			}, false},
		{"not a list of services",
			func(model.Service) string { return "nome;tipo\nASL;health\n" },
			func(u *App) string { return u.t("services.import_bad_file") }, false},
	}
	for _, lang := range []string{"it", "en"} {
		for _, tt := range tests {
			t.Run(lang+"/"+tt.name, func(t *testing.T) {
				v, db, cpi := servicesScreen(t)
				v.u.tr = locales.New(lang)
				before := servicesOf(t, db)
				v.importCSV(strings.NewReader(tt.csv(cpi)))
				want := tt.want(v.u)
				if v.status.Text != want || strings.Contains(want, "{{") || strings.HasPrefix(want, "services.") {
					t.Errorf("status %q, want %q", v.status.Text, want)
				}
				after := servicesOf(t, db)
				if changed := !servicesEqual(before, after); changed != tt.changes {
					t.Errorf("changed %v, want %v:\n%+v\nthen\n%+v", changed, tt.changes, before, after)
				}
				for _, nv := range after {
					if nv.UID == model.NumeroVerdeUID && (nv.Name != model.NumeroVerde.Name || nv.Phone != model.NumeroVerde.Phone) {
						t.Errorf("the hotline became %+v", nv)
					}
				}
			})
		}
	}
}

func servicesEqual(a, b []model.Service) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if strings.Join(x.Languages, " ") != strings.Join(y.Languages, " ") {
			return false
		}
		x.Languages, y.Languages = nil, nil
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// The exported map is its account's only, carries the IDs and reads back
// without changing anything.
func TestServicesExportIsPrivateAndReadsBack(t *testing.T) {
	v, db, _ := servicesScreen(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "servizi.csv")
	wc, err := storage.Writer(storage.NewFileURI(path)) // as the save dialog gives it
	if err != nil {
		t.Fatal(err)
	}
	if err := saveCSV(t.Context(), v.u.db, wc); err != nil {
		t.Fatal(err)
	}
	isPrivate(t, path)
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("%d files in the folder, want the map only", len(left))
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(data, []byte(model.NumeroVerdeUID)) {
		t.Fatalf("the file has no IDs: %q %v", data, err)
	}
	before := servicesOf(t, db)
	v.importCSV(bytes.NewReader(data))
	want := v.u.tr.Tf("services.imported", map[string]any{"Added": 0, "Updated": 0, "Kept": len(before)})
	if v.status.Text != want {
		t.Errorf("status %q, want %q", v.status.Text, want)
	}
	if after := servicesOf(t, db); !servicesEqual(before, after) {
		t.Errorf("the round trip changed the map:\n%+v\nthen\n%+v", before, after)
	}
}
