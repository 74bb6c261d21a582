package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugCV(t *testing.T) {
	items := loadLabelled(t)
	f, _ := os.Open("../../../../shared/data/tv-titles/titles.tsv")
	cat, _ := ReadCatalogTSV(f)
	cv, _ := CrossValidate(items, cat, 5, TrainOptions{})
	cl := cv.Claims(-1)
	for i, it := range items {
		for _, g := range it.Gold() {
			if g.Claim != KindPremiereDate {
				continue
			}
			for _, c := range cl[i] {
				if c.Kind == g.Claim && sameShow(c.Show, g.Show) && c.PremiereDate != g.PremiereDate {
					fmt.Printf("%s pub=%s gold=%s got=%s | %s\n", it.ID, it.Published, g.PremiereDate, c.PremiereDate, c.Quote)
				}
			}
		}
	}
}
