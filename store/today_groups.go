package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"time"

	"sportello/model"
)

// TodayGroups gives, for every kind of Today's items the bound operator may
// see, in the order of model.TodayKinds, how many there are and the first
// `first` by date. The kinds that grow with the desk (overdue actions and
// referrals, expiring permits) are counted and paged by SQLite through
// their indexes; the others are few, bounded by their windows.
func (d *DB) TodayGroups(ctx context.Context, now time.Time, first int) ([]model.TodayGroup, error) {
	var out []model.TodayGroup
	err := d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.grantIn(ctx, tx)
		if err != nil {
			return err
		}
		small, err := d.todaySmall(ctx, tx, g, now)
		if err != nil {
			return err
		}
		for _, k := range model.TodayKinds {
			grp := model.TodayGroup{Kind: k}
			if !g.todayKind(k) {
				continue
			}
			if src, ok := todayPaged[k]; ok {
				q, args := src(now).scoped(g)
				if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM ("+q+limitSQL(capped(first))+")",
					args...).Scan(&grp.Total); err != nil {
					return fmt.Errorf("today's %s: %w", k, err)
				}
				if first < math.MaxInt32 && grp.Total > model.TodayCap {
					grp.Total, grp.More = model.TodayCap, true
				}
				if grp.Items, err = todayPage(ctx, tx, k, q, args, 0, first); err != nil {
					return err
				}
			} else {
				all := small[k]
				grp.Total, grp.Items = len(all), all[:min(first, len(all))]
			}
			if grp.Total > 0 {
				out = append(out, grp)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("today: %w", err)
	}
	return out, nil
}

// capped is how many rows a count of Today's reads: one past the cap, or
// all when every item is asked for (Today).
func capped(first int) int {
	if first == math.MaxInt32 {
		return math.MaxInt32
	}
	return model.TodayCap + 1
}

// TodayCount counts one kind of Today's items exactly, for its whole list.
func (d *DB) TodayCount(ctx context.Context, now time.Time, kind model.TodayKind) (n int, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.grantIn(ctx, tx)
		if err != nil || !g.todayKind(kind) {
			return err
		}
		if src, ok := todayPaged[kind]; ok {
			q, args := src(now).scoped(g)
			return tx.QueryRowContext(ctx, "SELECT count(*) FROM ("+q+")", args...).Scan(&n)
		}
		small, err := d.todaySmall(ctx, tx, g, now)
		n = len(small[kind])
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("count of today's %s: %w", kind, err)
	}
	return n, nil
}

// TodayItems is a page of one kind of Today's items, by date.
func (d *DB) TodayItems(ctx context.Context, now time.Time, kind model.TodayKind, offset, limit int) (out []model.TodayItem, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.grantIn(ctx, tx)
		if err != nil || !g.todayKind(kind) {
			return err
		}
		if src, ok := todayPaged[kind]; ok {
			q, args := src(now).scoped(g)
			out, err = todayPage(ctx, tx, kind, q, args, offset, limit)
			return err
		}
		small, err := d.todaySmall(ctx, tx, g, now)
		if err != nil {
			return err
		}
		all := small[kind]
		out = all[min(offset, len(all)):min(offset+limit, len(all))]
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("today's %s: %w", kind, err)
	}
	return out, nil
}

// todayKind tells whether the grant shows a kind of item at all.
func (g *grant) todayKind(k model.TodayKind) bool {
	if p, ok := model.TodayParts[k]; ok && !g.can(p).Reads() {
		return false
	}
	if perm, ok := model.TodayPermissions[k]; ok && !g.system && !g.role.May(perm) {
		return false
	}
	return true
}

// todaySmall reads the kinds bounded by their windows, the whole of each,
// those the grant sees, by date.
func (d *DB) todaySmall(ctx context.Context, tx *sql.Tx, g *grant, now time.Time) (map[model.TodayKind][]model.TodayItem, error) {
	var items []model.TodayItem
	txCtx := withTx(ctx, tx) // the reads below join this transaction
	for _, add := range []func(context.Context, time.Time, *[]model.TodayItem) error{
		d.reviewsDue, d.followUpsDue, d.retentionDue, d.stillEmployedDue,
	} {
		if err := add(txCtx, now, &items); err != nil {
			return nil, err
		}
	}
	out := map[model.TodayKind][]model.TodayItem{}
	for _, it := range items {
		if ok, err := g.sees(ctx, tx, it.PersonID); err != nil {
			return nil, err
		} else if ok {
			out[it.Kind] = append(out[it.Kind], it)
		}
	}
	for _, list := range out {
		slices.SortStableFunc(list, compareToday)
	}
	return out, nil
}

func compareToday(a, b model.TodayItem) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	switch {
	case a.CaseCode < b.CaseCode:
		return -1
	case a.CaseCode > b.CaseCode:
		return 1
	}
	return 0
}
