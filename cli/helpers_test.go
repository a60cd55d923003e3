package cli

import (
	"bytes"
	"testing"

	"salondesk/assets"
)

// runCLI runs a command line as main does: the global flags --data DIR and --demo, then
// the command and its arguments.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	if err := assets.UseLanguage(assets.LangJapanese); err != nil {
		t.Fatal(err)
	}
	o := Options{Version: "test"}
	for len(args) > 0 {
		switch {
		case args[0] == "--data" && len(args) > 1:
			o.DataDir, args = args[1], args[2:]
			continue
		case args[0] == "--demo":
			o.Demo, args = true, args[1:]
			continue
		}
		break
	}
	var out, errb bytes.Buffer
	code, known := Run(o, args[0], args[1:], &out, &errb)
	if !known {
		t.Fatalf("no command %s", args[0])
	}
	return code, out.String(), errb.String()
}
