package assets

import _ "embed"

// The licences of everything the app ships, written by cmd/notices. Embedded rather
// than read beside the executable so that every binary (the installed exe, the Linux
// tarball, a developer's build, the .app) shows the notice it was built with, and it
// cannot go missing; the installers also put a copy, NOTICE.txt, beside the binary.
//
//go:embed licenses/NOTICE.txt
var noticeText string

// Notice is the licence notice shown from 設定 → システム情報 → ライセンス.
func Notice() string { return noticeText }
