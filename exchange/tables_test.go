package exchange

import (
	"reflect"
	"testing"
)

// TestTablesHoldEveryRecord: every kind of record that has a table of its
// own gets one row per record, whatever the order the tables are made in
// (the skills profiles' table once came out empty: its rows were written
// through a pointer into the slice of tables that had moved since).
func TestTablesHoldEveryRecord(t *testing.T) {
	d := &Document{}
	for _, l := range documentLists(d) {
		reflect.ValueOf(d).Elem().FieldByName(l.field).Set(reflect.MakeSlice(l.items.Type(), 3, 3))
	}
	rows := map[string]int{}
	for _, tb := range d.Tables() {
		rows[tb.Name] = len(tb.Rows)
	}
	checked := 0
	for _, l := range documentLists(d) {
		n, ok := rows[l.name]
		if !ok {
			continue // kept inside another table, or not in the tabular forms
		}
		checked++
		if n != 3 {
			t.Errorf("table %s: %d rows for 3 records", l.name, n)
		}
	}
	if checked < 12 {
		t.Errorf("only %d lists have a table of their own: the test checks little", checked)
	}
}
