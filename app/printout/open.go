package printout

import (
	"os/exec"
	"runtime"

	"salondesk/app"
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
