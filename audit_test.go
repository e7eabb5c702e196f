package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// auditDir holds the graphql-http audit suite, installed with npm ci.
const auditDir = "scripts/graphql-http"

// TestGraphQLHTTPAudit runs the graphql-http server audits (the GraphQL
// over HTTP spec's checks) against a live /graphql and fails on any error;
// warnings are logged. Under CI=true a missing node or npm ci is a failure.
func TestGraphQLHTTPAudit(t *testing.T) {
	node, err := exec.LookPath("node")
	_, modErr := os.Stat(filepath.Join(auditDir, "node_modules", "graphql-http"))
	if err != nil || modErr != nil {
		msg := "the audit needs node and `npm ci` in " + auditDir
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	base := startServe(t)
	cmd := exec.Command(node, "audit.mjs", base+"/graphql")
	cmd.Dir = auditDir
	out, err := cmd.CombinedOutput()
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if !strings.HasPrefix(line, "ok\t") {
			t.Log(line)
		}
	}
	if err != nil {
		t.Errorf("graphql-http audit failed: %v", err)
	}
}
