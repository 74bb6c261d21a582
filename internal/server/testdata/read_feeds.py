# Reads a private calendar or Atom feed with independent, real clients
# (Debian's python3-icalendar and python3-feedparser) and prints what they
# understood as JSON, for the Go test to compare.
import json
import sys

kind, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if kind == "ics":
    import icalendar

    cal = icalendar.Calendar.from_ical(data)
    out = []
    for ev in cal.walk("VEVENT"):
        out.append({
            "uid": str(ev["UID"]),
            "summary": str(ev["SUMMARY"]),
            "status": str(ev.get("STATUS", "")),
            "start": ev.decoded("DTSTART").isoformat(),
            "end": ev.decoded("DTEND").isoformat(),
            "url": str(ev.get("URL", "")),
        })
    print(json.dumps(out))
else:
    import feedparser

    f = feedparser.parse(data)
    if f.bozo:
        sys.exit("feedparser: %s" % f.bozo_exception)
    print(json.dumps({
        "version": f.version,
        "title": f.feed.title,
        "entries": [{"id": e.id, "title": e.title, "link": e.link,
                     "category": e.tags[0].term if e.get("tags") else ""} for e in f.entries],
    }))
