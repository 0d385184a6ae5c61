package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"sportello/exchange"
	"sportello/locales"
	"sportello/model"
	"sportello/printouts"
	"sportello/store"
	"sportello/ui"
)

// languageReport is one row of `sportello languages`.
type languageReport struct {
	Tag       string                   `json:"tag"`
	Name      string                   `json:"name"`
	Script    string                   `json:"script"`
	Direction string                   `json:"direction"`
	Review    locales.Review           `json:"review"`
	Messages  map[string]locales.Count `json:"messages"`
}

// areaNames are the JSON names of the message areas.
var areaNames = map[locales.Area]string{locales.AreaInterface: "interface",
	locales.AreaQuestionnaire: "questionnaire", locales.AreaDocuments: "documents"}

// languageReports describes every beneficiary language.
func languageReports() ([]languageReport, error) {
	var out []languageReport
	for _, l := range model.Languages() {
		cov, err := locales.Coverage(l.Tag)
		if err != nil {
			return nil, err
		}
		r := languageReport{Tag: l.Tag, Name: l.Native, Script: l.Script, Direction: string(l.Direction),
			Review: locales.ReviewOf(l.Tag), Messages: map[string]locales.Count{}}
		for a, c := range cov {
			r.Messages[areaNames[a]] = c
		}
		out = append(out, r)
	}
	return out, nil
}

func (c *cli) languages(args []string) int {
	fs, _ := c.flags("languages")
	asJSON := fs.Bool("json", false, c.tr.T("cli.flag_json"))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	reports, err := languageReports()
	if err != nil {
		c.fail(err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(c.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(reports); err != nil {
			c.fail(err)
			return 1
		}
		return 0
	}
	count := func(x locales.Count) string { return fmt.Sprintf("%d/%d", x.Translated, x.Total) }
	fmt.Fprintln(c.out, c.tr.T("cli.languages_header"))
	for _, r := range reports {
		review := c.tr.T("cli.review_draft")
		if r.Review.State == locales.Reviewed {
			review = c.tr.Tf("cli.review_done", map[string]any{"By": r.Review.By, "Date": r.Review.Date})
		}
		fmt.Fprintf(c.out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Tag, r.Name, r.Script, r.Direction,
			count(r.Messages["interface"]), count(r.Messages["questionnaire"]), count(r.Messages["documents"]), review)
	}
	return 0
}

// printDocs are the documents `sportello print` knows.
var printDocs = append([]string{"languages", "candidate"}, printouts.Documents...)

func (c *cli) print(args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "-help") {
			fmt.Fprintln(c.out, c.tr.T("cli.help_print"))
			return 0
		}
		fmt.Fprintln(c.errw, c.tr.T("cli.help_print"))
		return 2
	}
	what := args[0]
	fs, db := c.flags("print")
	out := fs.String("out", "", c.tr.T("cli.flag_pdf_out"))
	lang := fs.String("lang", "it", c.tr.T("cli.flag_lang"))
	caseCode := fs.String("case", "", c.tr.T("cli.flag_case"))
	purpose := fs.String("purpose", "", c.tr.T("cli.flag_purpose"))
	service := fs.String("service", "", c.tr.T("cli.flag_service"))
	referral := fs.Int64("referral", 0, c.tr.T("cli.flag_referral"))
	date := fs.String("date", "", c.tr.T("cli.flag_date"))
	clock := fs.String("time", "", c.tr.T("cli.flag_time"))
	place := fs.String("place", "", c.tr.T("cli.flag_place"))
	bring := fs.String("bring", "", c.tr.T("cli.flag_bring"))
	ownPhone := fs.Bool("person-phone", false, c.tr.T("cli.flag_person_phone"))
	proposal := fs.Int64("proposal", 0, c.tr.T("cli.flag_proposal"))
	internship := fs.Int64("internship", 0, c.tr.T("cli.flag_internship"))
	employer := fs.Int64("employer", 0, c.tr.T("cli.flag_employer"))
	user := c.userFlag(fs)
	if code, ok := c.parse(fs, args[1:]); !ok {
		return code
	}
	known := false
	for _, d := range printDocs {
		known = known || d == what
	}
	if !known {
		fmt.Fprintln(c.errw, c.tr.Tf("cli.print_unknown", map[string]any{"Name": what, "Known": strings.Join(printDocs, ", ")}))
		return 2
	}
	if *out == "" {
		fmt.Fprintln(c.errw, c.tr.T("cli.print_needs_out"))
		return 2
	}
	if what == "languages" {
		return c.writeFile(*out, func(f *os.File) error { return printouts.RenderSpecimen(f, model.Languages()) })
	}
	req := printouts.Request{Doc: what, CaseCode: *caseCode, Lang: *lang, Purpose: *purpose, Service: *service,
		ReferralID: *referral, Date: *date, Time: *clock, Place: *place, OwnPhone: *ownPhone, ProposalID: *proposal,
		InternshipID: *internship, EmployerID: *employer}
	if *bring != "" {
		req.Bring = strings.Split(*bring, ",")
	}
	if what == "rights" && *user == "" {
		// The leaflet names nobody: without a login it prints without the
		// organisation's header, which lives in the sealed store.
		render, err := printouts.Prepare(context.Background(), noDesk{}, req)
		if err != nil {
			c.fail(err)
			return 1
		}
		return c.writeFile(*out, func(f *os.File) error { return render(f) })
	}
	access := deskAccess{what: "print " + what + " " + req.CaseCode}
	return c.withDesk(*db, *user, access, func(d *store.DB, op *model.Operator) int {
		ctx := context.Background()
		layer, err := d.TextLayer(ctx) // the desk's mediators' corrections and reviews
		if err != nil {
			c.fail(err)
			return 1
		}
		layer.Apply()
		render, err := printouts.Prepare(ctx, d, req)
		if err != nil {
			c.fail(err)
			return 1
		}
		code := c.writeFile(*out, func(f *os.File) error { return render(f) })
		if code == 0 && req.CaseCode != "" {
			if p, err := d.PersonByCaseCode(ctx, req.CaseCode); err == nil {
				d.RecordPrint(ctx, op.ID, p.ID, ui.PrintDetail(req))
			}
		}
		return code
	})
}

// noDesk is a printouts.Source with nothing in it: for the documents that
// name nobody, printed without unlocking the desk.
type noDesk struct{ printouts.Source }

func (noDesk) Setting(context.Context, string) (string, error) { return "", nil }

// writeFile writes a new file through a temporary one beside it, so a
// failure leaves no partial file behind. The file is 0600 whatever the
// umask: exports and printed documents name people.
func (c *cli) writeFile(path string, write func(*os.File) error) int {
	code := c.writeFileQuiet(path, write)
	if code == 0 {
		fmt.Fprintln(c.out, c.tr.Tf("cli.written", map[string]any{"Path": path}))
	}
	return code
}

// writeFileQuiet is writeFile for a caller that tells what it wrote itself.
func (c *cli) writeFileQuiet(path string, write func(*os.File) error) int {
	err := exchange.WritePrivateFile(path, write)
	var fe *exchange.FileError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &fe):
		fmt.Fprintln(c.errw, c.tr.Tf("cli.cannot_write", map[string]any{"Path": path, "Detail": fe.Err.Error()}))
	default:
		c.fail(err)
	}
	return 1
}
