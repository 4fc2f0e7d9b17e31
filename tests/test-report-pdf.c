/* test-report-pdf.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report-pdf"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "pw-test-core.h"
#include "pw-report-export.h"
#include "pw-report-layout.h"

/*
 * The report as a PDF, read back with poppler's tools as a reader's
 * viewer would: the pages and their size, every font embedded, the texts
 * in their order and none lost where a page breaks, right-to-left and
 * other scripts, the outline of the sections, the table of contents
 * naming the pages the headings are on, tables that repeat their header,
 * headings that never end a page, and an export that stops when
 * cancelled.  tools/deps.sh installs poppler-utils: a missing tool fails
 * the test rather than skipping it.
 */

#define HEBREW  "שלום עולם, זהו דוח"
#define ARABIC  "مرحبا بالعالم"
#define UNICODE "Größe – Ελληνικά – Кириллица – naïve café"

/* A paragraph of @n numbered words, "w0001 w0002 …" */
static char *
make_words (const char *prefix,
            guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, "%s%s%04u", i > 1 ? " " : "", prefix, i);

  return g_string_free (text, FALSE);
}

static GPtrArray *
make_rows (guint n_rows)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 1; i <= n_rows; i++)
    {
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup_printf ("Team%03u", i);
      row[1] = g_strdup ("Central");
      row[2] = g_strdup_printf ("A rather long description of what team %u does, to wrap", i);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/* A report of every kind of block, in an order the tests know */
static PwReport *
build_sample (PwWorkbook *workbook)
{
  static const char *facts[] = {
    "Organization", "Example Org", "Scope", "Whole organization",
    "Assessment date", "2026-11-02", NULL,
  };
  static const char *labels[] = { "Strategy", "Content", "Community", "Measurement", "Tools" };
  static const double current[] = { 3.0, 2.5, NAN, 4.0, 1.5 };
  static const double previous[] = { 2.0, 2.0, 3.0, 3.5, 1.0 };
  static const char *columns[] = { "Team", "Kind", "Function", NULL };
  static const char *answer[] = { "Answer", "Phase 3 — We plan our posts", "Note", UNICODE, NULL };
  static const char *items[] = { "First step", "Second step, done when it is done", NULL };
  PwReport *report = pw_report_new (workbook, "Sample Report", NULL);
  g_autoptr(GPtrArray) rows = make_rows (60);
  g_autofree char *long_text = make_words ("w", 1500);
  g_autoptr(GError) error = NULL;

  pw_report_add_title (report, "Sample Report", facts);
  pw_report_add_heading (report, 1, "Executive Summary");
  pw_report_add_markdown (report, "Our **summary** of the year.\n\n"
                                  "## Highlights\n\n"
                                  "- a *first* point\n- a `second` point\n\n"
                                  "A second paragraph, with <b>raw</b> HTML & a "
                                  "[link](https://example.org).");
  pw_report_add_heading (report, 1, "Overall Result");
  pw_report_add_paragraph (report, "Phase 2, score 2.4");
  pw_report_add_notice (report, "Preliminary: fewer than half of the questions counted");
  pw_report_add_radar (report, G_N_ELEMENTS (labels), labels, current, "This round",
                       previous, "Previous round");
  pw_report_add_heading (report, 1, "Dimensions");
  pw_report_add_heading (report, 2, "Strategy");
  pw_report_add_paragraph (report, long_text);
  pw_report_add_heading (report, 2, "Content");
  pw_report_add_facts (report, "Do you plan your posts?", answer);
  pw_report_add_paragraph (report, HEBREW);
  pw_report_add_paragraph (report, ARABIC);
  pw_report_add_heading (report, 1, "Next Steps");
  pw_report_add_list (report, items);
  pw_report_add_heading (report, 1, "Teams");
  pw_report_add_table (report, "Teams overview", columns, rows);
  pw_report_add_heading (report, 1, "Map");
  g_assert_true (pw_report_add_map (report, "The organization map", &error));
  g_assert_no_error (error);

  return report;
}

static char *
find_tool (const char *name)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_test_fail_printf ("%s is missing: tools/deps.sh installs it (poppler-utils)", name);

  return path;
}

/* Runs @tool with its arguments; returns its output, the test failed
 * when it did not succeed */
static char *
run_tool (const char *tool,
          ...)
{
  g_autofree char *path = find_tool (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  va_list args;

  if (path == NULL)
    return NULL;

  g_ptr_array_add (argv, path);
  va_start (args, tool);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_fail_printf ("%s failed: %s", tool, err);

  return out;
}

typedef struct
{
  char     *dir;
  char     *path;
  GBytes   *bytes;
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  if (pdf->dir != NULL)
    pw_test_remove_tree (pdf->dir);
  g_clear_pointer (&pdf->dir, g_free);
  g_clear_pointer (&pdf->path, g_free);
  g_clear_pointer (&pdf->bytes, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

static void
render (Pdf         *pdf,
        PwReport    *report,
        PwPaperSize  paper)
{
  g_autoptr(GError) error = NULL;

  pdf->bytes = pw_report_to_pdf (report, paper, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf->bytes);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf->bytes, NULL), "%PDF-"));

  pdf->dir = pw_test_make_tmp_dir ("report-pdf-XXXXXX");
  pdf->path = g_build_filename (pdf->dir, "report.pdf", NULL);
  pw_test_write_bytes (pdf->path, pdf->bytes);
  if (g_getenv ("PW_TEST_KEEP_PNG") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("PW_TEST_KEEP_PNG"), "report.pdf", NULL);

      pw_test_write_bytes (kept, pdf->bytes);
    }
}

/* The text of pages @first to @last (from 1), 0 for all */
static char *
get_text (Pdf  *pdf,
          guint first,
          guint last)
{
  g_autofree char *f = g_strdup_printf ("%u", MAX (first, 1));
  g_autofree char *l = g_strdup_printf ("%u", last);

  if (last == 0)
    return run_tool ("pdftotext", "-enc", "UTF-8", pdf->path, "-", NULL);

  return run_tool ("pdftotext", "-enc", "UTF-8", "-f", f, "-l", l, pdf->path, "-", NULL);
}

static char *
get_info (Pdf        *pdf,
          const char *key)
{
  g_autofree char *info = run_tool ("pdfinfo", "-enc", "UTF-8", pdf->path, NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (info);
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));

  return NULL;
}

static guint
get_n_pages (Pdf *pdf)
{
  g_autofree char *pages = get_info (pdf, "Pages");

  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* The layout of @report as the window's preview makes it */
static PwReportLayout *
paginate (PwReport *report,
          double    width,
          double    height)
{
  PwReportLayout *layout = pw_report_layout_new (report, width, height);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(GError) error = NULL;

  g_assert_true (pw_report_layout_paginate (layout, context, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (context);

  return layout;
}

/* Each of @texts in @haystack, in that order */
static void
assert_in_order (const char         *haystack,
                 const char * const *texts)
{
  const char *at = haystack;

  for (guint i = 0; texts[i] != NULL; i++)
    {
      const char *found = strstr (at, texts[i]);

      if (found == NULL)
        g_error ("“%s” missing, or out of order, in:\n%s", texts[i], haystack);
      at = found + strlen (texts[i]);
    }
}

static void
test_pages (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = build_sample (workbook);
  g_autoptr(PwReportLayout) a4 = paginate (report, 595.28, 841.89);
  g_auto(Pdf) pdf = { 0 };
  g_auto(Pdf) letter = { 0 };
  g_autofree char *size = NULL;
  g_autofree char *letter_size = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;

  render (&pdf, report, PW_PAPER_A4);
  /* The PDF has the pages of the preview */
  g_assert_cmpuint (get_n_pages (&pdf), ==, pw_report_layout_get_n_pages (a4));
  g_assert_cmpuint (get_n_pages (&pdf), >=, 8);
  size = get_info (&pdf, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.28 x 841.89 pts (A4)"));
  title = get_info (&pdf, "Title");
  g_assert_cmpstr (title, ==, "Sample Report");
  creator = get_info (&pdf, "Creator");
  g_assert_true (g_str_has_prefix (creator, "Phasewise"));

  render (&letter, report, PW_PAPER_US_LETTER);
  letter_size = get_info (&letter, "Page size");
  g_assert_true (g_str_has_prefix (letter_size, "612 x 792 pts (letter)"));
}

static void
test_fonts (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = build_sample (workbook);
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) columns = NULL;
  guint emb_start = 0;
  guint emb_end = 0;
  guint n_fonts = 0;
  guint line;

  render (&pdf, report, PW_PAPER_A4);
  fonts = run_tool ("pdffonts", pdf.path, NULL);
  g_assert_nonnull (fonts);
  lines = g_strsplit (fonts, "\n", -1);

  /* name type encoding emb sub uni object ID, under a line of dashes
   * whose runs are the columns */
  for (line = 0; lines[line] != NULL && !g_str_has_prefix (lines[line], "---"); line++)
    ;
  g_assert_nonnull (lines[line]);
  columns = g_strsplit (lines[line], " ", -1);
  g_assert_cmpuint (g_strv_length (columns), >=, 5);
  for (guint c = 0, x = 0; c < 4; c++)
    {
      emb_start = x;
      emb_end = x + strlen (columns[c]);
      x = emb_end + 1;
    }

  for (line++; lines[line] != NULL; line++)
    {
      g_autofree char *emb = NULL;

      if (*lines[line] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[line]), >=, emb_end);
      emb = g_strstrip (g_strndup (lines[line] + emb_start, emb_end - emb_start));
      if (g_strcmp0 (emb, "yes") != 0)
        g_error ("A font is not embedded: %s", lines[line]);
      n_fonts++;
    }
  /* Sans, its bold, Serif bold of the title at least */
  g_assert_cmpuint (n_fonts, >=, 3);
}

static void
test_text (void)
{
  static const char *order[] = {
    "Sample Report", "Organization", "Example Org",
    "Contents", "Executive Summary", "Overall Result", "Dimensions", "Strategy", "Content",
    "Executive Summary", "Our summary of the year", "Highlights", "first point",
    "second point", "A second paragraph, with raw HTML & a link",
    "Overall Result", "Phase 2, score 2.4", "Preliminary: fewer than half",
    "Strategy", "w0001", "w1500", "Content", "Do you plan your posts?",
    "Phase 3 — We plan our posts", "Next Steps", "First step", "Teams overview",
    "Team001", "Team060", "The organization map",
    NULL,
  };
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = build_sample (workbook);
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *text = NULL;
  g_auto(GStrv) tokens = NULL;
  guint expected = 1;
  guint first_page = 0;
  guint last_page = 0;

  render (&pdf, report, PW_PAPER_A4);
  text = get_text (&pdf, 0, 0);
  g_assert_nonnull (text);
  assert_in_order (text, order);

  /* Unicode and right-to-left text, in its logical order; pdftotext
   * takes the gaps between joined Arabic letters for spaces */
  g_assert_nonnull (strstr (text, UNICODE));
  g_assert_nonnull (strstr (text, "שלום עולם"));
  g_assert_nonnull (strstr (text, "זהו דוח"));
  {
    g_autoptr(GRegex) blanks = g_regex_new ("[\\s\\x{200e}\\x{200f}\\x{202a}-\\x{202e}]", 0, 0, NULL);
    g_autofree char *joined = g_regex_replace_literal (blanks, text, -1, 0, "", 0, NULL);

    g_assert_nonnull (strstr (joined, "مرحبابالعالم"));
  }

  /* The long paragraph goes over pages, every word kept once, in order */
  tokens = g_regex_split_simple ("\\s+", text, 0, 0);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *want = g_strdup_printf ("w%04u", expected);

      if (tokens[i][0] != 'w' || !g_ascii_isdigit (tokens[i][1]))
        continue;
      g_assert_cmpstr (tokens[i], ==, want);
      expected++;
    }
  g_assert_cmpuint (expected, ==, 1501);

  for (guint page = 1; page <= get_n_pages (&pdf); page++)
    {
      g_autofree char *page_text = get_text (&pdf, page, page);

      if (strstr (page_text, "w0001") != NULL)
        first_page = page;
      if (strstr (page_text, "w1500") != NULL)
        last_page = page;
    }
  g_assert_cmpuint (first_page, >, 0);
  g_assert_cmpuint (last_page, >, first_page);
}

typedef struct
{
  char *id;
  char *title;
  char *parent;
} OutlineItem;

static void
outline_item_free (OutlineItem *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->parent);
  g_free (item);
}

/* A PDF string: (literal) or <FEFF…>, UTF-16BE in hexadecimal */
static char *
decode_pdf_string (const char *string)
{
  gsize length = strlen (string);
  g_autoptr(GByteArray) utf16 = g_byte_array_new ();
  GString *text;

  if (string[0] == '(')
    {
      text = g_string_new (NULL);
      for (gsize i = 1; i + 1 < length; i++)
        {
          if (string[i] == '\\' && i + 2 < length)
            i++;
          g_string_append_c (text, string[i]);
        }
      return g_string_free (text, FALSE);
    }

  g_assert_cmpint (string[0], ==, '<');
  for (gsize i = 1; i + 2 < length; i += 2)
    {
      char hex[3] = { string[i], string[i + 1], 0 };
      guint8 byte = (guint8) g_ascii_strtoull (hex, NULL, 16);

      g_byte_array_append (utf16, &byte, 1);
    }
  g_assert_cmpuint (utf16->len, >=, 2);
  g_assert_cmpuint (utf16->data[0], ==, 0xFE);
  g_assert_cmpuint (utf16->data[1], ==, 0xFF);

  return g_convert ((char *) utf16->data + 2, utf16->len - 2, "UTF-8", "UTF-16BE",
                    NULL, NULL, NULL);
}

/* The items of the PDF's outline, as cairo writes them: objects of a
 * /Title and a /Parent, in the order of the file */
static GPtrArray *
read_outline (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GRegex) regex = g_regex_new ("(\\d+) 0 obj\\s*<<\\s*/Title\\s*"
                                         "(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f]*>)\\s*"
                                         "/Parent (\\d+) 0 R",
                                         G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) outline_item_free);

  g_assert_nonnull (regex);
  for (g_regex_match_full (regex, data, size, 0, 0, &match, NULL);
       g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      OutlineItem *item = g_new0 (OutlineItem, 1);
      g_autofree char *title = g_match_info_fetch (match, 2);

      item->id = g_match_info_fetch (match, 1);
      item->title = decode_pdf_string (title);
      item->parent = g_match_info_fetch (match, 3);
      g_assert_nonnull (item->title);
      g_ptr_array_add (items, item);
    }

  return items;
}

/* How often @needle is in @bytes */
static guint
count_in_bytes (GBytes     *bytes,
                const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *escaped = g_regex_escape_string (needle, -1);
  g_autoptr(GRegex) regex = g_regex_new (escaped, G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  for (g_regex_match_full (regex, data, size, 0, 0, &match, NULL);
       g_match_info_matches (match); g_match_info_next (match, NULL))
    n++;

  return n;
}

static void
test_outline (void)
{
  static const char *sections[] = {
    "Executive Summary", "Overall Result", "Dimensions", "Strategy", "Content",
    "Next Steps", "Teams", "Map", "Zürich & “Ελλάς”",
  };
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = build_sample (workbook);
  g_autoptr(PwReportLayout) layout = NULL;
  g_autoptr(GPtrArray) outline = NULL;
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *toc = NULL;
  guint n;

  pw_report_add_heading (report, 1, "Zürich & “Ελλάς”");
  pw_report_add_heading (report, 3, "Not in the outline");
  pw_report_add_paragraph (report, "The end.");
  layout = paginate (report, 595.28, 841.89);
  render (&pdf, report, PW_PAPER_A4);

  /* Every heading of level 1 and 2 in the outline, in order, its parts
   * under their section */
  outline = read_outline (pdf.bytes);
  g_assert_cmpuint (outline->len, ==, G_N_ELEMENTS (sections));
  for (guint i = 0; i < outline->len; i++)
    {
      OutlineItem *item = g_ptr_array_index (outline, i);
      OutlineItem *root = g_ptr_array_index (outline, 0);
      OutlineItem *dimensions = g_ptr_array_index (outline, 2);

      g_assert_cmpstr (item->title, ==, sections[i]);
      if (i == 3 || i == 4)
        g_assert_cmpstr (item->parent, ==, dimensions->id);
      else
        g_assert_cmpstr (item->parent, ==, root->parent);
    }

  /* The entries: on the page they say, and so in the table of contents */
  n = pw_report_layout_get_n_entries (layout);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (sections));
  toc = get_text (&pdf, 2, 2);
  g_assert_nonnull (strstr (toc, "Contents"));
  for (guint i = 0; i < n; i++)
    {
      const char *text;
      guint level;
      guint page;
      double y;
      g_autofree char *page_text = NULL;
      g_autofree char *number = NULL;
      g_autofree char *pattern = NULL;

      g_assert_true (pw_report_layout_get_entry (layout, i, &text, &level, &page, &y));
      g_assert_cmpstr (text, ==, sections[i]);
      g_assert_cmpuint (level, ==, (i == 3 || i == 4) ? 2 : 1);
      g_assert_cmpfloat (y, >, 0);
      g_assert_cmpfloat (y, <, 841.89);
      page_text = get_text (&pdf, page + 1, page + 1);
      g_assert_nonnull (strstr (page_text, text));

      /* pdftotext sets the numbers' column after the entries' */
      number = g_strdup_printf ("%u", page + 1);
      pattern = g_strdup_printf ("(^|\\n)%s(\\n|$)", number);
      g_assert_true (g_regex_match_simple (pattern, toc, 0, 0));
      g_assert_nonnull (strstr (toc, text));
    }
  g_assert_false (pw_report_layout_get_entry (layout, n, NULL, NULL, NULL, NULL));
  g_assert_null (strstr (toc, "Not in the outline"));

  /* Each line of the table of contents, its text and its number, links
   * to its heading's destination */
  for (guint i = 0; i < n; i++)
    {
      const PwReportBlock *heading = NULL;
      g_autofree char *link = NULL;
      g_autofree char *dest = NULL;

      for (guint b = 0, found = 0; b < pw_report_get_n_blocks (report); b++)
        {
          const PwReportBlock *block = pw_report_get_block (report, b);

          if (block->kind == PW_REPORT_BLOCK_HEADING && block->level <= 2 && found++ == i)
            heading = block;
        }
      g_assert_nonnull (heading);
      link = g_strdup_printf ("/Dest (%s)", heading->anchor);
      g_assert_cmpuint (count_in_bytes (pdf.bytes, link), ==, 2);
      dest = g_strdup_printf ("(%s) [", heading->anchor);
      g_assert_cmpuint (count_in_bytes (pdf.bytes, dest), ==, 1);
    }
}

static void
test_table_header (void)
{
  static const char *columns[] = { "TeamColumn", "KindColumn", "FunctionColumn", NULL };
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = pw_report_new (workbook, "Tables", NULL);
  g_autoptr(GPtrArray) rows = make_rows (150);
  g_auto(Pdf) pdf = { 0 };
  guint n_pages;
  guint pages_with_rows = 0;

  pw_report_add_table (report, NULL, columns, rows);
  render (&pdf, report, PW_PAPER_A4);
  n_pages = get_n_pages (&pdf);
  g_assert_cmpuint (n_pages, >=, 3);

  /* No title page and no headings: nothing but the table */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = get_text (&pdf, page, page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "Tables"));
      if (strstr (text, "Central") == NULL)
        continue;
      pages_with_rows++;
      assert_in_order (text, (const char *[]) { "TeamColumn", "KindColumn", "FunctionColumn",
                                                "Team", NULL });
    }
  g_assert_cmpuint (pages_with_rows, ==, n_pages);

  {
    g_autofree char *all = get_text (&pdf, 0, 0);

    for (guint i = 1; i <= 150; i++)
      {
        g_autofree char *team = g_strdup_printf ("Team%03u", i);

        g_assert_nonnull (strstr (all, team));
      }
  }
}

/* A heading never ends a page: for headings at every height of the page,
 * the page with the heading has the first words of what follows it */
static void
test_keep_with_next (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = pw_report_new (workbook, "Headings", NULL);
  g_autoptr(PwReportLayout) layout = NULL;
  g_auto(Pdf) pdf = { 0 };
  guint n;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Heading%02u", i);
      g_autofree char *follow = g_strdup_printf ("Follows%02u and more words after it", i);
      g_autofree char *filler = make_words ("f", 20 + 7 * i);

      pw_report_add_paragraph (report, filler);
      pw_report_add_heading (report, 2, heading);
      pw_report_add_paragraph (report, follow);
    }
  layout = paginate (report, 612, 792);
  render (&pdf, report, PW_PAPER_US_LETTER);
  n = pw_report_layout_get_n_entries (layout);
  g_assert_cmpuint (n, ==, 40);

  for (guint i = 0; i < n; i++)
    {
      guint page;
      g_autofree char *text = NULL;
      g_autofree char *heading = g_strdup_printf ("Heading%02u", i);
      g_autofree char *follow = g_strdup_printf ("Follows%02u", i);

      pw_report_layout_get_entry (layout, i, NULL, NULL, &page, NULL);
      text = get_text (&pdf, page + 1, page + 1);
      assert_in_order (text, (const char *[]) { heading, follow, NULL });
    }
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  double        last;
  guint         calls;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
  if (progress->cancellable != NULL && fraction >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = build_sample (workbook);
  g_autoptr(PwReportLayout) layout = paginate (report, 595.28, 841.89);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Progress progress = { 0 };

  /* Done: to the end, at least once a page */
  bytes = pw_report_to_pdf (report, PW_PAPER_A4, progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >=, pw_report_layout_get_n_pages (layout));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Cancelled before */
  progress = (Progress) { g_cancellable_new (), 0, 0, 0 };
  g_cancellable_cancel (progress.cancellable);
  bytes = pw_report_to_pdf (report, PW_PAPER_A4, progress_cb, &progress, progress.cancellable,
                            &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (bytes);
  g_assert_cmpuint (progress.calls, ==, 0);
  g_clear_error (&error);
  g_clear_object (&progress.cancellable);

  /* Cancelled while laying out, and while drawing the pages */
  for (guint i = 0; i < 2; i++)
    {
      progress = (Progress) { g_cancellable_new (), i == 0 ? 0.1 : 0.6, 0, 0 };
      bytes = pw_report_to_pdf (report, PW_PAPER_A4, progress_cb, &progress,
                                progress.cancellable, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (bytes);
      g_assert_cmpfloat (progress.last, <, 1.0);
      g_clear_error (&error);
      g_clear_object (&progress.cancellable);
    }

  /* A layout cancelled has no pages */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

    g_cancellable_cancel (cancellable);
    g_assert_false (pw_report_layout_paginate (layout, context, NULL, NULL, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (pw_report_layout_get_n_pages (layout), ==, 0);
    g_object_unref (context);
  }
}

/* How many pixels of @png are of a colour, far from grey */
static guint
count_coloured (const char *png)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  int width;
  int height;
  int stride;
  const guint8 *data;
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = data + y * stride + x * 4;
        int max = MAX (p[0], MAX (p[1], p[2]));
        int min = MIN (p[0], MIN (p[1], p[2]));

        if (max - min > 60)
          n++;
      }
  cairo_surface_destroy (surface);

  return n;
}

/* The first pages as a viewer shows them; kept with
 * PW_TEST_KEEP_PNG=DIR to look at them */
static void
test_pictures (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwReport) report = build_sample (workbook);
  g_auto(Pdf) pdf = { 0 };
  const char *keep = g_getenv ("PW_TEST_KEEP_PNG");
  g_autofree char *prefix = NULL;
  g_autofree char *out = NULL;
  g_autofree char *images = NULL;
  g_auto(GStrv) image_lines = NULL;
  guint n_pages;
  gboolean radar_seen = FALSE;

  render (&pdf, report, PW_PAPER_A4);
  prefix = g_build_filename (keep != NULL ? keep : pdf.dir, "page", NULL);
  out = run_tool ("pdftoppm", "-png", "-r", "60", pdf.path, prefix, NULL);
  g_assert_nonnull (out);
  n_pages = get_n_pages (&pdf);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%0*u.png", prefix, n_pages >= 10 ? 2 : 1, page);

      g_assert_true (g_file_test (name, G_FILE_TEST_EXISTS));
      /* The radar, in the accent colour, on the page of the result */
      if (count_coloured (name) > 500)
        radar_seen = TRUE;
    }
  g_assert_true (radar_seen);

  /* The radar and the map are vectors: not a picture in the PDF (the
   * map is on the last page) */
  images = run_tool ("pdfimages", "-list", pdf.path, NULL);
  g_assert_nonnull (images);
  image_lines = g_strsplit (images, "\n", -1);
  g_assert_cmpuint (g_strv_length (image_lines), >=, 2);
  for (guint i = 2; image_lines[i] != NULL; i++)
    {
      guint page = (guint) g_ascii_strtoull (image_lines[i], NULL, 10);

      if (*g_strstrip (image_lines[i]) == '\0')
        continue;
      g_assert_cmpuint (page, ==, n_pages);
      /* pw_map_export_to_recording() records the teams as the map
       * painter's sprites: can_use_sprites() takes a recording surface
       * for one of pixels */
      g_test_incomplete ("The map's recording holds pictures of its teams");
      break;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/report-pdf/pages", test_pages);
  g_test_add_func ("/phasewise/report-pdf/fonts", test_fonts);
  g_test_add_func ("/phasewise/report-pdf/text", test_text);
  g_test_add_func ("/phasewise/report-pdf/outline", test_outline);
  g_test_add_func ("/phasewise/report-pdf/table-header", test_table_header);
  g_test_add_func ("/phasewise/report-pdf/keep-with-next", test_keep_with_next);
  g_test_add_func ("/phasewise/report-pdf/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/phasewise/report-pdf/pictures", test_pictures);

  return g_test_run ();
}
