package extract

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

// TrainOptions are the settings of training. Zero values take the
// defaults, which cross-validation on the shared labelled news chose.
type TrainOptions struct {
	Lambda float64 // L2 penalty per example
	Seed   uint64
	Folds  int // for calibration and the threshold
	// MinItems is how many training items must show a feature for it to
	// be weighed: rarer ones would let the model learn items by heart.
	MinItems int
	// Share, when between 0 and 1, is the part of its training items each
	// cross-validation fold learns from (drawn with Seed; a smaller share
	// is part of a larger one): how the figures grow with more labelled
	// news. Train always learns from every item.
	Share float64
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Lambda == 0 {
		o.Lambda = 1e-2
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Folds == 0 {
		o.Folds = 5
	}
	if o.MinItems == 0 {
		o.MinItems = 3
	}
	return o
}

// ModelVersion names the features and the learner; a model trained
// under another version is not this code's.
const ModelVersion = "extract-lr-2"

// example is a show of a training item: its features and, per kind,
// whether the item's labels make that claim about it.
type example struct {
	item  int // index of the item, for folds
	feats []string
	y     []bool
}

// trainingSet reads the items, with the catalog and, when there is one,
// without it as well, so that the model serves with a full catalog, a
// small one or none.
func trainingSet(items []Labelled, cat *Catalog) ([]example, []*doc) {
	var out []example
	docs := make([]*doc, len(items)) // read with the catalog
	for i, it := range items {
		cats := []*Catalog{cat}
		if cat != nil {
			cats = append(cats, nil)
		}
		for v, c := range cats {
			d := readDoc(it.Item, c)
			out = append(out, labelled(d, it, i)...)
			if v == 0 {
				docs[i] = d
			}
		}
	}
	return out, docs
}

// labelled turns a read item's shows into examples.
func labelled(d *doc, it Labelled, i int) []example {
	gold := it.Gold()
	var out []example
	for _, sc := range d.shows {
		ex := example{item: i, feats: sc.feats, y: make([]bool, len(Kinds))}
		for _, gc := range gold {
			if k := slices.Index(Kinds, gc.Claim); k >= 0 && sameShow(sc.title, gc.Show) {
				ex.y[k] = true
			}
		}
		out = append(out, ex)
	}
	return out
}

// Train fits a model to labelled items: the weights on all of them, the
// calibration and the threshold on scores of items held out in
// opt.Folds folds.
func Train(items []Labelled, cat *Catalog, opt TrainOptions) (*Model, error) {
	opt = opt.withDefaults()
	if len(items) < opt.Folds {
		return nil, fmt.Errorf("training needs at least %d labelled items, got %d", opt.Folds, len(items))
	}
	exs, _ := trainingSet(items, cat)
	return trainOn(exs, len(items), opt), nil
}

func trainOn(exs []example, items int, opt TrainOptions) *Model {
	// Scores of each example from a model that did not see its item.
	folds := foldsOf(items, opt.Folds, opt.Seed)
	held := make([][]float64, len(exs))
	for f := range opt.Folds {
		var train []example
		var test []int
		for i, ex := range exs {
			if folds[ex.item] == f {
				test = append(test, i)
			} else {
				train = append(train, ex)
			}
		}
		m := fit(train, opt)
		for _, i := range test {
			held[i] = m.scores(exs[i].feats)
		}
	}
	m := fit(exs, opt)
	m.PlattA, m.PlattB = platt(exs, held)
	m.Threshold = bestThreshold(exs, held, m)
	m.Trained = TrainInfo{Items: items, Lambda: opt.Lambda, Seed: opt.Seed, Features: len(m.Weights)}
	return m
}

// foldsOf deals items into k folds at random, with a fixed seed.
func foldsOf(n, k int, seed uint64) []int {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	order := r.Perm(n)
	out := make([]int, n)
	for i, item := range order {
		out[item] = i % k
	}
	return out
}

// fit is logistic regression for each kind by AdaGrad over the examples
// in a seeded order, with an L2 penalty applied to the weights each
// example touches.
func fit(exs []example, opt TrainOptions) *Model {
	seen := map[string]map[int]bool{}
	for _, ex := range exs {
		for _, f := range ex.feats {
			if seen[f] == nil {
				seen[f] = map[int]bool{}
			}
			seen[f][ex.item] = true
		}
	}
	index := map[string]int{}
	var names []string
	rows := make([][]int, len(exs))
	for i, ex := range exs {
		for _, f := range ex.feats {
			if len(seen[f]) < opt.MinItems {
				continue
			}
			j, ok := index[f]
			if !ok {
				j = len(names)
				index[f] = j
				names = append(names, f)
			}
			rows[i] = append(rows[i], j)
		}
	}
	// Output k < len(Kinds) is the kind of claim, learned from the shows
	// some claim is about; the last output is whether any claim is.
	nk := len(Kinds) + 1
	var claimed [][]int
	var claimedY [][]bool
	anyY := make([]bool, len(exs))
	for i, ex := range exs {
		anyY[i] = slices.Contains(ex.y, true)
		if anyY[i] {
			claimed = append(claimed, rows[i])
			claimedY = append(claimedY, ex.y)
		}
	}
	w := make([]float64, len(names)*nk)
	bias := make([]float64, nk)
	for k := range nk {
		var wk []float64
		if k == len(Kinds) {
			wk, bias[k] = fitKind(rows, anyY, len(names), opt.Lambda)
		} else {
			y := make([]bool, len(claimed))
			for i := range claimed {
				y[i] = claimedY[i][k]
			}
			wk, bias[k] = fitKind(claimed, y, len(names), opt.Lambda)
		}
		for j, x := range wk {
			w[j*nk+k] = x
		}
	}
	m := &Model{Version: ModelVersion, Kinds: slices.Clone(Kinds), Bias: bias, Weights: map[string][]float64{}}
	for j, name := range names {
		ws := w[j*nk : (j+1)*nk]
		keep := false
		for _, x := range ws {
			keep = keep || math.Abs(x) >= 1e-3
		}
		if keep {
			m.Weights[name] = slices.Clone(ws)
		}
	}
	return m
}

// platt fits p = sigmoid(a·score + b) to held-out scores by Newton's
// method on the log loss (with Platt's smoothed targets).
func platt(exs []example, held [][]float64) (a, b float64) {
	var zs, ts []float64
	var pos, neg float64
	for i, ex := range exs {
		for k, y := range ex.y {
			zs = append(zs, held[i][k])
			if y {
				pos++
				ts = append(ts, 1)
			} else {
				neg++
				ts = append(ts, 0)
			}
		}
	}
	hi, lo := (pos+1)/(pos+2), 1/(neg+2)
	for i := range ts {
		if ts[i] == 1 {
			ts[i] = hi
		} else {
			ts[i] = lo
		}
	}
	a, b = 1, 0
	for range 50 {
		var ga, gb, haa, hab, hbb float64
		for i, z := range zs {
			p := sigmoid(a*z + b)
			d := p - ts[i]
			ga += d * z
			gb += d
			v := p * (1 - p)
			haa += v * z * z
			hab += v * z
			hbb += v
		}
		haa += 1e-9
		hbb += 1e-9
		det := haa*hbb - hab*hab
		if det == 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a -= da
		b -= db
		if math.Abs(da) < 1e-9 && math.Abs(db) < 1e-9 {
			break
		}
	}
	if a <= 0 {
		a, b = 1, 0
	}
	return a, b
}

// bestThreshold is the calibrated probability, on a grid, at which the
// held-out decisions have the best F1.
func bestThreshold(exs []example, held [][]float64, m *Model) float64 {
	best, bestF1 := 0.5, -1.0
	for t := 0.20; t <= 0.801; t += 0.025 {
		var s Score
		for i, ex := range exs {
			for k, y := range ex.y {
				on := m.probability(held[i][k]) >= t
				switch {
				case on && y:
					s.TP++
				case on:
					s.FP++
				case y:
					s.FN++
				}
			}
		}
		if f := s.F1(); f > bestF1+1e-9 {
			best, bestF1 = t, f
		}
	}
	return math.Round(best*1000) / 1000
}

// fitKind minimises the L2-penalised log loss of one output's logistic
// regression by L-BFGS; the bias is not penalised.
func fitKind(rows [][]int, ys []bool, dim int, lambda float64) ([]float64, float64) {
	n := float64(len(rows))
	p := optimize.Problem{
		Func: func(x []float64) float64 {
			var loss float64
			for i, row := range rows {
				z := x[dim]
				for _, j := range row {
					z += x[j]
				}
				if ys[i] {
					loss += softplus(-z)
				} else {
					loss += softplus(z)
				}
			}
			var reg float64
			for _, v := range x[:dim] {
				reg += v * v
			}
			return loss/n + lambda/2*reg
		},
		Grad: func(g, x []float64) {
			clear(g)
			for i, row := range rows {
				z := x[dim]
				for _, j := range row {
					z += x[j]
				}
				d := sigmoid(z)
				if ys[i] {
					d--
				}
				d /= n
				g[dim] += d
				for _, j := range row {
					g[j] += d
				}
			}
			for j := range dim {
				g[j] += lambda * x[j]
			}
		},
	}
	res, err := optimize.Minimize(p, make([]float64, dim+1), &optimize.Settings{GradientThreshold: 1e-6, MajorIterations: 300}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return make([]float64, dim), 0
	}
	return res.X[:dim], res.X[dim]
}

// softplus is log(1 + e^x), without overflow.
func softplus(x float64) float64 {
	if x > 30 {
		return x
	}
	return math.Log1p(math.Exp(x))
}
