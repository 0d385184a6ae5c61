package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sportello/exchange"
	"sportello/internal/osmem"
	"sportello/model"
	"sportello/store"
	"sportello/ui"
)

func (c *cli) export(args []string) int {
	osmem.BoundJob(osmem.ExportGC)
	fs, db := c.flags("export")
	out := fs.String("out", "", c.tr.T("cli.flag_export_out"))
	format := fs.String("format", exchange.FormatBundle, c.tr.T("cli.flag_format"))
	pseudo := fs.Bool("pseudonymise", false, c.tr.T("cli.flag_pseudonymise"))
	since := fs.String("since", "", c.tr.T("cli.flag_since"))
	recipient := fs.String("recipient", "", c.tr.T("cli.flag_recipient"))
	plaintext := fs.Bool("plaintext", false, c.tr.T("cli.flag_plaintext"))
	user := fs.String("user", "", c.tr.T("cli.flag_user"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.export_needs_out"))
		return 2
	}
	opt := exchange.Options{Format: *format, Pseudonymised: *pseudo, Recipient: strings.TrimSpace(*recipient),
		Plaintext: *plaintext}
	if opt.Plaintext && opt.Recipient != "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.export_plaintext_and_recipient"))
		return 2
	}
	switch {
	case *since == "last":
		opt.Incremental = true
	case *since != "":
		t, err := time.Parse(time.DateOnly, *since)
		if err != nil {
			fmt.Fprintln(c.errw, c.tr.T("cli.export_bad_since"))
			return 2
		}
		opt.Since = t
	}
	return c.withDesk(*db, *user, deskAccess{what: "export " + *out}, func(d *store.DB, op *model.Operator) int {
		ctx := context.Background()
		opt.Operator = op
		// A full export names people: it goes to the recipient in the
		// settings unless another is given, or --plaintext says otherwise.
		if opt.Recipient == "" && !opt.Plaintext && (opt.Incremental || !opt.Pseudonymised) {
			key, _ := d.Setting(ctx, exchange.SettingRecipient)
			opt.Recipient = strings.TrimSpace(key)
		}
		if opt.Recipient != "" {
			if key, _ := d.Setting(ctx, exchange.SettingRecipient); strings.TrimSpace(key) == opt.Recipient {
				opt.Label, _ = d.Setting(ctx, exchange.SettingRecipientLabel)
			}
		}
		if err := exchange.CheckOptions(opt); err != nil {
			if errors.Is(err, exchange.ErrNeedsRecipient) {
				fmt.Fprintln(c.errw, c.tr.T("cli.export_needs_recipient"))
			} else {
				c.fail(err)
			}
			return 1
		}
		var res *exchange.Result
		code := c.writeFileQuiet(*out, func(f *os.File) error {
			var err error
			res, err = exchange.Export(ctx, d, f, opt)
			return err
		})
		if code != 0 {
			return code
		}
		if err := exchange.LogExport(ctx, d, opt, res, filepath.Base(*out)); err != nil {
			c.fail(err)
			return 1
		}
		mode := c.tr.T("cli.mode_full")
		if opt.Pseudonymised {
			mode = c.tr.T("cli.mode_pseudonymised")
		}
		fmt.Fprintln(c.out, c.tr.Tf("cli.export_done", map[string]any{"Path": *out, "Format": opt.Format,
			"Mode": mode, "Counts": exchange.CountsText(res.Counts)}))
		if opt.Recipient != "" {
			name := opt.Label
			if name == "" {
				name = opt.Recipient
			}
			fmt.Fprintln(c.out, c.tr.Tf("cli.export_encrypted_for", map[string]any{"Name": name}))
		} else if opt.PlaintextFull() {
			fmt.Fprintln(c.errw, c.tr.T("cli.export_plaintext_warning"))
		}
		return 0
	})
}

// importBundle merges a bundle. A bundle from a desk not accepted yet is
// refused with that desk's name, ID and the fingerprint of its key; after
// comparing it by phone, a coordinator imports it with --trust FILE, which
// prints the fingerprint, accepts the key and merges.
func (c *cli) importBundle(args []string) int {
	fs, db := c.flags("import")
	identityFile := fs.String("identity", "", c.tr.T("cli.flag_identity"))
	user := fs.String("user", "", c.tr.T("cli.flag_user"))
	trust := fs.String("trust", "", c.tr.T("cli.flag_trust"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	path := *trust
	switch {
	case path != "" && fs.NArg() != 0:
		fmt.Fprintln(c.errw, c.tr.T("cli.import_trust_twice"))
		return 2
	case path == "" && fs.NArg() != 1:
		fmt.Fprintln(c.errw, c.tr.T("cli.import_needs_file"))
		return 2
	case path == "":
		path = fs.Arg(0)
	}
	// The bundle is read from the file as the merge goes, never whole.
	file, size, err := openBundleFile(path)
	if err != nil {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.cannot_read", map[string]any{"Path": path, "Detail": err.Error()}))
		return 1
	}
	defer file.Close()
	opt := exchange.ImportOptions{FileName: filepath.Base(path)}
	if *identityFile != "" {
		id, err := os.ReadFile(*identityFile)
		if err != nil {
			fmt.Fprintln(c.errw, c.tr.Tf("cli.cannot_read", map[string]any{"Path": *identityFile, "Detail": err.Error()}))
			return 1
		}
		opt.Identity = identityLine(string(id))
	}
	access := deskAccess{what: "import " + path}
	if *trust != "" {
		access = deskAccess{what: "import --trust " + path, need: model.PermDesks}
	}
	return c.withDesk(*db, *user, access, func(d *store.DB, op *model.Operator) int {
		ctx := context.Background()
		opt.Operator = op
		res, err := exchange.Import(ctx, d, file, size, opt)
		var unknown *exchange.UnknownDeskError
		if errors.As(err, &unknown) {
			about := map[string]any{"Desk": unknown.Desk.Name, "ID": unknown.Desk.ID, "Fingerprint": unknown.Fingerprint,
				"File": path}
			if *trust == "" {
				fmt.Fprintln(c.errw, c.tr.T(ui.RefusalKey(unknown.Code)))
				fmt.Fprintln(c.errw, c.tr.Tf("cli.import_unknown_desk", about))
				fmt.Fprintln(c.errw, c.tr.Tf("cli.import_use_trust", about))
				return 1
			}
			fmt.Fprintln(c.out, c.tr.Tf("cli.trust_accepting", about))
			if err := exchange.TrustDesk(ctx, d, unknown.Desk, unknown.PublicKey, op); err != nil {
				c.fail(err)
				return 1
			}
			res, err = exchange.Import(ctx, d, file, size, opt)
		}
		var be *exchange.BundleError
		if errors.As(err, &be) {
			fmt.Fprintln(c.errw, c.tr.T(ui.RefusalKey(be.Code)))
			fmt.Fprintln(c.errw, "  "+be.Detail)
			return 1
		}
		if err != nil {
			c.fail(err)
			return 1
		}
		fmt.Fprintln(c.out, c.tr.Tf("cli.import_done", map[string]any{"Desk": res.From.Name, "Added": res.Added,
			"Updated": res.Updated, "Unchanged": res.Unchanged, "Kept": res.Kept, "Conflicts": res.Conflicts}))
		if res.Conflicts > 0 {
			fmt.Fprintln(c.out, c.tr.T("cli.import_conflicts"))
		}
		return 0
	})
}

// identityLine finds the secret key in an age identity file, which may
// hold comments.
func identityLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "AGE-SECRET-KEY-") {
			return line
		}
	}
	return strings.TrimSpace(s)
}

// openBundleFile opens a bundle file for an import and gives its size.
func openBundleFile(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, info.Size(), nil
}
