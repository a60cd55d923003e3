package printout

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"salondesk/app"
	"salondesk/data"
)

// Open shows the PDF in the system's viewer, from which staff print. It returns as soon as
// the viewer is started; it does not wait for it to close.
func Open(path string) error {
	cmd := viewer(path)
	if err := cmd.Start(); err != nil {
		return &app.UserError{Key: "printout.error.open", Args: map[string]any{"Path": path}}
	}
	go cmd.Wait() // reap the launcher whenever it exits
	return nil
}

// viewer is the command that opens a file with its default application.
func viewer(path string) *exec.Cmd {
	switch runtime.GOOS {
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		return exec.Command("open", path)
	default:
		return exec.Command("xdg-open", path)
	}
}

// PrintDay is 印刷: the day's schedule as a PDF in "prints" beside the database, opened in
// the system's viewer. It reads, draws and writes: call it off the UI goroutine.
func PrintDay(ctx context.Context, a *app.App, day time.Time) error {
	d, err := a.Schedule(ctx, day)
	if err != nil {
		return err
	}
	dir := filepath.Join(filepath.Dir(a.DatabasePath()), "prints")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	path := filepath.Join(dir, "schedule-"+data.FormatDay(day)+".pdf")
	if err := Schedule(d, path); err != nil {
		return err
	}
	return Open(path)
}
