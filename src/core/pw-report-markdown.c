/* pw-report-markdown.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-markdown"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pw-report-export.h"
#include "pw-result-text.h"

/*
 * A report as CommonMark (with the pipe tables that most Markdown readers
 * know): the facilitator's Markdown as it was written, every other text
 * escaped (escape_text()) so that it reads back as the same text and never
 * as Markdown syntax, raw HTML or a link.  FACTS are lists of labelled
 * items, TABLEs and the RADAR's scores tables; the MAP, a picture, is its
 * caption here (the organizational model is in the blocks after it).
 */

/* Where an escaped text goes */
typedef enum
{
  TEXT_BLOCK,     /* a paragraph: its line breaks kept */
  TEXT_INLINE,    /* a heading, a list item, a table cell: one line */
} TextKind;

/* The ASCII punctuation that Markdown may read as syntax anywhere in a
 * line: emphasis, code, links and images, raw HTML and autolinks,
 * entities, tables, strikethrough, a heading's closing sequence */
static gboolean
needs_escape (char c)
{
  return c != '\0' && strchr ("\\`*_[]<>&|~#!", c) != NULL;
}

/* Removes the control characters but line breaks and tabs, makes @text
 * valid UTF-8 */
static char *
clean_text (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        continue;
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0))
        continue;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* One line, into an empty @out: what could start a block (a heading, a list, a quote, a
 * setext underline, a fence, an indented code block) is taken away by
 * trimming the indent and escaping the first character */
static void
escape_line (GString    *out,
             const char *line)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;

  /* A list item ("- ", "+ ", "1. ", "1) "), a thematic break or a setext
   * underline ("---", "==="); '>', '#', '*' and '~' are always escaped */
  if (((*p == '-' || *p == '+') && (p[1] == ' ' || p[1] == '\t' || p[1] == '\0' || p[1] == *p))
      || *p == '=')
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p++);
    }
  else if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if ((*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t' || q[1] == '\0'))
        {
          g_string_append_len (out, p, q - p);
          g_string_append_c (out, '\\');
          g_string_append_c (out, *q);
          p = q + 1;
        }
    }

  for (; *p != '\0'; p++)
    {
      if (needs_escape (*p))
        g_string_append_c (out, '\\');
      if (*p == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }

  /* Two spaces at the end would be a line break */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

/*
 * Appends @text so that a CommonMark reader shows it as it is.  A
 * TEXT_BLOCK keeps its lines, joined by hard line breaks, each after
 * @indent (a list item's or a quote's); a TEXT_INLINE is one line.
 */
static void
escape_text (GString    *out,
             const char *text,
             TextKind    kind,
             const char *indent)
{
  g_autofree char *clean = clean_text (text != NULL ? text : "");
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      escape_line (line, lines[i]);
      /* An empty line would end the block */
      if (line->len == 0)
        continue;

      if (!first && kind == TEXT_BLOCK)
        {
          g_string_append (out, "\\\n");
          g_string_append (out, indent);
        }
      else if (!first)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line->str, line->len);
      first = FALSE;
    }
}

static void
write_paragraph (GString    *out,
                 const char *prefix,
                 const char *text)
{
  g_string_append (out, prefix);
  escape_text (out, text, TEXT_BLOCK, prefix);
  g_string_append (out, "\n\n");
}

/* (label, value) rows as a list: "- **Label:** value" */
static void
write_labelled_rows (GString   *out,
                     GPtrArray *rows)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_string_append (out, "- **");
      escape_text (out, row[0], TEXT_INLINE, "");
      g_string_append (out, ":** ");
      escape_text (out, row[1], TEXT_BLOCK, "  ");
      g_string_append_c (out, '\n');
    }
  if (rows != NULL && rows->len > 0)
    g_string_append_c (out, '\n');
}

static void
write_caption (GString    *out,
               const char *caption)
{
  if (caption == NULL || caption[0] == '\0')
    return;
  g_string_append (out, "**");
  escape_text (out, caption, TEXT_INLINE, "");
  g_string_append (out, "**\n\n");
}

static void
write_table_row (GString            *out,
                 const char * const *cells)
{
  g_string_append (out, "|");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_string_append_c (out, ' ');
      escape_text (out, cells[i], TEXT_INLINE, "");
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

static void
write_table (GString            *out,
             const char         *caption,
             const char * const *columns,
             GPtrArray          *rows)
{
  write_caption (out, caption);
  write_table_row (out, columns);
  g_string_append (out, "|");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
  for (guint i = 0; i < rows->len; i++)
    write_table_row (out, g_ptr_array_index (rows, i));
  g_string_append_c (out, '\n');
}

static void
write_radar (GString             *out,
             const PwReportBlock *block)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *columns[4] = { NULL };

  if (block->n_axes == 0)
    return;

  /* Translators: the header of the column of the dimensions' names in
   * the table of the radar chart's scores (Markdown report) */
  columns[0] = _("Dimension");
  /* Translators: the header of the column of the scores in the table of
   * the radar chart (Markdown report), when the series has no name */
  columns[1] = block->current_name != NULL ? block->current_name : _("Score");
  if (block->previous != NULL)
    /* Translators: the header of the column of the scores of the round
     * before, when it has no name (Markdown report) */
    columns[2] = block->previous_name != NULL ? block->previous_name : _("Before");

  for (guint i = 0; i < block->n_axes; i++)
    {
      char **row = g_new0 (char *, 4);
      double now = block->current[i];

      row[0] = g_strdup (block->labels[i] != NULL ? block->labels[i] : "");
      row[1] = pw_result_text_dimension_value (!isnan (now) && now >= 1.0, now);
      if (block->previous != NULL)
        {
          double before = block->previous[i];

          row[2] = pw_result_text_dimension_value (!isnan (before) && before >= 1.0, before);
        }
      g_ptr_array_add (rows, row);
    }

  write_table (out, NULL, columns, rows);
}

static void
write_markdown (GString    *out,
                const char *markdown)
{
  g_autofree char *clean = clean_text (markdown != NULL ? markdown : "");
  gsize len = strlen (clean);

  while (len > 0 && (clean[len - 1] == '\n' || clean[len - 1] == ' '))
    len--;
  if (len == 0)
    return;
  g_string_append_len (out, clean, len);
  g_string_append (out, "\n\n");
}

static void
write_block (GString             *out,
             const PwReportBlock *block)
{
  switch (block->kind)
    {
    case PW_REPORT_BLOCK_TITLE:
      g_string_append (out, "# ");
      escape_text (out, block->text, TEXT_INLINE, "");
      g_string_append (out, "\n\n");
      write_labelled_rows (out, block->rows);
      break;

    case PW_REPORT_BLOCK_HEADING:
      for (guint i = 0; i <= MIN (block->level, 3); i++)
        g_string_append_c (out, '#');
      g_string_append_c (out, ' ');
      escape_text (out, block->text, TEXT_INLINE, "");
      g_string_append (out, "\n\n");
      break;

    case PW_REPORT_BLOCK_MARKDOWN:
      write_markdown (out, block->text);
      break;

    case PW_REPORT_BLOCK_PARAGRAPH:
      write_paragraph (out, "", block->text);
      break;

    case PW_REPORT_BLOCK_NOTICE:
      write_paragraph (out, "> ", block->text);
      break;

    case PW_REPORT_BLOCK_FACTS:
      write_caption (out, block->text);
      write_labelled_rows (out, block->rows);
      break;

    case PW_REPORT_BLOCK_TABLE:
      write_table (out, block->text, (const char * const *) block->columns, block->rows);
      break;

    case PW_REPORT_BLOCK_LIST:
      for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
        {
          char **row = g_ptr_array_index (block->rows, i);

          g_string_append (out, "- ");
          escape_text (out, row[0], TEXT_BLOCK, "  ");
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
      break;

    case PW_REPORT_BLOCK_RADAR:
      write_radar (out, block);
      break;

    case PW_REPORT_BLOCK_MAP:
      /* Translators: in the Markdown report, where the organization map's
       * picture would be, when it has no caption */
      write_paragraph (out, "", block->text != NULL ? block->text : _("Organization map"));
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * pw_report_to_markdown:
 * @report: the report
 * @cancellable: (nullable): stops it between two blocks
 *
 * The report as CommonMark text.
 *
 * Returns: (transfer full): the file's bytes, UTF-8, or %NULL with @error
 *   set
 */
GBytes *
pw_report_to_markdown (PwReport      *report,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (16 * 1024);
  guint n;

  g_return_val_if_fail (PW_IS_REPORT (report), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = pw_report_get_n_blocks (report);
  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      write_block (out, pw_report_get_block (report, i));
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* One line break at the end */
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
