package applog

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// rotatingFile appends to path; when a write would take it past max bytes it becomes
// path.1 (path.1 becomes path.2, …, and the oldest beyond keep is removed).
type rotatingFile struct {
	mu   sync.Mutex
	path string
	max  int64
	keep int // old files kept beside the current one
	f    *os.File
	size int64
}

func openRotating(path string, max int64, keep int) (*rotatingFile, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	r := &rotatingFile{path: path, max: max, keep: keep}
	if err := r.open(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *rotatingFile) open() error {
	f, err := os.OpenFile(r.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	r.f, r.size = f, st.Size()
	return nil
}

func (r *rotatingFile) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return 0, os.ErrClosed
	}
	if r.size > 0 && r.size+int64(len(p)) > r.max {
		if err := r.rotate(); err != nil {
			// Keep logging into the big file rather than losing the line.
			fmt.Fprintln(os.Stderr, "applog: rotate:", err)
		}
	}
	n, err := r.f.Write(p)
	r.size += int64(n)
	return n, err
}

func (r *rotatingFile) rotate() error {
	if err := r.f.Close(); err != nil {
		return err
	}
	r.f = nil
	_ = os.Remove(r.name(r.keep))
	for i := r.keep - 1; i >= 0; i-- {
		if err := os.Rename(r.name(i), r.name(i+1)); err != nil && !os.IsNotExist(err) {
			_ = r.open()
			return err
		}
	}
	return r.open()
}

// name is the i-th file: 0 the current one, then path.1 … path.keep.
func (r *rotatingFile) name(i int) string {
	if i == 0 {
		return r.path
	}
	return fmt.Sprintf("%s.%d", r.path, i)
}

func (r *rotatingFile) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}
