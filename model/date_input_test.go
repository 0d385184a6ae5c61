package model

import "testing"

func TestReadDate(t *testing.T) {
	for in, want := range map[string]string{
		"20/12/2026": "2026-12-20", "5/1/26": "2026-01-05", "20.12.2026": "2026-12-20", "20-12-2026": "2026-12-20",
		"10/05/1990": "1990-05-10", "1/1/70": "1970-01-01", "29/02/2024": "2024-02-29", "05/1990": "1990-05",
		"2026-12-20": "2026-12-20", "1990-05": "1990-05", "1990": "1990", "": "", " 20/12/2026 ": "2026-12-20",
	} {
		d, err := ReadDate(in)
		if err != nil || d.String() != want {
			t.Errorf("%q: %v %v, want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"31/02/2020", "29/02/2023", "20/13/2026", "0020", "20", "20/1", "20/12", "abc",
		"20/12-2026", "32/01/2026", "00/01/2026", "2026-02-30", "2026/12/20", "20/12/202", "1990-5-1"} {
		if d, err := ReadDate(in); err == nil || ErrorCode(err) != ErrDateInvalid {
			t.Errorf("%q was read as %v (%v)", in, d, err)
		}
	}
	if got := (PartialDate{2026, 12, 20}).Italian(); got != "20/12/2026" {
		t.Errorf("Italian: %s", got)
	}
}

func FuzzReadDate(f *testing.F) {
	for _, s := range []string{"20/12/2026", "5/1/26", "2026-12-20", "05/1990", "31/02/2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ReadDate(s)
		if err != nil {
			return
		}
		// What was read reads back the same, written either way.
		for _, w := range []string{d.String(), d.Italian()} {
			if again, err := ReadDate(w); err != nil || again != d {
				t.Errorf("%q read as %v, %q reads as %v (%v)", s, d, w, again, err)
			}
		}
	})
}

func TestReadAmount(t *testing.T) {
	for in, want := range map[string]int64{"150,50": 15050, "150.50": 15050, "150": 15000, "1.250,00": 125000,
		"1,250.00": 125000, "0,5": 50, "€ 20": 2000, "": 0, "1.250": 125000} {
		if got, err := ReadAmount(in); err != nil || got != want {
			t.Errorf("%q: %d %v, want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"abc", "150,505", "-5", "1,2,3", "150 euro", "1.25.0"} {
		if got, err := ReadAmount(in); err == nil {
			t.Errorf("%q was read as %d", in, got)
		}
	}
}
