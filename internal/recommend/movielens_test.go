package recommend_test

import (
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/recommend"
)

func TestParseRatings(t *testing.T) {
	d, err := recommend.ParseRatings(strings.NewReader("userId,movieId,rating,timestamp\n1,10,4.0,964982703\n1,20,3.5,1\n2,10,5,2\n1,10,1,3\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if d.Users != 2 || d.Items != 2 || d.Interactions() != 3 || d.UserIDs[1] != 2 || d.ItemIDs[1] != 20 {
		t.Errorf("parsed %d users, %d items, %d interactions, ids %v %v", d.Users, d.Items, d.Interactions(), d.UserIDs, d.ItemIDs)
	}
	dat, err := recommend.ParseRatings(strings.NewReader("1::1193::5::978300760\n1::661::3::978302109\n"), true)
	if err != nil || dat.Interactions() != 2 {
		t.Errorf("ml-1m format: %v, %v", dat, err)
	}
	for _, bad := range []struct{ in, want string }{
		{"userId,movieId\n1,x\n", "line 2: user and item must be whole numbers"},
		{"userId,movieId\n7\n", "line 2: want user,item"},
		{"", "no ratings"},
		{"userId,movieId\n1," + strings.Repeat("9", 70_000) + "\n", "line 2: bufio.Scanner: token too long"},
	} {
		if _, err := recommend.ParseRatings(strings.NewReader(bad.in), false); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%.30q: %v, want %q", bad.in, err, bad.want)
		}
	}
}

func FuzzParseRatings(f *testing.F) {
	f.Add("userId,movieId,rating,timestamp\n1,10,4.0,964982703\n", false)
	f.Add("1::1193::5::978300760\n", true)
	f.Fuzz(func(t *testing.T, in string, dat bool) {
		d, err := recommend.ParseRatings(strings.NewReader(in), dat)
		if err != nil {
			return
		}
		if d.Users != len(d.UserIDs) || d.Items != len(d.ItemIDs) || d.Interactions() == 0 {
			t.Fatalf("inconsistent dataset from %q", in)
		}
		for _, items := range d.ByUser {
			for _, i := range items {
				if int(i) >= d.Items {
					t.Fatalf("item index %d out of %d", i, d.Items)
				}
			}
		}
	})
}
