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
