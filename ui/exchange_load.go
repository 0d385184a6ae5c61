package ui

import (
	"context"
	"strings"

	"sportello/exchange"
	"sportello/store"
)

// exchangeData is what the view reads: the recipient in the settings and
// the logs of exports and imports.
type exchangeData struct {
	recipient, label string
	exports          []store.ExportEntry
	imports          []store.ImportEntry
}

// read runs off the UI goroutine: it reads v.db, set once at the start.
func (v *exchangeView) read(ctx context.Context) (d exchangeData, err error) {
	if d.recipient, err = v.db.Setting(ctx, exchange.SettingRecipient); err != nil {
		return d, err
	}
	if d.label, err = v.db.Setting(ctx, exchange.SettingRecipientLabel); err != nil {
		return d, err
	}
	if d.exports, err = v.db.Exports(ctx); err != nil {
		return d, err
	}
	d.imports, err = v.db.Imports(ctx)
	return d, err
}

func (v *exchangeView) show(d exchangeData) {
	v.recipient, v.label = strings.TrimSpace(d.recipient), strings.TrimSpace(d.label)
	v.showLog(d.exports)
	v.showImports(d.imports)
	v.update()
	if v.recipient != "" {
		v.encrypt.SetChecked(true) // encrypted unless the operator says otherwise
	}
}
