package main

import (
	"fmt"
	"os"
	"strings"
	"sync"
)

// state is what the script reads: one "name=value" line each for ready, text,
// submits, submitted (the texts OnSubmitted got, "|"-separated), keys (key names the
// field received) and runes (characters it received). It is rewritten whole, through
// a rename, on every change so a reader never sees half a file.
type state struct {
	mu             sync.Mutex
	path           string
	isReady        bool
	text           string
	submits        int
	submittedTexts []string
	keys           []string
	runes          []rune
}

func newState(path string) *state { return &state{path: path} }

func (s *state) ready()              { s.update(func() { s.isReady = true }) }
func (s *state) changed(text string) { s.update(func() { s.text = text }) }
func (s *state) key(name string)     { s.update(func() { s.keys = append(s.keys, name) }) }
func (s *state) rune(r rune)         { s.update(func() { s.runes = append(s.runes, r) }) }
func (s *state) submitted(text string) {
	s.update(func() { s.submits++; s.submittedTexts = append(s.submittedTexts, text) })
}

func (s *state) update(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
	if err := s.write(); err != nil {
		fmt.Fprintln(os.Stderr, "imeprobe:", err)
	}
}

func (s *state) String() string {
	ready := 0
	if s.isReady {
		ready = 1
	}
	return fmt.Sprintf("ready=%d\ntext=%s\nsubmits=%d\nsubmitted=%s\nkeys=%s\nrunes=%s\n",
		ready, s.text, s.submits, strings.Join(s.submittedTexts, "|"), strings.Join(s.keys, ","), string(s.runes))
}

func (s *state) write() error {
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, []byte(s.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}
