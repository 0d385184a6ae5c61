package ui

import (
	"context"

	"sportello/exchange"
	"sportello/model"
	"sportello/store"
)

// loadExchange fills the exchange settings, and this desk's public key.
func (s *settings) loadExchange() {
	u, db := s.u, s.bound
	if db == nil {
		return
	}
	load(u, func(ctx context.Context) (exchangeSettings, error) {
		return readExchangeSettings(ctx, db)
	}, func(x exchangeSettings) {
		s.prefix.SetText(x.values[model.SettingCasePrefix])
		s.recipientName.SetText(x.values[exchange.SettingRecipientLabel])
		s.recipientKey.SetText(x.values[exchange.SettingRecipient])
		s.deskKey.SetText(x.key)
		s.deskPrint.SetText(fingerprintLines(x.fingerprint))
		s.regionalKey.SetText("")
		if x.regional != "" {
			s.regionalKey.SetPlaceHolder(u.tr.Tf("exchange.regional_key_set", map[string]any{"Fingerprint": x.regional}))
		}
	}, func(err error) { s.status.SetText(u.errText(err)) })
}

// exchangeSettings are the exchange's settings and this desk's public key
// and its fingerprint.
type exchangeSettings struct {
	values           map[string]string
	key, fingerprint string
	regional         string // the regional key's fingerprint, empty when none is set
}

func readExchangeSettings(ctx context.Context, db *store.DB) (x exchangeSettings, err error) {
	x.values = map[string]string{}
	for _, k := range []string{model.SettingCasePrefix, exchange.SettingRecipientLabel, exchange.SettingRecipient} {
		if x.values[k], err = db.Setting(ctx, k); err != nil {
			return x, err
		}
	}
	if x.key, err = exchange.DeskRecipient(ctx, db); err != nil {
		return x, err
	}
	if x.fingerprint, err = exchange.DeskFingerprint(ctx, db); err != nil {
		return x, err
	}
	rk, err := exchange.RegionalKey(ctx, db)
	if rk != nil {
		x.regional = exchange.RegionalKeyFingerprint(rk)
	}
	return x, err
}
