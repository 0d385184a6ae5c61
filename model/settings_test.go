package model

import (
	"testing"
	"time"
)

func TestIdleLockAfter(t *testing.T) {
	for _, c := range []struct {
		text string
		want time.Duration // 0: refused
	}{
		{"", 5 * time.Minute},
		{"  ", 5 * time.Minute},
		{"1", time.Minute},
		{" 12 ", 12 * time.Minute},
		{"60", time.Hour},
		{"0", 0},
		{"-3", 0},
		{"61", 0},
		{"abc", 0},
		{"2.5", 0},
		{"5m", 0},
	} {
		got, err := IdleLockAfter(c.text)
		if c.want == 0 {
			if ErrorCode(err) != ErrInvalid || err.(*Error).Field != SettingIdleLockMinutes {
				t.Errorf("IdleLockAfter(%q) = %v, %v; want an invalid-value error on its field", c.text, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("IdleLockAfter(%q) = %v, %v; want %v", c.text, got, err, c.want)
		}
	}
}
