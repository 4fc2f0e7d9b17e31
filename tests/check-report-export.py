#!/usr/bin/env python3
# check-report-export.py
#
# Copyright 2026 The Phasewise authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks an exported report against what the user entered (the completeness
# test of issue 12, tests/test-report-export.c):
#
#   check-report-export.py FORMAT EXPORT EXPECTED.json
#
# FORMAT is html, md, pdf or csv.  EXPECTED.json is what
# pw_test_build_complete_workbook() describes: {"values": [{"field", "text",
# "expect": [fragments], "markdown", "question_id", "csv_column"}]}.  Every fragment must
# be found in the export, escaped so that it shows as the text it is:
#
#   html  parsed with html.parser: each fragment in the text (whitespace
#         normalised), no script element, no event handler attribute, no
#         javascript: URL, nothing loaded from the network (no src, srcset,
#         poster, data or link href, and no CSS url() or @import, outside
#         data: URLs)
#   md    each fragment once backslash escapes and character references are
#         undone; no raw HTML tag and no link or autolink to a javascript: URL
#         (the facilitator's Markdown comes without them, as in the HTML)
#   pdf   pdftotext's text (whitespace left out, NFKC, without the footers
#         and the running header after them) holds each fragment
#   csv   parsed with the csv module: the notes and evidence of each
#         question in their columns, every cell that a spreadsheet would
#         take for a formula neutralised with a leading apostrophe
#
# Prints each problem on a line of its own and exits 1 when there is any.

import collections
import csv
import html
import html.parser
import json
import re
import subprocess
import sys
import unicodedata

FORMULA_START = ('=', '+', '-', '@', '\t', '\r')
NETWORK = re.compile(r'^\s*(https?:|ftp:|//|\\\\)', re.I)
CSS_URL = re.compile(r'url\(\s*[\'"]?\s*(?!data:|#)([^\'")]*)', re.I)


def normalise(text):
    return ' '.join(unicodedata.normalize('NFKC', text).split())


# soft hyphens, and the directional marks and embeddings that pdftotext
# puts around right-to-left runs
INVISIBLE = re.compile('[\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]')


def squeeze(text):
    return ''.join(INVISIBLE.sub('', unicodedata.normalize('NFKC', text)).split())


class Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.problems = []
        self.in_style = False

    def check_css(self, css, where):
        for match in CSS_URL.finditer(css):
            if match.group(1).strip():
                self.problems.append(f'{where} loads {match.group(1)!r}')
        if re.search(r'@import', css, re.I):
            self.problems.append(f'{where} has an @import')

    def handle_starttag(self, tag, attrs):
        if tag == 'script':
            self.problems.append('a <script> element')
        if tag in ('iframe', 'object', 'embed', 'frame', 'base'):
            self.problems.append(f'an <{tag}> element')
        if tag == 'meta' and any(n == 'http-equiv' and (v or '').lower() == 'refresh'
                                 for n, v in attrs):
            self.problems.append('a <meta http-equiv="refresh">')
        for name, value in attrs:
            value = value or ''
            plain = re.sub(r'[\x00-\x20]', '', value).lower()
            if name.startswith('on'):
                self.problems.append(f'<{tag}> has the event attribute {name}={value!r}')
            if plain.startswith(('javascript:', 'vbscript:')):
                self.problems.append(f'<{tag} {name}> is a script URL: {value!r}')
            if name in ('src', 'srcset', 'poster', 'data', 'background', 'xlink:href') \
               or (name == 'href' and tag in ('link', 'image', 'use')):
                if not plain.startswith(('data:', '#')) and plain != '':
                    self.problems.append(f'<{tag} {name}={value!r}> loads a resource')
            if name == 'style':
                self.check_css(value, f'<{tag} style>')
        if tag == 'style':
            self.in_style = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == 'style':
            self.in_style = False

    def handle_endtag(self, tag):
        if tag == 'style':
            self.in_style = False
        self.text.append(' ')

    def handle_data(self, data):
        if self.in_style:
            self.check_css(data, '<style>')
        else:
            self.text.append(data)


def fragments(values, in_csv=False):
    for value in values:
        if in_csv and 'question_id' not in value:
            continue
        for fragment in value['expect']:
            yield value['field'], fragment


def check_html(path, values, problems):
    with open(path, encoding='utf-8') as f:
        source = f.read()
    parser = Parser()
    parser.feed(source)
    parser.close()
    problems.extend(parser.problems)
    text = normalise(''.join(parser.text))
    for field, fragment in fragments(values):
        if normalise(fragment) not in text:
            problems.append(f'{field}: not in the text: {fragment!r}')


def undo_markdown_escapes(text):
    text = re.sub(r'\\\n', '\n', text)  # a hard line break
    text = re.sub(r'\\([!-/:-@\[-`{-~])', r'\1', text)
    return html.unescape(text)


def check_markdown(path, values, problems):
    with open(path, encoding='utf-8') as f:
        source = f.read()
    # A raw HTML tag or comment: "<" then a letter, "/" or "!", not
    # escaped.  Code spans and blocks are left out: there it is text.
    # The facilitator's Markdown is written again by cmark with what the
    # HTML report leaves out left out (raw HTML, script links), so the same
    # checks hold for it as for every other, escaped, text.
    without_code = source
    without_code = re.sub(r'```.*?```|~~~.*?~~~', '', without_code, flags=re.S)
    without_code = re.sub(r'(`+)(?!`).+?(?<!`)\1(?!`)', '', without_code, flags=re.S)
    for match in re.finditer(r'(?<!\\)<(/?[A-Za-z][A-Za-z0-9-]*|!--)', without_code):
        around = without_code[match.start():match.start() + 40]
        problems.append(f'raw HTML in the Markdown: {around!r}')
    for match in re.finditer(r'(?<!\\)\]\(\s*<?\s*(javascript|vbscript):', without_code, re.I):
        around = without_code[max(0, match.start() - 20):match.end() + 20]
        problems.append(f'a link to a script URL: {around!r}')
    text = normalise(undo_markdown_escapes(source))
    for field, fragment in fragments(values):
        if normalise(fragment) not in text:
            problems.append(f'{field}: not in the Markdown: {fragment!r}')


def check_pdf(path, values, problems):
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], check=True,
                          capture_output=True).stdout.decode('utf-8')
    # A value may run on from one page to the next: leave out the footer
    # ("Page 3 of 9") and the running header that follows it
    lines = text.replace('\f', '\n').split('\n')
    footer = re.compile(r'\s*Page \d+ of \d+\s*')
    after = collections.Counter()
    for i, line in enumerate(lines):
        if footer.fullmatch(line):
            rest = [l.strip() for l in lines[i + 1:] if l.strip()]
            if rest:
                after[rest[0]] += 1
    header = after.most_common(1)[0][0] if after else None
    kept = []
    skip_header = False
    for line in lines:
        if footer.fullmatch(line):
            skip_header = True
            continue
        if skip_header and line.strip():
            skip_header = False
            if line.strip() == header:
                continue
        kept.append(line)
    text = '\n'.join(kept)
    flat = squeeze(text)
    # a line broken inside a word may end in a hyphen that the text lacks
    unhyphenated = squeeze(re.sub(r'-\n', '', text))
    for field, fragment in fragments(values):
        wanted = squeeze(fragment)
        # right-to-left runs: pdftotext may give them in visual order
        reversed_rtl = re.sub(r'[\u0590-\u08ff]+(?:\s*[\u0590-\u08ff]+)*',
                              lambda m: m.group(0)[::-1], fragment)
        if wanted not in flat and wanted not in unhyphenated and squeeze(reversed_rtl) not in flat:
            problems.append(f'{field}: not in the PDF text: {fragment!r}')


def check_csv(path, values, problems):
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f, strict=True))
    if not rows:
        problems.append('no rows')
        return
    header = rows[0]
    width = len(header)
    by_question = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != width:
            problems.append(f'row {number} has {len(row)} cells, the header {width}')
            continue
        for column, cell in enumerate(row):
            if cell.startswith(FORMULA_START):
                problems.append(f'row {number}, {header[column]}: a formula: {cell!r}')
        by_question.setdefault(row[header.index('Question ID')], []).append(row)
    for value in values:
        if 'question_id' not in value:
            continue
        found = by_question.get(value['question_id'], [])
        column = header.index(value['csv_column'])
        cells = [row[column] for row in found]
        text = value['text']
        wanted = "'" + text if text.startswith(FORMULA_START) else text
        if wanted not in cells:
            problems.append(f'{value["field"]}: question {value["question_id"]} has '
                            f'{cells!r} in {value["csv_column"]}, not {wanted!r}')


def main():
    if len(sys.argv) != 4:
        print('usage: check-report-export.py html|md|pdf|csv EXPORT EXPECTED.json',
              file=sys.stderr)
        return 2
    kind, path, expected_path = sys.argv[1:]
    with open(expected_path, encoding='utf-8') as f:
        values = json.load(f)['values']
    problems = []
    {'html': check_html, 'md': check_markdown, 'pdf': check_pdf,
     'csv': check_csv}[kind](path, values, problems)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
