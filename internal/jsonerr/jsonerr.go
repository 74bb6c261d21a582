// Package jsonerr turns encoding/json's errors into messages that say
// where the input is wrong and how, for people fixing a file or a response.
package jsonerr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Describe rewrites a decoding error; other errors pass through. Its
// place is a byte offset; At gives a line and column instead.
func Describe(err error) error {
	return describe(err, func(off int64) string { return fmt.Sprintf("byte %d", off) })
}

// At rewrites a decoding error of the JSON that starts at byte base of
// src, placing it at a line and column of src: what a person fixing the
// file looks for.
func At(src []byte, base int64, err error) error {
	return describe(err, func(off int64) string {
		off = min(max(base+off, 0), int64(len(src)))
		before := src[:off]
		line := bytes.Count(before, []byte("\n")) + 1
		col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
		return fmt.Sprintf("line %d, column %d", line, col)
	})
}

func describe(err error, place func(int64) string) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr):
		return fmt.Errorf("field %q: want %s, found JSON %s (at %s)", typeErr.Field, typeErr.Type, typeErr.Value, place(typeErr.Offset))
	case errors.As(err, &syntaxErr):
		return fmt.Errorf("malformed JSON at %s: %v", place(syntaxErr.Offset), err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("truncated JSON")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return err
}
