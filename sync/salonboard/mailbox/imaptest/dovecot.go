package imaptest

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Dovecot starts Debian's dovecot (package dovecot-imapd) on a loopback port
// with a throw-away configuration: a passwd-file user, a maildir, no TLS. It
// runs as the current user, or as the unprivileged "dovecot" user when the
// tests run as root (dovecot refuses to run its login process as root).
//
// Without dovecot the test is skipped with a message, except under CI (CI set
// in the environment), where a missing server is a failure: make test must
// really run it.
func Dovecot(t testing.TB) *Server {
	t.Helper()
	bin := findDovecot()
	if bin == "" {
		msg := "imaptest: dovecot is not installed (apt-get install dovecot-imapd)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	d, err := newDovecot(bin)
	if err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	s := &Server{Host: "127.0.0.1", Port: d.port, User: "salon", Password: "synthetic-password", backend: d}
	if err := d.writeConfig(s.User, s.Password); err != nil {
		d.cleanup()
		t.Fatalf("imaptest: %v", err)
	}
	t.Cleanup(func() {
		s.Stop(t)
		d.cleanup()
	})
	s.Start(t)
	return s
}

func findDovecot() string {
	if p, err := exec.LookPath("dovecot"); err == nil {
		return p
	}
	for _, p := range []string{"/usr/sbin/dovecot", "/usr/local/sbin/dovecot"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

type dovecot struct {
	bin      string
	dir      string
	port     int
	uid, gid int
	owner    string // the system user dovecot runs as
	cmd      *exec.Cmd
	waited   chan struct{}
}

func newDovecot(bin string) (*dovecot, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	// Not t.TempDir: its parents are private to the test user, and as root the
	// server runs as another user that must reach this directory.
	dir, err := os.MkdirTemp("", "salondesk-dovecot-")
	if err != nil {
		return nil, err
	}
	d := &dovecot{bin: bin, dir: dir, port: port, uid: os.Getuid(), gid: os.Getgid()}
	u, err := user.Current()
	if err != nil {
		return nil, err
	}
	d.owner = u.Username
	if d.uid == 0 {
		if err := d.dropToServiceUser(); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	return d, nil
}

// dropToServiceUser picks the unprivileged account the dovecot package creates.
func (d *dovecot) dropToServiceUser() error {
	for _, name := range []string{"dovecot", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		d.uid, _ = strconv.Atoi(u.Uid)
		d.gid, _ = strconv.Atoi(u.Gid)
		d.owner = name
		return os.Chmod(d.dir, 0o755)
	}
	return fmt.Errorf("no unprivileged user to run dovecot as")
}

func (d *dovecot) writeConfig(userName, password string) error {
	group, err := user.LookupGroupId(strconv.Itoa(d.gid))
	if err != nil {
		return err
	}
	for _, sub := range []string{"run", "state", "mail"} {
		if err := os.MkdirAll(filepath.Join(d.dir, sub), 0o700); err != nil {
			return err
		}
	}
	passwd := fmt.Sprintf("%s:{PLAIN}%s:%d:%d::%s::\n", userName, password, d.uid, d.gid, filepath.Join(d.dir, "mail", userName))
	if err := os.WriteFile(filepath.Join(d.dir, "passwd"), []byte(passwd), 0o600); err != nil {
		return err
	}
	conf := fmt.Sprintf(configTemplate, d.dir, d.owner, group.Name, d.uid, d.port)
	if err := os.WriteFile(d.config(), []byte(conf), 0o644); err != nil {
		return err
	}
	return d.chownAll()
}

// configTemplate: %[1]s the directory, %[2]s user, %[3]s group, %[4]d uid, %[5]d port.
const configTemplate = `# written by salondesk imaptest
base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tests log in wrongly on purpose: no delay.
auth_failure_delay = 0
listen = 127.0.0.1
protocols = imap
default_internal_user = %[2]s
default_internal_group = %[3]s
default_login_user = %[2]s
first_valid_uid = %[4]d
last_valid_uid = %[4]d
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[1]s/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%%u %[1]s/passwd
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = %[5]d
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  # No auth penalty: an unreachable penalty socket disables it.
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  chroot =
}
`

func (d *dovecot) config() string { return filepath.Join(d.dir, "dovecot.conf") }

func (d *dovecot) chownAll() error {
	if os.Getuid() != 0 {
		return nil
	}
	return filepath.Walk(d.dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, d.uid, d.gid)
	})
}

func (d *dovecot) start() error {
	cmd := exec.Command(d.bin, "-F", "-c", d.config())
	cmd.Dir = d.dir
	// A file, not a pipe: Wait must not wait for children that inherited it.
	out, err := os.OpenFile(filepath.Join(d.dir, "stderr.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	// Its own process group, so that stop can end the master's children too;
	// and no server outlives a killed test binary.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	if os.Getuid() == 0 {
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(d.uid), Gid: uint32(d.gid)}
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	d.cmd, d.waited = cmd, make(chan struct{})
	go func() { cmd.Wait(); close(d.waited) }()
	return nil
}

// stop asks the master to shut down (SIGTERM), then makes sure that nothing of
// its process group is left.
func (d *dovecot) stop() error {
	if d.cmd == nil {
		return nil
	}
	pgid := d.cmd.Process.Pid
	d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-d.waited:
	case <-time.After(10 * time.Second):
		d.cmd.Process.Kill()
		<-d.waited
	}
	syscall.Kill(-pgid, syscall.SIGKILL)
	d.cmd = nil
	return nil
}

func (d *dovecot) describe() string {
	log, _ := os.ReadFile(filepath.Join(d.dir, "dovecot.log"))
	stderr, _ := os.ReadFile(filepath.Join(d.dir, "stderr.log"))
	return "dovecot log:\n" + string(log) + string(stderr)
}

func (d *dovecot) cleanup() {
	os.RemoveAll(d.dir)
}
