package printouts

import (
	"io"
	"strconv"
	"strings"

	"sportello/model"
	"sportello/typeset"
)

// InternshipDoc is the summary of an internship agreement (tirocinio)
// given to the person, in their language with the Italian: the host
// employer, the two tutors, the dates, the weekly hours and the monthly
// allowance, that an internship is training and not a job, the promoter's
// INAIL insurance, and whom to tell when something is wrong.
type InternshipDoc struct {
	Lang       string
	Header     Header // with the person, identified on every page
	Internship model.Internship
	Host       model.Employer
	DeskPhone  string
}

// RenderInternship writes the internship summary.
func RenderInternship(w io.Writer, d InternshipDoc) error {
	in := d.Internship
	if in.Start.IsZero() || d.Host.Name == "" {
		return &model.Error{Code: model.ErrRequired, Field: "internship", Message: "no internship agreement to summarise"}
	}
	return renderBilingual(w, d.Lang, "doc.internship.title", d.Header, func(b *bilingual) error {
		b.both("doc.internship.intro", nil, styleBody, styleItalian, sectionSpace)
		section := func(key string) {
			b.y += 4
			b.ensure(b.height(key, nil, styleHeading, styleItalian, 4) + 90) // with the start of what follows
			b.both(key, nil, styleHeading, styleItalian, 4)
		}
		say := func(key, name, value string) {
			if strings.TrimSpace(value) != "" {
				b.both(key, map[string]any{name: typeset.Isolate(value)}, styleBody, styleItalian, 4)
			}
		}
		section("doc.internship.host")
		say("doc.internship.host_name", "Name", d.Host.Name)
		say("doc.internship.address", "Address", d.Host.Address)
		if d.Host.WorkAddress != d.Host.Address {
			say("doc.internship.workplace", "Address", d.Host.WorkAddress)
		}
		say("doc.internship.host_tutor", "Name", in.Tutor)
		say("doc.internship.desk_tutor", "Name", in.DeskTutor)
		section("doc.internship.when")
		b.bothDated("doc.internship.start", nil, dayOf(in.Start), styleBody, styleItalian, 4)
		b.bothDated("doc.internship.end", nil, dayOf(in.End), styleBody, styleItalian, 4)
		// The numbers in each language's way (numbers.go).
		b.bothText(b.person.Tf("doc.internship.hours", map[string]any{"Hours": hoursIn(b.lang, in.WeeklyHours)}),
			b.it.Tf("doc.internship.hours", map[string]any{"Hours": typeset.IsolateLTR(hours(in.WeeklyHours))}), styleBody, styleItalian, 4)
		b.bothText(b.person.Tf("doc.internship.allowance", map[string]any{"Amount": euroIn(b.lang, in.AllowanceCents)}),
			b.it.Tf("doc.internship.allowance", map[string]any{"Amount": euro(in.AllowanceCents)}), styleBody, styleItalian, sectionSpace)
		section("doc.internship.rules")
		b.both("doc.internship.training", nil, styleBody, styleItalian, 6)
		b.both("doc.internship.insurance", nil, styleBody, styleItalian, sectionSpace)
		section("doc.internship.problem_title")
		b.both("doc.internship.problem", map[string]any{"Desk": typeset.Isolate(d.Header.Desk)}, styleBody, styleItalian, 4)
		if d.DeskPhone != "" {
			b.both("doc.internship.phone", map[string]any{"Phone": typeset.IsolateLTR(d.DeskPhone)}, styleBody, styleItalian, 4)
		}
		return nil
	})
}

// hours is a number of hours the Italian way: 20, 37,5.
func hours(h float64) string {
	return strings.Replace(strconv.FormatFloat(h, 'f', -1, 64), ".", ",", 1)
}
