package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugRecall(t *testing.T) {
	items := loadLabelled(t)
	f, _ := os.Open("../../../../shared/data/tv-titles/titles.tsv")
	cat, _ := ReadCatalogTSV(f)
	for _, c := range []*Catalog{nil, cat} {
		tot, found, ncand := 0, 0, 0
		var missed []string
		for _, it := range items {
			d := readDoc(it.Item, c)
			ncand += len(d.shows)
			for _, g := range it.Gold() {
				tot++
				ok := false
				for _, sc := range d.shows {
					if sameShow(sc.title, g.Show) {
						ok = true
					}
				}
				if ok {
					found++
				} else {
					missed = append(missed, it.ID+":"+g.Show)
				}
			}
		}
		fmt.Println(tot, found, ncand, missed)
	}
}
