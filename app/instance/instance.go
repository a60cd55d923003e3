// Package instance keeps SalonDesk to one running copy per data directory. The first
// start holds a lock file and listens on a loopback port written beside it; a second
// start finds the lock taken, asks the first (with a token only readable by this user)
// to raise its window, and exits.
package instance

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrAlreadyRunning: another SalonDesk holds the data directory and was asked to raise
// its window. The second process should exit with status 0.
var ErrAlreadyRunning = errors.New("SalonDesk is already running")

// ErrNotAnswering: another SalonDesk holds the data directory but did not answer.
var ErrNotAnswering = errors.New("SalonDesk is running but does not answer")

const (
	lockName = "salondesk.lock"
	infoName = "salondesk.instance"
	raiseCmd = "raise"
)

// waitForFirst bounds how long a second start keeps trying to reach the first one
// (which may be between taking the lock and listening).
var waitForFirst = 5 * time.Second

// Instance is the running first instance.
type Instance struct {
	lock    *os.File
	ln      net.Listener
	token   string
	onRaise func()
	wg      sync.WaitGroup
}

type info struct {
	Port  int    `json:"port"`
	Token string `json:"token"`
	PID   int    `json:"pid"`
}

// Acquire makes this process the data directory's instance, calling onRaise (on a
// background goroutine) whenever another start asks for the window. When another
// instance holds it, Acquire asks that one to raise its window and returns
// ErrAlreadyRunning (or ErrNotAnswering when it could not be reached).
func Acquire(dir string, onRaise func()) (*Instance, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	lock := lockFile
	if restarted() {
		lock = waitForLock
	}
	if err := lock(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, raiseOther(dir)
		}
		return nil, err
	}
	os.Unsetenv(restartEnv) // a later Restart of this process sets its own
	in := &Instance{lock: f, onRaise: onRaise}
	if err := in.listen(dir); err != nil {
		in.Close()
		return nil, err
	}
	return in, nil
}

// Running reports whether an instance holds dir (for commands that must not run beside
// the app, like restore), without asking it anything.
func Running(dir string) bool {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := lockFile(f); err != nil {
		return errors.Is(err, errLocked)
	}
	_ = unlockFile(f)
	return false
}

func (in *Instance) listen(dir string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	in.ln = ln
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	in.token = hex.EncodeToString(b)
	data, _ := json.Marshal(info{Port: ln.Addr().(*net.TCPAddr).Port, Token: in.token, PID: os.Getpid()})
	path := filepath.Join(dir, infoName)
	if err := os.WriteFile(path+".tmp", data, 0o600); err != nil {
		return err
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		return err
	}
	in.wg.Add(1)
	go in.serve()
	return nil
}

func (in *Instance) serve() {
	defer in.wg.Done()
	for {
		c, err := in.ln.Accept()
		if err != nil {
			return // closed
		}
		in.handle(c)
	}
}

func (in *Instance) handle(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return
	}
	cmd, tok, _ := strings.Cut(strings.TrimSpace(line), " ")
	if cmd != raiseCmd || subtle.ConstantTimeCompare([]byte(tok), []byte(in.token)) != 1 {
		return
	}
	_, _ = c.Write([]byte("ok\n"))
	if in.onRaise != nil {
		in.onRaise()
	}
}

// Close stops listening and releases the lock.
func (in *Instance) Close() error {
	var errs []error
	if in.ln != nil {
		errs = append(errs, in.ln.Close())
		in.wg.Wait()
	}
	if in.lock != nil {
		errs = append(errs, unlockFile(in.lock), in.lock.Close())
		in.lock = nil
	}
	return errors.Join(errs...)
}

// raiseOther asks the instance holding dir to raise its window.
func raiseOther(dir string) error {
	deadline := time.Now().Add(waitForFirst)
	var last error
	for {
		if last = sendRaise(dir); last == nil {
			return ErrAlreadyRunning
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%w: %v", ErrNotAnswering, last)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func sendRaise(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, infoName))
	if err != nil {
		return err
	}
	var i info
	if err := json.Unmarshal(b, &i); err != nil {
		return err
	}
	c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(i.Port)), time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := fmt.Fprintf(c, "%s %s\n", raiseCmd, i.Token); err != nil {
		return err
	}
	reply, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if strings.TrimSpace(reply) != "ok" {
		return fmt.Errorf("unexpected reply %q", reply)
	}
	return nil
}
