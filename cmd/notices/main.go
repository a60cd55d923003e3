// Command notices writes the licence notice of everything SalonDesk's binaries link:
// the Go standard library, every Go module (with each licence file of the module and
// of the packages and bundled C sources actually linked), and the embedded font.
// The module list comes from `go list -deps` for each platform we ship (Linux,
// Windows, macOS), so a module that only one platform links is listed too.
//
//	go run ./cmd/notices              rewrites assets/licenses/NOTICE.txt
//	go run ./cmd/notices -o FILE      writes elsewhere
//
// Run it after changing go.mod and commit the result: the app embeds the file
// (設定 → システム情報 → ライセンス), the installers ship it beside the binary, and a
// test fails when it no longer matches go.mod.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "assets/licenses/NOTICE.txt", "the notice file to write")
	flag.Parse()
	text, err := build(".")
	if err == nil {
		err = os.WriteFile(*out, []byte(text), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "notices:", err)
		os.Exit(1)
	}
}
