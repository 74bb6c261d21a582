package recommend

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Fate is what became of a show, as far as recommendations care.
type Fate string

const (
	FateRenewed  Fate = "renewed"          // its next season is confirmed
	FateRunning  Fate = "running"          // on the air or awaiting a decision
	FateComplete Fate = "ended_as_planned" // it ended with a final season
	FateCanceled Fate = "canceled"         // a network ended it
	FateEnded    Fate = "ended"            // TVmaze says ended; planned or not is unknown
	FateUnknown  Fate = "unknown"
)

// Engine holds the models fitted on the catalog and the follows, and
// answers "recommended for you" and "more like this".
type Engine struct {
	BuiltAt time.Time
	shows   []store.ShowSignal
	follows []store.FollowSignal
	fates   []Fate
	index   map[int64]int // show id → item
	users   map[int64]int // user id → row
	m       *Matrix
	content *Content
	knn     *ItemKNN
	parts   []Scorer
	names   []string
	weights []float64
	// hidden are, per user row, the shows they follow, watched or
	// rated: never recommended to them, liked or not.
	hidden []map[int]bool
}

// Options are a user's filters and boosts.
type Options struct {
	Limit int
	// CompleteOnly keeps shows that ended with a final season.
	CompleteOnly bool
	// NoOneSeasonCancels drops shows canceled after one season.
	NoOneSeasonCancels bool
	// BoostRenewed favours shows whose next season is confirmed.
	BoostRenewed bool
}

// Recommendation is a show to watch, with why.
type Recommendation struct {
	ShowID  int64    `json:"-"`
	Slug    string   `json:"show"`
	Title   string   `json:"title"`
	Network string   `json:"network,omitempty"`
	Fate    Fate     `json:"fate"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

// minRating is the lowest rating that counts as liking a show.
const minRating = 3

// maxValidationUsers bounds the users whose held-out follows choose the
// blend's weights.
const maxValidationUsers = 500

// Build fits the models on what the store holds now.
func Build(ctx context.Context, st *store.Store, now time.Time) (*Engine, error) {
	shows, follows, err := st.RecommendSignals(ctx)
	if err != nil {
		return nil, err
	}
	e := Fit(shows, follows, now)
	if err := e.decidedFates(ctx, st, now); err != nil {
		return nil, err
	}
	return e, nil
}

// Fit fits the models on shows and follows; fates come from TVmaze's
// status alone (Build adds what claims say).
func Fit(shows []store.ShowSignal, follows []store.FollowSignal, now time.Time) *Engine {
	e := assemble(shows, follows, now)
	e.parts[0] = FitALS(e.m, productALS(), nil)
	e.weights = e.chooseWeights()
	return e
}

// assemble indexes shows and follows and fits what is quick to fit
// (content, neighbours, popularity); ALS and the weights are the
// caller's, fitted or stored.
func assemble(shows []store.ShowSignal, follows []store.FollowSignal, now time.Time) *Engine {
	e := &Engine{BuiltAt: now, shows: shows, follows: follows, index: map[int64]int{}, users: map[int64]int{}, fates: make([]Fate, len(shows))}
	features := make([][]string, len(shows))
	for i, sh := range shows {
		e.index[sh.ID] = i
		features[i] = showFeatures(sh)
		e.fates[i] = providerFate(sh.ProviderStatus)
	}
	var pairs []Pair
	for _, f := range follows {
		u, ok := e.users[f.UserID]
		if !ok {
			u = len(e.users)
			e.users[f.UserID] = u
			e.hidden = append(e.hidden, map[int]bool{})
		}
		i, ok := e.index[f.ShowID]
		if !ok {
			continue
		}
		e.hidden[u][i] = true
		if f.Rating == 0 || f.Rating >= minRating {
			pairs = append(pairs, Pair{int32(u), int32(i)})
		}
	}
	e.m = NewMatrix(len(e.users), len(shows), pairs)
	e.content = NewContent(features)
	e.knn = FitItemKNN(e.m, 50)
	pop := &Popular{counts: make([]float64, len(shows))}
	for i, sh := range shows {
		// Weeks in the Netflix Top 10 and followers; TVmaze's weight
		// (0–100) only breaks ties.
		pop.counts[i] = float64(sh.Top10Weeks+sh.Followers) + float64(sh.Popularity)/1000
	}
	e.names = []string{"als", "itemknn", "content", "popular"}
	e.parts = []Scorer{nil, e.knn, ContentScorer{e.content, e.m}, pop}
	return e
}

// chooseWeights picks the blend on a validation split of the follows;
// with too few follows to hold any out, content similarity alone.
func (e *Engine) chooseWeights() []float64 {
	train, held := Split(e.m, 0.2, 1)
	// A sample of users is enough to choose weights by, and keeps the
	// hourly fit short on a large catalog.
	users := 0
	for u, h := range held {
		if len(h) > 0 {
			users++
		}
		if users > maxValidationUsers {
			held[u] = nil
		}
	}
	if users == 0 {
		return []float64{0, 0, 1, 0}
	}
	parts := []Scorer{FitALS(train, productALS(), nil),
		FitItemKNN(train, 50), ContentScorer{e.content, train}, e.parts[3]}
	w, _ := ChooseWeights(parts, train, held, 10, Simplex(len(parts), 5))
	return w
}

// productALS fits the follows: far fewer than MovieLens's ratings, so
// fewer factors.
func productALS() ALSConfig {
	return ALSConfig{Factors: 32, Lambda: 1, Alpha: 10, Iterations: 10, CGSteps: 3, Seed: 1}
}

// Weights says how the blend weighs each model.
func (e *Engine) Weights() map[string]float64 {
	out := map[string]float64{}
	for i, n := range e.names {
		out[n] = e.weights[i]
	}
	return out
}

// showFeatures are what content similarity compares.
func showFeatures(sh store.ShowSignal) []string {
	var f []string
	for _, g := range sh.Genres {
		f = append(f, "genre:"+g)
	}
	if sh.Network != "" {
		f = append(f, "network:"+sh.Network)
	}
	if sh.Language != "" {
		f = append(f, "language:"+sh.Language)
	}
	for _, p := range sh.People {
		f = append(f, fmt.Sprintf("person:%d", p))
	}
	if sh.Runtime > 0 {
		f = append(f, fmt.Sprintf("runtime:%d", min(sh.Runtime/30, 3)))
	}
	return f
}

// providerFate reads TVmaze's status.
func providerFate(status string) Fate {
	switch status {
	case facts.TVmazeEnded:
		return FateEnded
	case "Running", "To Be Determined", "In Development":
		return FateRunning
	}
	return FateUnknown
}

// decidedFates resolves, from claims, the fate of shows with renewal news.
func (e *Engine) decidedFates(ctx context.Context, st *store.Store, now time.Time) error {
	today := model.DayDate(now)
	var ids []int64
	for _, sh := range e.shows {
		if sh.HasDecision {
			ids = append(ids, sh.ID)
		}
	}
	data, err := st.ShowsData(ctx, ids)
	if err != nil {
		return err
	}
	for i, sh := range e.shows {
		d, ok := data[sh.ID]
		if !sh.HasDecision || !ok {
			continue
		}
		o, err := facts.ComposeOutlook(d, facts.NextSeason(d, today), today)
		if err != nil {
			return err
		}
		switch o.Renewal.Status {
		case model.StatusRenewed:
			e.fates[i] = FateRenewed
		case model.StatusCanceled:
			e.fates[i] = FateCanceled
		case model.StatusEndedFinalSeason:
			e.fates[i] = FateComplete
			if firstTier(o.Renewal.Evidence) == model.TierProvider {
				e.fates[i] = FateEnded // TVmaze's "Ended" alone
			}
		case model.StatusAwaitingDecision, model.StatusInDevelopment:
			e.fates[i] = FateRunning
		}
	}
	return nil
}

// firstTier is the tier of the first source of an answer.
func firstTier(ev []facts.Evidence) model.Tier {
	if len(ev) == 0 {
		return ""
	}
	return ev[0].Source.Tier
}

// keep applies the user's filters to an item.
func (e *Engine) keep(i int, o Options) bool {
	switch {
	case o.CompleteOnly && e.fates[i] != FateComplete:
		return false
	case o.NoOneSeasonCancels && e.fates[i] == FateCanceled && e.shows[i].Seasons <= 1:
		return false
	}
	return true
}

// ForUser recommends shows to a user, leaving out what they follow or
// watched (follows: their shows now, which may be newer than the
// models), with reasons. A user the models have not seen gets shows like
// those they follow; one who follows nothing, the most popular.
func (e *Engine) ForUser(userID int64, follows []int64, o Options) []Recommendation {
	o.Limit = cmp.Or(o.Limit, 10)
	scores := make([]float64, len(e.shows))
	hide := map[int]bool{}
	var mine []int32
	for _, id := range follows {
		if i, ok := e.index[id]; ok {
			hide[i] = true
			mine = append(mine, int32(i))
		}
	}
	u, known := e.users[userID]
	switch {
	case known:
		(&Blend{Parts: e.parts, Weights: e.weights, Items: len(e.shows)}).Score(u, scores)
	case len(mine) > 0:
		ContentScorer{e.content, &Matrix{Users: 1, Items: len(e.shows), ByUser: [][]int32{mine}}}.Score(0, scores)
		standardise(scores)
	default:
		e.parts[3].Score(0, scores)
		standardise(scores)
	}
	if o.BoostRenewed {
		for i, f := range e.fates {
			if f == FateRenewed {
				scores[i] += 0.5 // half a deviation
			}
		}
	}
	top := TopK(scores, o.Limit, func(i int) bool { return hide[i] || (known && e.hidden[u][i]) || !e.keep(i, o) })
	out := make([]Recommendation, 0, len(top))
	for _, r := range top {
		rec := e.recommendation(r)
		rec.Reasons = e.reasons(mine, u, known, r.Item)
		if len(rec.Reasons) == 0 {
			rec.Reasons = []string{e.popularReason(r.Item)}
		}
		out = append(out, rec)
	}
	return out
}

func (e *Engine) recommendation(r Ranked) Recommendation {
	sh := e.shows[r.Item]
	return Recommendation{ShowID: sh.ID, Slug: sh.Slug, Title: sh.Title, Network: sh.Network, Fate: e.fates[r.Item], Score: math.Round(r.Score*1000) / 1000}
}

// reasons says why a user gets an item: the show they follow most like
// it, and, when the models know the user, the one its followers share.
func (e *Engine) reasons(mine []int32, u int, known bool, item int) []string {
	var out []string
	best, bestSim := -1, 0.0
	sims := make([]float64, len(e.shows))
	e.content.Similar(item, sims)
	for _, j := range mine {
		if sims[j] > bestSim {
			best, bestSim = int(j), sims[j]
		}
	}
	if best >= 0 {
		out = append(out, fmt.Sprintf("because you follow %s: %s", e.shows[best].Title, describe(e.content.Shared(best, item))))
	}
	if known {
		if j, _ := e.knn.Because(u, item); j >= 0 {
			out = append(out, fmt.Sprintf("viewers who follow %s also follow this", e.shows[j].Title))
		}
	}
	if e.fates[item] == FateRenewed {
		out = append(out, "renewed: more is coming")
	}
	return out
}

func (e *Engine) popularReason(i int) string {
	sh := e.shows[i]
	switch {
	case sh.Top10Weeks > 0:
		return fmt.Sprintf("popular: %s in the Netflix Top 10", model.Plural(sh.Top10Weeks, "week"))
	case sh.Followers > 0:
		return fmt.Sprintf("popular: %d followers here", sh.Followers)
	}
	return "popular on TVmaze"
}

// describe turns shared features into words: "same network (Netflix),
// shared genre Legal".
func describe(features []string) string {
	var parts []string
	people := 0
	for _, f := range features {
		kind, value, _ := strings.Cut(f, ":")
		switch kind {
		case "genre":
			parts = append(parts, "shared genre "+value)
		case "network":
			parts = append(parts, "same network ("+value+")")
		case "language":
			parts = append(parts, "same language ("+value+")")
		case "person":
			people++
		case "runtime":
			parts = append(parts, "similar episode length")
		}
	}
	if people > 0 {
		parts = append([]string{fmt.Sprintf("%d cast or crew in common", people)}, parts...)
	}
	if len(parts) == 0 {
		return "similar viewers"
	}
	return strings.Join(parts, ", ")
}

// MoreLikeThis lists the shows most like one, by what they are (so it
// works for anyone, signed in or not), with what they share.
func (e *Engine) MoreLikeThis(showID int64, limit int) []Recommendation {
	i, ok := e.index[showID]
	if !ok {
		return nil
	}
	sims := make([]float64, len(e.shows))
	e.content.Similar(i, sims)
	top := TopK(sims, cmp.Or(limit, 6), func(j int) bool { return j == i || sims[j] == 0 })
	out := make([]Recommendation, 0, len(top))
	for _, r := range top {
		rec := e.recommendation(r)
		rec.Reasons = []string{describe(e.content.Shared(i, r.Item))}
		out = append(out, rec)
	}
	return out
}
