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

/**
 * pw_test_read_csv:
 * @path: a CSV file
 *
 * Reads @path with Python's csv module (strict, UTF-8 with or without a
 * byte order mark), the program $PW_PYTHON3.
 *
 * Returns: (transfer container) (element-type JsonNode): one JSON array of
 *   strings per record
 */
GPtrArray *
pw_test_read_csv (const char *path)
{
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
    "    for row in csv.reader(f, strict=True):\n"
    "        print(json.dumps(row))\n";
  const char *argv[] = { g_getenv ("PW_PYTHON3"), "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      JsonNode *row = json_from_string (lines[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/**
 * pw_test_csv_cell:
 *
 * Returns: the cell at @column of record @row of what pw_test_read_csv()
 *   read, a record of the 10 columns of the policy checklist's export
 */
const char *
pw_test_csv_cell (GPtrArray *rows,
                  guint      row,
                  guint      column)
{
  JsonArray *array = json_node_get_array (g_ptr_array_index (rows, row));

  g_assert_cmpuint (json_array_get_length (array), ==, 10);
  return json_array_get_string_element (array, column);
}

/**
 * pw_test_new_workbook:
 *
 * Returns: (transfer full): a new, empty workbook of the bundled framework
 */
PwWorkbook *
pw_test_new_workbook (void)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);

  return pw_workbook_new (framework);
}

/**
 * pw_test_migrate_fixture:
 * @name: a workbook in tests/fixtures, "larkspur-1.0.phasewise"
 *
 * Returns: (transfer full): the migration of that workbook to the bundled
 *   framework; pw_migration_get_result() is the migrated workbook
 */
PwMigration *
pw_test_migrate_fixture (const char *name)
{
  g_autofree char *path = pw_test_source_path ("tests", "fixtures", name, NULL);
  g_autoptr(PwWorkbook) workbook = pw_test_load_workbook (path);
  g_autoptr(PwFramework) target = NULL;
  g_autoptr(GError) error = NULL;
  PwMigration *migration;

  target = pw_framework_load_bundled (&error);
  g_assert_no_error (error);
  migration = pw_migration_new (workbook, target, &error);
  g_assert_no_error (error);

  return migration;
}
