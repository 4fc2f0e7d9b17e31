/* test-report-html.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report-html"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cmark.h>
#include <json-glib/json-glib.h>
#include <pango/pango.h>

#include "pw-markdown.h"
#include "pw-report-export.h"
#include "pw-report.h"
#include "pw-test-core.h"

/*
 * The facilitator's Markdown (pw-markdown.c) and the HTML and Markdown
 * reports, fed hostile texts where a user's text may stand: what a reader
 * opens runs nothing, loads nothing and links nowhere but where it may,
 * and still shows every text as it was written.  The HTML is read back
 * by tests/check-report-html.py (Python's html.parser), the Markdown by
 * libcmark.
 */

#define SCRIPT    "<script>alert(1)</script>"
#define ATTRIBUTE "\" onmouseover=\"x"
#define QUOTE     "' onfocus='x"
#define FORMULA   "=HYPERLINK(\"http://evil.example/\",\"click\")"
#define ARABIC    "تقرير النضج (المرحلة ٣)"
#define HEBREW    "דו״ח בשלות — שלב 2"
#define EMOJI     "📈 Growth 👩🏽‍💻 ✅"
#define ENTITIES  "&amp; &lt;b&gt; &#x41;"
#define SYNTAX    "*star* _under_ `tick` [x](javascript:alert(1)) a|b ~~s~~ # h"
#define LINE_START "# not a heading"
#define LIST_START "- not a list"
#define NUMBER_START "1. not a list"

static const char * const hostile_texts[] = {
  SCRIPT, ATTRIBUTE, QUOTE, FORMULA, ARABIC, HEBREW, EMOJI, ENTITIES, SYNTAX,
  LINE_START, LIST_START, NUMBER_START,
};

/* The facilitator's Markdown, as hostile as it gets */
static const char hostile_markdown[] =
  "Intro **bold** [bad](javascript:alert(1)) [upper](JAVASCRIPT:alert(2)) "
  "[spaced]( javascript:alert(3)) [vb](vbscript:msgbox) "
  "[data](data:text/html,alert) [file](file:///etc/passwd) [relative](//evil.example/x) "
  "<javascript:alert(4)> [ok](https://example.org/ok) [mail](mailto:a@example.org) "
  "[anchor](#h-executive-summary)\n"
  "\n"
  "<script>alert(1)</script>\n"
  "\n"
  "<img src=x onerror=alert(1)>\n"
  "\n"
  "Inline <span onmouseover=\"x\">raw</span> html, "
  "![pic](http://tracker.example/p.png) ![local](file:///etc/passwd) "
  "<iframe src=\"https://evil.example\"></iframe>\n"
  "\n"
  "# Heading in Markdown\n"
  "\n"
  "- one\n"
  "- two\n"
  "\n"
  "> quoted " ARABIC "\n";

/* What the HTML of the hostile Markdown still shows */
static const char * const markdown_texts[] = {
  "bold", "bad", "upper", "spaced", "vb", "data", "file", "relative", "ok", "mail",
  "anchor", "raw", "pic", "local", "Heading in Markdown", "one", "two", ARABIC,
};

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
add_row (GPtrArray *rows,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *cell;
  va_list args;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, cell);
  va_end (args);

  g_ptr_array_add (rows, g_strv_builder_end (builder));
}

/* A report with every kind of block, each holding the hostile texts */
static PwReport *
new_hostile_report (PwWorkbook *workbook,
                    gboolean    with_markdown,
                    gboolean    with_maps)
{
  GDate date;
  PwReport *report;
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(GError) error = NULL;
  const char *labels[] = { SCRIPT, ARABIC, EMOJI, ATTRIBUTE, NULL };
  const double current[] = { 3.2, 1.0, NAN, 4.9 };
  const double previous[] = { 2.0, NAN, 2.5, 4.0 };
  const char *title_facts[] = {
    "Organization", SCRIPT, "Scope", HEBREW, "Facilitator", ATTRIBUTE, "Participants", QUOTE,
    NULL,
  };
  const char *facts[] = {
    "Answer", FORMULA, "Note", SYNTAX "\n" LINE_START "\n\n" LIST_START, "Evidence", ENTITIES,
    NULL,
  };
  const char *columns[] = { "Question", "Before", "After " SCRIPT, NULL };
  const char *items[] = { SCRIPT, NUMBER_START, EMOJI, NULL };

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_DECEMBER, 2026);
  report = pw_report_new (workbook, "Report " SCRIPT, &date);

  pw_report_add_title (report, "Maturity " SCRIPT " " ARABIC, title_facts);
  g_assert_cmpstr (pw_report_add_heading (report, 1, "Executive Summary"), ==,
                   "h-executive-summary");
  if (with_markdown)
    pw_report_add_markdown (report, hostile_markdown);
  pw_report_add_heading (report, 1, SCRIPT);
  pw_report_add_paragraph (report, ATTRIBUTE "\n" QUOTE "\n" FORMULA);
  pw_report_add_notice (report, "Preliminary: " SCRIPT);
  pw_report_add_heading (report, 2, HEBREW);
  pw_report_add_facts (report, "Question " SCRIPT, facts);
  pw_report_add_heading (report, 3, EMOJI);
  add_row (rows, SYNTAX, LINE_START, ENTITIES, NULL);
  add_row (rows, ARABIC, HEBREW, "", NULL);
  pw_report_add_table (report, "Moved " ATTRIBUTE, columns, rows);
  pw_report_add_list (report, items);
  pw_report_add_heading (report, 2, ARABIC);
  pw_report_add_radar (report, 4, labels, current, "Now " QUOTE, previous, "Before " SCRIPT);
  if (with_maps)
    {
      g_assert_true (pw_report_add_map (report, "Map " SCRIPT, &error));
      g_assert_no_error (error);
      g_assert_true (pw_report_add_map (report, NULL, &error));
      g_assert_no_error (error);
    }
  pw_report_add_paragraph (report, LIST_START);
  pw_report_add_paragraph (report, NUMBER_START);
  pw_report_add_paragraph (report, LINE_START);

  return report;
}

static char *
write_texts (const char         *dir,
             const char * const *texts,
             gsize               n_texts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  char *path = g_build_filename (dir, "texts.json", NULL);

  json_builder_begin_array (builder);
  for (gsize i = 0; i < n_texts; i++)
    json_builder_add_string_value (builder, texts[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  pw_test_write_text (path, json);

  return path;
}

/* Runs tests/check-report-html.py on @html, which must show @texts;
 * returns its output, and whether it passed in @passed */
static char *
run_checker (GBytes             *html,
             const char * const *texts,
             gsize               n_texts,
             gboolean           *passed)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("report-html-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "report.html", NULL);
  g_autofree char *texts_path = write_texts (dir, texts, n_texts);
  g_autofree char *checker = pw_test_source_path ("tests", "check-report-html.py", NULL);
  const char *argv[] = { g_getenv ("PW_PYTHON3"), checker, path, texts_path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  pw_test_write_bytes (path, html);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", out);
  *passed = g_spawn_check_wait_status (wait_status, NULL);

  pw_test_remove_tree (dir);
  return out;
}

static void
assert_html_is_safe (GBytes             *html,
                     const char * const *texts,
                     gsize               n_texts)
{
  gboolean passed;
  g_autofree char *out = run_checker (html, texts, n_texts, &passed);

  if (!passed)
    g_error ("check-report-html.py found problems:\n%s", out);
}

static const char *
bytes_text (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_utf8_validate (data, size, NULL));
  g_assert_cmpuint (strlen (data), ==, size);
  return data;
}

/* pw-markdown.c */

static void
test_markdown_html (void)
{
  g_autofree char *html = pw_markdown_to_html (hostile_markdown);

  g_test_message ("%s", html);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<iframe"));
  g_assert_null (strstr (html, "<span"));
  g_assert_null (strstr (html, "onerror"));
  g_assert_null (strstr (html, "onmouseover"));
  g_assert_null (strstr (html, "raw HTML omitted"));
  g_assert_null (strstr (html, "src="));
  for (const char *p = html; (p = strstr (p, "href=\"")) != NULL; p++)
    {
      p += strlen ("href=\"");
      g_assert_true (g_str_has_prefix (p, "https://") || g_str_has_prefix (p, "http://")
                     || g_str_has_prefix (p, "mailto:") || p[0] == '#');
    }
  /* The autolink too is its text */
  g_assert_nonnull (strstr (html, " relative javascript:alert(4) "));

  /* The links that may stay, the others as their text */
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/ok\">ok</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"mailto:a@example.org\">mail</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"#h-executive-summary\">anchor</a>"));
  g_assert_nonnull (strstr (html, " bad "));
  g_assert_nonnull (strstr (html, " relative "));
  /* An image is a link to it, never loaded */
  g_assert_nonnull (strstr (html, "<a href=\"http://tracker.example/p.png\">pic</a>"));
  g_assert_nonnull (strstr (html, " local "));
  g_assert_nonnull (strstr (html, "<strong>bold</strong>"));
  g_assert_nonnull (strstr (html, "<h1>Heading in Markdown</h1>"));
  g_assert_nonnull (strstr (html, "<blockquote>"));

  g_clear_pointer (&html, g_free);
  html = pw_markdown_to_html ("");
  g_assert_cmpstr (html, ==, "");
  g_clear_pointer (&html, g_free);
  html = pw_markdown_to_html ("a < b & \"c\" \xff");
  g_assert_cmpstr (html, ==, "<p>a &lt; b &amp; &quot;c&quot; \xef\xbf\xbd</p>\n");
}

static char *
parse_pango (const char *markup)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &error))
    g_error ("Not Pango markup: %s: %s", markup, error->message);
  return text;
}

static void
test_markdown_pango (void)
{
  const char *markdown =
    "# Big *title*\n"
    "\n"
    "Text with **strong**, *emphasis*, `code <b>`, a [link](https://example.org/?a=1&b=\"2\") "
    "and <https://example.org/auto>, " SCRIPT " " ENTITIES ".\n"
    "\n"
    "- first\n"
    "- second\n"
    "  - nested\n"
    "\n"
    "3. three\n"
    "4. four\n"
    "\n"
    "> quoted\n"
    "\n"
    "```\n"
    "int <a> = 1 & 2;\n"
    "```\n"
    "\n"
    "![alt](https://example.org/i.png) [bad](javascript:alert(1))\n";
  g_auto(GStrv) blocks = pw_markdown_to_pango_blocks (markdown);
  g_auto(GStrv) texts = NULL;
  guint n = g_strv_length (blocks);

  texts = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%u: %s", i, blocks[i]);
      texts[i] = parse_pango (blocks[i]);
    }

  g_assert_cmpuint (n, ==, 10);
  g_assert_true (g_str_has_prefix (blocks[0], "<span size=\"x-large\" weight=\"bold\">"));
  g_assert_cmpstr (texts[0], ==, "Big title");
  g_assert_nonnull (strstr (blocks[1], "<b>strong</b>"));
  g_assert_nonnull (strstr (blocks[1], "<i>emphasis</i>"));
  g_assert_nonnull (strstr (blocks[1], "<tt>code &lt;b&gt;</tt>"));
  g_assert_nonnull (strstr (blocks[1],
                            "<u>link</u> (https://example.org/?a=1&amp;b=&quot;2&quot;)"));
  /* An autolink's text is its URL, not said twice */
  g_assert_nonnull (strstr (blocks[1], "<u>https://example.org/auto</u>,"));
  g_assert_nonnull (strstr (texts[1], "Text with strong, emphasis, code <b>, a link"));
  /* Raw HTML is dropped, entities are read */
  g_assert_null (strstr (texts[1], "<script>"));
  g_assert_nonnull (strstr (texts[1], "alert(1) & <b> A."));
  g_assert_cmpstr (texts[2], ==, "\u2022\u2002first");
  g_assert_cmpstr (texts[3], ==, "\u2022\u2002second");
  g_assert_cmpstr (texts[4], ==, "\u2003\u2003\u25e6\u2002nested");
  g_assert_cmpstr (texts[5], ==, "3.\u2002three");
  g_assert_cmpstr (texts[6], ==, "4.\u2002four");
  g_assert_cmpstr (texts[7], ==, "\u2502 quoted");
  g_assert_cmpstr (blocks[8], ==, "<tt>int &lt;a&gt; = 1 &amp; 2;</tt>");
  g_assert_cmpstr (texts[9], ==, "alt (https://example.org/i.png) bad");

  g_clear_pointer (&blocks, g_strfreev);
  blocks = pw_markdown_to_pango_blocks ("");
  g_assert_cmpuint (g_strv_length (blocks), ==, 0);

  /* Control characters would be boxes */
  g_clear_pointer (&blocks, g_strfreev);
  blocks = pw_markdown_to_pango_blocks ("bell \a, escape \x1b here");
  g_assert_cmpuint (g_strv_length (blocks), ==, 1);
  g_assert_cmpstr (blocks[0], ==, "bell , escape  here");
}

static void
test_markdown_plain (void)
{
  g_autofree char *plain = NULL;

  plain = pw_markdown_to_plain ("# Title\n\nSome **bold** [link](https://x.example) "
                                "<b>raw</b> [bad](javascript:x)\n\n"
                                "1. one\n2. two\n\n> quote\n");

  g_assert_cmpstr (plain, ==,
                   "Title\n\n"
                   "Some bold link (https://x.example) raw bad\n\n"
                   "1. one\n\n2. two\n\n"
                   "> quote");
}

/* pw-report-html.c */

static void
test_html_hostile (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = new_hostile_report (workbook, TRUE, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = pw_report_to_html (report, NULL, &error);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (html);
  data = bytes_text (html);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    g_ptr_array_add (texts, (gpointer) hostile_texts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (markdown_texts); i++)
    g_ptr_array_add (texts, (gpointer) markdown_texts[i]);
  g_ptr_array_add (texts, "Report " SCRIPT);
  g_ptr_array_add (texts, "Now " QUOTE);
  g_ptr_array_add (texts, "Before " SCRIPT);
  g_ptr_array_add (texts, "Map " SCRIPT);
  g_ptr_array_add (texts, "no score");
  assert_html_is_safe (html, (const char * const *) texts->pdata, texts->len);

  /* What the checker does not see: the escaping itself */
  g_assert_nonnull (strstr (data, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (data, "&quot; onmouseover=&quot;x"));
  g_assert_nonnull (strstr (data, "&#39; onfocus=&#39;x"));
  g_assert_nonnull (strstr (data, "&amp;amp; &amp;lt;b&amp;gt;"));
  g_assert_null (strstr (data, "<?xml"));
  g_assert_null (strstr (data, "http://evil.example/\""));
  /* The Markdown's heading goes under the section's <h2> */
  g_assert_nonnull (strstr (data, "<h3>Heading in Markdown</h3>"));
  /* The second series is dashed */
  g_assert_nonnull (strstr (data, ".previous polygon,.previous polyline,.previous line{fill:none;"
                                  "stroke:#5e5c64;stroke-width:1.5;stroke-dasharray:6 4;"));
  g_assert_nonnull (strstr (data, "<g class=\"previous\">\n<polygon points="));
}

/* The table of contents links every section and part, the maps' ids are
 * their own */
static void
test_html_structure (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = new_hostile_report (workbook, FALSE, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = pw_report_to_html (report, NULL, &error);
  const char *data;
  const char *nav_end;
  guint n_glyphs = 0;

  g_assert_no_error (error);
  data = bytes_text (html);

  g_assert_true (g_str_has_prefix (data, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n"));
  g_assert_nonnull (strstr (data, "<meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (data, "<title>Report &lt;script&gt;"));
  g_assert_nonnull (strstr (data, "@media print{"));
  g_assert_nonnull (strstr (data, "@page{"));
  g_assert_nonnull (strstr (data, "h2.section{break-before:page}"));

  /* The title page, then the contents */
  nav_end = strstr (data, "</nav>");
  g_assert_nonnull (nav_end);
  g_assert_true (strstr (data, "<header class=\"title-page\">")
                 < strstr (data, "<nav class=\"toc\""));
  for (guint i = 0; i < pw_report_get_n_blocks (report); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);
      g_autofree char *link = NULL;
      g_autofree char *target = NULL;
      const char *found;

      if (block->kind != PW_REPORT_BLOCK_HEADING)
        continue;
      link = g_strdup_printf ("<a href=\"#%s\">", block->anchor);
      target = g_strdup_printf (" id=\"%s\"", block->anchor);
      found = strstr (data, link);
      if (block->level <= 2)
        g_assert_true (found != NULL && found < nav_end);
      else
        g_assert_null (found);
      g_assert_nonnull (strstr (data, target));
    }
  g_assert_nonnull (strstr (data, "<h2 id=\"h-executive-summary\" class=\"section\" dir=\"auto\">"
                                  "Executive Summary</h2>"));

  /* Two maps, their cairo ids prefixed apart, their captions as titles */
  g_assert_nonnull (strstr (data, "<title id=\"pw-picture2-title\">Map &lt;script&gt;"));
  g_assert_nonnull (strstr (data, "<title id=\"pw-picture3-title\">Organization map</title>"));
  for (const char *p = data; (p = strstr (p, " id=\"")) != NULL; p++)
    {
      p += strlen (" id=\"");
      g_assert_true (g_str_has_prefix (p, "pw-") || g_str_has_prefix (p, "h-"));
      if (g_str_has_prefix (p, "pw-picture2-glyph") || g_str_has_prefix (p, "pw-picture3-glyph"))
        n_glyphs++;
    }
  g_assert_cmpuint (n_glyphs, >, 0);

  /* The rest is the checker's: each id once, each #reference to one */
  assert_html_is_safe (html, NULL, 0);
}

static void
test_html_cancelled (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = new_hostile_report (workbook, TRUE, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) markdown = NULL;

  g_cancellable_cancel (cancellable);
  html = pw_report_to_html (report, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (html);
  g_clear_error (&error);
  markdown = pw_report_to_markdown (report, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (markdown);
}

/* A report without a block is still a document */
static void
test_html_empty (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = pw_report_new (workbook, "Empty", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = pw_report_to_html (report, NULL, &error);
  g_autoptr(GBytes) markdown = NULL;

  g_assert_no_error (error);
  g_assert_null (strstr (bytes_text (html), "<nav"));
  assert_html_is_safe (html, NULL, 0);
  markdown = pw_report_to_markdown (report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bytes_text (markdown), ==, "\n");
}

/* A text that is not UTF-8 or holds control characters still gives a
 * valid file */
static void
test_html_invalid_text (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = pw_report_new (workbook, "Bad \xff\xfe title", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) markdown = NULL;
  const char *items[] = { "bell \a, escape \x1b[31m, nul-free \x7f", NULL };

  pw_report_add_heading (report, 1, "Broken \xc3");
  pw_report_add_paragraph (report, "Invalid \xc3\x28 and \xed\xa0\x80 surrogate");
  pw_report_add_markdown (report, "*Markdown* \xff with \x01 control");
  pw_report_add_list (report, items);

  html = pw_report_to_html (report, NULL, &error);
  g_assert_no_error (error);
  bytes_text (html);
  assert_html_is_safe (html, NULL, 0);
  g_assert_nonnull (strstr (bytes_text (html), "bell , escape [31m, nul-free "));

  markdown = pw_report_to_markdown (report, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strchr (bytes_text (markdown), '\x1b'));
}

/* The checker itself finds what it looks for */
static void
test_html_checker (void)
{
  static const char bad[] =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
    "<link rel=\"stylesheet\" href=\"https://cdn.example/s.css\">"
    "<style>body{background:url(https://t.example/p.png)}</style></head><body>"
    "<p id=\"a\" onclick=\"x()\">one</p><p id=\"a\">two</p>"
    "<a href=\"javascript:alert(1)\">j</a><a href=\"//evil.example/\">r</a>"
    "<a href=\"#nowhere\">n</a><img src=\"http://t.example/p.png\">"
    "<svg><use xlink:href=\"https://evil.example/s.svg#x\"/></svg>"
    "<SCRIPT>alert(1)</SCRIPT></body></html>\n";
  static const char * const problems[] = {
    "<html> has no lang", "the Content-Security-Policy is None", "a <link> element",
    "a style sheet that loads something", "an event handler attribute onclick",
    "the id 'a' is used twice", "<a href='javascript:alert(1)'>", "<a href='//evil.example/'>",
    "#nowhere points to no id", "<img src='http://t.example/p.png'>",
    "<use xlink:href='https://evil.example/s.svg#x'>", "a <script> element",
    "the text 'missing' is not in the document's text",
  };
  const char *texts[] = { "one", "missing" };
  g_autoptr(GBytes) html = g_bytes_new_static (bad, strlen (bad));
  gboolean passed;
  g_autofree char *out = run_checker (html, texts, G_N_ELEMENTS (texts), &passed);

  g_assert_false (passed);
  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    if (strstr (out, problems[i]) == NULL)
      g_error ("The checker did not report %s:\n%s", problems[i], out);
}

/* pw-report-markdown.c */

/* As cmark escapes a text in HTML */
static char *
cmark_escaped (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      default:
        g_string_append_c (out, *p);
      }

  return g_string_free (out, FALSE);
}

static void
test_markdown_report_hostile (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = new_hostile_report (workbook, FALSE, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) markdown = pw_report_to_markdown (report, NULL, &error);
  const char *data;
  char *html;
  g_autofree char *rendered = NULL;

  g_assert_no_error (error);
  data = bytes_text (markdown);
  g_test_message ("%s", data);

  /* Escaped as written… */
  g_assert_nonnull (strstr (data, "\\<script\\>alert(1)\\</script\\>"));
  g_assert_nonnull (strstr (data, "\\*star\\* \\_under\\_ \\`tick\\` \\[x\\](javascript:alert(1)) "
                                  "a\\|b \\~\\~s\\~\\~ \\# h"));
  g_assert_nonnull (strstr (data, "\\&amp; \\&lt;b\\&gt; \\&\\#x41;"));
  g_assert_nonnull (strstr (data, "\n\\# not a heading\n"));
  g_assert_nonnull (strstr (data, "\n\\- not a list\n"));
  g_assert_nonnull (strstr (data, "\n1\\. not a list\n"));
  g_assert_nonnull (strstr (data, "\\=HYPERLINK("));
  g_assert_nonnull (strstr (data, ARABIC));
  g_assert_nonnull (strstr (data, HEBREW));
  g_assert_nonnull (strstr (data, EMOJI));

  /* …the structure */
  g_assert_true (g_str_has_prefix (data, "# Maturity \\<script\\>"));
  g_assert_nonnull (strstr (data, "\n## Executive Summary\n"));
  g_assert_nonnull (strstr (data, "\n### " HEBREW "\n"));
  g_assert_nonnull (strstr (data, "\n#### " EMOJI "\n"));
  g_assert_nonnull (strstr (data, "\n- **Organization:** \\<script\\>"));
  g_assert_nonnull (strstr (data, "\n> Preliminary: \\<script\\>"));
  g_assert_nonnull (strstr (data, "\n| Question | Before | After "
                                  "\\<script\\>alert(1)\\</script\\> |\n| --- | --- | --- |\n"));
  g_assert_nonnull (strstr (data, "| " ARABIC " | " HEBREW " |  |\n"));
  g_assert_nonnull (strstr (data, "\n| Dimension | Now ' onfocus='x | Before \\<script\\>"));
  g_assert_nonnull (strstr (data, "| 3.2 | 2.0 |\n"));
  g_assert_nonnull (strstr (data, "| no score | 2.5 |\n"));
  g_assert_nonnull (strstr (data, "\nMap \\<script\\>"));
  g_assert_nonnull (strstr (data, "\n\nOrganization map\n\n"));
  g_assert_true (g_str_has_suffix (data, "\n1\\. not a list\n\n\\# not a heading\n"));

  /* …and read back by a CommonMark reader that lets raw HTML through, as
   * the texts they were */
  html = cmark_markdown_to_html (data, strlen (data), CMARK_OPT_UNSAFE);
  rendered = g_strdup (html);
  free (html);
  g_test_message ("%s", rendered);
  g_assert_null (strstr (rendered, "<script"));
  g_assert_null (strstr (rendered, "<a "));
  g_assert_null (strstr (rendered, "<em>"));
  g_assert_null (strstr (rendered, "<code>"));
  g_assert_null (strstr (rendered, "<ol"));
  g_assert_null (strstr (rendered, "<h1>not"));
  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    {
      g_autofree char *escaped = cmark_escaped (hostile_texts[i]);

      if (strstr (rendered, escaped) == NULL)
        g_error ("%s is not read back from the Markdown", hostile_texts[i]);
    }
  g_assert_nonnull (strstr (rendered, "<h1>Maturity &lt;script&gt;"));
  g_assert_nonnull (strstr (rendered, "<li><strong>Organization:</strong> &lt;script&gt;"));
  /* A text's lines stay lines */
  g_assert_nonnull (strstr (rendered, "<p>&quot; onmouseover=&quot;x<br />\n' onfocus='x<br />\n"
                                      "=HYPERLINK("));
}

/* The facilitator's Markdown goes into the Markdown report as written */
static void
test_markdown_report_as_written (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = pw_report_new (workbook, "Report", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) markdown = NULL;
  const char *written = "Some *emphasis*, a [link](https://example.org)\n\n- a list\n";

  pw_report_add_heading (report, 1, "Summary");
  pw_report_add_markdown (report, written);
  pw_report_add_markdown (report, "");
  pw_report_add_paragraph (report, "After");
  markdown = pw_report_to_markdown (report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bytes_text (markdown), ==,
                   "## Summary\n\n"
                   "Some *emphasis*, a [link](https://example.org)\n\n- a list\n\n"
                   "After\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/markdown/html", test_markdown_html);
  g_test_add_func ("/phasewise/markdown/pango", test_markdown_pango);
  g_test_add_func ("/phasewise/markdown/plain", test_markdown_plain);
  g_test_add_func ("/phasewise/report-html/hostile", test_html_hostile);
  g_test_add_func ("/phasewise/report-html/structure", test_html_structure);
  g_test_add_func ("/phasewise/report-html/cancelled", test_html_cancelled);
  g_test_add_func ("/phasewise/report-html/empty", test_html_empty);
  g_test_add_func ("/phasewise/report-html/invalid-text", test_html_invalid_text);
  g_test_add_func ("/phasewise/report-html/checker", test_html_checker);
  g_test_add_func ("/phasewise/report-markdown/hostile", test_markdown_report_hostile);
  g_test_add_func ("/phasewise/report-markdown/as-written", test_markdown_report_as_written);

  return g_test_run ();
}
