package applog

import (
	"bytes"
	"io"
	"log"
	"path/filepath"
	"runtime/debug"
	"sync"
)

// Defaults: about 5 MB of history in at most six files.
const (
	FileName    = "salondesk.log"
	DefaultMax  = 1 << 20
	DefaultKeep = 5
)

// Log is the app's log file with its redactor.
type Log struct {
	*Redactor
	file   *rotatingFile
	writer *redactingWriter
	path   string
	logger *log.Logger
}

// Options change Open's defaults (tests use small sizes).
type Options struct {
	MaxBytes int64 // rotate when the file would grow past this; 0 = DefaultMax
	Keep     int   // old files kept; 0 = DefaultKeep
	Also     io.Writer
}

// Dir is where the log files live inside the data directory.
func Dir(dataDir string) string { return filepath.Join(dataDir, "logs") }

// Open opens (appending) DIR/logs/salondesk.log. Also, when set, receives the same
// redacted lines (the terminal during development).
func Open(dataDir string, opts Options) (*Log, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMax
	}
	if opts.Keep <= 0 {
		opts.Keep = DefaultKeep
	}
	path := filepath.Join(Dir(dataDir), FileName)
	f, err := openRotating(path, opts.MaxBytes, opts.Keep)
	if err != nil {
		return nil, err
	}
	l := &Log{Redactor: NewRedactor(), file: f, path: path}
	var out io.Writer = f
	if opts.Also != nil {
		out = io.MultiWriter(f, opts.Also)
	}
	l.writer = &redactingWriter{r: l.Redactor, out: out}
	l.logger = log.New(l.writer, "", log.LstdFlags)
	return l, nil
}

// Path is the current log file.
func (l *Log) Path() string { return l.path }

// Writer is the redacting writer: give it to log.SetOutput so that the standard logger
// (and fyne.LogError, which uses it) goes through the redactor into the file.
func (l *Log) Writer() io.Writer { return l.writer }

// Printf logs one line.
func (l *Log) Printf(format string, args ...any) { l.logger.Printf(format, args...) }

// Close flushes a partial line and closes the file.
func (l *Log) Close() error {
	l.writer.flush()
	return l.file.Close()
}

// LogPanic records a panic (value and stack, redacted) and panics again, so that a crash
// report in the log never carries a secret. Use as `defer l.LogPanic()`.
func (l *Log) LogPanic() {
	if v := recover(); v != nil {
		l.Printf("panic: %v\n%s", v, debug.Stack())
		l.Close()
		panic(v)
	}
}

// Wrap returns a writer that redacts whole lines before they reach w (a crash report,
// a support dump).
func (l *Log) Wrap(w io.Writer) io.Writer { return &redactingWriter{r: l.Redactor, out: w} }

// redactingWriter redacts whole lines: a secret split over two Write calls is still
// found, since nothing reaches out before its line is complete.
type redactingWriter struct {
	mu      sync.Mutex
	r       *Redactor
	out     io.Writer
	partial []byte
}

func (w *redactingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.partial = append(w.partial, p...)
	i := bytes.LastIndexByte(w.partial, '\n')
	if i < 0 {
		return len(p), nil
	}
	lines := string(w.partial[:i+1])
	w.partial = append(w.partial[:0], w.partial[i+1:]...)
	if _, err := io.WriteString(w.out, w.r.Redact(lines)); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (w *redactingWriter) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.partial) > 0 {
		_, _ = io.WriteString(w.out, w.r.Redact(string(w.partial))+"\n")
		w.partial = w.partial[:0]
	}
}
