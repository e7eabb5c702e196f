package loader

import (
	"reflect"
	"testing"
)

func TestCleaner(t *testing.T) {
	var cases []struct {
		Name, Input, Title  string
		Want                []string
		Place, Region, Date string
	}
	loadJSON(t, "clean.json", &cases)
	c := newCleaner()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			paras, dl := c.paragraphs(tc.Input, tc.Title)
			var got []string
			for _, p := range paras {
				got = append(got, tc.Input[p.Start:p.End])
			}
			if !reflect.DeepEqual(got, tc.Want) {
				t.Errorf("paragraphs(%q) = %q; want %q", tc.Input, got, tc.Want)
			}
			if dl.Place != tc.Place || dl.Region != tc.Region || dl.Date != tc.Date {
				t.Errorf("dateline(%q) = %+v; want {%s %s %s}", tc.Input, dl, tc.Place, tc.Region,
					tc.Date)
			}
		})
	}
}
