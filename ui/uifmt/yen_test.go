package uifmt

import "testing"

func TestYen(t *testing.T) {
	for n, want := range map[int]string{0: "¥0", 900: "¥900", 9900: "¥9,900", 1234567: "¥1,234,567", -500: "-¥500", -12300: "-¥12,300"} {
		if got := Yen(n); got != want {
			t.Errorf("Yen(%d) = %q, want %q", n, got, want)
		}
	}
}
