/* pw-policy-csv.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-policy-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pw-policy-csv.h"
#include "pw-utils-private.h"

/*
 * The policy checklist as CSV for a spreadsheet: RFC 4180 (every field in
 * double quotes, a double quote doubled, CRLF between records), UTF-8
 * with a byte order mark so that spreadsheets do not read it in a legacy
 * encoding, and no formulas: a cell that a spreadsheet would take for one
 * (it starts with "=", "+", "-", "@", a tab or a carriage return) gets a
 * leading apostrophe, which shows it as text.
 */

static void
append_field (GString    *out,
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

static const char *
status_name (PwPolicyStatus status)
{
  switch (status)
    {
    case PW_POLICY_DRAFTING:
      /* Translators: a policy item's status in the CSV export */
      return _("Drafting");
    case PW_POLICY_IN_PLACE:
      /* Translators: a policy item's status in the CSV export */
      return _("In place");
    case PW_POLICY_NOT_APPLICABLE:
      /* Translators: a policy item's status in the CSV export */
      return _("Not applicable");
    case PW_POLICY_MISSING:
    default:
      /* Translators: a policy item's status in the CSV export */
      return _("Missing");
    }
}

static const char *
yes_no (gboolean value)
{
  /* Translators: a yes/no cell of the CSV export ("Core", "Overdue") */
  return value ? C_("csv", "Yes") : C_("csv", "No");
}

/**
 * pw_policy_to_csv:
 * @policy: the checklist
 * @framework: its framework, for the names of the categories
 * @today: (nullable): the day reviews are overdue against; %NULL for
 *   today, in local time
 *
 * Returns: (transfer full): one row of headings, then one row per item:
 *   category, item, core, status, owner, review date, overdue, note, link,
 *   and the framework's evidence of the item (empty for a custom item)
 */
GBytes *
pw_policy_to_csv (PwPolicy *policy,
                  GDate    *today)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GPtrArray) items = NULL;
  GDate local_today;

  g_return_val_if_fail (PW_IS_POLICY (policy), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  if (today == NULL)
    today = _pw_date_init_today (&local_today);

  /* Translators: the headings of the policy checklist's CSV export */
  append_field (out, C_("csv", "Category"), FALSE);
  append_field (out, C_("csv", "Item"), FALSE);
  append_field (out, C_("csv", "Core"), FALSE);
  append_field (out, C_("csv", "Status"), FALSE);
  append_field (out, C_("csv", "Owner"), FALSE);
  append_field (out, C_("csv", "Review date"), FALSE);
  append_field (out, C_("csv", "Overdue"), FALSE);
  append_field (out, C_("csv", "Note"), FALSE);
  append_field (out, C_("csv", "Link"), FALSE);
  /* Translators: a heading of the policy checklist's CSV export: the
   * document or record that proves an item is in place */
  append_field (out, C_("csv", "Evidence"), TRUE);

  items = pw_policy_get_ordered_items (policy);
  for (guint i = 0; i < items->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (items, i);
      const char *category_id = pw_policy_item_get_category (item);
      const char *category = pw_policy_get_category_name (policy, category_id);

      append_field (out, category != NULL ? category : category_id, FALSE);
      append_field (out, pw_policy_item_get_title (item), FALSE);
      append_field (out, yes_no (pw_policy_item_get_core (item)), FALSE);
      append_field (out, status_name (pw_policy_item_get_status (item)), FALSE);
      append_field (out, pw_policy_item_get_owner (item), FALSE);
      append_field (out, pw_policy_item_get_review_date (item), FALSE);
      append_field (out, yes_no (pw_policy_item_is_overdue (item, today)), FALSE);
      append_field (out, pw_policy_item_get_note (item), FALSE);
      append_field (out, pw_policy_item_get_link (item), FALSE);
      append_field (out, pw_policy_get_item_evidence (policy, item), TRUE);
    }

  return g_string_free_to_bytes (out);
}
