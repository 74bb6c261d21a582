// Package jsonerr turns encoding/json's errors into messages that say
// where the input is wrong and how, for people fixing a file or a response.
package jsonerr

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Describe rewrites a decoding error; other errors pass through.
func Describe(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr):
		return fmt.Errorf("field %q: want %s, found JSON %s (at byte %d)", typeErr.Field, typeErr.Type, typeErr.Value, typeErr.Offset)
	case errors.As(err, &syntaxErr):
		return fmt.Errorf("malformed JSON at byte %d: %v", syntaxErr.Offset, err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("truncated JSON")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return err
}
