package norm

import "testing"

func TestKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"United States", "united states"},
		{"the U.N.", "un"},
		{"U.S.", "us"},
		{"Côte d'Ivoire", "cote divoire"},
		{"K. P. Sharma Oli", "kp sharma oli"},
		{"K.P. Sharma Oli", "kp sharma oli"},
		{"Joseph R. Biden Jr.", "joseph r biden jr"},
		{"Hai Phong", "hai phong"},
		{"Guinea-Bissau", "guinea bissau"},
		{"  São  Tomé ", "sao tome"},
		{"Gideon Sa’ar", "gideon saar"},
		{"Łódź", "lodz"},
		{"Theatre", "theatre"},
		{"Москва", "москва"},
		{"", ""},
		{"North Atlantic Treaty Organisation", "north atlantic treaty organization"},
		{"Organisation for Economic Co-operation and Development", "organization for economic cooperation and development"},
		{"World Food Programme", "world food program"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}
