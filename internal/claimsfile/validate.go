package claimsfile

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/nextseason/nextseason/internal/model"
)

func (s Show) validate() error {
	if strings.TrimSpace(s.Title) == "" {
		return errors.New(`show: "title" is required`)
	}
	for _, d := range []struct{ name, value string }{{"premiered", s.Premiered}, {"ended", s.Ended}} {
		if _, err := optionalDate(d.value); err != nil {
			return fmt.Errorf("show %q: %s: %w", s.Title, d.name, err)
		}
	}
	for _, se := range s.Seasons {
		if se.Number < 1 {
			return fmt.Errorf("show %q: season number %d: want 1 or more", s.Title, se.Number)
		}
		if _, err := optionalDate(se.Premiere); err != nil {
			return fmt.Errorf("show %q: season %d premiere: %w", s.Title, se.Number, err)
		}
	}
	for _, c := range s.Crew {
		if c.Person == "" || c.Job == "" {
			return fmt.Errorf("show %q: each crew entry needs \"person\" and \"job\"", s.Title)
		}
	}
	return nil
}

func optionalDate(s string) (model.PartialDate, error) {
	if s == "" {
		return model.PartialDate{}, nil
	}
	return model.ParsePartialDate(s)
}

// validate checks a claim line and builds its value.
func (c Claim) validate() (model.Claim, error) {
	var v model.Claim
	if strings.TrimSpace(c.Show) == "" {
		return v, errors.New(`"show" is required: a slug or a title`)
	}
	if c.Season < 0 {
		return v, fmt.Errorf("season %d: want 1 or more (or leave it out for the whole show)", c.Season)
	}
	kind, err := model.ParseClaimKind(c.Kind)
	if err != nil {
		return v, err
	}
	v.Kind, v.Season = kind, c.Season
	if kind != model.KindPlot && kind != model.KindFactor && c.Season == 0 {
		return v, fmt.Errorf("a %s claim needs a \"season\"", kind)
	}
	switch kind {
	case model.KindRenewal:
		if v.Status, err = model.ParseRenewalStatus(c.Status); err != nil {
			return v, err
		}
	case model.KindPremiere:
		if v.Date, err = model.ParsePartialDate(c.Date); err != nil {
			return v, fmt.Errorf("date: %w", err)
		}
	case model.KindEpisodes:
		if c.Episodes < 1 || c.Episodes > 10000 {
			return v, fmt.Errorf("an episodes claim needs \"episodes\", a count from 1, not %d", c.Episodes)
		}
		v.Episodes = c.Episodes
	case model.KindCast:
		if c.Actor == "" {
			return v, errors.New(`a cast claim needs an "actor"`)
		}
		v.Actor, v.Character = strings.TrimSpace(c.Actor), strings.TrimSpace(c.Character)
		if v.CastChange, err = model.ParseCastChange(c.Change); err != nil {
			return v, err
		}
	case model.KindPlot, model.KindFactor:
		if strings.TrimSpace(c.Text) == "" {
			return v, fmt.Errorf(`a %s claim needs a "text"`, kind)
		}
		v.Text = strings.TrimSpace(c.Text)
	}
	if strings.TrimSpace(c.Quote) == "" {
		return v, errors.New(`"quote" is required: the words of the source that carry the claim`)
	}
	v.Quote, v.Speaker = strings.TrimSpace(c.Quote), strings.TrimSpace(c.Speaker)
	if c.Source == nil {
		return v, errors.New(`"source" is required`)
	}
	if v.Source, err = c.Source.validate(); err != nil {
		return v, fmt.Errorf("source: %w", err)
	}
	v.StatedAt = v.Source.Published
	if c.StatedAt != "" {
		if v.StatedAt, err = model.ParsePartialDate(c.StatedAt); err != nil {
			return v, fmt.Errorf("stated_at: %w", err)
		}
	}
	if v.StatedAt.Precision != model.PrecisionDay {
		return v, fmt.Errorf("stated_at %q: want a day (YYYY-MM-DD); give \"stated_at\" when the source's date is coarser", v.StatedAt)
	}
	v.Confidence = 1
	if c.Confidence != nil {
		if *c.Confidence < 0 || *c.Confidence > 1 {
			return v, fmt.Errorf("confidence %v: want 0 to 1", *c.Confidence)
		}
		v.Confidence = *c.Confidence
	}
	v.State = model.StateAccepted
	if c.State != "" {
		if v.State, err = model.ParseClaimState(c.State); err != nil {
			return v, err
		}
	}
	v.Origin = model.OriginEditor
	return v, nil
}

func (s Source) validate() (model.Source, error) {
	var out model.Source
	u, err := url.Parse(s.URL)
	absolute := err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
	// A path from the root names a copy this nextseason serves itself,
	// such as /archive/partner-track-season-2.txt.
	local := err == nil && u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/") && !strings.HasPrefix(s.URL, "//")
	if !absolute && !local {
		return out, fmt.Errorf("url %q: want an http(s) URL, or a path from the root (/archive/...) for a copy this server keeps", s.URL)
	}
	if strings.TrimSpace(s.Publisher) == "" {
		return out, errors.New(`"publisher" is required`)
	}
	if out.Published, err = model.ParsePartialDate(s.Published); err != nil {
		return out, fmt.Errorf("published: %w", err)
	}
	if out.Tier, err = model.ParseTier(s.Tier); err != nil {
		return out, err
	}
	out.URL, out.Publisher, out.Title = s.URL, strings.TrimSpace(s.Publisher), strings.TrimSpace(s.Title)
	return out, nil
}
