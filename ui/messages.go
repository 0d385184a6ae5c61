package ui

import (
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2/dialog"

	"sportello/locales"
	"sportello/model"
	"sportello/printouts"
	"sportello/store"
)

// t is short for the current language's translation.
func (u *App) t(id string) string { return u.tr.T(id) }

// errText is the user's-language message for err: a model error by its
// code, a database problem by its kind, anything else as "unexpected" with
// the technical detail, so it can be reported.
func (u *App) errText(err error) string {
	var oe *store.OpenError
	if errors.As(err, &oe) {
		return u.tr.Tf(OpenProblemKey(oe.Problem), map[string]any{"Path": oe.Path})
	}
	var te *store.ThrottleError
	if errors.As(err, &te) {
		return u.tr.Tf("open.throttled", map[string]any{"Seconds": int(te.Wait.Seconds() + 0.5)})
	}
	var me *model.Error
	if errors.As(err, &me) && me.Code == model.ErrPermission && slices.Contains(model.Parts, model.Part(me.Field)) {
		// Which part of the file, and why: the role.
		role := ""
		if u.op != nil {
			role = u.label("role", u.op.Role)
		}
		return u.tr.Tf("error.part", map[string]any{"Role": role, "Part": u.label("part", me.Field)})
	}
	if code := model.ErrorCode(err); code != "" {
		return u.t("error." + code)
	}
	return u.tr.Tf("error.unexpected", map[string]any{"Detail": err.Error()})
}

// showError shows err in a dialog in the user's language.
func (u *App) showError(err error) {
	dialog.ShowInformation(u.t("dialog.error_title"), u.errText(err), u.win)
}

// OpenProblemKey is the message ID explaining why a database would not open.
func OpenProblemKey(p store.OpenProblem) string { return "open." + string(p) }

// label translates an enumerated value: label("sex", "F") is "sex.F".
func (u *App) label(kind string, value any) string {
	v := fmt.Sprint(value)
	if v == "" {
		v = "unknown"
	}
	if kind == "lang" && !u.tr.Has("lang."+v) {
		if l, ok := model.LanguageByTag(v); ok { // a language the desk added: its own names
			return firstOf(l.English, l.Native)
		}
	}
	return u.t(kind + "." + v)
}

// errorCodes lists every model error code, for the locale tests.
var errorCodes = []string{model.ErrRequired, model.ErrTooLong, model.ErrInvalid, model.ErrFutureDate,
	model.ErrDateInvalid, model.ErrFiscalCodeFormat, model.ErrFiscalCodeCheck, model.ErrFiscalCodeMatch,
	model.ErrFiscalCodeCountry, model.ErrPasswordShort, model.ErrPasswordMismatch, model.ErrUsernameTaken,
	model.ErrNotFound, model.ErrConflict, model.ErrPermission, model.ErrLogin, model.ErrTooManyRows, model.ErrNotAssigned, model.ErrNoConsent, model.ErrErased,
	model.ErrVATFormat, model.ErrVATCheck, model.ErrFlagged}

// DynamicKeys lists the message IDs the code builds at run time rather than
// writing them out, so the locale tests can check them too.
func DynamicKeys() []string {
	var keys []string
	enum := func(kind string, values ...any) {
		for _, v := range values {
			s := fmt.Sprint(v)
			if s == "" {
				s = "unknown"
			}
			keys = append(keys, kind+"."+s)
		}
	}
	for _, c := range errorCodes {
		enum("error", c)
	}
	for _, p := range []store.OpenProblem{store.ProblemCorrupt, store.ProblemReadOnly, store.ProblemTooNew,
		store.ProblemInUse, store.ProblemOther, store.ProblemWrongKey, store.ProblemNoKeyFile,
		store.ProblemKeyMismatch, store.ProblemPlaintext, store.ProblemNotDemo} {
		keys = append(keys, OpenProblemKey(p))
	}
	for _, v := range model.Sexes {
		enum("sex", v)
	}
	for _, v := range model.Parts {
		enum("part", v)
	}
	for _, v := range model.PermitStatuses {
		enum("permit", v)
	}
	for _, v := range model.Channels {
		enum("channel", v)
	}
	for _, v := range model.Roles {
		enum("role", v)
	}
	for _, v := range model.CaseStatuses {
		enum("case_status", v)
	}
	for _, v := range model.Priorities {
		enum("priority", v)
	}
	for _, v := range model.InterviewKinds {
		enum("interview_kind", v)
	}
	for _, v := range model.Places {
		enum("place", v)
	}
	for _, l := range model.BeneficiaryLanguages {
		enum("lang", l.Tag)
	}
	for _, l := range locales.Interface {
		enum("interface_language", l)
	}
	for _, a := range locales.ReviewAreas {
		enum("texts", "area_"+a.ID)
	}
	enum("texts", "error_unknown", "error_empty", "error_template", "error_placeholders", "error_numbers")
	enum("languages", "dir_ltr", "dir_rtl")
	enum("access", model.ActionView, model.ActionPrint, model.ActionUpdate)
	for _, d := range model.DelphiDimensions {
		enum("delphi_dimension", d.Code)
	}
	enum("strength", "S", "M", "W")
	keys = append(keys, dedupCodes...)
	keys = append(keys, dedupScripts...)
	for _, ref := range model.IndicatorRefs() {
		keys = append(keys, printouts.IndicatorKey(ref))
	}
	for _, v := range model.PlanAreas {
		enum("area", v)
	}
	for _, v := range model.ActionStatuses {
		enum("action_status", v)
	}
	for _, v := range model.BudgetPurposes {
		enum("budget", v)
	}
	for _, v := range model.ConsentPurposes {
		enum("purpose", v)
	}
	for _, v := range model.ConsentStates {
		enum("consent_state", v)
	}
	for _, v := range model.ReferralStatuses {
		enum("referral_status", v)
		if v != model.ReferralDraft { // no move leads back to a draft
			enum("referrals", "move_"+string(v))
		}
	}
	for _, v := range model.ServiceKinds {
		enum("service_kind", v)
	}
	for _, v := range model.TodayKinds {
		enum("today", v)
	}
	enum("urgency", model.UrgencyNormal, model.UrgencyUrgent)
	enum("plan", "status_"+string(model.PlanDraft), "status_"+string(model.PlanAgreed))
	for _, d := range printouts.Documents {
		enum("document", d)
	}
	for _, item := range printouts.SlipItems {
		enum("slip_item", item)
	}
	for _, r := range model.ErasureReasons {
		enum("erasure_reason", r.Reason)
	}
	for _, v := range model.VacancyStates {
		enum("vacancy_state", v)
	}
	for _, v := range model.PayUnits {
		enum("pay_unit", v)
	}
	enum("breach", model.BreachPay, model.BreachWeeklyHours, model.BreachDailyHours, model.BreachRestDay)
	enum("plan.suggest", "screening", "housing", "health", "legal", "income", "childcare", "transport", "training",
		"italian_course", "work_wanted")
	keys = append(keys, matchKeys()...)
	keys = append(keys, workMatchKeys()...)
	keys = append(keys, workPathKeys()...)
	return keys
}

// N translates a message with plural forms.
func (u *App) N(id string, n int) string { return u.tr.N(id, n) }

// number is n as the interface language writes it.
func (u *App) number(n int) string { return groupThousands(n, u.tr.Lang()) }
