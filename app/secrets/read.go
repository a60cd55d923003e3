package secrets

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// maxValue bounds what ReadValue accepts: passwords and tokens are short.
const maxValue = 4096

// ReadValue reads one secret from in for `salondesk secret set`: from a terminal it
// prints prompt to w and turns echo off while the user types; from a pipe or file it
// reads everything, dropping one trailing newline. The value is never written anywhere.
func ReadValue(in io.Reader, w io.Writer) (string, error) {
	if f, ok := in.(*os.File); ok && isTerminal(f) {
		io.WriteString(w, lang.X("settings.cli.secret_prompt", "値を入力してEnterを押してください（入力した文字は表示されません）: "))
		restore, err := noEcho(f)
		if err != nil {
			return "", err
		}
		line, err := bufio.NewReader(io.LimitReader(f, maxValue+1)).ReadString('\n')
		restore()
		io.WriteString(w, "\n")
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		return checkValue(strings.TrimRight(line, "\r\n"))
	}
	b, err := io.ReadAll(io.LimitReader(in, maxValue+2))
	if err != nil {
		return "", err
	}
	s := string(b)
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return checkValue(s)
}

func checkValue(s string) (string, error) {
	switch {
	case s == "":
		return "", errors.New(lang.X("settings.cli.secret_empty", "値が空です。標準入力から値を渡してください。"))
	case len(s) > maxValue:
		return "", &Error{Kind: KindTooBig}
	}
	return s, nil
}
