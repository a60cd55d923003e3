package csvio

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

func sjis(t testing.TB, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Excel's Shift_JIS (～ － ① half-width kana), a BOM, and plain UTF-8 all read the same.
func TestReadDetectsEncoding(t *testing.T) {
	text := "番号,名前,カナ\r\n1,\"山田 ①～－\",ﾔﾏﾀﾞ ﾊﾅｺ\r\n"
	for _, c := range []struct {
		name string
		b    []byte
		enc  Encoding
	}{
		{"sjis", sjis(t, text), ShiftJIS},
		{"bom", append([]byte{0xEF, 0xBB, 0xBF}, text...), UTF8},
		{"utf8", []byte(text), UTF8},
	} {
		s, err := Read(bytes.NewReader(c.b))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if s.Encoding != c.enc || s.Header[0] != "番号" || len(s.Records) != 1 ||
			s.Records[0].Fields[1] != "山田 ①～－" || s.Records[0].Fields[2] != "ﾔﾏﾀﾞ ﾊﾅｺ" {
			t.Fatalf("%s: %+v", c.name, s)
		}
	}
}

// A quoted field with commas and a line break; the next record's line number counts it.
func TestReadQuotedLineBreakAndLineNumbers(t *testing.T) {
	in := "a,b\r\n1,\"x, y\r\nz\"\r\n\r\n,,\r\n2,w\r\n"
	s, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Records) != 2 || s.Records[0].Fields[1] != "x, y\nz" || s.Records[0].Line != 2 || s.Records[1].Line != 6 {
		t.Fatalf("%+v", s.Records)
	}
}

func TestMapByHeaderNames(t *testing.T) {
	s := &Sheet{Header: []string{"\uFEFFお客様番号", "お客様名 (カナ)", "謎", "お客様番号"}}
	idx, unknown := s.Map([]Column{{Key: "no", Names: []string{"お客様番号"}}, {Key: "kana", Names: []string{"お客様名（カナ）"}}})
	if idx["no"] != 0 || idx["kana"] != 1 || len(unknown) != 2 {
		t.Fatalf("%v %v", idx, unknown)
	}
	r := Record{Fields: []string{" 7 ", "'=SUM(1)"}}
	if idx.Get(r, "no") != "7" || idx.Get(r, "kana") != "=SUM(1)" || idx.Get(r, "x") != "" {
		t.Fatal("Get")
	}
}

// The writer's Shift_JIS is what Excel reads: 〜 and − mapped, CRLF, formulas quoted.
func TestWriterShiftJISRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, ShiftJIS)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]string{"名前", "メモ"})
	w.Write([]string{"髙橋 ①", "10時〜12時 −5, \"改行\nあり\" =A1"})
	w.Write([]string{"ｱｲｳ", "=1+1"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("\r\n")) || bytes.HasPrefix(buf.Bytes(), []byte{0xEF}) {
		t.Fatal("want CRLF and no BOM in Shift_JIS")
	}
	s, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	idx := Index{"memo": 1, "name": 0}
	if s.Encoding != ShiftJIS || idx.Get(s.Records[0], "name") != "髙橋 ①" ||
		idx.Get(s.Records[0], "memo") != "10時～12時 －5, \"改行\nあり\" =A1" || idx.Get(s.Records[1], "memo") != "=1+1" ||
		s.Records[1].Fields[1] != "'=1+1" {
		t.Fatalf("%+v", s.Records)
	}
}

func TestDay(t *testing.T) {
	for in, want := range map[string]string{"2026/4/1": "2026-04-01", "２０２６年４月１日": "2026-04-01",
		"2026-04-01": "2026-04-01", "2026/04/01 0:00": "2026-04-01", "": ""} {
		if got, ok := Day(in); !ok || got != want {
			t.Errorf("Day(%q) = %q %v", in, got, ok)
		}
	}
	for _, in := range []string{"2026/2/30", "4/1", "abc", "2026-04-01x"} {
		if _, ok := Day(in); ok {
			t.Errorf("Day(%q) accepted", in)
		}
	}
}

// Whatever the bytes, Read neither panics nor returns records without a header, and
// every record's line lies within the file.
func FuzzRead(f *testing.F) {
	f.Add([]byte("a,b\r\n1,\"x\r\ny\"\r\n"))
	f.Add(sjis(f, "番号,ｶﾅ\r\n1,ﾔﾏﾀﾞ～\r\n"))
	f.Add([]byte("\xEF\xBB\xBF\"a\"\"b\",c\n\"unterminated"))
	f.Add([]byte{0x81, 0x2C, 0x0A, 0xFF, 0x22})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		lines := bytes.Count(b, []byte("\n")) + bytes.Count(b, []byte("\r")) + 1
		for _, r := range s.Records {
			if r.Line < 2 || r.Line > lines {
				t.Fatalf("record line %d outside 2..%d", r.Line, lines)
			}
		}
	})
}
