/* pw-policy-csv.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-policy-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-policy-csv.h"
#include "pw-utils-private.h"

/*
 * The policy checklist as CSV for a spreadsheet, written as every CSV
 * export of Phasewise is (_pw_csv_append_field()).
 */

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
  GString *out = _pw_csv_new ();
  g_autoptr(GPtrArray) items = NULL;
  GDate local_today;

  g_return_val_if_fail (PW_IS_POLICY (policy), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  if (today == NULL)
    today = _pw_date_init_today (&local_today);

  /* Translators: the headings of the policy checklist's CSV export */
  _pw_csv_append_field (out, C_("csv", "Category"), FALSE);
  _pw_csv_append_field (out, C_("csv", "Item"), FALSE);
  _pw_csv_append_field (out, C_("csv", "Core"), FALSE);
  _pw_csv_append_field (out, C_("csv", "Status"), FALSE);
  _pw_csv_append_field (out, C_("csv", "Owner"), FALSE);
  _pw_csv_append_field (out, C_("csv", "Review date"), FALSE);
  _pw_csv_append_field (out, C_("csv", "Overdue"), FALSE);
  _pw_csv_append_field (out, C_("csv", "Note"), FALSE);
  _pw_csv_append_field (out, C_("csv", "Link"), FALSE);
  /* Translators: a heading of the policy checklist's CSV export: the
   * document or record that proves an item is in place */
  _pw_csv_append_field (out, C_("csv", "Evidence"), TRUE);

  items = pw_policy_get_ordered_items (policy);
  for (guint i = 0; i < items->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (items, i);
      const char *category_id = pw_policy_item_get_category (item);
      const char *category = pw_policy_get_category_name (policy, category_id);

      _pw_csv_append_field (out, category != NULL ? category : category_id, FALSE);
      _pw_csv_append_field (out, pw_policy_item_get_title (item), FALSE);
      _pw_csv_append_field (out, yes_no (pw_policy_item_get_core (item)), FALSE);
      _pw_csv_append_field (out, status_name (pw_policy_item_get_status (item)), FALSE);
      _pw_csv_append_field (out, pw_policy_item_get_owner (item), FALSE);
      _pw_csv_append_field (out, pw_policy_item_get_review_date (item), FALSE);
      _pw_csv_append_field (out, yes_no (pw_policy_item_is_overdue (item, today)), FALSE);
      _pw_csv_append_field (out, pw_policy_item_get_note (item), FALSE);
      _pw_csv_append_field (out, pw_policy_item_get_link (item), FALSE);
      _pw_csv_append_field (out, pw_policy_get_item_evidence (policy, item), TRUE);
    }

  return g_string_free_to_bytes (out);
}
