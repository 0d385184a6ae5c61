package ui

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Settings of the automatic backup made when the window closes.
const (
	settingBackupDir  = "backup.dir"  // a folder, e.g. on a USB stick; none: no automatic backup
	settingBackupKeep = "backup.keep" // how many backups to keep there
	defaultBackupKeep = 10
	autoBackupPrefix  = "sportello-"
)

// onClosed remembers the window's size, makes the automatic backup, then
// closes the desk.
func (u *App) onClosed() {
	u.rememberSize()
	dir, keep, by := u.setting(settingBackupDir, ""), u.setting(settingBackupKeep, ""), u.operatorID()
	u.idle.stop() // cancels the reads still running
	if u.db == nil {
		return
	}
	u.leaveInterview()()
	if u.desk == nil { // a store given to the window stays open for its owner
		if dir != "" && by != 0 {
			backupTo(u.db, by, dir, keep, time.Now())
		}
		return
	}
	db := u.db
	u.db = nil
	closeDesk(db, by, dir, keep, time.Now())
}

// closeDesk makes the automatic backup of db when a folder is set and an
// operator was signed in, then closes it.
func closeDesk(db Store, by int64, dir, keep string, now time.Time) error {
	var err error
	if dir != "" && by != 0 {
		_, err = backupTo(db, by, dir, keep, now)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// autoBackup writes the automatic backup into dir now.
func (u *App) autoBackup(dir string, now time.Time) (string, error) {
	return backupTo(u.db, u.operatorID(), dir, u.setting(settingBackupKeep, ""), now)
}

// backupTo writes a backup of db into dir named by its time, and removes
// the oldest beyond keep (the setting's text; 10 when it is not a number).
// A folder that is not there (the stick was not plugged in) is skipped.
func backupTo(db Store, by int64, dir, keep string, now time.Time) (string, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", err
	}
	out := filepath.Join(dir, autoBackupPrefix+now.Format("20060102-150405")+".db")
	if err := db.Backup(context.Background(), out, by); err != nil {
		return "", err
	}
	n, err := strconv.Atoi(keep)
	if err != nil || n < 1 {
		n = defaultBackupKeep
	}
	pruneBackups(dir, n)
	return out, nil
}

// pruneBackups keeps the newest keep automatic backups in dir, each with
// its key file.
func pruneBackups(dir string, keep int) {
	names, _ := filepath.Glob(filepath.Join(dir, autoBackupPrefix+"*.db"))
	sort.Strings(names) // the time in the name sorts them
	for len(names) > keep {
		os.Remove(names[0])
		os.Remove(names[0] + ".keys")
		names = names[1:]
	}
}

// demoBand is the band over every screen of a demo desk.
func (u *App) demoBand() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	l := widget.NewLabelWithStyle(strings.ToUpper(u.t("demo.band")), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	return container.NewStack(bg, l)
}
