package mail

import (
	"testing"
)

// BenchmarkParse10000 parses 10,000 mails per op, cycling through the table's
// mails (both charsets, all encodings, errors too): ns/op is the figure for
// 10,000 mails.
func BenchmarkParse10000(b *testing.B) {
	var mails [][]byte
	for _, c := range parseCases() {
		mails = append(mails, c.message(b))
	}
	b.ResetTimer()
	for range b.N {
		for i := range 10000 {
			ParseWith(mails[i%len(mails)], JST)
		}
	}
}
