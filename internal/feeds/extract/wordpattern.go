package extract

import (
	"regexp"
	"regexp/syntax"
	"unicode"
)

// wordPattern is a regular expression that matches only where a word
// starts (it begins with \b, then a letter or digit). Go's regexp tries
// an unanchored pattern at every byte of a text, which on sentences and
// many patterns was most of the extractor's time; a wordPattern is
// compiled anchored and tried only at word starts whose first byte it
// can match. It finds exactly what the unanchored pattern finds: the
// leftmost match, with the same choice among those starting there.
type wordPattern struct {
	re    *regexp.Regexp // anchored: ^(?:expr)
	first [256]bool      // the bytes a match can start with
}

// mustWordPattern compiles expr, which must begin with \b (after
// flags such as (?i)) and can match only ASCII letters and digits first.
func mustWordPattern(expr string) *wordPattern {
	p := &wordPattern{re: regexp.MustCompile(`^(?:` + expr + `)`)}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(err)
	}
	// Walk every path from the start to the first rune it reads: each
	// must cross \b first.
	type state struct {
		pc       uint32
		boundary bool
	}
	seen := map[state]bool{}
	var walk func(pc uint32, boundary bool)
	walk = func(pc uint32, boundary bool) {
		if seen[state{pc, boundary}] {
			return
		}
		seen[state{pc, boundary}] = true
		in := prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out, boundary)
			walk(in.Arg, boundary)
		case syntax.InstCapture, syntax.InstNop:
			walk(in.Out, boundary)
		case syntax.InstEmptyWidth:
			walk(in.Out, boundary || syntax.EmptyOp(in.Arg)&syntax.EmptyWordBoundary != 0)
		case syntax.InstRune1, syntax.InstRune:
			if !boundary {
				panic("wordPattern: " + expr + " does not start with \\b")
			}
			fold := in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0
			if len(in.Rune) == 1 {
				p.mark(expr, in.Rune[0], in.Rune[0], fold)
			}
			for i := 0; i+1 < len(in.Rune); i += 2 {
				p.mark(expr, in.Rune[i], in.Rune[i+1], fold)
			}
		default: // a match of nothing, or of any rune
			panic("wordPattern: " + expr + " may start with anything")
		}
	}
	walk(uint32(prog.Start), false)
	for b, on := range p.first {
		if on && !isWordByte(byte(b)) {
			panic("wordPattern: " + expr + " may start with " + string(rune(b)))
		}
	}
	return p
}

// mark notes that a match may start with a rune of lo-hi, and with
// their other cases when fold is set.
func (p *wordPattern) mark(expr string, lo, hi rune, fold bool) {
	if hi >= 0x80 {
		panic("wordPattern: " + expr + " may start with a rune beyond ASCII")
	}
	for r := lo; r <= hi; r++ {
		p.first[r] = true
		for f := unicode.SimpleFold(r); fold && f != r; f = unicode.SimpleFold(f) {
			if f < 0x80 {
				p.first[f] = true
			}
		}
	}
}

// at reports whether a match may start at s[i]: a word starts there and
// the pattern can start with its byte.
func (p *wordPattern) at(s string, i int) bool {
	return p.first[s[i]] && (i == 0 || !isWordByte(s[i-1]))
}

// FindStringSubmatchIndex is regexp's, for the unanchored pattern.
func (p *wordPattern) FindStringSubmatchIndex(s string) []int {
	for i := 0; i < len(s); i++ {
		if !p.at(s, i) {
			continue
		}
		if m := p.re.FindStringSubmatchIndex(s[i:]); m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] += i
				}
			}
			return m
		}
	}
	return nil
}

// FindStringSubmatch is regexp's, for the unanchored pattern.
func (p *wordPattern) FindStringSubmatch(s string) []string {
	m := p.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for k := range out {
		if m[2*k] >= 0 {
			out[k] = s[m[2*k]:m[2*k+1]]
		}
	}
	return out
}

// MatchString is regexp's, for the unanchored pattern.
func (p *wordPattern) MatchString(s string) bool {
	for i := 0; i < len(s); i++ {
		if p.at(s, i) && p.re.MatchString(s[i:]) {
			return true
		}
	}
	return false
}

// FindAllStringIndex is regexp's with n < 0, for the unanchored pattern
// (which never matches the empty string).
func (p *wordPattern) FindAllStringIndex(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		if !p.at(s, i) {
			continue
		}
		if loc := p.re.FindStringIndex(s[i:]); loc != nil && loc[1] > 0 {
			out = append(out, []int{i, i + loc[1]})
			i += loc[1] - 1
		}
	}
	return out
}

// FindString is regexp's, for the unanchored pattern.
func (p *wordPattern) FindString(s string) string {
	if m := p.FindStringSubmatchIndex(s); m != nil {
		return s[m[0]:m[1]]
	}
	return ""
}
