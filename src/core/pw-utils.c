/* pw-utils.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-utils"

#include "config.h"

#include <string.h>

#include "pw-utils-private.h"

/**
 * _pw_set_str:
 * @field: (inout) (nullable): a string the caller owns
 * @value: (nullable): the new value
 *
 * Replaces *@field by a copy of @value unless they are equal already.  This
 * is g_set_str() of GLib 2.76, which Debian 12 does not have: setters use it
 * to notify only on change.
 *
 * Returns: %TRUE when *@field changed
 */
gboolean
_pw_set_str (char       **field,
             const char  *value)
{
  char *copy;

  g_assert (field != NULL);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  /* Copy first: @value may point into *@field. */
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  return TRUE;
}

/**
 * _pw_strdup_capped:
 * @value: (nullable): a UTF-8 text
 * @max_chars: how many characters to keep at most
 *
 * Copies @value, cut after @max_chars characters, at a character boundary.
 * Setters of texts that the workbook reader limits keep them to the same
 * limit with it, so that the model never holds a text that a file could
 * not: a workbook Phasewise writes is one it opens again.
 *
 * Returns: (transfer full) (nullable): the copy
 */
char *
_pw_strdup_capped (const char *value,
                   gsize       max_chars)
{
  const char *end = value;
  gsize n = 0;

  if (value == NULL)
    return NULL;

  /* g_utf8_find_next_char() stops at the terminating NUL even in text
   * that is not valid UTF-8. */
  while (*end != '\0' && n < max_chars)
    {
      end = g_utf8_find_next_char (end, NULL);
      n++;
    }

  return g_strndup (value, (gsize) (end - value));
}

/**
 * _pw_set_str_capped:
 * @field: (inout) (nullable): a string the caller owns
 * @value: (nullable): the new value
 * @max_chars: how many characters of @value to keep at most
 *
 * _pw_set_str() with @value cut as _pw_strdup_capped() cuts it.
 *
 * Returns: %TRUE when *@field changed
 */
gboolean
_pw_set_str_capped (char       **field,
                    const char  *value,
                    gsize        max_chars)
{
  g_autofree char *capped = _pw_strdup_capped (value, max_chars);

  return _pw_set_str (field, capped);
}

/**
 * _pw_strdup_line_capped:
 * @value: (nullable): a one-line text: a name, a label, a title
 * @max_chars: how many characters of @value to keep at most
 *
 * _pw_strdup_capped() for the texts the workbook reader reads as one line
 * (%PW_JSON_LINE): control characters (C0, DEL, C1) and line and paragraph
 * separators become spaces, since a file could not hold them.
 *
 * Returns: (transfer full) (nullable): the copy
 */
char *
_pw_strdup_line_capped (const char *value,
                        gsize       max_chars)
{
  g_autofree char *capped = _pw_strdup_capped (value, max_chars);
  GString *line;

  if (capped == NULL || !g_utf8_validate (capped, -1, NULL))
    return g_steal_pointer (&capped);

  line = g_string_sized_new (strlen (capped));
  for (const char *p = capped; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
        g_string_append_c (line, ' ');
      else
        g_string_append_unichar (line, c);
    }

  return g_string_free (line, FALSE);
}

/**
 * _pw_set_line_capped:
 *
 * _pw_set_str() with @value made one line as _pw_strdup_line_capped() does.
 *
 * Returns: %TRUE when *@field changed
 */
gboolean
_pw_set_line_capped (char       **field,
                     const char  *value,
                     gsize        max_chars)
{
  g_autofree char *line = _pw_strdup_line_capped (value, max_chars);

  return _pw_set_str (field, line);
}

/**
 * _pw_is_invisible_char:
 *
 * Returns: whether @c is a control character (C0, DEL, C1), a format
 *   character (zero-width, bidirectional overrides and isolates) or a line
 *   or paragraph separator: what must not reach a terminal or a message
 *   as it is
 */
gboolean
_pw_is_invisible_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * _pw_escape_invisible:
 * @text: (nullable): text from a file, to be printed on a terminal
 *
 * Returns: (transfer full) (nullable): @text with every character for which
 *   _pw_is_invisible_char() holds written as U+XXXX, and every byte that is
 *   not UTF-8 as \xNN, so that a text from a file can neither move the
 *   cursor, clear the screen, reverse what follows nor start a new line
 */
char *
_pw_escape_invisible (const char *text)
{
  GString *s;
  const char *p;

  if (text == NULL)
    return NULL;

  s = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (s, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      if (_pw_is_invisible_char (c))
        g_string_append_printf (s, "U+%04X", c);
      else
        g_string_append_unichar (s, c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (s, FALSE);
}

/* Sets @date to today, in local time, and returns it: the day an export
 * or a result is as of when the caller gives none. */
GDate *
_pw_date_init_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));

  return date;
}

/*
 * CSV for spreadsheets, as every CSV export of Phasewise writes it: RFC
 * 4180 (every field in double quotes, a double quote doubled, CRLF between
 * records), UTF-8 with a byte order mark so that spreadsheets do not read
 * it in a legacy encoding, and no formulas: a cell that a spreadsheet would
 * take for one (it starts with "=", "+", "-", "@", a tab or a carriage
 * return) gets a leading apostrophe, which shows it as text.
 */

/**
 * _pw_csv_new:
 *
 * Returns: (transfer full): an empty CSV file: its byte order mark
 */
GString *
_pw_csv_new (void)
{
  return g_string_new ("\xEF\xBB\xBF");
}

/**
 * _pw_csv_append_field:
 * @out: the CSV file so far (_pw_csv_new())
 * @value: (nullable): the field's text; %NULL is an empty field
 * @last: whether the field ends its record
 *
 * Appends one field, quoted and with formulas neutralised.
 */
void
_pw_csv_append_field (GString    *out,
                      const char *value,
                      gboolean    last)
{
  if (value == NULL)
    value = "";

  g_string_append_c (out, '"');
  if (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
    g_string_append_c (out, '\'');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}
