package localeenv

import "testing"

func TestIsC(t *testing.T) {
	for loc, want := range map[string]bool{
		"C.UTF-8": true, "C.utf8": true, "POSIX.UTF-8": true,
		"C": false, "POSIX": false, "": false, "ja_JP.UTF-8": false, "Ca_ES.UTF-8": false,
	} {
		if got := isC(loc); got != want {
			t.Errorf("isC(%q) = %v, want %v", loc, got, want)
		}
	}
}
