#!/usr/bin/env python3
"""Reuters-21578 SGML -> JSON lines (id, title, published, publisher, text), one story a line.

    python3 bench/reuters_to_jsonl.py ../shared/corpora/reuters-21578 > reuters.jsonl

The text is the dateline and the body, hard-wrapped lines kept as they are; the trailing
"Reuter" sign-off and control characters are dropped. Stories without a body are skipped.
Standard library only.
"""
import html
import json
import re
import sys
from datetime import datetime
from pathlib import Path

STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def field(tag, s):
    m = re.search(rf"<{tag}>(.*?)</{tag}>", s, re.S)
    return clean(m.group(1)) if m else None


def clean(s):
    s = html.unescape(s)
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", s).strip()


def published(date):
    # "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01"
    try:
        return datetime.strptime(date.split(".")[0].title(), "%d-%b-%Y %H:%M:%S").isoformat()
    except (ValueError, AttributeError):
        return None


def main(folder):
    out = sys.stdout
    for path in sorted(Path(folder).glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for newid, story in STORY.findall(raw):
            body = field("BODY", story)
            if not body:
                continue
            body = re.sub(r"\s*Reuter\s*$", "", body)
            dateline = field("DATELINE", story)
            text = f"{dateline} {body}" if dateline else body
            record = {
                "id": f"reuters-{newid}",
                "title": field("TITLE", story),
                "published": published(field("DATE", story)),
                "publisher": "Reuters",
                "text": text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/reuters-21578")
