/* pw-utils.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-utils"

#include "config.h"

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
