package extract

import (
	"regexp"
	"strings"
)

// rule finds one kind of claim in a sentence.
type rule struct {
	name string
	kind string
	re   *regexp.Regexp
	// hints are words one of which the pattern needs: a sentence without
	// any is skipped without running the (much slower) pattern.
	hints []string
}

// mayMatch reports whether the lowercased sentence holds a hint.
func (r rule) mayMatch(lower string) bool {
	for _, h := range r.hints {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return false
}

// ci compiles a case-insensitive pattern.
func ci(p string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + p) }

// ruleset is compiled once.
var ruleset = rules()

// rules lists the patterns, most specific first. A sentence that says a
// decision has not been made yields awaiting_decision and nothing else of
// the decisions; predictions and questions are not decisions.
func rules() []rule {
	return []rule{
		{"no-decision", KindAwaitingDecision, ci(`\b(renewed or cancel+ed|cancel+ed or renewed|(has ?n[o']t|have ?n[o']t|not yet|yet to be)( been)?( officially)? (renewed|picked up|cancel+ed|announced)|no (official )?(word|decision|news|announcement)( yet)? (on|about|regarding)|on the bubble|will it or won.?t it|(fate|future) (is|remains) (uncertain|unknown|unclear|up in the air)|(decision|verdict) (is )?(still )?(pending|expected|to come)|don.?t have an official pickup|(could|may|might) be on the table|room to discuss|technically it hasn.?t|remains? to be seen|waiting (on|for) (a|the) decision|i think .{0,60}(is going to|will) .{0,30}(renew|cancel|season|go with|pick)|renew\w*\?)`), []string{" or ", "n't", "n’t", "not", "yet", "no ", "bubble", "won", "fate", "future", "decision", "verdict", "pickup", "table", "discuss", "remain", "waiting", "i think", "?"}},
		{"final-season", KindEndedFinalSeason, ci(`\b((and|as its|as the|its|the) (final|last) season|final season|will end (with|after) (its|the)|(is )?coming to an end|(come|comes) to an end|(will be )?ending (this|after|with)|to end (with|after) (its|the)? ?(season|\w+ season)|end of the road)\b`), []string{"final", "last", "end"}},
		{"canceled", KindCanceled, ci(`\b(cancel+(s|ed|ing)?|axe[sd]?|axing|scrap(s|ped)|pull(s|ed)? the plug|(won.?t|will not) (be )?(return(ing)?|renewed|back)|not (be )?renewed|not coming back|kills?|killed|case closed for|dropped by)\b`), []string{"cancel", "axe", "axing", "scrap", "plug", "return", "renew", "coming back", "kill", "closed", "dropped", "back"}},
		{"renewed", KindRenewed, ci(`\b(renew(s|ed|al)|picked up for|green-?lit|greenlit|(gets?|getting|give[sn]?|grants?) (a |an )?(second|third|fourth|fifth|another|new|\d+(st|nd|rd|th)) season|(will |to )?(get|return for) a (second|third|fourth|fifth|new) season|season \d+ (was|is) a go|was a go|finds? (a )?new home|(is|are) returning for (a )?(season|second|third|fourth|fifth)|will have a (second|third|fourth|fifth|sixth|new) season|pick(s|ing|ed)? up (the|a|an) ([\w-]+ ){0,4}(series|show|adaptation|drama|comedy|season)|(is|are) (officially )?returning (this|next|in|for)|(recently|newly|just)[ -]announced (season \d+|(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th)) season))\b`), []string{"renew", "pick", "green", "season", "go", "home", "return"}},
		{"premiere", KindPremiereDate, ci(`\b(premiere[sd]?|premiering|debuts?|debuting|release date|will be released|(will |to )?(return|arrive|launch|drop)s? (on|in)|(will )?(premiere|arrive|return|launch|debut|drop|stream)|returning this|set (for|to) (premiere|return|debut)|coming (back )?(on|in)|tipped for|commence|kicks? off|(to be |will be )?(dropped|released) (on|in))\b`), []string{"premier", "debut", "releas", "return", "arriv", "launch", "drop", "stream", "coming", "tipped", "commence", "kick"}},
		{"promoted", KindCastReturning, ci(`\b((promot(ed|es|ing)|upped) (\w+ )?(to )?(series )?regulars?|(is|are) now (a )?series regulars?|have been upped|promot(es|ed) \w+( \w+)? (to|for)|(will )?(return|come back)s? as|back as|(are|is) back( in action)?|reprises?|expect(ed)? .{0,40} to return as)\b`), []string{"promot", "upped", "regular", "return", "back", "repris", "expect"}},
		{"joins", KindCastAdded, ci(`\b(joins|joined|joining|(as )?(the )?star of|makes? (his|her|their) debut as|(to|will) join|has joined|boards|(has been |was |is )?cast (as|in)|tapped to (play|star)|(will |to )?star (as|in)|lands (a |the )?(role|part|lead)|embarked on .{0,20} as star|makes? (his|her|their)? ?debut as)\b`), []string{"join", "board", "cast", "tapped", "star", "land", "debut", "embark"}},
		{"adds", KindCastAdded, ci(`\b(adds|added to the cast|casts|feature the following actors|new cast members? (is|are|include))\b`), []string{"add", "cast", "feature"}},
	}
}

// notPremiere marks dates that belong to something other than a premiere.
var notPremiere = ci(`\b(finale|filming|film(s|ed)?|shoot(ing)?|production|trailer (drops|arrives|is out)|nominations?|awards\b|award (show|ceremony)|emmys?|wrap(s|ped)?|post-mortem)\b`)

// longAgo marks a decision told as history: "was famously axed six
// years ago, only to be picked up".
var longAgo = ci(`\b(\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few) (years|decades) ago\b`)

// listicle marks headlines about many unnamed shows ("15 Best TV Shows That
// Were Canceled"): they carry no claim of their own.
var listicle = ci(`^(\d+|the \d+|top \d+|every|all (of )?the|these) .{0,40}\b(shows|series)\b`)

// question marks headlines that ask rather than tell.
var question = regexp.MustCompile(`\?\s*$|\?\s+[A-Z]`)
