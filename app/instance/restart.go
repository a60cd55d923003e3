package instance

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// restartEnv marks a process started by Restart: its Acquire waits for the old process
// to let go of the lock instead of raising it.
const restartEnv = "SALONDESK_RESTARTED_FROM"

// restartWait bounds how long a restarted process waits for the old one to quit.
var restartWait = 30 * time.Second

// Restart starts this program again with args (os.Args[1:] usually); the caller then
// quits. The new process takes over the data directory once this one has released it.
func Restart(args []string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), restartEnv+"="+strconv.Itoa(os.Getpid()))
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

// waitForLock is Acquire's path in a restarted process: it takes the lock as soon as the
// old process is gone.
func waitForLock(f *os.File) error {
	deadline := time.Now().Add(restartWait)
	for {
		err := lockFile(f)
		if err == nil || !errors.Is(err, errLocked) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func restarted() bool { return os.Getenv(restartEnv) != "" }
