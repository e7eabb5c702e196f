package buildinfo

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestReadComponents(t *testing.T) {
	info := Read(Component{Name: "model", Version: "ud-en-ewt-2.16"}, Component{Name: "data"})
	want := []Component{{"model", "ud-en-ewt-2.16"}, {"data", None}}
	if len(info.Components) != len(want) {
		t.Fatalf("Read components = %v; want %v", info.Components, want)
	}
	for i, c := range info.Components {
		if c != want[i] {
			t.Errorf("component %d = %v; want %v", i, c, want[i])
		}
	}
	if info.Go != runtime.Version() {
		t.Errorf("Go = %q; want %q", info.Go, runtime.Version())
	}
}

func TestFromBuild(t *testing.T) {
	tests := []struct {
		name                string
		stamped, commit     string
		main                string
		settings            []debug.BuildSetting
		wantVer, wantCommit string
		wantModified        bool
	}{
		{"stamp wins", "v1.0.0", "abc", "v0.9.0",
			[]debug.BuildSetting{{Key: "vcs.revision", Value: "def"}}, "v1.0.0", "abc", false},
		{"go install version", "dev", "", "v0.3.1", nil, "v0.3.1", "", false},
		{"devel keeps dev", "dev", "", "(devel)", nil, "dev", "", false},
		{"vcs revision", "dev", "", "(devel)", []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.modified", Value: "true"}},
			"dev", "0123abcd", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := Info{Version: tt.stamped, Commit: tt.commit}
			fromBuild(&info, &debug.BuildInfo{Main: debug.Module{Version: tt.main},
				Settings: tt.settings})
			if info.Version != tt.wantVer || info.Commit != tt.wantCommit ||
				info.Modified != tt.wantModified {
				t.Errorf("fromBuild = %q %q %v; want %q %q %v", info.Version, info.Commit,
					info.Modified, tt.wantVer, tt.wantCommit, tt.wantModified)
			}
		})
	}
}

func TestString(t *testing.T) {
	info := Info{Version: "v1.2.0", Commit: "0123abcd", Modified: true, Go: "go1.26.8",
		Platform: "linux/arm64", Components: []Component{{"model", "none"}, {"data", "2026-12"}}}
	want := "diplograph v1.2.0\n" +
		"  commit   0123abcd (modified)\n" +
		"  go       go1.26.8 linux/arm64\n" +
		"  model    none\n" +
		"  data     2026-12\n"
	if got := info.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
}
