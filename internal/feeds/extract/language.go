package extract

import "unicode"

// The languages the extractor reads. Text in any other yields no claim:
// better nothing than a claim from words it cannot read.
var stopwords = map[string][]string{
	"en": {"the", "of", "and", "to", "is", "for", "on", "with", "has", "its", "will", "season", "series", "after", "at", "be", "by", "this", "that", "from", "are", "was", "it", "as", "new", "show"},
	"es": {"el", "la", "los", "las", "del", "de", "y", "que", "en", "por", "para", "con", "una", "temporada", "serie", "su", "se", "es", "al", "lo"},
	"pt": {"o", "a", "os", "as", "do", "da", "dos", "das", "de", "e", "que", "em", "para", "com", "uma", "temporada", "série", "serie", "nao", "não", "foi", "no", "na"},
	"de": {"der", "die", "das", "und", "ist", "mit", "von", "den", "dem", "ein", "eine", "staffel", "serie", "nicht", "auf", "für", "fur", "wird", "zu", "im", "es"},
	"fr": {"le", "la", "les", "des", "de", "du", "et", "est", "une", "un", "pour", "avec", "saison", "série", "serie", "pas", "sur", "dans", "qui", "en", "au"},
	"it": {"il", "la", "le", "gli", "di", "del", "della", "e", "che", "per", "con", "una", "un", "stagione", "serie", "non", "è", "sul", "nella", "in"},
}

// languages are stopwords' keys in a fixed order.
var languages = []string{"en", "es", "pt", "de", "fr", "it"}

// stopwordLangs maps a stopword's normal form to the languages it is a
// stopword of, one bit per entry of languages.
var stopwordLangs = func() map[string]uint8 {
	out := map[string]uint8{}
	for i, lang := range languages {
		for _, w := range stopwords[lang] {
			out[normWord(w)] |= 1 << i
		}
	}
	return out
}()

// language guesses the language of an item's sentences from their common
// words: one of stopwords' keys, or "" when the text is mostly not in
// Latin script or in none of them.
func language(sents []analysed) string {
	letters, latin, words := 0, 0, 0
	var hits [8]int
	for _, a := range sents {
		for _, r := range a.text {
			switch {
			case r < 0x80:
				if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
					letters++
					latin++
				}
			case unicode.IsLetter(r):
				letters++
				if unicode.Is(unicode.Latin, r) {
					latin++
				}
			}
		}
		words += len(a.toks)
		for _, t := range a.toks {
			for mask, i := stopwordLangs[t.norm], 0; mask != 0; mask, i = mask>>1, i+1 {
				hits[i] += int(mask & 1)
			}
		}
	}
	if letters == 0 || latin*10 < letters*8 {
		return ""
	}
	best, bestHits := "", 0
	for i, lang := range languages {
		if hits[i] > bestHits {
			best, bestHits = lang, hits[i]
		}
	}
	if bestHits*10 < words {
		return "" // a few shared short words are not a language
	}
	return best
}
