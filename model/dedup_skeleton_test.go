package model

import (
	"slices"
	"testing"
)

// TestNameSkeleton: the spellings and scripts of one name give one skeleton.
func TestNameSkeleton(t *testing.T) {
	groups := [][]string{
		{"Mohammed Rahman", "Muhammad al-Rehman", "محمد الرحمن", "Mohamed Rahman", "Mouhamed Rahmane", "মোহাম্মদ রহমান"},
		{"Rahman", "রহমান", "Rehman", "رحمان"},
		{"Singh", "Sing", "ਸਿੰਘ", "सिंह"},
		{"Kaur", "Kour", "ਕੌਰ"},
		{"Harpreet", "ਹਰਪ੍ਰੀਤ", "Harprit"},
		{"Hussain", "Hussein", "Husain", "Hossain"},
		{"Youssef", "Yusuf", "Yousef", "يوسف"},
		{"Ousmane", "Usman", "Osman"},
		{"Abdoulaye", "Abdullahi", "Abdallah", "عبدالله"},
		{"Diallo", "Jallow"},
		{"Ibrahim", "Ebrahim", "Ibraheem", "ابراهیم"},
		{"Oleksandr", "Олександр", "Aleksandr", "Александр"},
		{"Serhii", "Sergiy", "Serhiy", "Сергій", "Сергей", "Sergey"},
		{"Yurii", "Yuriy", "Iurii", "Юрій", "Юрий"},
		{"Zhanna", "Janna", "Жанна"},
		{"Mykhailo", "Mihail", "Михайло", "Mikhail"},
		{"Shchur", "Schur", "Щур"},
		{"Fatima", "Fatemeh", "فاطمه"},
		{"Walid", "Oualid", "وليد"},
		{"Chaudhry", "چودھری"},
		{"Pérez", "Perez"}, {"Şahin", "Shahin"}, {"Ioniță", "Ionita"},
		{"Ghulam", "غلام"}, {"Ali", "علی", "علي"},
	}
	for _, g := range groups {
		want := NameSkeleton(g[0])
		for _, n := range g[1:] {
			if got := NameSkeleton(n); !slices.Equal(got, want) {
				t.Errorf("%s %v != %s %v", n, got, g[0], want)
			}
		}
	}
}
