// Package claimsfile reads the editors' claims file: JSON Lines of shows
// and sourced claims, validated line by line (docs/claims-format.md).
package claimsfile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/nextseason/nextseason/internal/jsonerr"
	"github.com/nextseason/nextseason/internal/model"
)

// MaxLineSize bounds one line of a claims file.
const MaxLineSize = 1 << 20

// maxErrors is how many line errors a parse reports before stopping.
const maxErrors = 20

// Show is a "show" line: a show the editor adds to the catalog.
type Show struct {
	Line int `json:"-"`
	model.ShowText
	Premiered string `json:"premiered"`
	Ended     string `json:"ended"`
	Seasons   []struct {
		Number   int    `json:"number"`
		Premiere string `json:"premiere"`
		Episodes int    `json:"episodes"`
	} `json:"seasons"`
	Crew []struct {
		Person string `json:"person"`
		Job    string `json:"job"`
	} `json:"crew"`
}

// Source is a claim's source as written in the file.
type Source struct {
	URL       string `json:"url"`
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Tier      string `json:"tier"`
}

// Claim is a "claim" line.
type Claim struct {
	Line       int      `json:"-"`
	Show       string   `json:"show"` // slug or title
	Season     int      `json:"season"`
	Kind       string   `json:"kind"`
	Status     string   `json:"status"`
	Date       string   `json:"date"`
	Episodes   int      `json:"episodes"`
	Actor      string   `json:"actor"`
	Character  string   `json:"character"`
	Change     string   `json:"change"`
	Text       string   `json:"text"`
	Quote      string   `json:"quote"`
	Speaker    string   `json:"speaker"`
	StatedAt   string   `json:"stated_at"`
	Confidence *float64 `json:"confidence"`
	State      string   `json:"state"`
	Source     *Source  `json:"source"`

	// Value is the validated claim, without its show id.
	Value model.Claim `json:"-"`
}

// File is a parsed claims file.
type File struct {
	Shows  []Show
	Claims []Claim
}

// LineError is what is wrong with one line.
type LineError struct {
	Line int
	Err  error
}

func (e LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Errors is every line error of a file (up to a limit).
type Errors []LineError

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Parse reads and validates a whole claims file. It returns every line's
// error (up to 20) at once, so an editor can fix them in one pass.
func Parse(r io.Reader) (File, error) {
	var (
		f    File
		errs Errors
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxLineSize)
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
		}
		if len(text) == 0 {
			continue
		}
		if err := f.parseLine(line, text); err != nil {
			errs = append(errs, LineError{Line: line, Err: err})
			if len(errs) == maxErrors {
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d bytes", MaxLineSize)
		}
		errs = append(errs, LineError{Line: line + 1, Err: err})
	}
	if len(errs) > 0 {
		return File{}, errs
	}
	return f, nil
}

// escapedNUL finds a \u0000 escape that is not itself escaped.
var escapedNUL = regexp.MustCompile(`(?:^|[^\\])(?:\\\\)*\\u0000`)

func (f *File) parseLine(line int, text []byte) error {
	if escapedNUL.Match(text) {
		// PostgreSQL cannot store NUL in text and SQLite would: refused
		// here, both databases answer alike.
		return errors.New(`a NUL character (\u0000): no text may hold one`)
	}
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(text, &head); err != nil {
		return jsonerr.Describe(err)
	}
	// Decode strictly: an unknown field is most often a typo.
	body := stripType(text)
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	switch head.Type {
	case "show":
		s := Show{Line: line}
		if err := dec.Decode(&s); err != nil {
			return jsonerr.Describe(err)
		}
		if err := s.validate(); err != nil {
			return err
		}
		f.Shows = append(f.Shows, s)
	case "claim":
		c := Claim{Line: line}
		if err := dec.Decode(&c); err != nil {
			return jsonerr.Describe(err)
		}
		v, err := c.validate()
		if err != nil {
			return err
		}
		c.Value = v
		f.Claims = append(f.Claims, c)
	case "":
		return errors.New(`missing "type": want "show" or "claim"`)
	default:
		return fmt.Errorf(`unknown type %q: want "show" or "claim"`, head.Type)
	}
	return nil
}

// stripType removes the "type" member so strict decoding of the rest can
// reject unknown fields.
func stripType(text []byte) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(text, &m) != nil {
		return text
	}
	delete(m, "type")
	out, _ := json.Marshal(m)
	return out
}
