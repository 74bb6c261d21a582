package syndicate

import (
	"fmt"
	"io"
	"net/url"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/tell"
)

// Calendar writes the ICS calendar of the premieres of followed shows. A
// premiere known to the day is an all-day event; a window ("summer
// 2026") is a TENTATIVE all-day event spanning it, which narrows as news
// arrives. UIDs name the show and season, so calendar apps update an
// event rather than add another.
func Calendar(w io.Writer, shows []answer.Followed, baseURL string, now time.Time) error {
	cal := ics.NewCalendarFor("nextseason")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName("nextseason: premieres of the shows I follow")
	cal.SetRefreshInterval("PT6H")
	cal.SetXPublishedTTL("PT6H")
	for _, f := range shows {
		for _, o := range f.Seasons {
			addPremiere(cal, f.ShowID, o, baseURL, now)
		}
	}
	return cal.SerializeTo(w)
}

// CalendarUID names a season's premiere in every version of the calendar.
func CalendarUID(showID int64, season int) string {
	return fmt.Sprintf("show-%d-season-%d-premiere@nextseason", showID, season)
}

func addPremiere(cal *ics.Calendar, showID int64, o facts.Outlook, baseURL string, now time.Time) {
	if o.Premiere == nil {
		return
	}
	d := o.Premiere.Date
	ev := cal.AddEvent(CalendarUID(showID, o.Season))
	ev.SetDtStampTime(now)
	ev.SetAllDayStartAt(d.Start())
	// DTEND is exclusive: the day after the last.
	ev.SetAllDayEndAt(d.End().AddDate(0, 0, 1))
	ev.SetTimeTransparency(ics.TransparencyTransparent)
	title := fmt.Sprintf("%s season %d", o.Show.Title, o.Season)
	exact := d.Precision == model.PrecisionDay && !o.Premiere.Disputed
	if exact {
		ev.SetStatus(ics.ObjectStatusConfirmed)
		ev.SetSummary(title + " premieres")
	} else {
		ev.SetStatus(ics.ObjectStatusTentative)
		ev.SetSummary(fmt.Sprintf("%s premieres (%s, no date yet)", title, d.Display()))
	}
	link := baseURL + tell.OutlookPath(o.Show.Slug, o.Season)
	desc := fmt.Sprintf("Premiere: %s. Renewal: %s.", d.Display(), o.Renewal.Status.Label())
	if o.Premiere.Disputed {
		desc += " Sources disagree on the date."
	}
	ev.SetDescription(desc + "\n" + link)
	ev.SetURL(link)
}

// PrivateURLs are the addresses of a user's calendar and Atom feed, which
// carry their feed token: calendar apps and feed readers cannot send
// headers.
func PrivateURLs(baseURL, feedToken string) (calendar, feed string) {
	q := "?token=" + url.QueryEscape(feedToken)
	return baseURL + "/api/v1/me/calendar.ics" + q, baseURL + "/api/v1/me/feed.atom" + q
}
