package ui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// DBFile is the database's file name inside the data folder.
const DBFile = "sportello.db"

// Config is what must be known before the database opens: where it is.
// It lives in the user's configuration folder as a small JSON file.
type Config struct {
	DataDir string `json:"data_dir,omitempty"`
	// Language is the interface language of the login, before the desk
	// (which keeps the setting) is unlocked.
	Language string `json:"language,omitempty"`
	// Window is the window's size when it was last closed.
	Window *WindowSize `json:"window,omitempty"`

	path string
}

// DefaultDataDir is the user's data folder for Sportello:
// $XDG_DATA_HOME/sportello (~/.local/share/sportello) on Linux,
// %LOCALAPPDATA%\Sportello on Windows, ~/Library/Application Support/Sportello on macOS.
func DefaultDataDir() string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "Sportello")
		}
		return filepath.Join(home, "AppData", "Local", "Sportello")
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "Sportello")
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "sportello")
	}
	return filepath.Join(home, ".local", "share", "sportello")
}

// ConfigPath is where the configuration file lives.
func ConfigPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = DefaultDataDir()
	}
	return filepath.Join(dir, "sportello", "config.json")
}

// LoadConfig reads the configuration at path; a missing file gives the defaults.
func LoadConfig(path string) (*Config, error) {
	c := &Config{path: path}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(b, c); err != nil {
		return &Config{path: path}, err
	}
	return c, nil
}

// DBPath is the database file the window opens.
func (c *Config) DBPath() string {
	dir := c.DataDir
	if dir == "" {
		dir = DefaultDataDir()
	}
	return filepath.Join(dir, DBFile)
}

// clone is a copy of c to change and save off the UI goroutine.
func (c *Config) clone() *Config {
	cp := *c
	if c.Window != nil {
		w := *c.Window
		cp.Window = &w
	}
	return &cp
}

// Save writes the configuration atomically (temporary file, then rename).
func (c *Config) Save() error {
	if err := os.MkdirAll(filepath.Dir(c.path), 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	tmp := c.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, c.path)
}
