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
