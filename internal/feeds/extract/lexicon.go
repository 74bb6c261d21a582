package extract

import "strings"

// cueWords are the words and phrases that speak of each kind of claim,
// in English and in the other languages read. They are features whose
// weights the model learns, not rules: a cue near a show makes a claim
// only as far as the labelled news says it does. Phrases are matched on
// words' normal forms.
var cueWords = map[string][]string{
	KindRenewed: {
		"renew", "renews", "renewed", "renewal", "renewals", "renewing", "picked up", "picks up", "pick up", "greenlit",
		"green lit", "greenlights", "greenlighted", "orders", "ordered", "order", "another season", "new season", "second season",
		"third season", "returning for", "coming back", "back for", "extended", "sophomore season", "a go",
		"renovada", "renovado", "renova", "renovou", "renovacion", "renovacao", "renouvelee", "renouvele", "renouvelle",
		"renouvellement", "rinnovata", "rinnovato", "rinnova", "rinnovo", "verlangert", "verlangerung", "bestellt",
	},
	KindCanceled: {
		"cancel", "cancels", "canceled", "cancelled", "cancelling", "canceling", "cancellation", "cancellations", "cancelation",
		"axe", "axed", "axes", "ax", "axing", "scrap", "scraps", "scrapped", "pulls the plug", "pulled the plug", "not return",
		"wont return", "will not return", "not be renewed", "not renewed", "wont be back", "not coming back", "dropped", "canned",
		"nixed", "nixes", "chopping block", "casualties", "killed", "kills", "done", "goodbye", "cut",
		"cancelada", "cancelado", "cancela", "cancelou", "cancelamento", "cancelacion", "annulee", "annule", "annulation",
		"cancellata", "cancellato", "cancella", "abgesetzt", "eingestellt", "absetzung",
	},
	KindEndedFinalSeason: {
		"final season", "last season", "final seasons", "end", "ending", "ends", "ended", "conclude", "concludes", "concluding",
		"conclusion", "come to an end", "comes to an end", "wrap", "wraps", "wrapping", "farewell", "final chapter",
		"series finale", "final", "last", "run",
		"ultima temporada", "temporada final", "letzte staffel", "finale staffel", "derniere saison", "saison finale",
		"ultima stagione", "stagione finale", "fim", "fin", "ende",
	},
	KindAwaitingDecision: {
		"on the bubble", "bubble", "undecided", "no decision", "not yet", "yet to", "uncertain", "unknown", "up in the air",
		"renewed or canceled", "renewed or cancelled", "fate", "future", "will there be", "is there", "awaiting", "waiting",
		"pending", "remains to be seen", "hopes", "hope", "could", "might", "status", "odds", "chances", "limbo", "predictions",
		"decision", "verdict", "whether",
	},
	KindPremiereDate: {
		"premiere", "premieres", "premiered", "premiering", "debut", "debuts", "debuting", "release date", "released",
		"release", "arrive", "arrives", "arriving", "launch", "launches", "drop", "drops", "returns on", "return on",
		"back on", "airs", "air", "date", "dates", "start", "starts", "coming", "streaming", "kicks off",
		"estreia", "estreno", "estrena", "estrenara", "startet", "start", "sortie", "diffusion", "arriva", "debutto",
		"uscita", "in onda", "disponible", "disponibile",
	},
	KindCastAdded: {
		"join", "joins", "joined", "joining", "cast", "casts", "casting", "tapped", "boards", "board", "star", "stars",
		"starring", "to star", "lands", "role", "roles", "adds", "added", "recurring", "guest", "new cast", "play", "plays",
		"will play", "newcomer", "newcomers", "set to star", "lead",
		"elenco", "reparto", "besetzung", "rejoint", "ficha", "fichaje", "interpretara",
	},
	KindCastReturning: {
		"return", "returns", "returning", "back", "reprise", "reprises", "reprising", "promoted", "upped", "series regular",
		"series regulars", "come back", "comes back", "will return", "returning cast", "regulars",
		"regresa", "regresara", "volta", "retour", "revient", "torna", "tornera", "ruckkehr", "zuruck", "kehrt",
	},
}

// cuePhrases indexes cueWords by their first word.
type cuePhrase struct {
	words []string
	kind  int
}

func cueIndex() map[string][]cuePhrase {
	out := map[string][]cuePhrase{}
	for k, kind := range Kinds {
		for _, p := range cueWords[kind] {
			words := strings.Fields(p)
			out[words[0]] = append(out[words[0]], cuePhrase{words: words, kind: k})
		}
	}
	return out
}

// cuesByFirstWord is built once; it is read-only.
var cuesByFirstWord = cueIndex()

// cue is a cue of a kind at words toks[i:j].
type cue struct {
	kind, i, j int
}

// findCues lists the cues in a sentence's words.
func findCues(toks []token) []cue {
	var out []cue
	for i, t := range toks {
		for _, p := range cuesByFirstWord[t.norm] {
			if i+len(p.words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range p.words[1:] {
				ok = ok && toks[i+1+k].norm == w
			}
			if ok {
				out = append(out, cue{kind: p.kind, i: i, j: i + len(p.words)})
			}
		}
	}
	return out
}
