package exchange

// ColumnType is the type a typed export (Parquet) gives a column. The
// tables keep text cells; the type says how to read a cell once, for the
// whole column, never by guessing from the value.
type ColumnType string

// Column types of a typed export. An empty cell is a missing value (null).
const (
	TypeString  ColumnType = "string"  // UTF-8 text
	TypeInt64   ColumnType = "int64"   // whole number; *_cents columns are euro cents
	TypeFloat64 ColumnType = "float64" // decimal number, such as weekly hours
	TypeBool    ColumnType = "bool"    // "true" or "false"
	TypeDate    ColumnType = "date"    // yyyy-mm-dd
)

// columnTypes declares the type of every column that is not text, by column
// name; "table.column" overrides the name alone. Columns not listed are
// strings. It follows the data model: cents and counts are int64, hours
// float64, flags bool, calendar days dates.
var columnTypes = map[string]ColumnType{
	"active": TypeBool, "domicile_informal": TypeBool, "flagged": TypeBool, "flagged_ok": TypeBool,
	"held": TypeBool, "housing": TypeBool, "transport": TypeBool, "lavoro_stagionale": TypeBool,
	"persona_giuridica": TypeBool, "quality_net": TypeBool, "regional_keyed": TypeBool,
	"allowance_cents": TypeInt64, "amount_cents": TypeInt64, "paid_cents": TypeInt64, "pay_cents": TypeInt64,
	"planned_cents": TypeInt64, "spent_cents": TypeInt64, "up_to": TypeInt64, "posts": TypeInt64,
	"days_per_week": TypeInt64,
	"weekly_hours":  TypeFloat64, "daily_hours": TypeFloat64,
	// Full dates only: data_inizio of a past job or a study is partial
	// (yyyy or yyyy-mm) and stays text.
	"vacancies.data_inizio": TypeDate, "vacancies.data_fine": TypeDate, "proposals.data_inizio": TypeDate,
	"internships.data_inizio": TypeDate, "internships.data_fine": TypeDate, "activities.date": TypeDate,
	"employer_flags.date": TypeDate, "enterprise_steps.date": TypeDate, "enterprise_funding.date": TypeDate,
}

// TypeOf returns the declared type of column col of table table.
func TypeOf(table, col string) ColumnType {
	if t, ok := columnTypes[table+"."+col]; ok {
		return t
	}
	if t, ok := columnTypes[col]; ok {
		return t
	}
	return TypeString
}
