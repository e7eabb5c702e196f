package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// composeModel is the part of the resolved Compose model the rules read.
type composeModel struct {
	Services map[string]struct {
		Image       string
		Restart     string
		Command     []string
		Environment map[string]*string
		Healthcheck *struct {
			Test        []string
			StartPeriod string `json:"start_period"`
		}
		Ports []struct {
			HostIP string `json:"host_ip"`
			Target int
		}
		Volumes []struct{ Type, Source, Target string }
	}
	Volumes map[string]any
}

// composeEnv is the environment without the variables the files read, plus
// extra.
func composeEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(k, "NEO4J_") && !strings.HasPrefix(k, "DIPLOGRAPH_") &&
			!strings.HasPrefix(k, "COMPOSE_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// composeConfig resolves file with scripts/compose (the loader of `docker
// compose config`), returning the model, or the loader's message on failure.
func composeConfig(t *testing.T, file string, env []string) (*composeModel, string) {
	t.Helper()
	abs, _ := filepath.Abs(file)
	cmd := exec.Command("go", "run", ".", "--format", "json", "--no-dotenv", abs)
	cmd.Dir = "scripts/compose"
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok || !strings.Contains(stderr.String(), "compose-config:") {
			t.Fatalf("go run ./scripts/compose: %v\n%s", err, stderr.String())
		}
		return nil, stderr.String()
	}
	var m composeModel
	if err := json.Unmarshal(stdout.Bytes(), &m); err != nil {
		t.Fatalf("decoding the resolved %s: %v", file, err)
	}
	return &m, ""
}

// TestComposeFiles resolves both Compose files as `docker compose config`
// would and checks the deployment rules: no default password, a healthcheck
// with start_period and a restart policy on every service, ports on
// loopback only, nothing loaded unless asked, a named volume for the
// embedded store.
func TestComposeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the Compose loader")
	}
	_, msg := composeConfig(t, "docker-compose.yml", composeEnv())
	if !strings.Contains(msg, "required variable NEO4J_PASSWORD is missing") ||
		!strings.Contains(msg, "no default") {
		t.Errorf("docker-compose.yml without NEO4J_PASSWORD: %q; want it refused with a message "+
			"naming NEO4J_PASSWORD", msg)
	}

	neo, msg := composeConfig(t, "docker-compose.yml", composeEnv("NEO4J_PASSWORD=s3cret-pw"))
	if neo == nil {
		t.Fatalf("docker-compose.yml with NEO4J_PASSWORD: %s", msg)
	}
	checkServices(t, "docker-compose.yml", neo)
	if a := neo.Services["neo4j"].Environment["NEO4J_AUTH"]; a == nil || *a != "neo4j/s3cret-pw" {
		t.Errorf("NEO4J_AUTH = %v; want neo4j/<NEO4J_PASSWORD>", a)
	}
	if p := neo.Services["diplograph"].Environment["NEO4J_PASSWORD"]; p == nil || *p != "s3cret-pw" {
		t.Errorf("diplograph's NEO4J_PASSWORD = %v; want the one given", p)
	}

	emb, msg := composeConfig(t, "docker-compose.embedded.yml", composeEnv())
	if emb == nil {
		t.Fatalf("docker-compose.embedded.yml: %s", msg)
	}
	checkServices(t, "docker-compose.embedded.yml", emb)
	d := emb.Services["diplograph"]
	named := false
	for _, v := range d.Volumes {
		if v.Type == "volume" && v.Target == stateDir && emb.Volumes[v.Source] != nil {
			named = true
		}
	}
	if !named || d.Environment["NEO4J_URI"] != nil {
		t.Errorf("embedded diplograph: volumes %+v, NEO4J_URI %v; want a named volume at %s "+
			"and no Neo4j", d.Volumes, d.Environment["NEO4J_URI"], stateDir)
	}

	loaded, _ := composeConfig(t, "docker-compose.embedded.yml",
		composeEnv("DIPLOGRAPH_LOAD_ON_START=/usr/share/diplograph/examples"))
	if v := loaded.Services["diplograph"].Environment["DIPLOGRAPH_LOAD_ON_START"]; v == nil ||
		*v != "/usr/share/diplograph/examples" {
		t.Errorf("DIPLOGRAPH_LOAD_ON_START is not passed to the container: %v", v)
	}
}

// checkServices applies the rules every service of a Compose file follows.
func checkServices(t *testing.T, file string, m *composeModel) {
	t.Helper()
	if _, ok := m.Services["diplograph"]; !ok {
		t.Errorf("%s has no diplograph service", file)
	}
	for name, s := range m.Services {
		if s.Restart != "unless-stopped" {
			t.Errorf("%s: %s restart = %q; want unless-stopped", file, name, s.Restart)
		}
		if s.Healthcheck == nil || len(s.Healthcheck.Test) < 2 || s.Healthcheck.StartPeriod == "" {
			t.Errorf("%s: %s healthcheck = %+v; want a test and a start_period", file, name,
				s.Healthcheck)
		}
		for _, p := range s.Ports {
			if p.HostIP != "127.0.0.1" {
				t.Errorf("%s: %s publishes %d on %q; want 127.0.0.1", file, name, p.Target, p.HostIP)
			}
		}
		if !strings.HasPrefix(s.Image, "diplograph") {
			continue
		}
		if strings.Join(s.Healthcheck.Test, " ") != "CMD /usr/local/bin/diplograph health" {
			t.Errorf("%s: %s healthcheck %q; want diplograph health", file, name, s.Healthcheck.Test)
		}
		if strings.Contains(strings.Join(s.Command, " "), "--load") {
			t.Errorf("%s: %s loads articles on every start: %q", file, name, s.Command)
		}
		if v := s.Environment["DIPLOGRAPH_LOAD_ON_START"]; v != nil && *v != "" {
			t.Errorf("%s: %s loads %q by default", file, name, *v)
		}
	}
}

// TestDockerComposeConfig runs the real `docker compose config` where the
// Compose plugin is installed (it needs no engine).
func TestDockerComposeConfig(t *testing.T) {
	if exec.Command("docker", "compose", "version").Run() != nil {
		t.Skip("no docker compose plugin here; TestComposeFiles used its loader")
	}
	for _, tt := range []struct {
		file string
		env  []string
		ok   bool
	}{
		{"docker-compose.yml", composeEnv(), false},
		{"docker-compose.yml", composeEnv("NEO4J_PASSWORD=x"), true},
		{"docker-compose.embedded.yml", composeEnv(), true},
	} {
		cmd := exec.Command("docker", "compose", "-f", tt.file, "config", "-q")
		cmd.Env = tt.env
		out, err := cmd.CombinedOutput()
		if (err == nil) != tt.ok {
			t.Errorf("docker compose -f %s config: %v %s; want ok = %v", tt.file, err, out, tt.ok)
		}
	}
}
