/* pw-test-core.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-test-core"

#include "config.h"

#include "pw-test-core.h"

/**
 * pw_test_load_workbook:
 * @path: a workbook that must load
 *
 * Returns: (transfer full): the workbook of @path, unmodified
 */
PwWorkbook *
pw_test_load_workbook (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PwWorkbook *workbook;

  workbook = pw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  g_assert_false (pw_workbook_get_modified (workbook));

  return workbook;
}

/**
 * pw_test_load_example:
 *
 * Returns: (transfer full): the bundled example workbook
 */
PwWorkbook *
pw_test_load_example (void)
{
  g_autofree char *path = pw_test_example_path ();

  return pw_test_load_workbook (path);
}

/**
 * pw_test_get_session:
 *
 * Returns: (transfer none): the one session of the test program's
 *   documents, which keeps no drafts (autosave off); it lives as long as
 *   the program
 */
PwSession *
pw_test_get_session (void)
{
  static PwSession *session;

  if (session == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (PW_SETTINGS_SCHEMA);

      g_settings_set_boolean (settings, "autosave", FALSE);
      session = pw_session_new (settings, NULL);
    }

  return session;
}

/**
 * pw_test_set_status:
 *
 * Changes the status of @item as of 1 January 2000, before the date of
 * every assessment the tests make, with a reason when it does not apply.
 */
void
pw_test_set_status (PwPolicyItem   *item,
                    PwPolicyStatus  status)
{
  g_autoptr(GError) error = NULL;

  pw_policy_item_change_status (item, status,
                                status == PW_POLICY_NOT_APPLICABLE ? "Does not apply here" : NULL,
                                "2000-01-01", NULL, &error);
  g_assert_no_error (error);
}
