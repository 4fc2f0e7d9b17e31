#!/usr/bin/env python3
"""Checks an HTML report as a browser would read it (Python's html.parser).

    check-report-html.py REPORT.html [TEXTS.json]

Fails (exit 1, one line per problem) when the file is not UTF-8, or when it
could run or load anything: a <script>, an on* attribute, a javascript: (or
any other scheme's) URL, a <link>, <base>, <iframe>, <object>, <embed>,
<form> or <meta http-equiv="refresh">, a src or a picture's href that is not
a data: URL or #anchor, a link (<a href>) that is not http:, https:, mailto:
or an #anchor of the file, a style that imports or loads a URL.  Also when
the document lacks its language, its charset or its Content Security Policy,
an id is used twice, or an #anchor points nowhere.  TEXTS.json is a list of
texts that the reader must see, each found in the document's text.
"""
import html.parser
import json
import re
import sys

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
FORBIDDEN_ELEMENTS = {"script", "link", "base", "iframe", "frame", "object", "embed",
                      "form", "applet", "portal", "noscript"}
URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "srcset", "poster",
                  "data", "background", "ping", "cite", "longdesc", "manifest", "codebase"}
LINK_SCHEMES = ("http:", "https:", "mailto:")


class Report(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []
        self.ids = {}
        self.references = []
        self.html_lang = None
        self.charset = False
        self.csp = None
        self.in_style = False
        self.styles = []
        self.elements = 0

    def problem(self, what):
        self.problems.append("line %d: %s" % (self.getpos()[0], what))

    def handle_starttag(self, tag, attrs):
        self.elements += 1
        attributes = dict(attrs)
        if tag in FORBIDDEN_ELEMENTS:
            self.problem("a <%s> element" % tag)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "meta":
            if "charset" in attributes:
                self.charset = (attributes["charset"] or "").lower() == "utf-8"
            equiv = (attributes.get("http-equiv") or "").lower()
            if equiv == "content-security-policy":
                self.csp = attributes.get("content")
            elif equiv:
                self.problem("<meta http-equiv=%r>" % equiv)
        if tag == "style":
            self.in_style = True
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problem("an event handler attribute %s on <%s>" % (name, tag))
            for target in re.findall(r"url\(\s*['\"]?([^)'\"]*)", value, re.I):
                if target.startswith("#"):
                    self.references.append((self.getpos()[0], target[1:]))
                else:
                    self.problem("%s=%r on <%s> loads a URL" % (name, value, tag))
            if name == "style" and re.search(r"expression|@import", value, re.I):
                self.problem("a style attribute that loads something: %r" % value)
            if name == "id":
                if value in self.ids:
                    self.problem("the id %r is used twice" % value)
                self.ids[value] = tag
            if name not in URL_ATTRIBUTES:
                continue
            url = re.sub(r"[\x00-\x20]", "", value).lower()
            if url.startswith("#"):
                self.references.append((self.getpos()[0], value[1:]))
            elif tag == "a" and name == "href" and url.startswith(LINK_SCHEMES):
                pass
            elif name in ("src", "href", "xlink:href") and tag != "a" and url.startswith("data:"):
                pass
            else:
                self.problem("<%s %s=%r>" % (tag, name, value))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)
        else:
            self.text.append(data)


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        data = f.read()
    try:
        document = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        print("%s: not UTF-8: %s" % (path, e))
        return 1

    report = Report()
    report.feed(document)
    report.close()
    problems = report.problems

    if not document.startswith("<!DOCTYPE html>"):
        problems.append("no <!DOCTYPE html> at the start")
    if not report.html_lang:
        problems.append("<html> has no lang")
    if not report.charset:
        problems.append("no <meta charset=\"utf-8\">")
    if report.csp != CSP:
        problems.append("the Content-Security-Policy is %r, not %r" % (report.csp, CSP))
    style = "".join(report.styles)
    if re.search(r"url\(\s*['\"]?[^#'\"\s]|@import|expression", style, re.I):
        problems.append("a style sheet that loads something")
    for line, target in report.references:
        if target not in report.ids:
            problems.append("line %d: #%s points to no id" % (line, target))
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", document):
        problems.append("a control character")

    text = "".join(report.text)
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            for wanted in json.load(f):
                if wanted not in text:
                    problems.append("the text %r is not in the document's text" % wanted)

    for p in problems:
        print("%s: %s" % (path, p))
    if not problems:
        print("%s: %d elements, %d ids, nothing that runs or loads" %
              (path, report.elements, len(report.ids)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
