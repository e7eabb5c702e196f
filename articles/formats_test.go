package articles

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// format names a fixture of testdata/formats.
func format(name string) string { return filepath.Join("testdata", "formats", name) }

// TestNewsPage reads a saved news page with a menu, advertisements, scripts,
// a captioned photo, related links, a newsletter box and JSON-LD dates: the
// text is what a reader sees and the metadata comes from the page's tags.
func TestNewsPage(t *testing.T) {
	arts, errs := ReadFile(format("news-page.html"), Options{})
	if len(arts) != 1 || len(errs) != 0 {
		t.Fatalf("ReadFile(news-page.html) = %d articles, %v; want 1, none", len(arts), errs)
	}
	want := Article{
		Title: "Ghana and Togo agree to reopen border crossing",
		Body: "Ghana and Togo agree to reopen border crossing\n\n" +
			"ACCRA, March 10 - Ghana and Togo agreed on Monday to reopen the Aflao border " +
			"crossing to passenger traffic next month, ending a closure that has lasted almost " +
			"two years.\n\n" +
			"Foreign Minister Kwame Mensah signed the accord with his Togolese counterpart, " +
			"Robert Dussey, at a ceremony in Accra attended by customs officials from both " +
			"countries.\n\n" +
			"The ministers said traders would be able to cross with simplified paperwork, and " +
			"that a joint committee would meet every quarter to review the arrangement.\n\n" +
			"\"This is a good day for the families who live on both sides of the line,\" Mensah " +
			"told reporters after the signing.\n\n" +
			"The crossing, one of the busiest in West Africa, handles a large share of trade " +
			"between the two countries and their neighbours along the coastal corridor.",
		Published: "2025-03-10",
		URL:       "https://courier.example.com/africa/ghana-togo-border-crossing",
		Source:    "Coastline Courier", Author: "Ama Boateng", Path: format("news-page.html"),
	}
	if !reflect.DeepEqual(arts[0], want) {
		t.Errorf("ReadFile(news-page.html) =\n%#v\nwant\n%#v", arts[0], want)
	}
	for _, junk := range []string{"Advertisement", "Subscribe", "Lorries queue", "Related",
		"Benin and Niger", "Share this story", "morning briefing", "dataLayer", "©", "<"} {
		if strings.Contains(arts[0].Body, junk) {
			t.Errorf("page body holds %q, which a reader does not see as the article", junk)
		}
	}
}

// TestFormats reads one fixture of each kind of record file and feed.
func TestFormats(t *testing.T) {
	csvMap, err := ParseFieldMap("body=Copy, published=Dateline Date")
	if err != nil {
		t.Fatal(err)
	}
	ledger := "Lagoon Ledger – Diplomacy"
	tests := []struct {
		name string
		opts Options
		want []Article
		errs []string // "where: reason" suffixes, one per error
	}{
		{"feed.atom", Options{}, []Article{
			{Title: "Chile and Peru sign fisheries pact",
				Body: "LIMA, April 1 – Chile and Peru signed a fisheries pact on Tuesday.\n\n" +
					"Foreign Minister Ana Ruiz said the pact protects anchovy stocks.",
				Published: "2025-04-01", Source: ledger, Author: "Lucía Romero",
				URL:  "https://ledger.example.org/diplomacy/chile-peru-fisheries",
				Path: format("feed.atom") + "#1"},
			{Title: "Fiji hosts Pacific forum",
				Body: "SUVA - Fiji hosted the Pacific Islands Forum on Friday. " +
					"Leaders from Samoa and Tonga attended.",
				Published: "2025-03-28", Source: ledger,
				URL: "https://ledger.example.org/diplomacy/fiji-forum", Path: format("feed.atom") + "#2"},
			{Title: "Undated note", Body: "Ministers from Laos and Thailand met in Vientiane.",
				Source: ledger, URL: "https://ledger.example.org/diplomacy/note",
				Path: format("feed.atom") + "#3",
				Warnings: []string{`pubDate: cannot read "sometime in spring" as a date; ` +
					"loaded without a publication date"}},
		}, nil},
		{"feed.json", Options{}, []Article{
			{Title: "Kazakhstan hosts Astana talks",
				Body:      "ASTANA - Kazakhstan hosted talks on Tuesday.\n\nUzbekistan attended.",
				Published: "2025-02-11", Source: "Steppe Dispatch", Author: "Aigerim Sadykova",
				URL: "https://steppe.example.kz/astana-talks", Path: format("feed.json") + "#1"},
		}, nil},
		{"export.csv", Options{Fields: csvMap}, []Article{
			{Title: "Kenya and Tanzania agree border post",
				Body: "NAIROBI, May 2 - Kenya and Tanzania agreed on Friday to open a joint " +
					"border post.\n\nThe post will open in June.",
				URL: "https://wire.example.com/101", Path: format("export.csv") + ":2",
				Warnings: []string{`published: cannot read "02/05/2025" as a date; ` +
					"loaded without a publication date"}},
			{Title: "Bolivia invites Paraguay, Chile to summit",
				Body: "LA PAZ - Bolivia invited Paraguay and Chile to a summit on river " +
					"trade, officials said.",
				Published: "2025-05-03", URL: "https://wire.example.com/102",
				Path: format("export.csv") + ":5"},
			{Title: "Vietnam hosts ASEAN ministers",
				Body:      "HANOI - Ministers met in Hanoi on Sunday.\n\nThey discussed trade.",
				Published: "2025-05-04", URL: "https://wire.example.com/104",
				Path: format("export.csv") + ":7"},
		}, []string{`export.csv:6: no article text (its "Copy" is empty)`}},
		{"export.csv", Options{}, nil, []string{`export.csv:1: the first row is not a header ` +
			`naming a body column: no article text: none of "Copy", "Dateline Date", ` +
			`"Desk", "Headline", "Permalink", "Story ID" is a body field`}},
		{"export.csv", Options{Fields: FieldMap{"body": "Text"}}, nil,
			[]string{`export.csv:1: --map body=Text: no "Text" among "Copy"`}},
		{"articles.tsv", Options{}, []Article{
			{Title: "Samoa and Tonga meet", Body: "APIA - Samoa and Tonga met on Monday.",
				Published: "2025-03-10", Source: "Pacific Wire", Path: format("articles.tsv") + ":2"},
			{Title: "Laos and Thailand open bridge",
				Body:      "VIENTIANE - Laos and Thailand opened a bridge.",
				Published: "2025-03-10", Source: "Pacific Wire", Path: format("articles.tsv") + ":3"},
		}, nil},
		{"wrapped.json", Options{}, []Article{
			{Title: "Japan and Korea resume shuttle diplomacy",
				Body:      "TOKYO - Japan and South Korea resumed shuttle diplomacy on Monday.",
				Published: "2025-03-10", Source: "Harbour Herald", Author: "Jun Tanaka",
				URL: "https://herald.example.jp/shuttle", Path: format("wrapped.json") + "#1"},
			{Title: "Mongolia – China talks",
				Body:      "ULAANBAATAR - Mongolia and China held talks.\n\nTrade was discussed.",
				Published: "2025-03-12", URL: "https://herald.example.jp/mongolia",
				Path: format("wrapped.json") + "#3"},
		}, []string{`wrapped.json#2: no article text: none of "headline", "publishedAt" ` +
			"is a body field"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := ReadFile(format(tt.name), tt.opts)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ReadFile(%q) =\n%#v\nwant\n%#v", tt.name, got, tt.want)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("ReadFile(%q) errors = %v; want %d", tt.name, errs, len(tt.errs))
			}
			for i, err := range errs {
				var ie *InputError
				if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.errs[i]) {
					t.Errorf("error %d = %v; want an *InputError containing %q", i, err, tt.errs[i])
				}
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"2025-03-10", "2025-03-10"},
		{"2025-03-10T18:00:00Z", "2025-03-10"},
		{"2025-03-10T23:30:00-05:00", "2025-03-10"},
		{"2025-03-10 18:00:00", "2025-03-10"},
		{"Mon, 10 Mar 2025 18:00:00 GMT", "2025-03-10"},
		{"Mon, 10 Mar 2025 18:00:00 +0000", "2025-03-10"},
		{"Tue, 08 Feb 2022 00:18:43 +0000", "2022-02-08"},
		{"10 Mar 25 18:00 EST", "2025-03-10"},
		{"March 10, 2025", "2025-03-10"},
		{"January 2, 2006 3:04pm", "2006-01-02"},
		{"10 March 2025", "2025-03-10"},
		{"2025/03/10", "2025-03-10"},
		{"2025/03/10 18:00", "2025-03-10"},
		{"1741629600", "2025-03-10"},
		{"1741629600000", "2025-03-10"},
	}
	for _, tt := range tests {
		if got, err := ParseDate(tt.in); got != tt.want || err != nil {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, nil", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"last Tuesday", "9 September", "03/04/2025", "notadate", "12"} {
		if got, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %q, nil; want an error", bad, got)
		}
	}
}

func TestParseFieldMap(t *testing.T) {
	m, err := ParseFieldMap("title=headline, body=content,published=date")
	want := FieldMap{"title": "headline", "body": "content", "published": "date"}
	if err != nil || !reflect.DeepEqual(m, want) {
		t.Errorf("ParseFieldMap = %v, %v; want %v", m, err, want)
	}
	for _, bad := range []string{"headline", "title=", "heading=title", "body=a,body=b"} {
		if _, err := ParseFieldMap(bad); err == nil {
			t.Errorf("ParseFieldMap(%q) error = nil; want one", bad)
		}
	}
}

// TestPageCharset reads a page saved in windows-1252, as its meta tag says.
func TestPageCharset(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Talks in Bogot\xe1</title>" +
		"</head><body><article><p>BOGOT\xc1 - Colombia and Ecuador held talks at a caf\xe9 " +
		"on Monday, officials said. The ministers agreed to meet again in Quito next month " +
		"to review the border accord and the trade rules it sets out for both countries." +
		"</p></article></body></html>"
	opts := Options{Kind: HTML, Stdin: strings.NewReader(page)}
	ins, _ := Walk([]string{"-"}, opts)
	n := 0
	for a, err := range All(t.Context(), ins, opts) {
		n++
		if err != nil || a.Title != "Talks in Bogotá" ||
			!strings.HasPrefix(a.Body, "BOGOTÁ - Colombia and Ecuador held talks at a café") {
			t.Errorf("windows-1252 page = %q %q, %v; want its text in UTF-8", a.Title, a.Body, err)
		}
	}
	if n != 1 {
		t.Errorf("read %d articles from the page; want 1", n)
	}
}
