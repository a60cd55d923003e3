package instance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

const helperEnv = "SALONDESK_INSTANCE_HELPER_DIR"

// TestMain turns the test binary into a tiny app when helperEnv is set: it takes the
// instance and prints "first" (then "raised" and exits 0 when asked to raise), or asks
// the running one and prints "second".
func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		os.Exit(helper(dir))
	}
	os.Exit(m.Run())
}

func helper(dir string) int {
	restarting := os.Getenv("SALONDESK_INSTANCE_HELPER_MODE") == "restart" && !restarted()
	raised := make(chan struct{}, 1)
	in, err := Acquire(dir, func() { raised <- struct{}{} })
	switch {
	case errors.Is(err, ErrAlreadyRunning):
		fmt.Println("second")
		return 0
	case err != nil:
		fmt.Println("error:", err)
		return 1
	}
	defer in.Close()
	fmt.Println("first")
	if restarting {
		if err := Restart(os.Args[1:]); err != nil {
			fmt.Println("error:", err)
			return 1
		}
		time.Sleep(500 * time.Millisecond) // quitting takes a moment: the new one waits
		return 0
	}
	select {
	case <-raised:
		fmt.Println("raised")
		return 0
	case <-time.After(30 * time.Second):
		return 3
	}
}

type proc struct {
	cmd   *exec.Cmd
	lines chan string
}

func start(t *testing.T, dir string, env ...string) *proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+dir), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, lines: make(chan string, 10)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
	}()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return p
}

func (p *proc) expect(t *testing.T, want string) {
	t.Helper()
	select {
	case got := <-p.lines:
		if got != want {
			t.Fatalf("process said %q, want %q", got, want)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("process did not say %q", want)
	}
}

// waitExit waits for the process itself without closing its output, which a child it
// started still writes to.
func (p *proc) waitExit(t *testing.T) int {
	t.Helper()
	done := make(chan *os.ProcessState, 1)
	go func() {
		st, _ := p.cmd.Process.Wait()
		done <- st
	}()
	select {
	case st := <-done:
		if st == nil {
			return -1
		}
		return st.ExitCode()
	case <-time.After(20 * time.Second):
		t.Fatal("process did not end")
		return -1
	}
}

func (p *proc) wait(t *testing.T) int {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		for range p.lines {
		}
		done <- p.cmd.Wait()
	}()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		t.Fatal("process did not end")
		return -1
	}
}

// Two real processes: the second exits 0 after asking; the first is asked to raise.
func TestSecondStartRaisesFirst(t *testing.T) {
	dir := t.TempDir()
	first := start(t, dir)
	first.expect(t, "first")
	if !Running(dir) {
		t.Fatal("Running is false while the first process holds the directory")
	}
	second := start(t, dir)
	second.expect(t, "second")
	if code := second.wait(t); code != 0 {
		t.Fatalf("second start exited %d", code)
	}
	first.expect(t, "raised")
	if code := first.wait(t); code != 0 {
		t.Fatalf("first exited %d", code)
	}
	if Running(dir) {
		t.Fatal("still running after the first process ended")
	}
}

// A crashed instance (killed, no cleanup) leaves files behind but no lock: the next
// start becomes the instance.
func TestKilledInstanceDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	p := start(t, dir)
	p.expect(t, "first")
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	p.wait(t)
	raised := make(chan struct{}, 1)
	in, err := Acquire(dir, func() { raised <- struct{}{} })
	if err != nil {
		t.Fatalf("after a crash: %v", err)
	}
	defer in.Close()
	// And this one is raised by a further start.
	second := start(t, dir)
	second.expect(t, "second")
	select {
	case <-raised:
	case <-time.After(10 * time.Second):
		t.Fatal("not raised")
	}
}

// Without the token (any other local program) nothing is raised.
func TestRaiseNeedsToken(t *testing.T) {
	dir := t.TempDir()
	raised := make(chan struct{}, 1)
	in, err := Acquire(dir, func() { raised <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	c, err := dialInfo(dir)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(c, "raise wrongtoken\n")
	b, _ := io.ReadAll(c)
	c.Close()
	if strings.Contains(string(b), "ok") {
		t.Fatal("answered ok to a wrong token")
	}
	select {
	case <-raised:
		t.Fatal("raised without the token")
	case <-time.After(200 * time.Millisecond):
	}
}

// A first instance that never answers (hung) makes the second report ErrNotAnswering.
func TestNotAnswering(t *testing.T) {
	dir := t.TempDir()
	in, err := Acquire(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	in.ln.Close() // the listener is gone, the lock is still held
	in.wg.Wait()
	in.ln = nil
	defer in.Close()
	old := waitForFirst
	waitForFirst = 300 * time.Millisecond
	defer func() { waitForFirst = old }()
	if _, err := Acquire(dir, nil); !errors.Is(err, ErrNotAnswering) {
		t.Fatalf("got %v", err)
	}
}
func dialInfo(dir string) (net.Conn, error) {
	b, err := os.ReadFile(filepath.Join(dir, infoName))
	if err != nil {
		return nil, err
	}
	var i info
	if err := json.Unmarshal(b, &i); err != nil {
		return nil, err
	}
	return net.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(i.Port)))
}

// Restart: the old process starts the new one and quits; the new one waits for the lock
// instead of raising the old one, then is the instance (a further start raises it).
func TestRestart(t *testing.T) {
	dir := t.TempDir()
	old := start(t, dir, "SALONDESK_INSTANCE_HELPER_MODE=restart")
	old.expect(t, "first")
	old.expect(t, "first") // the new process, writing to the same output
	if code := old.waitExit(t); code != 0 {
		t.Fatalf("old process exited %d", code)
	}
	if !Running(dir) {
		t.Fatal("no instance after the restart")
	}
	second := start(t, dir)
	second.expect(t, "second")
	old.expect(t, "raised") // the restarted process was raised
}
