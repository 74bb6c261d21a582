// Package tell says what an event means, in words and with a link: the
// headline and detail that mail, webhooks, the Atom feed and the delivery
// history all tell followers.
package tell

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Headline says what an event means in one line, for a mail's subject,
// a feed entry's title and the delivery history.
func Headline(e store.FollowedEvent) string {
	season := e.Title
	if e.Season > 0 {
		season = fmt.Sprintf("%s season %d", e.Title, e.Season)
	}
	switch e.Kind {
	case model.EventRenewed, model.EventCanceled, model.EventEndedFinalSeason:
		return decisionHeadline(season, e.Old, e.New)
	case model.EventPremiereDated:
		return fmt.Sprintf("%s premieres %s", season, model.DisplayText(e.New))
	case model.EventPremiereMoved:
		if sides, ok := model.DisputeSides(e.New); ok {
			return fmt.Sprintf("Correction: %s premiere is now disputed, not %s — %s", season, model.DisplayText(e.Old), sides)
		}
		return fmt.Sprintf("%s premiere moved from %s to %s", season, model.DisplayText(e.Old), model.DisplayText(e.New))
	case model.EventCastNews:
		return fmt.Sprintf("%s cast: %s", season, castWords(e.New))
	case model.EventSeasonReleased:
		return season + ": every episode has aired"
	case model.EventAtRisk:
		return fmt.Sprintf("%s: no renewal decision %s", season, e.New)
	}
	return fmt.Sprintf("%s: %s", season, e.Kind)
}

// castWords is cast news as stored ("Arden Cho as Ingrid Yun:
// departing") in a reader's words ("…: not returning").
func castWords(news string) string {
	i := strings.LastIndex(news, ": ")
	if i < 0 {
		return news
	}
	change := model.CastChange(news[i+2:])
	if label := change.Label(); label != string(change) {
		return news[:i+2] + label
	}
	return news
}

// decisionHeadline says a renewal answer as it changed: reached, put in
// dispute (a correction of what was told), or settled. A plain reversal
// (a canceled show revived) is news, not a correction; Detail says what
// the answer was.
func decisionHeadline(season, old, now string) string {
	was, _ := model.ParseRenewalStatus(old)
	if sides, ok := model.DisputeSides(now); ok {
		if was.Decisive() {
			return fmt.Sprintf("Correction: %s is now disputed, not %s — %s", season, strings.ToLower(was.Label()), sides)
		}
		return fmt.Sprintf("%s is disputed — %s", season, sides)
	}
	is := map[string]string{string(model.StatusRenewed): " is renewed", string(model.StatusCanceled): " is canceled",
		string(model.StatusEndedFinalSeason): " is the final season"}[now]
	if old == model.AnswerDisputed {
		return season + is + ": the dispute is settled"
	}
	return season + is // a reversal says what it was in Detail
}

// Detail is the line under a headline: what the answer was before, and
// where the news comes from.
func Detail(e store.FollowedEvent) string {
	s := ""
	if e.Old != "" && e.Kind != model.EventPremiereMoved {
		s = "Before: " + model.DisplayValue(e.Old) + "."
	}
	if e.SourceURL != "" {
		if s != "" {
			s += " "
		}
		s += "Source: " + e.SourceURL
	}
	return s
}

// SentHeadline says what a delivery or mail in the history was about.
func SentHeadline(x store.Sent) string {
	switch {
	case x.Event != nil:
		return Headline(*x.Event)
	case x.DigestDay != "":
		return "digest of " + x.DigestDay
	}
	return "test"
}

// OutlookPath is the path of the page that answers for a season now (or,
// for season 0, the show's page): the link every notification carries.
func OutlookPath(slug string, season int) string {
	if season < 1 {
		return "/shows/" + slug // news about the whole show
	}
	return fmt.Sprintf("/shows/%s/seasons/%d", slug, season)
}

// Host is the host of this nextseason's base URL, which names it in mail
// Message-IDs and Atom ids; "nextseason.invalid" when there is none.
func Host(baseURL string) string {
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "nextseason.invalid"
}
