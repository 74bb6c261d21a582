package tvmaze

import (
	"net/url"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/htmltext"
	"github.com/nextseason/nextseason/internal/model"
)

// ToShow converts a TVmaze show to a catalog show. Dates TVmaze gives in
// a form we cannot read are left empty rather than failing the import.
func ToShow(s Show) model.Show {
	out := model.Show{
		Title:          strings.TrimSpace(s.Name),
		Genres:         s.Genres,
		ProviderStatus: s.Status,
		TVmazeID:       s.ID,
		Popularity:     s.Weight,
		Premiered:      date(s.Premiered),
		Ended:          date(s.Ended),
		Language:       deref(s.Language),
		Summary:        htmltext.Plain(deref(s.Summary)),
	}
	if s.Updated > 0 {
		out.ProviderSeenAt = time.Unix(s.Updated, 0).UTC()
	}
	for _, ch := range []*Channel{s.Network, s.WebChannel} {
		if ch != nil {
			out.Network = ch.Name
			if ch.Country != nil {
				out.Country = ch.Country.Code
			}
			break
		}
	}
	if s.AverageRuntime != nil {
		out.Runtime = *s.AverageRuntime
	} else if s.Runtime != nil {
		out.Runtime = *s.Runtime
	}
	if s.Externals != nil {
		out.IMDbID = deref(s.Externals.IMDb)
		if s.Externals.TheTVDB != nil {
			out.TheTVDBID = *s.Externals.TheTVDB
		}
	}
	if s.Embedded != nil {
		out.Aliases = ToAliases(s.Embedded.Akas)
	}
	if s.Image != nil {
		out.Image = imageURL(s.Image.Medium)
	}
	return out
}

// imageURL keeps a poster's address when it is an absolute http(s) URL,
// asked for over https (TVmaze serves its images on both); anything else
// is dropped rather than put in a page.
func imageURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil {
		return ""
	}
	u.Scheme = "https"
	return u.String()
}

// ToAliases converts akas.
func ToAliases(akas []Aka) []model.Alias {
	var out []model.Alias
	for _, a := range akas {
		al := model.Alias{Name: strings.TrimSpace(a.Name)}
		if a.Country != nil {
			al.Country = a.Country.Code
		}
		if al.Name != "" {
			out = append(out, al)
		}
	}
	return out
}

// ToSeason converts a season of the show with catalog id showID.
func ToSeason(showID int64, s Season) model.Season {
	out := model.Season{
		ShowID: showID, Number: s.Number, Name: s.Name, TVmazeID: s.ID,
		Premiere: date(s.PremiereDate), End: date(s.EndDate),
	}
	if s.EpisodeOrder != nil {
		out.EpisodeOrder = *s.EpisodeOrder
	}
	return out
}

// ToEpisode converts an episode of the show with catalog id showID.
func ToEpisode(showID int64, e Episode) model.Episode {
	out := model.Episode{ShowID: showID, Season: e.Season, Name: e.Name, TVmazeID: e.ID, Airdate: date(&e.Airdate)}
	if e.Number != nil {
		out.Number = *e.Number
	}
	if e.Runtime != nil {
		out.Runtime = *e.Runtime
	}
	return out
}

// ToCredits converts a show's cast and crew. TVmaze's cast is the main
// cast of the whole show.
func ToCredits(showID int64, cast []CastMember, crew []CrewMember) []model.Credit {
	var out []model.Credit
	for _, c := range cast {
		out = append(out, model.Credit{
			ShowID: showID, Person: model.Person{Name: c.Person.Name, TVmazeID: c.Person.ID},
			Character: c.Character.Name, Role: model.RoleMain,
		})
	}
	for _, c := range crew {
		out = append(out, model.Credit{
			ShowID: showID, Person: model.Person{Name: c.Person.Name, TVmazeID: c.Person.ID},
			Role: model.RoleCrew, Job: strings.ToLower(c.Type),
		})
	}
	return out
}

func date(s *string) model.PartialDate {
	if s == nil {
		return model.PartialDate{}
	}
	d, err := model.ParsePartialDate(*s)
	if err != nil {
		return model.PartialDate{}
	}
	return d
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
