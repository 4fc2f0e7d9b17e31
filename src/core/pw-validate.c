/* pw-validate.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-validate"

#include "config.h"

#include <string.h>

#include "pw-validate.h"

gboolean
pw_is_valid_id (const char *id)
{
  gsize len = 0;

  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }

  return len <= PW_MAX_ID_CHARS;
}

gboolean
pw_is_valid_date (const char *date)
{
  guint y, m, d;

  if (date == NULL || strlen (date) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (date[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (date[i]))
        {
          return FALSE;
        }
    }

  y = (guint) g_ascii_strtoull (date, NULL, 10);
  m = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/**
 * pw_is_semantic_version:
 *
 * Returns: %TRUE when @version is MAJOR.MINOR.PATCH: three numbers of at
 *   most nine digits without leading zeros
 */
gboolean
pw_is_semantic_version (const char *version)
{
  g_auto(GStrv) parts = g_strsplit (version, ".", -1);

  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      const char *p = parts[i];

      if (*p == '\0' || strlen (p) > 9 || (p[0] == '0' && p[1] != '\0'))
        return FALSE;
      for (; *p; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  return TRUE;
}

/**
 * pw_text_is_visible:
 * @text: (nullable): a text
 *
 * Returns: whether @text holds more than white space and invisible
 *   characters
 */
gboolean
pw_text_is_visible (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x115f || c == 0x1160 || c == 0x3164 || c == 0xffa0)
        continue;  /* white space, and the Hangul fillers that show as such */

      switch (g_unichar_type (c))
        {
        case G_UNICODE_CONTROL:
        case G_UNICODE_FORMAT:
        case G_UNICODE_UNASSIGNED:
        case G_UNICODE_SPACE_SEPARATOR:
        case G_UNICODE_LINE_SEPARATOR:
        case G_UNICODE_PARAGRAPH_SEPARATOR:
          continue;

        default:
          return TRUE;
        }
    }

  return FALSE;
}
