// Package arch holds no code, only the test that keeps the arrows between SalonDesk's
// rooms pointing one way (shared/notes/architecture.md): ui → app → data, app → sync,
// cli → app. It reads the import lists from `go list`, so it sees what the compiler sees.
package arch

import (
	"encoding/json"
	"io"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "salondesk"

type pkg struct {
	ImportPath string
	Imports    []string
}

// room is the top-level room of a package of this module: "root", "app", "ui", "data",
// "sync", "cli", "cmd", …
func room(path string) string {
	if path == module {
		return "root"
	}
	rest, ok := strings.CutPrefix(path, module+"/")
	if !ok {
		return ""
	}
	first, _, _ := strings.Cut(rest, "/")
	return first
}

// forbidden lists, for a room, the rooms it must never import.
var forbidden = map[string][]string{
	"data": {"app", "ui", "sync", "cli", "root"},
	"sync": {"data", "app", "ui", "cli", "root"},
	"ui":   {"sync", "cli", "root"},
	"app":  {"ui", "cli", "root"},
	"cli":  {"ui", "sync", "root"},
	"root": {"sync"},
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-tags", "migrated_fynedo", "-json", "./...")
	cmd.Dir = filepath.Join("..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// violations returns "from → to" for every import that points the wrong way.
func violations(pkgs []pkg) []string {
	var bad []string
	for _, p := range pkgs {
		from := room(p.ImportPath)
		for _, imp := range p.Imports {
			to := room(imp)
			if to == "" || to == from {
				continue
			}
			for _, f := range forbidden[from] {
				if to == f {
					bad = append(bad, p.ImportPath+" → "+imp)
				}
			}
		}
	}
	sort.Strings(bad)
	return bad
}

func TestArrowsPointOneWay(t *testing.T) {
	pkgs := listPackages(t)
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages: is the test run from the module?", len(pkgs))
	}
	edges := map[string]int{}
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			if from, to := room(p.ImportPath), room(imp); to != "" && from != to {
				edges[from+" → "+to]++
			}
		}
	}
	var lines []string
	for e, n := range edges {
		lines = append(lines, e+" ("+strconv.Itoa(n)+" imports)")
	}
	sort.Strings(lines)
	t.Logf("%d packages; arrows between rooms:\n  %s", len(pkgs), strings.Join(lines, "\n  "))
	for _, v := range violations(pkgs) {
		t.Errorf("arrow points the wrong way: %s", v)
	}
}

// The rule itself must catch each wrong arrow the issue names.
func TestViolationsCatchWrongArrows(t *testing.T) {
	cases := map[string]pkg{
		"data → app":  {ImportPath: "salondesk/data", Imports: []string{"salondesk/app"}},
		"data → ui":   {ImportPath: "salondesk/data", Imports: []string{"salondesk/ui/theme"}},
		"data → sync": {ImportPath: "salondesk/data", Imports: []string{"salondesk/sync/outbox"}},
		"sync → data": {ImportPath: "salondesk/sync/salonboard/web", Imports: []string{"salondesk/data"}},
		"sync → app":  {ImportPath: "salondesk/sync/outbox", Imports: []string{"salondesk/app"}},
		"sync → ui":   {ImportPath: "salondesk/sync/outbox", Imports: []string{"salondesk/ui"}},
		"ui → sync":   {ImportPath: "salondesk/ui/settings", Imports: []string{"salondesk/sync/salonboard/web"}},
		"app → ui":    {ImportPath: "salondesk/app/printout", Imports: []string{"salondesk/ui/schedule"}},
		"root → sync": {ImportPath: "salondesk", Imports: []string{"salondesk/sync/salonboard/mailbox"}},
		"cli → ui":    {ImportPath: "salondesk/cli", Imports: []string{"salondesk/ui"}},
	}
	for name, p := range cases {
		if len(violations([]pkg{p})) != 1 {
			t.Errorf("%s is not caught", name)
		}
	}
	ok := []pkg{
		{ImportPath: "salondesk/ui/schedule", Imports: []string{"salondesk/app", "salondesk/data", "fmt"}},
		{ImportPath: "salondesk/app/salonboard", Imports: []string{"salondesk/app", "salondesk/data", "salondesk/sync/outbox"}},
		{ImportPath: "salondesk/cli", Imports: []string{"salondesk/app", "salondesk/data"}},
		{ImportPath: "salondesk", Imports: []string{"salondesk/app", "salondesk/ui", "salondesk/cli"}},
	}
	if v := violations(ok); len(v) != 0 {
		t.Errorf("right arrows reported: %v", v)
	}
}
