package extract

import (
	"fmt"
	"testing"
)

func TestDebugCands(t *testing.T) {
	items := loadLabelled(t)
	for _, it := range items[70:76] {
		d := readDoc(it.Item, nil)
		fmt.Println("==", it.ID, d.lang, it.Headline)
		for _, g := range it.Gold() {
			fmt.Println("   gold", g.Claim, g.Show)
		}
		for _, sc := range d.shows {
			fmt.Println("   cand", sc.title, len(sc.feats), sc.feats[:5])
		}
	}
}
