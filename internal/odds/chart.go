package odds

import (
	"fmt"
	"math"
	"strings"
)

// Chart draws, as SVG, a season's weekly hours viewed (solid) against the
// median weeks of renewed seasons and of the others (dashed). It writes
// only numbers and fixed words, so it is safe to put in a page as is.
func (e Estimate) Chart() string {
	const w, h, left, bottom, top, right = 480, 240, 76, 32, 16, 32
	peak := 1.0
	for _, series := range [][]float64{e.Hours, e.RenewedMedian, e.NotRenewedMedian} {
		for _, v := range series {
			peak = math.Max(peak, v)
		}
	}
	x := func(week int) float64 { return left + float64(week)*(w-left-right)/float64(window-1) }
	y := func(v float64) float64 { return h - bottom - v/peak*(h-bottom-top) }
	line := func(series []float64, class string) string {
		var pts []string
		for i, v := range series {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(v)))
		}
		return fmt.Sprintf(`<polyline class="%s" fill="none" points="%s"/>`, class, strings.Join(pts, " "))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="Weekly hours viewed in the first four weeks, against the medians of renewed and not renewed seasons">`, w, h)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888"/>`, left, h-bottom, w-right, h-bottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888"/>`, left, top, left, h-bottom)
	for week := range window {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="15" text-anchor="middle">week %d</text>`, x(week), h-bottom+16, week+1)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="15" text-anchor="end">%.0fM h</text>`, left-6, top+4, peak/1e6)
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="15" text-anchor="end">0</text>`, left-6, h-bottom)
	b.WriteString(`<g stroke-width="2">`)
	b.WriteString(strings.Replace(line(e.RenewedMedian, "renewed"), "<polyline", `<polyline stroke="#2a7" stroke-dasharray="6 4"`, 1))
	b.WriteString(strings.Replace(line(e.NotRenewedMedian, "not-renewed"), "<polyline", `<polyline stroke="#c44" stroke-dasharray="6 4"`, 1))
	b.WriteString(strings.Replace(line(e.Hours, "this-season"), "<polyline", `<polyline stroke="#225" stroke-width="3"`, 1))
	b.WriteString(`</g>`)
	// The legend, large enough to read when the chart is shrunk to a
	// phone's width.
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="15" fill="#225">this season</text>`, w-right-170, top+12)
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="15" fill="#2a7">median renewed</text>`, w-right-170, top+30)
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="15" fill="#c44">median not renewed</text>`, w-right-170, top+48)
	b.WriteString(`</svg>`)
	return b.String()
}
