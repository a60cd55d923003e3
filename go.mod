module salondesk

go 1.26.8

require (
	fyne.io/fyne/v2 v2.7.1
	github.com/mattn/go-sqlite3 v1.14.53
	golang.org/x/text v0.43.0
)

require (
	github.com/jeandeaual/go-locale v0.0.0-20250612000132-0ef82f21eade // indirect
	github.com/nicksnyder/go-i18n/v2 v2.5.1 // indirect
	golang.org/x/net v0.43.0 // indirect
	golang.org/x/sys v0.35.0 // indirect
)
