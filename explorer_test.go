package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath returns Debian's Chromium, skipping the test without it,
// or failing it when CI=true (.ci/run installs it).
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not on PATH; CI must run the explorer test")
	}
	t.Skip("chromium is not on PATH; apt-get install chromium to run the explorer test")
	return ""
}

// artifactDir is where the test writes its screenshots:
// $DIPLOGRAPH_ARTIFACTS, or a diplograph-artifacts folder in the temp dir.
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DIPLOGRAPH_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "diplograph-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestExplorer loads the shipped examples, opens /explore in headless
// Chromium, types a name into the search box, picks the hit (which expands
// it), asks for a path between two names, rolls people up into countries,
// and checks each step through Cytoscape's own state; it saves screenshots.
func TestExplorer(t *testing.T) {
	chromium := chromiumPath(t)
	base := serveExamples(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.WindowSize(1400, 900),
		chromedp.UserDataDir(t.TempDir()),
		// Resolve no name, so that nothing but the test server can be reached.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	var mu sync.Mutex
	var problems []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			problems = append(problems, fmt.Sprintf("exception at %s:%d: %s", d.URL,
				d.LineNumber, msg))
		case *runtime.EventConsoleAPICalled:
			if e.Type == "error" {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				problems = append(problems, "console.error: "+strings.Join(parts, " "))
			}
		}
	})
	if err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	report := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(problems)
	}

	shots := artifactDir(t)
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			png, err := chromedp.FullScreenshot(100)(ctx, tg) // quality 100 makes a PNG
			if err != nil {
				return chromedp.Void{}, err
			}
			path := filepath.Join(shots, name)
			t.Logf("screenshot %s", path)
			return chromedp.Void{}, os.WriteFile(path, png, 0o644)
		}
	}
	// until waits for a JavaScript condition on the drawn graph.
	until := func(expr string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second))(ctx, tg)
			return chromedp.Void{}, err
		}
	}
	eval := func(js string, out any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js))
		if err == nil {
			err = json.Unmarshal(raw, out)
		}
		if err != nil {
			t.Fatalf("evaluating %s: %v (browser: %v)", js, err, report())
		}
	}

	// Record Content-Security-Policy violations, which the page itself
	// never reports.
	watchCSP := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`})
		return chromedp.Void{}, err
	}
	err = chromedp.Do(ctx,
		watchCSP,
		chromedp.Navigate(base+"/explore/"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
		chromedp.SendKeys(chromedp.CSS("#search"), "Mensah"),
		chromedp.WaitVisible(chromedp.CSS("#hits li")),
		chromedp.Click(chromedp.CSS("#hits li")),
		until(`explorer.cy.nodes().length > 3`),
		shot("explore-neighbourhood.png"),
	)
	if err != nil {
		t.Fatalf("search and expand: %v (browser: %v)", err, report())
	}
	var names []string
	eval(`explorer.cy.nodes().map(n => n.data('name'))`, &names)
	for _, want := range []string{"Efua Mensah", "Ghana", "Ibrahim Danjuma"} {
		if !slices.Contains(names, want) {
			t.Errorf("after expanding Efua Mensah the graph shows %v; want %s among them",
				names, want)
		}
	}

	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#from"), "Efua Mensah"),
		chromedp.SendKeys(chromedp.CSS("#to"), "Aminata Sow"),
		chromedp.Click(chromedp.CSS("#findpath")),
		until(`explorer.cy.$('node.path').length >= 3`),
		shot("explore-path.png"),
	)
	if err != nil {
		t.Fatalf("path: %v (browser: %v)", err, report())
	}
	var pathNames []string
	var count int
	eval(`explorer.cy.$('node.path').map(n => n.data('name'))`, &pathNames)
	eval(`explorer.cy.$('edge.path').length`, &count)
	for _, want := range []string{"Efua Mensah", "Aminata Sow"} {
		if !slices.Contains(pathNames, want) {
			t.Errorf("the path highlights %v; want %s among them", pathNames, want)
		}
	}
	if count < 2 {
		t.Errorf("the path highlights %d edges; want 2 or more", count)
	}

	// The evidence panel: tap the drawn CALLED edge between Mensah and Danjuma.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`explorer.cy.edges('[type = "CALLED"]')[0].emit('tap'), true`),
		chromedp.WaitVisible(chromedp.CSS("#evidence-body blockquote cite")),
		shot("explore-evidence.png"),
	)
	if err != nil {
		t.Fatalf("evidence: %v (browser: %v)", err, report())
	}
	var evidence string
	eval(`document.getElementById('evidence-body').textContent`, &evidence)
	if !strings.Contains(evidence, "CALLED") || !strings.Contains(evidence, "Mensah") {
		t.Errorf("the evidence panel shows %q; want the call and its sentence", evidence)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#rollup")),
		until(`explorer.settings.rollup`),
		shot("explore-rollup.png"),
	)
	if err != nil {
		t.Fatalf("roll-up: %v", err)
	}
	var people int
	var gexf string
	eval(`explorer.cy.nodes().filter(n => n.data('type') === 'PERSON' && n.data('country')).length`,
		&people)
	eval(`explorer.cy.nodes().map(n => n.data('name'))`, &names)
	eval(`explorer.gexf()`, &gexf)
	if people != 0 || !slices.Contains(names, "Ghana") || slices.Contains(names, "Efua Mensah") {
		t.Errorf("rolled up, the graph shows %v (%d people with a country); want them "+
			"replaced by their countries", names, people)
	}
	if !strings.Contains(gexf, `<gexf xmlns="http://gexf.net/1.3"`) ||
		!strings.Contains(gexf, `label="Ghana"`) {
		t.Errorf("the view's GEXF lacks the header or Ghana:\n%.400s", gexf)
	}
	// Filters: without HOLDS_OFFICE, and with the date window shrunk to its first month, no
	// drawn edge is an office or dated after that month.
	var filtered struct {
		Offices int
		Month   string
		Late    []string
		Before  int
		After   int
	}
	eval(`(() => {
	  const before = explorer.cy.edges().length;
	  const box = document.querySelector('#types input[value="HOLDS_OFFICE"]');
	  box.click();
	  const t1 = document.getElementById('t1');
	  t1.value = '0';
	  t1.dispatchEvent(new Event('input'));
	  const month = explorer.settings.months[0];
	  return {
	    offices: explorer.cy.edges('[type = "HOLDS_OFFICE"]').length,
	    month: month,
	    late: explorer.cy.edges().map(e => e.data('date') || '').filter(d => d && d.slice(0, 7) > month),
	    before: before,
	    after: explorer.cy.edges().length,
	  };
	})()`, &filtered)
	if filtered.Offices != 0 || len(filtered.Late) != 0 || filtered.After >= filtered.Before {
		t.Errorf("filtered to no offices up to %s, the graph draws %d offices, edges dated %v, "+
			"%d of %d edges; want none, none, fewer", filtered.Month, filtered.Offices,
			filtered.Late, filtered.After, filtered.Before)
	}
	var png string
	eval(`explorer.cy.png({full: true, bg: '#ffffff'})`, &png)
	if !strings.HasPrefix(png, "data:image/png;base64,") || len(png) < 5000 {
		t.Errorf("the view's PNG is %.60q… (%d bytes); want a PNG data URL", png, len(png))
	}
	var csp []string
	eval(`window.__csp`, &csp)
	for _, v := range csp {
		t.Errorf("Content-Security-Policy violation: %s", v)
	}
	for _, p := range report() {
		t.Errorf("browser: %s", p)
	}
}
