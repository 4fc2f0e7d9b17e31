/* pw-report-html.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-html"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pw-markdown.h"
#include "pw-report-export.h"
#include "pw-result-text.h"

/*
 * A report as one self-contained HTML5 file: its style inline, the radar
 * an inline SVG written here (its texts stay texts), the map the SVG that
 * cairo drew when the report was built, inlined, and a Content Security
 * Policy that lets the file load nothing at all, from the network or from
 * the disk, whatever a text in it says.
 *
 * Every text of the report is escaped here (escape_text()); the
 * facilitator's Markdown goes through pw_markdown_to_html(), which keeps no
 * raw HTML and no link but http:, https:, mailto: and #anchors.  Control
 * characters, which HTML does not allow, are left out of everything.
 *
 * The title is the one <h1>; a section (heading level 1) is an <h2> that
 * starts a new page when printed, its parts <h3> and <h4>, and the
 * headings of the facilitator's Markdown are put below the heading they
 * stand under.
 */

/* The radar's picture: the chart, its labels around it, the legend below */
#define RADAR_WIDTH     640.0
#define RADAR_HEIGHT    525.0
#define RADAR_CENTER_Y  240.0
#define RADAR_RADIUS    150.0
#define RADAR_LABEL_GAP  14.0
#define RADAR_LEGEND_Y  485.0
#define RADAR_MAX         5.0
#define LABEL_CHARS      18
#define LABEL_LINES       3

static const char style_sheet[] =
  ":root{color-scheme:light}\n"
  "body{font-family:Cantarell,\"Noto Sans\",\"DejaVu Sans\",\"Segoe UI\",sans-serif;"
  "font-size:1rem;line-height:1.5;color:#1e1e1e;background:#fff;"
  "max-width:52rem;margin:0 auto;padding:1.5rem}\n"
  "h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.4em 0 .5em;break-after:avoid}\n"
  "h1{font-size:2rem}h2{font-size:1.6rem}h3{font-size:1.3rem}h4{font-size:1.1rem}\n"
  "a{color:#1a5fb4}\n"
  ".title-page{margin-bottom:2rem}\n"
  ".title-page table th{width:12em}\n"
  "nav.toc ol{list-style:none;padding-left:1.25em}\n"
  "nav.toc>ol{padding-left:0}\n"
  ".text{white-space:pre-line}\n"
  ".notice{border-left:.3rem solid #c64600;background:#fff1e0;padding:.5em .8em;"
  "white-space:pre-line}\n"
  ".markdown blockquote{border-left:.25rem solid #9a9996;margin-left:0;padding-left:1em;"
  "color:#3d3846}\n"
  ".markdown pre{background:#f6f5f4;padding:.6em;overflow-x:auto;white-space:pre-wrap}\n"
  "code{font-family:\"DejaVu Sans Mono\",\"Noto Sans Mono\",monospace;font-size:.92em}\n"
  ".table-wrap{overflow-x:auto;margin:1em 0}\n"
  "table{border-collapse:collapse;width:100%}\n"
  "caption{text-align:start;font-weight:bold;padding:.3em 0}\n"
  "th,td{border:1px solid #c0bfbc;padding:.3em .5em;text-align:start;vertical-align:top;"
  "overflow-wrap:break-word;white-space:pre-line}\n"
  "table.facts td{overflow-wrap:anywhere}\n"
  "thead th{background:#f6f5f4}\n"
  "table.facts th{width:30%;font-weight:600;background:#fafafa}\n"
  "figure{margin:1em 0}\n"
  "figure svg{display:block;max-width:100%;height:auto;margin:0 auto}\n"
  "figcaption{text-align:center;font-style:italic;margin-top:.4em}\n"
  "@page{margin:18mm 16mm}\n"
  "@media print{\n"
  "body{max-width:none;margin:0;padding:0;font-size:10.5pt}\n"
  "a{color:inherit}\n"
  "h2.section{break-before:page}\n"
  ".title-page,nav.toc{break-after:page}\n"
  ".table-wrap{overflow:visible}\n"
  "thead{display:table-header-group}\n"
  "tr,figure,.notice,table.facts{break-inside:avoid}\n"
  "}\n";

typedef struct
{
  GString *out;
  guint    heading_level;    /* of the last heading written, 1 for the title */
  guint    n_pictures;       /* for ids unique to the report */
} Writer;

/* Whether HTML allows @c in a text: no control characters but white space,
 * no noncharacters */
static gboolean
char_is_allowed (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  if (c >= 0x7f && c < 0xa0)
    return FALSE;
  if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
    return FALSE;
  return TRUE;
}

/* Appends @text, valid UTF-8 with the characters HTML does not allow left
 * out, escaped for a text or an attribute's value when @escape */
static void
append_clean (GString    *out,
              const char *text,
              gboolean    escape)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!char_is_allowed (c))
        continue;
      if (escape)
        switch (c)
          {
          case '&':
            g_string_append (out, "&amp;");
            continue;
          case '<':
            g_string_append (out, "&lt;");
            continue;
          case '>':
            g_string_append (out, "&gt;");
            continue;
          case '"':
            g_string_append (out, "&quot;");
            continue;
          case '\'':
            g_string_append (out, "&#39;");
            continue;
          default:
            break;
          }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

static void
escape_text (GString    *out,
             const char *text)
{
  append_clean (out, text, TRUE);
}

/* A number as SVG reads it, whatever the locale */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
append_point (GString *out,
              double   x,
              double   y)
{
  append_number (out, x);
  g_string_append_c (out, ',');
  append_number (out, y);
}

static void
write_head (Writer   *w,
            PwReport *report)
{
  /* Translators: the language of the HTML report, as a BCP 47 tag
   * ("de", "pt-BR"): the language you translate into */
  const char *lang = C_("html lang", "en");
  /* Translators: the direction of the language you translate into, for
   * the HTML report: "ltr" (left to right) or "rtl" (right to left) */
  const char *direction = C_("html dir", "ltr");

  g_string_append (w->out, "<!DOCTYPE html>\n<html lang=\"");
  escape_text (w->out, lang);
  g_string_append (w->out, g_str_equal (direction, "rtl") ? "\" dir=\"rtl" : "\" dir=\"ltr");
  g_string_append (w->out,
                   "\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Phasewise " PACKAGE_VERSION "\">\n"
                   "<title>");
  escape_text (w->out, pw_report_get_title (report));
  g_string_append (w->out, "</title>\n<style>\n");
  g_string_append (w->out, style_sheet);
  g_string_append (w->out, "</style>\n</head>\n<body>\n");
}

static void
write_toc (Writer   *w,
           PwReport *report)
{
  guint n = pw_report_get_n_blocks (report);
  guint open_level = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < n && !any; i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      any = block->kind == PW_REPORT_BLOCK_HEADING && block->level <= 2;
    }
  if (!any)
    return;

  g_string_append (w->out, "<nav class=\"toc\" aria-labelledby=\"pw-toc\">\n<h2 id=\"pw-toc\">");
  /* Translators: the heading of the table of contents of a report */
  escape_text (w->out, _("Contents"));
  g_string_append (w->out, "</h2>\n");

  for (guint i = 0; i < n; i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);
      guint level;

      if (block->kind != PW_REPORT_BLOCK_HEADING || block->level > 2)
        continue;

      /* A part before any section counts as a section */
      level = open_level == 0 ? 1 : block->level;
      if (level > open_level)
        {
          for (; open_level < level; open_level++)
            g_string_append (w->out, open_level == 0 ? "<ol>\n<li>" : "\n<ol>\n<li>");
        }
      else
        {
          for (; open_level > level; open_level--)
            g_string_append (w->out, "</li>\n</ol>\n");
          g_string_append (w->out, "</li>\n<li>");
        }

      g_string_append (w->out, "<a href=\"#");
      escape_text (w->out, block->anchor);
      g_string_append (w->out, "\">");
      escape_text (w->out, block->text);
      g_string_append (w->out, "</a>");
    }
  for (; open_level > 0; open_level--)
    g_string_append (w->out, "</li>\n</ol>\n");

  g_string_append (w->out, "</nav>\n");
}

static void
write_rows (Writer              *w,
            const PwReportBlock *block)
{
  for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
    {
      char **row = g_ptr_array_index (block->rows, i);

      g_string_append (w->out, "<tr><th scope=\"row\" dir=\"auto\">");
      escape_text (w->out, row[0]);
      g_string_append (w->out, "</th><td dir=\"auto\">");
      escape_text (w->out, row[1]);
      g_string_append (w->out, "</td></tr>\n");
    }
}

static void
write_title (Writer              *w,
             const PwReportBlock *block)
{
  g_string_append (w->out, "<header class=\"title-page\">\n<h1 dir=\"auto\">");
  escape_text (w->out, block->text);
  g_string_append (w->out, "</h1>\n");
  if (block->rows != NULL && block->rows->len > 0)
    {
      g_string_append (w->out, "<table class=\"facts\">\n<tbody>\n");
      write_rows (w, block);
      g_string_append (w->out, "</tbody>\n</table>\n");
    }
  g_string_append (w->out, "</header>\n");
  w->heading_level = 1;
}

static void
write_heading (Writer              *w,
               const PwReportBlock *block)
{
  guint level = MIN (block->level, 3) + 1;

  g_string_append_printf (w->out, "<h%u id=\"", level);
  escape_text (w->out, block->anchor);
  g_string_append (w->out, level == 2 ? "\" class=\"section\" dir=\"auto\">" : "\" dir=\"auto\">");
  escape_text (w->out, block->text);
  g_string_append_printf (w->out, "</h%u>\n", level);
  w->heading_level = level;
}

/* cmark's HTML with its headings put under the report's current one: cmark
 * writes them as <hN> and </hN>, and a text that says so is escaped */
static void
write_markdown (Writer              *w,
                const PwReportBlock *block)
{
  g_autofree char *html = pw_markdown_to_html (block->text != NULL ? block->text : "");
  g_autoptr(GString) shifted = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      const char *tag = strstr (p, "<h");
      const char *close = strstr (p, "</h");
      const char *next = tag == NULL ? close : close == NULL ? tag : MIN (tag, close);
      gsize skip;

      if (next == NULL)
        {
          g_string_append (shifted, p);
          break;
        }
      skip = next == close ? 3 : 2;
      g_string_append_len (shifted, p, next - p);
      if (next[skip] >= '1' && next[skip] <= '6' && next[skip + 1] == '>')
        {
          guint level = MIN (6, w->heading_level + (guint) (next[skip] - '0'));

          g_string_append_printf (shifted, "%.*s%u>", (int) skip, next, level);
          p = next + skip + 2;
        }
      else
        {
          g_string_append_len (shifted, next, skip);
          p = next + skip;
        }
    }

  g_string_append (w->out, "<div class=\"markdown\" dir=\"auto\">\n");
  append_clean (w->out, shifted->str, FALSE);
  g_string_append (w->out, "</div>\n");
}

static void
write_text (Writer     *w,
            const char *element_start,
            const char *text,
            const char *element_end)
{
  g_string_append (w->out, element_start);
  escape_text (w->out, text);
  g_string_append (w->out, element_end);
}

static void
write_facts (Writer              *w,
             const PwReportBlock *block)
{
  g_string_append (w->out, "<div class=\"table-wrap\">\n<table class=\"facts\">\n");
  if (block->text != NULL)
    write_text (w, "<caption dir=\"auto\">", block->text, "</caption>\n");
  g_string_append (w->out, "<tbody>\n");
  write_rows (w, block);
  g_string_append (w->out, "</tbody>\n</table>\n</div>\n");
}

static void
write_table (Writer              *w,
             const PwReportBlock *block)
{
  g_string_append (w->out, "<div class=\"table-wrap\">\n<table>\n");
  if (block->text != NULL)
    write_text (w, "<caption dir=\"auto\">", block->text, "</caption>\n");
  g_string_append (w->out, "<thead>\n<tr>");
  for (guint i = 0; block->columns != NULL && block->columns[i] != NULL; i++)
    write_text (w, "<th scope=\"col\" dir=\"auto\">", block->columns[i], "</th>");
  g_string_append (w->out, "</tr>\n</thead>\n<tbody>\n");
  for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
    {
      char **row = g_ptr_array_index (block->rows, i);

      g_string_append (w->out, "<tr>");
      for (guint j = 0; row[j] != NULL; j++)
        write_text (w, "<td dir=\"auto\">", row[j], "</td>");
      g_string_append (w->out, "</tr>\n");
    }
  g_string_append (w->out, "</tbody>\n</table>\n</div>\n");
}

static void
write_list (Writer              *w,
            const PwReportBlock *block)
{
  g_string_append (w->out, "<ul>\n");
  for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
    {
      char **row = g_ptr_array_index (block->rows, i);

      write_text (w, "<li dir=\"auto\">", row[0], "</li>\n");
    }
  g_string_append (w->out, "</ul>\n");
}

/* The radar chart */

static gboolean
has_score (double value)
{
  return !isnan (value) && value >= 1.0;
}

static void
radar_point (const PwReportBlock *block,
             guint                axis,
             double               value,
             double              *x,
             double              *y)
{
  double angle = -G_PI / 2 + 2 * G_PI * axis / block->n_axes;
  double r = RADAR_RADIUS * CLAMP (value, 0.0, RADAR_MAX) / RADAR_MAX;

  *x = RADAR_WIDTH / 2 + r * cos (angle);
  *y = RADAR_CENTER_Y + r * sin (angle);
}

/* A series: a polygon through the axes that have a score (a line with two,
 * a point with one), and its points */
static void
write_series (Writer              *w,
              const PwReportBlock *block,
              const double        *values,
              const char          *css_class)
{
  g_autoptr(GString) points = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < block->n_axes; i++)
    {
      double x, y;

      if (!has_score (values[i]))
        continue;
      radar_point (block, i, values[i], &x, &y);
      if (n++ > 0)
        g_string_append_c (points, ' ');
      append_point (points, x, y);
    }
  if (n == 0)
    return;

  g_string_append_printf (w->out, "<g class=\"%s\">\n", css_class);
  if (n >= 2)
    g_string_append_printf (w->out, "<%s points=\"%s\"/>\n",
                            n >= 3 ? "polygon" : "polyline", points->str);
  for (guint i = 0; i < block->n_axes; i++)
    {
      double x, y;

      if (!has_score (values[i]))
        continue;
      radar_point (block, i, values[i], &x, &y);
      g_string_append (w->out, "<circle r=\"3\" cx=\"");
      append_number (w->out, x);
      g_string_append (w->out, "\" cy=\"");
      append_number (w->out, y);
      g_string_append (w->out, "\"/>\n");
    }
  g_string_append (w->out, "</g>\n");
}

/* Whether the first letter of @text is of a script written from right to
 * left (the paragraph direction of Unicode's bidirectional algorithm) */
static gboolean
text_is_rtl (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
        case G_UNICODE_SCRIPT_ADLAM:
        case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return FALSE;
}

/* The name of an axis and its value at its end, in lines of a few words */
static void
write_radar_label (Writer              *w,
                   const PwReportBlock *block,
                   guint                axis)
{
  double angle = -G_PI / 2 + 2 * G_PI * axis / block->n_axes;
  double dx = cos (angle);
  double dy = sin (angle);
  double x = RADAR_WIDTH / 2 + (RADAR_RADIUS + RADAR_LABEL_GAP) * dx;
  double y = RADAR_CENTER_Y + (RADAR_RADIUS + RADAR_LABEL_GAP) * dy;
  /* A right-to-left name starts at the right: its anchor is the other end */
  gboolean rtl = text_is_rtl (block->labels[axis]);
  const char *anchor = dx > 0.15 ? (rtl ? "end" : "start")
                       : dx < -0.15 ? (rtl ? "start" : "end") : "middle";
  g_auto(GStrv) words = g_strsplit (block->labels[axis] != NULL ? block->labels[axis] : "",
                                    " ", -1);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *value = pw_result_text_dimension_value (has_score (block->current[axis]),
                                                           block->current[axis]);
  double line_height = 16.0;
  double top;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      glong length = g_utf8_strlen (word, -1);

      if (line->len > 0 && g_utf8_strlen (line->str, -1) + length >= LABEL_CHARS)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
        }
      if (line->len > 0)
        g_string_append_c (line, ' ');

      /* A word too long for a line is cut */
      for (; length > LABEL_CHARS; length -= LABEL_CHARS)
        {
          const char *cut = g_utf8_offset_to_pointer (word, LABEL_CHARS);

          g_string_append_len (line, word, cut - word);
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          word = cut;
        }
      g_string_append (line, word);
    }
  g_ptr_array_add (lines, g_strdup (line->str));
  /* At most LABEL_LINES lines of the name: the full name is in the
   * description, for screen readers, and in the report's tables */
  if (lines->len > LABEL_LINES)
    {
      char *last = g_ptr_array_index (lines, LABEL_LINES - 1);

      g_ptr_array_index (lines, LABEL_LINES - 1) = g_strconcat (last, "…", NULL);
      g_free (last);
      g_ptr_array_set_size (lines, LABEL_LINES);
    }
  g_ptr_array_add (lines, g_steal_pointer (&value));

  /* Above the end of the axis at the top, below it at the bottom, centred
   * on it at the sides */
  if (dy < -0.3)
    top = y - line_height * (lines->len - 1) - 4;
  else if (dy > 0.3)
    top = y + line_height - 2;
  else
    top = y - line_height * (lines->len - 1) / 2.0 + 5;

  g_string_append_printf (w->out, "<text class=\"label\" text-anchor=\"%s\" direction=\"%s\">",
                          anchor, rtl ? "rtl" : "ltr");
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (w->out, i + 1 == lines->len ? "<tspan class=\"value\" x=\"" : "<tspan x=\"");
      append_number (w->out, x);
      g_string_append (w->out, "\" y=\"");
      append_number (w->out, top + i * line_height);
      g_string_append (w->out, "\">");
      escape_text (w->out, g_ptr_array_index (lines, i));
      g_string_append (w->out, "</tspan>");
    }
  g_string_append (w->out, "</text>\n");
}

static void
write_radar_description (Writer              *w,
                         const PwReportBlock *block,
                         const double        *values,
                         const char          *name)
{
  if (name != NULL)
    {
      escape_text (w->out, name);
      g_string_append (w->out, ": ");
    }
  for (guint i = 0; i < block->n_axes; i++)
    {
      g_autofree char *value = pw_result_text_dimension_value (has_score (values[i]), values[i]);
      /* Translators: a dimension and its score in the description of the
       * radar chart of a report, "Strategy: 3.4" */
      g_autofree char *item = g_strdup_printf (C_("radar axis", "%s: %s"), block->labels[i], value);

      escape_text (w->out, item);
      g_string_append (w->out, i + 1 < block->n_axes ? "; " : ".\n");
    }
}

static void
write_legend_entry (Writer     *w,
                    double      y,
                    const char *css_class,
                    const char *name)
{
  g_string_append_printf (w->out, "<g class=\"%s\"><line x1=\"24\" x2=\"56\" y1=\"", css_class);
  append_number (w->out, y);
  g_string_append (w->out, "\" y2=\"");
  append_number (w->out, y);
  g_string_append (w->out, "\"/></g><text class=\"legend\" x=\"64\" y=\"");
  append_number (w->out, y + 5);
  g_string_append (w->out, "\">");
  escape_text (w->out, name);
  g_string_append (w->out, "</text>\n");
}

static void
write_radar (Writer              *w,
             const PwReportBlock *block)
{
  guint id = ++w->n_pictures;

  if (block->n_axes == 0)
    {
      /* Translators: in a report, where the radar chart would be */
      write_text (w, "<p class=\"text\">", _("No dimension to show in a chart."), "</p>\n");
      return;
    }

  g_string_append_printf (w->out,
                          "<figure class=\"radar\">\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                          "width=\"%d\" height=\"%d\" role=\"img\" "
                          "aria-labelledby=\"pw-picture%u-title pw-picture%u-desc\">\n"
                          "<title id=\"pw-picture%u-title\">",
                          (int) RADAR_WIDTH, (int) RADAR_HEIGHT,
                          (int) RADAR_WIDTH, (int) RADAR_HEIGHT, id, id, id);
  /* Translators: what the radar chart of a report is, for screen readers */
  escape_text (w->out, _("Radar chart of the dimensions’ scores, from 1 to 5"));
  g_string_append_printf (w->out, "</title>\n<desc id=\"pw-picture%u-desc\">", id);
  write_radar_description (w, block, block->current, block->current_name);
  if (block->previous != NULL)
    write_radar_description (w, block, block->previous, block->previous_name);
  g_string_append (w->out,
                   "</desc>\n"
                   "<style>"
                   ".grid{fill:none;stroke:#9a9996;stroke-width:1}"
                   ".axis{stroke:#c0bfbc;stroke-width:1}"
                   ".axis.none{stroke-dasharray:3 3}"
                   ".current polygon,.current polyline{fill:rgba(53,132,228,.28);stroke:#1c71d8;"
                   "stroke-width:2;stroke-linejoin:round}"
                   ".current circle{fill:#1c71d8}"
                   ".current line{stroke:#1c71d8;stroke-width:2}"
                   ".previous polygon,.previous polyline,.previous line{fill:none;stroke:#5e5c64;"
                   "stroke-width:1.5;stroke-dasharray:6 4;stroke-linejoin:round}"
                   ".previous circle{fill:#fff;stroke:#5e5c64;stroke-width:1.5}"
                   "text{font-family:Cantarell,\"Noto Sans\",\"DejaVu Sans\",sans-serif;"
                   "font-size:13px;fill:#1e1e1e}"
                   ".ring{font-size:10px;fill:#77767b}"
                   ".value{font-weight:bold}"
                   "</style>\n");

  /* The rings of the phases 1 to 5, and the axes */
  for (int ring = 1; ring <= RADAR_MAX; ring++)
    {
      double x, y;

      if (block->n_axes >= 3)
        {
          g_string_append (w->out, "<polygon class=\"grid\" points=\"");
          for (guint i = 0; i < block->n_axes; i++)
            {
              radar_point (block, i, ring, &x, &y);
              if (i > 0)
                g_string_append_c (w->out, ' ');
              append_point (w->out, x, y);
            }
          g_string_append (w->out, "\"/>\n");
        }
      else
        {
          g_string_append_printf (w->out, "<circle class=\"grid\" cx=\"%d\" cy=\"%d\" r=\"",
                                  (int) RADAR_WIDTH / 2, (int) RADAR_CENTER_Y);
          append_number (w->out, RADAR_RADIUS * ring / RADAR_MAX);
          g_string_append (w->out, "\"/>\n");
        }
      g_string_append (w->out, "<text class=\"ring\" x=\"");
      append_number (w->out, RADAR_WIDTH / 2 + 3);
      g_string_append (w->out, "\" y=\"");
      append_number (w->out, RADAR_CENTER_Y - RADAR_RADIUS * ring / RADAR_MAX - 2);
      g_string_append_printf (w->out, "\">%d</text>\n", ring);
    }
  for (guint i = 0; i < block->n_axes; i++)
    {
      double x, y;

      radar_point (block, i, RADAR_MAX, &x, &y);
      g_string_append_printf (w->out, "<line class=\"axis%s\" x1=\"%d\" y1=\"%d\" x2=\"",
                              has_score (block->current[i]) ? "" : " none",
                              (int) RADAR_WIDTH / 2, (int) RADAR_CENTER_Y);
      append_number (w->out, x);
      g_string_append (w->out, "\" y2=\"");
      append_number (w->out, y);
      g_string_append (w->out, "\"/>\n");
    }

  if (block->previous != NULL)
    write_series (w, block, block->previous, "previous");
  write_series (w, block, block->current, "current");
  for (guint i = 0; i < block->n_axes; i++)
    write_radar_label (w, block, i);

  if (block->current_name != NULL)
    write_legend_entry (w, RADAR_LEGEND_Y, "current", block->current_name);
  if (block->previous != NULL && block->previous_name != NULL)
    write_legend_entry (w, RADAR_LEGEND_Y + 22, "previous", block->previous_name);

  g_string_append (w->out, "</svg>\n</figure>\n");
}

/* The map */

/* Cairo's ids (glyph0-1, surface5, clip1, image3…) and the references to
 * them, prefixed so that two pictures of a report never share one */
static void
append_prefixed_ids (GString    *out,
                     const char *svg,
                     const char *prefix)
{
  static const char * const references[] = { " id=\"", "href=\"#", "url(#" };
  const char *found[G_N_ELEMENTS (references)];
  const char *p = svg;

  /* Where each kind is found next, looked for again only once passed:
   * one pass over the picture, however many ids it has */
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    found[i] = strstr (p, references[i]);

  for (;;)
    {
      const char *next = NULL;
      gsize length = 0;
      guint kind = 0;

      for (guint i = 0; i < G_N_ELEMENTS (references); i++)
        if (found[i] != NULL && (next == NULL || found[i] < next))
          {
            next = found[i];
            length = strlen (references[i]);
            kind = i;
          }
      if (next == NULL)
        break;

      g_string_append_len (out, p, next + length - p);
      g_string_append (out, prefix);
      p = next + length;
      found[kind] = strstr (p, references[kind]);
      for (guint i = 0; i < G_N_ELEMENTS (references); i++)
        if (found[i] != NULL && found[i] < p)
          found[i] = strstr (p, references[i]);
    }
  g_string_append (out, p);
}

static gboolean
write_map (Writer              *w,
           const PwReportBlock *block,
           GError             **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *svg = NULL;
  const char *caption;
  const char *start;
  const char *end;
  guint id = ++w->n_pictures;

  if (block->picture_svg == NULL)
    return TRUE;

  /* The picture from its <svg> on, without the XML prolog */
  svg = g_strndup (g_bytes_get_data (block->picture_svg, NULL),
                   g_bytes_get_size (block->picture_svg));
  start = strstr (svg, "<svg");
  end = start != NULL ? strchr (start, '>') : NULL;
  if (end == NULL || strstr (end, "</svg>") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The organization map could not be drawn into the report: "
                     "its picture is incomplete"));
      return FALSE;
    }

  /* Translators: the description of the organization map's picture in a
   * report, when it has no caption */
  caption = block->text != NULL ? block->text : _("Organization map");
  prefix = g_strdup_printf ("pw-picture%u-", id);

  g_string_append (w->out, "<figure class=\"map\">\n");
  g_string_append_len (w->out, start, end - start);
  g_string_append_printf (w->out,
                          " role=\"img\" aria-labelledby=\"%stitle\">\n<title id=\"%stitle\">",
                          prefix, prefix);
  escape_text (w->out, caption);
  g_string_append (w->out, "</title>");
  append_prefixed_ids (w->out, end + 1, prefix);
  while (w->out->len > 0 && w->out->str[w->out->len - 1] == '\n')
    g_string_truncate (w->out, w->out->len - 1);
  g_string_append (w->out, "\n");
  if (block->text != NULL)
    write_text (w, "<figcaption dir=\"auto\">", block->text, "</figcaption>\n");
  g_string_append (w->out, "</figure>\n");

  return TRUE;
}

/**
 * pw_report_to_html:
 * @report: the report
 * @cancellable: (nullable): stops it between two blocks
 *
 * The report as one HTML5 file that holds everything it shows (styles,
 * charts, the map) and loads nothing.
 *
 * Returns: (transfer full): the file's bytes, UTF-8, or %NULL with @error
 *   set
 */
GBytes *
pw_report_to_html (PwReport      *report,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  Writer w = { out, 1, 0 };
  guint n;
  guint i = 0;

  g_return_val_if_fail (PW_IS_REPORT (report), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = pw_report_get_n_blocks (report);
  write_head (&w, report);

  g_string_append (out, "<main>\n");
  /* The table of contents after the title page, or first without one */
  if (n > 0 && pw_report_get_block (report, 0)->kind == PW_REPORT_BLOCK_TITLE)
    write_title (&w, pw_report_get_block (report, i++));
  write_toc (&w, report);

  for (; i < n; i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      switch (block->kind)
        {
        case PW_REPORT_BLOCK_TITLE:
          write_title (&w, block);
          break;
        case PW_REPORT_BLOCK_HEADING:
          write_heading (&w, block);
          break;
        case PW_REPORT_BLOCK_MARKDOWN:
          write_markdown (&w, block);
          break;
        case PW_REPORT_BLOCK_PARAGRAPH:
          write_text (&w, "<p class=\"text\" dir=\"auto\">", block->text, "</p>\n");
          break;
        case PW_REPORT_BLOCK_NOTICE:
          write_text (&w, "<p class=\"notice\" role=\"note\" dir=\"auto\">", block->text, "</p>\n");
          break;
        case PW_REPORT_BLOCK_FACTS:
          write_facts (&w, block);
          break;
        case PW_REPORT_BLOCK_TABLE:
          write_table (&w, block);
          break;
        case PW_REPORT_BLOCK_LIST:
          write_list (&w, block);
          break;
        case PW_REPORT_BLOCK_RADAR:
          write_radar (&w, block);
          break;
        case PW_REPORT_BLOCK_MAP:
          if (!write_map (&w, block, error))
            return NULL;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_string_append (out, "</main>\n</body>\n</html>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
