package schema

import (
	"encoding/json"
	"math"
	"testing"
)

func TestIsWikidataID(t *testing.T) {
	for s, want := range map[string]bool{
		"Q30": true, "Q1": true, "Q123456789012": true,
		"": false, "Q": false, "Q0": false, "Q030": false, "q30": false, "30": false,
		"Q30 ": false, "P30": false, "Q3a": false, "Q1234567890123": false,
	} {
		if got := IsWikidataID(s); got != want {
			t.Errorf("IsWikidataID(%q) = %v; want %v", s, got, want)
		}
	}
}

func TestExternalIDsAndLocationCheck(t *testing.T) {
	for _, tt := range []struct {
		ids  ExternalIDs
		loc  Location
		want bool // valid
	}{
		{ExternalIDs{}, Location{}, true},
		{ExternalIDs{Wikidata: "Q30", GeoNames: 6252001, ISO: "US"}, Location{Lat: -90, Lon: 180}, true},
		{ExternalIDs{Wikidata: "United States"}, Location{}, false},
		{ExternalIDs{GeoNames: -1}, Location{}, false},
		{ExternalIDs{ISO: "USA"}, Location{}, false},
		{ExternalIDs{ISO: "us"}, Location{}, false},
		{ExternalIDs{}, Location{Lat: 90.5}, false},
		{ExternalIDs{}, Location{Lon: -181}, false},
		{ExternalIDs{}, Location{Lat: math.NaN()}, false},
		{ExternalIDs{}, Location{Lon: math.Inf(1)}, false},
	} {
		err := tt.ids.Check()
		if err == nil {
			err = tt.loc.Check()
		}
		if (err == nil) != tt.want {
			t.Errorf("Check(%+v, %+v) = %v; want valid %v", tt.ids, tt.loc, err, tt.want)
		}
	}
}

// TestEntityJSON pins how `diplograph extract --json` and the exports write
// an entity's ids: an object under externalIds with only the ids it has, a
// location object, and neither key for an unlinked entity.
func TestEntityJSON(t *testing.T) {
	for _, tt := range []struct {
		e    Entity
		want string
	}{
		{Entity{ID: "1", Type: Place, Name: "Oslo", IDs: ExternalIDs{GeoNames: 3143244},
			Location: &Location{Lat: 59.91273, Lon: 10.74609}},
			`{"id":"1","key":"","type":"Place","name":"Oslo","externalIds":{"geonames":3143244},"location":{"lat":59.91273,"lon":10.74609}}`},
		{Entity{ID: "2", Type: Country, Name: "Sweden", Code: "SE",
			IDs: ExternalIDs{Wikidata: "Q34", GeoNames: 2661886, ISO: "SE"}},
			`{"id":"2","key":"","type":"Country","name":"Sweden","code":"SE","externalIds":{"wikidata":"Q34","geonames":2661886,"iso":"SE"}}`},
		{Entity{ID: "3", Type: Event, Name: "talks"},
			`{"id":"3","key":"","type":"Event","name":"talks"}`},
	} {
		got, err := json.Marshal(tt.e)
		if err != nil || string(got) != tt.want {
			t.Errorf("json.Marshal(%s) = %s, %v; want %s", tt.e.Name, got, err, tt.want)
		}
		var back Entity
		if err := json.Unmarshal(got, &back); err != nil || back.IDs != tt.e.IDs ||
			(back.Location == nil) != (tt.e.Location == nil) {
			t.Errorf("json round trip of %s = %+v, %v", tt.e.Name, back, err)
		}
	}
}
