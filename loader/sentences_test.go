package loader

import (
	"reflect"
	"testing"
)

func TestSplitter(t *testing.T) {
	var cases []struct {
		Name, Input string
		Want        []string
	}
	loadJSON(t, "sentences.json", &cases)
	x := extractor(t)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			paras, _ := x.clean.paragraphs(tc.Input, "")
			var got []string
			for _, s := range x.split.split(tc.Input, paras) {
				got = append(got, tc.Input[s.Start:s.End])
			}
			if !reflect.DeepEqual(got, tc.Want) {
				t.Errorf("split(%q) = %q; want %q", tc.Input, got, tc.Want)
			}
		})
	}
}

func TestTokenizer(t *testing.T) {
	x := extractor(t)
	cases := []struct {
		in   string
		want []string
	}{
		{"Chile’s U.S.-backed plan", []string{"Chile", "’s", "U.S.", "-", "backed", "plan"}},
		{"Gen. Haddad, 30,000 troops", []string{"Gen.", "Haddad", ",", "30,000", "troops"}},
		{"N'Diaye and al-Bashir", []string{"N'Diaye", "and", "al-Bashir"}},
		{"islands' leaders", []string{"islands", "'", "leaders"}},
	}
	for _, c := range cases {
		var got []string
		for _, tk := range x.split.tz.tokens(c.in, 0, len(c.in)) {
			got = append(got, tk.Text)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("tokens(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}
