package recommend

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Dataset is interactions with the outside ids of users and items.
type Dataset struct {
	*Matrix
	UserIDs, ItemIDs []int64
}

// ReadMovieLens reads a MovieLens directory: ratings.csv (the
// ml-latest format, with a header) or ratings.dat (ml-1m, "::"). Every
// rating counts as an interaction, whatever its value.
func ReadMovieLens(dir string) (*Dataset, error) {
	for _, name := range []string{"ratings.csv", "ratings.dat"} {
		f, err := os.Open(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		defer f.Close()
		d, err := ParseRatings(f, name == "ratings.dat")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
		}
		return d, nil
	}
	return nil, fmt.Errorf("%s: no ratings.csv or ratings.dat: want a MovieLens directory such as ml-latest-small", dir)
}

// maxRatingLine bounds one line of a ratings file.
const maxRatingLine = 1 << 16

// ParseRatings reads user,item[,rating,timestamp] lines (a header line
// first, unless dat, whose fields are separated by "::"). Errors name the
// line.
func ParseRatings(r io.Reader, dat bool) (*Dataset, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxRatingLine)
	users, items := map[int64]int32{}, map[int64]int32{}
	d := &Dataset{}
	var pairs []Pair
	sep := ","
	if dat {
		sep = "::"
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || (line == 1 && !dat && strings.HasPrefix(strings.ToLower(text), "userid")) {
			continue
		}
		fields := strings.Split(text, sep)
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want user%sitem%s…, got %q", line, sep, sep, truncate(text))
		}
		u, errU := strconv.ParseInt(strings.TrimSpace(fields[0]), 10, 64)
		i, errI := strconv.ParseInt(strings.TrimSpace(fields[1]), 10, 64)
		if errU != nil || errI != nil {
			return nil, fmt.Errorf("line %d: user and item must be whole numbers, got %q", line, truncate(text))
		}
		uix, ok := users[u]
		if !ok {
			uix = int32(len(d.UserIDs))
			users[u] = uix
			d.UserIDs = append(d.UserIDs, u)
		}
		iix, ok := items[i]
		if !ok {
			iix = int32(len(d.ItemIDs))
			items[i] = iix
			d.ItemIDs = append(d.ItemIDs, i)
		}
		pairs = append(pairs, Pair{uix, iix})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	if len(pairs) == 0 {
		return nil, errors.New("no ratings")
	}
	d.Matrix = NewMatrix(len(d.UserIDs), len(d.ItemIDs), pairs)
	return d, nil
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
