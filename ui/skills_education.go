package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// educationCard lists the courses of study, in Italy or abroad, with the
// Italian and ISCED levels, the papers the person has and the recognition.
func (v *skillsView) educationCard(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	var rows []fyne.CanvasObject
	for i := range p.Education {
		rows = append(rows, v.educationRow(p, i))
	}
	n := len(p.Education)
	rows = append(rows, v.addButton(u.t("skills.add_education"), fmt.Sprintf("education.%d.level", n), func() {
		p.Education = append(p.Education, model.EducationEntry{})
	}))
	return widget.NewCard(u.t("skills.education"), "", container.NewVBox(rows...))
}

func (v *skillsView) educationRow(p *model.SkillsProfile, i int) fyne.CanvasObject {
	u := v.u
	e := &p.Education[i]
	f := fmt.Sprintf("education.%d", i)
	grid := formGrid(
		v.textField(f+".level", u.t("skills.education_level"), &e.Level, false),
		v.countryField(f+".country", u.t("skills.country"), &e.Country),
		v.dateField(f+".from", u.t("skills.from"), partial(&e.From)),
		v.dateField(f+".to", u.t("skills.to"), partial(&e.To)),
		v.register(f+".completed", "", v.check(u.t("skills.completed"), &e.Completed)),
		v.textField(f+".field", u.t("skills.field"), &e.Field, false),
		v.codeChoice(f+".italian_level", u.t("skills.italian_level"), model.EducationLevels, &e.ItalianLevel),
		v.codeChoice(f+".isced", "ISCED 2011", model.ISCEDLevels, &e.ISCED),
		v.codeChecks(f+".documents", u.t("skills.documents"), model.EducationDocuments, &e.Documents),
		v.codeChoice(f+".recognition", u.t("skills.recognition"), model.RecognitionStatuses, &e.Recognition))
	title := u.tr.Tf("skills.education_n", map[string]any{"N": i + 1})
	return v.rowCard(title, func() { p.Education = removeAt(p.Education, i) }, grid)
}

// licencesCard lists the driving licences: Italian categories, and for a
// foreign licence its country and whether it can be converted.
func (v *skillsView) licencesCard(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	var rows []fyne.CanvasObject
	for i := range p.Licences {
		l := &p.Licences[i]
		f := fmt.Sprintf("licences.%d", i)
		grid := formGrid(
			v.codeChoice(f+".category", u.t("skills.licence_category"), model.LicenceCategories, &l.Category),
			v.register(f+".foreign", "", v.check(u.t("skills.foreign_licence"), &l.Foreign)),
			v.countryField(f+".country", u.t("skills.licence_country"), &l.Country),
			v.yesNoChoice(f+".convertible", u.t("skills.convertible"), &l.Convertible),
			v.dateField(f+".expiry", u.t("skills.expiry"), partial(&l.Expiry)))
		rows = append(rows, v.rowCard(u.tr.Tf("skills.licence_n", map[string]any{"N": i + 1}),
			func() { p.Licences = removeAt(p.Licences, i) }, grid))
	}
	rows = append(rows, v.addButton(u.t("skills.add_licence"), fmt.Sprintf("licences.%d.category", len(p.Licences)), func() {
		p.Licences = append(p.Licences, model.DrivingLicence{})
	}))
	return widget.NewCard(u.t("skills.licences"), "", container.NewVBox(rows...))
}

// certificatesCard lists the safety and sector certificates, with the
// evidence of each.
func (v *skillsView) certificatesCard(p *model.SkillsProfile) fyne.CanvasObject {
	u := v.u
	var rows []fyne.CanvasObject
	for i := range p.Certificates {
		c := &p.Certificates[i]
		f := fmt.Sprintf("certificates.%d", i)
		grid := formGrid(
			v.codeChoice(f+".kind", u.t("skills.certificate_kind"), model.CertificateKinds, &c.Kind),
			v.textField(f+".detail", u.t("skills.certificate_detail"), &c.Detail, false),
			v.dateField(f+".date", u.t("skills.issued"), partial(&c.Date)),
			v.dateField(f+".expiry", u.t("skills.expiry"), partial(&c.Expiry)),
			v.codeChoice(f+".evidence", u.t("skills.evidence"), model.EvidenceKinds, &c.Evidence))
		rows = append(rows, v.rowCard(u.tr.Tf("skills.certificate_n", map[string]any{"N": i + 1}),
			func() { p.Certificates = removeAt(p.Certificates, i) }, grid))
	}
	rows = append(rows, v.addButton(u.t("skills.add_certificate"), fmt.Sprintf("certificates.%d.kind", len(p.Certificates)), func() {
		p.Certificates = append(p.Certificates, model.Certificate{})
	}))
	return widget.NewCard(u.t("skills.certificates"), "", container.NewVBox(rows...))
}
