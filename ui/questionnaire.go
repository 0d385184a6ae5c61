package ui

import (
	"sync"

	"sportello/assets"
	"sportello/model"
)

var (
	questionnaireMu    sync.Mutex
	questionnaireCache = map[string]*model.Questionnaire{}
)

// loadQuestionnaire parses a bundled questionnaire version once. An
// interview keeps the version it was taken with, so old interviews always
// open with their own questions.
func loadQuestionnaire(version string) (*model.Questionnaire, error) {
	questionnaireMu.Lock()
	defer questionnaireMu.Unlock()
	if qn, ok := questionnaireCache[version]; ok {
		return qn, nil
	}
	data, ok := assets.Questionnaire(version)
	if !ok {
		return nil, &model.Error{Code: model.ErrNotFound, Message: "no questionnaire version " + version}
	}
	qn, err := model.ParseQuestionnaire(data)
	if err != nil {
		return nil, err
	}
	questionnaireCache[version] = qn
	return qn, nil
}
