package htmltext

import "testing"

func TestPlain(t *testing.T) {
	for in, want := range map[string]string{
		"<p>The <b>Simpsons</b> live in Springfield.</p><p>Second.</p>": "The Simpsons live in Springfield. Second.",
		"Tom &amp; Jerry&#39;s &quot;show&quot;&#160;now":               `Tom & Jerry's "show" now`,
		"&lt;img src=&quot;x.jpg&quot;&gt;Kim &amp; Kanye":              "Kim & Kanye",
		"a < b and c > d":    "a < b and c > d",
		"line\r\n\tbreaks  ": "line breaks",
		"":                   "",
	} {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzPlain(f *testing.F) {
	f.Add("<p>x &amp; y</p>")
	f.Add("&lt;&lt;&lt;&gt;")
	f.Fuzz(func(t *testing.T, s string) {
		Plain(s) // must terminate and not panic
	})
}
