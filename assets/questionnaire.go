package assets

import (
	"embed"
	"sort"
	"strings"
)

//go:embed questionnaire/*.json
var questionnaires embed.FS

// CurrentQuestionnaire is the version new interviews are taken with.
const CurrentQuestionnaire = "2026.2"

// questionnaireFiles maps each version to its definition file. A new
// version is a new file: old interviews keep reading theirs.
var questionnaireFiles = map[string]string{
	"2026.1": "questionnaire/v1.json",
	"2026.2": "questionnaire/v2.json", // v1 with the skills profile in the skills section
}

// Questionnaire returns the definition (JSON) of a questionnaire version.
func Questionnaire(version string) ([]byte, bool) {
	name, ok := questionnaireFiles[version]
	if !ok {
		return nil, false
	}
	b, err := questionnaires.ReadFile(name)
	return b, err == nil
}

// QuestionnaireVersions lists the bundled versions, oldest first.
func QuestionnaireVersions() []string {
	var out []string
	for v := range questionnaireFiles {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return strings.Compare(out[i], out[j]) < 0 })
	return out
}
