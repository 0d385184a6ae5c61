package exchange

// The exchange's dependencies, pinned in go.mod.
import (
	_ "filippo.io/age"
	_ "github.com/santhosh-tekuri/jsonschema/v6"
	_ "github.com/xuri/excelize/v2"
)
