package recommend_test

import (
	"testing"

	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/sharedtest"
)

// movieLens is the shared MovieLens sample; it stays out of the repo.
func movieLens(tb testing.TB) string { return sharedtest.Path(tb, "movielens/ml-latest-small") }

// TestOfflineOnMovieLens holds the targets on ml-latest-small:
// the blend's NDCG@10 at least 1.5 times the most-popular baseline's and
// above item-kNN's; ALS alone above most-popular.
func TestOfflineOnMovieLens(t *testing.T) {
	d, err := recommend.ReadMovieLens(movieLens(t))
	if err != nil {
		t.Fatal(err)
	}
	rep := recommend.DefaultOffline().Run(d.Matrix)
	for _, name := range []string{"popular", "itemknn", "als", "blend"} {
		m := rep.Models[name]
		t.Logf("%-8s P@10 %.4f R@10 %.4f NDCG@10 %.4f MAP@10 %.4f coverage %.4f train %.2fs", name, m.Precision, m.Recall, m.NDCG, m.MAP, m.Coverage, m.TrainSeconds)
	}
	t.Logf("chosen: %+v", rep.Chosen)
	pop, knn, als, blend := rep.Models["popular"].NDCG, rep.Models["itemknn"].NDCG, rep.Models["als"].NDCG, rep.Models["blend"].NDCG
	if blend < 1.5*pop || blend <= knn {
		t.Errorf("blend NDCG@10 %.4f: want at least 1.5 × popular's %.4f and above item-kNN's %.4f", blend, pop, knn)
	}
	if als <= pop {
		t.Errorf("ALS NDCG@10 %.4f: want above popular's %.4f", als, pop)
	}
}
