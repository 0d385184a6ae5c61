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

// onClosed makes the automatic backup, then closes the desk.
func (u *App) onClosed() {
	if u.db != nil {
		u.closeDesk()
	}
}

// closeDesk makes the automatic backup when a folder is set and someone is
// signed in, then closes a sealed desk.
func (u *App) closeDesk() {
	if dir := u.setting(settingBackupDir, ""); dir != "" && u.op != nil {
		u.autoBackup(dir, time.Now())
	}
	if u.desk != nil {
		u.db.Close()
		u.db = nil
	}
}

// autoBackup writes a backup into dir named by its time, and removes the
// oldest beyond the number to keep. A folder that is not there (the stick
// was not plugged in) is skipped.
func (u *App) autoBackup(dir string, now time.Time) (string, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", err
	}
	out := filepath.Join(dir, autoBackupPrefix+now.Format("20060102-150405")+".db")
	if err := u.db.Backup(context.Background(), out, u.operatorID()); err != nil {
		return "", err
	}
	keep, err := strconv.Atoi(u.setting(settingBackupKeep, ""))
	if err != nil || keep < 1 {
		keep = defaultBackupKeep
	}
	pruneBackups(dir, keep)
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
