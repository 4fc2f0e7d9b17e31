/* test-migration-ui.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-migration-ui"

#include "config.h"

#include "pw-migration-dialog.h"
#include "pw-test-ui.h"
#include "pw-window.h"
#include "pw-window-private.h"

/*
 * Migrating a workbook to the framework that comes with Phasewise, in the
 * real window under Xvfb, driven through win.migrate-framework and the
 * dialog's migration.* actions.  What the dialog should list is taken from
 * PwMigration, so that the test holds for whichever newer framework is
 * bundled:
 *
 *   /phasewise/migration-ui/migrate  the bar shows; the dialog lists what PwMigration plans and
 *                                    changes nothing; Migrate: the bundled version, the bar
 *                                    gone, a toast; its Undo: the bar back, the same bytes
 *   /phasewise/migration-ui/cancel   Cancel closes the dialog; nothing changed, the bar stays
 *   /phasewise/migration-ui/refused  a migration the core refuses is a message; nothing changes
 */

static PwFramework *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  PwFramework *bundled = pw_framework_load_bundled (&error);

  g_assert_no_error (error);
  return bundled;
}

/* The bundled framework is newer than the one the fixture was answered
 * against, or there is nothing to test */
static gboolean
skip_without_newer_framework (void)
{
  g_autoptr(PwFramework) bundled = load_bundled ();

  if (pw_compare_versions (pw_framework_get_version (bundled), "1.0.0") > 0)
    return FALSE;

  g_test_skip ("The bundled framework is not newer than 1.0.0");
  return TRUE;
}

/* Without asking about unsaved changes */
static void
destroy_window (PwWindow *window)
{
  PwDocument *document = pw_window_get_document (window);

  if (document != NULL)
    pw_workbook_set_modified (pw_document_get_workbook (document), FALSE);
  pw_test_ui_destroy_window (window);
}

/* A window showing a copy of @bytes */
static PwWindow *
open_copy (const char *name,
           GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PwWindow *window = pw_test_ui_new_window ();

  pw_test_write_bytes (path, bytes);
  pw_test_ui_open_file (window, file);
  pw_test_ui_flush ();

  return window;
}

static GBytes *
read_fixture (void)
{
  g_autofree char *path = pw_test_source_path ("tests", "fixtures", "larkspur-1.0.phasewise",
                                               NULL);

  return pw_test_read_bytes (path);
}

static PwMigrationDialog *
find_migration_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PW_IS_MIGRATION_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return PW_MIGRATION_DIALOG (window);
    }

  return NULL;
}

static gboolean
migration_dialog_shown (gpointer data)
{
  return find_migration_dialog () != NULL;
}

static gboolean
migration_dialog_gone (gpointer data)
{
  return find_migration_dialog () == NULL;
}

static gboolean
message_shown (gpointer data)
{
  return pw_test_ui_find_dialog (data) != NULL;
}

/* The rows an expander row lists, not its own header */
static void
collect_rows (GtkWidget *widget,
              gboolean   listed,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean inside = listed || GTK_IS_REVEALER (child);

      if (inside && ADW_IS_ACTION_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, inside, rows);
    }
}

static const char * const change_titles[] = { "Unchanged", "Reworded", "New", "Retired" };

/* The dialog lists every question of the migration under its change, in
 * the migration's order, with the counts */
static void
check_questions (PwMigrationDialog *dialog,
                 PwMigration       *migration)
{
  for (int change = PW_QUESTION_UNCHANGED; change <= PW_QUESTION_RETIRED; change++)
    {
      GtkWidget *expander = pw_test_ui_find_row (GTK_WIDGET (dialog), change_titles[change]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      guint n = pw_migration_count_questions (migration, change);
      g_autofree char *count = g_strdup_printf (n == 1 ? "%u question" : "%u questions", n);
      const char *subtitle;
      guint row = 0;

      g_assert_nonnull (expander);
      g_assert_true (ADW_IS_EXPANDER_ROW (expander));
      subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander));
      g_assert_true (g_str_has_prefix (subtitle, count));
      g_assert_true (subtitle[strlen (count)] == '\0' || subtitle[strlen (count)] == ';');
      if (change == PW_QUESTION_RETIRED && n > 0)
        g_assert_nonnull (strstr (subtitle, "retired answers"));

      collect_rows (expander, FALSE, rows);
      g_assert_cmpuint (rows->len, ==, n);

      for (guint i = 0; i < pw_migration_get_n_questions (migration); i++)
        {
          const PwMigrationQuestion *entry = pw_migration_get_question (migration, i);
          const PwQuestion *question = entry->question ? entry->question : entry->old_question;
          AdwPreferencesRow *shown;

          if (entry->change != (PwQuestionChange) change)
            continue;
          g_assert_cmpuint (row, <, rows->len);
          shown = g_ptr_array_index (rows, row++);
          g_assert_cmpstr (adw_preferences_row_get_title (shown), ==, question->text);
          if (change == PW_QUESTION_REWORDED)
            {
              const char *said = adw_action_row_get_subtitle (ADW_ACTION_ROW (shown));
              const PwQuestion *old = entry->old_question;

              if (g_str_equal (old->text, question->text) && entry->old_ids[1] == NULL)
                g_assert_nonnull (strstr (said, "The question stays; its options or help"));
              else
                g_assert_nonnull (strstr (said, "Before: “"));
            }
        }
      g_assert_cmpuint (row, ==, n);
    }
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)),
                       title) == 0;
}

static char *
expected_change (PwMigration *migration,
                 gboolean     dimension,
                 const PwDimensionScore *before,
                 const PwDimensionScore *after,
                 const PwScore          *before_overall,
                 const PwScore          *after_overall)
{
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;

  if (dimension)
    {
      was = pw_migration_dialog_format_result (pw_migration_get_old_framework (migration), TRUE,
                                               before->has_score, before->score, before->phase);
      now = pw_migration_dialog_format_result (pw_migration_get_new_framework (migration), TRUE,
                                               after->has_score, after->score, after->phase);
    }
  else
    {
      was = pw_migration_dialog_format_result (pw_migration_get_old_framework (migration), FALSE,
                                               before_overall->has_score, before_overall->score,
                                               before_overall->phase);
      now = pw_migration_dialog_format_result (pw_migration_get_new_framework (migration), FALSE,
                                               after_overall->has_score, after_overall->score,
                                               after_overall->phase);
    }

  return g_strdup_printf ("%s → %s", was, now);
}

/* Each assessment's overall result and each dimension's, before → after,
 * with one decimal and the phases' names */
static void
check_results (PwMigrationDialog *dialog,
               PwMigration       *migration)
{
  PwWorkbook *workbook = pw_migration_get_workbook (migration);

  for (guint i = 0; i < pw_migration_get_n_assessments (migration); i++)
    {
      const PwMigrationAssessment *entry = pw_migration_get_assessment (migration, i);
      g_autofree char *heading = pw_result_text_heading (workbook, entry->assessment);
      GtkWidget *group = pw_test_ui_find (GTK_WIDGET (dialog), is_group_titled, heading);
      GtkWidget *row;
      g_autofree char *overall = NULL;

      g_assert_nonnull (group);
      row = pw_test_ui_find_row (group, "Overall");
      g_assert_nonnull (row);
      overall = expected_change (migration, FALSE, NULL, NULL, entry->before, entry->after);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, overall);
      if (entry->before->has_score)
        {
          g_autofree char *score = pw_result_text_score_value (entry->before->score);
          const char *phase = pw_result_text_group_name (pw_migration_get_old_framework (migration),
                                                         entry->before->phase);

          g_assert_true (g_str_has_prefix (overall, score));
          g_assert_nonnull (strstr (overall, phase));
        }

      for (guint d = 0; d < entry->after->n_dimensions; d++)
        {
          const PwDimensionScore *now = &entry->after->dimensions[d];
          const PwDimensionScore *was = pw_score_find_dimension (entry->before,
                                                                 now->dimension->id);
          g_autofree char *expected = NULL;

          row = pw_test_ui_find_row (group, now->dimension->name);
          g_assert_nonnull (row);
          if (was == NULL)
            continue;
          expected = expected_change (migration, TRUE, was, now, NULL, NULL);
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
        }
    }
}

static void
test_migrate (void)
{
  g_autoptr(GBytes) original = read_fixture ();
  g_autoptr(PwFramework) bundled = NULL;
  g_autoptr(PwMigration) expected = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GError) error = NULL;
  PwMigrationDialog *dialog;
  PwDocument *document;
  PwWorkbook *workbook;
  PwWindow *window;
  GtkWidget *button;
  const char *text;

  if (skip_without_newer_framework ())
    return;

  bundled = load_bundled ();
  window = open_copy ("larkspur.phasewise", original);
  document = pw_window_get_document (window);
  workbook = pw_document_get_workbook (document);
  opened = pw_workbook_serialize (workbook);

  /* The bar says which versions, and the button is there to press */
  g_assert_true (gtk_revealer_get_reveal_child (window->migration_bar));
  text = gtk_label_get_label (window->migration_label);
  g_assert_true (g_str_has_prefix (text, "This workbook uses version 1.0.0 of the framework; "));
  g_assert_nonnull (strstr (text, pw_framework_get_version (bundled)));
  button = pw_test_ui_find_button (GTK_WIDGET (window), "win.migrate-framework");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Review Migration…");

  expected = pw_migration_new (workbook, bundled, &error);
  g_assert_no_error (error);

  /* The dialog shows the plan, and nothing changes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.migrate-framework", NULL));
  pw_test_ui_wait (migration_dialog_shown, NULL, "the migration dialog");
  dialog = find_migration_dialog ();
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  check_questions (dialog, expected);
  check_results (dialog, expected);
  g_assert_true (pw_document_get_workbook (document) == workbook);
  {
    g_autoptr(GBytes) now = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (now, opened));
  }
  g_assert_false (pw_document_get_modified (document));

  /* Migrate */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "migration.migrate", NULL));
  pw_test_ui_wait (migration_dialog_gone, NULL, "the migration dialog to close");
  pw_test_ui_flush ();
  g_assert_false (pw_document_get_workbook (document) == workbook);
  g_assert_cmpstr (pw_framework_get_version (pw_workbook_get_framework (
                     pw_document_get_workbook (document))), ==,
                   pw_framework_get_version (bundled));
  g_assert_true (pw_document_get_modified (document));
  g_assert_false (gtk_revealer_get_reveal_child (window->migration_bar));
  g_assert_false (gtk_widget_is_sensitive (button));
  {
    g_autofree char *toast = g_strdup_printf ("Migrated to version %s of the framework",
                                              pw_framework_get_version (bundled));

    pw_test_ui_wait_for_toast (window, toast);
  }

  /* The toast's Undo: the bar back, the workbook as it was, byte for byte */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-toast", NULL));
  pw_test_ui_flush ();
  g_assert_true (pw_document_get_workbook (document) == workbook);
  g_assert_true (gtk_revealer_get_reveal_child (window->migration_bar));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_false (pw_document_get_modified (document));
  {
    g_autoptr(GBytes) now = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (now, opened));
    g_assert_true (g_bytes_equal (now, original));
  }

  destroy_window (window);
}

static void
test_cancel (void)
{
  g_autoptr(GBytes) original = read_fixture ();
  PwMigrationDialog *dialog;
  PwDocument *document;
  PwWorkbook *workbook;
  PwWindow *window;

  if (skip_without_newer_framework ())
    return;

  window = open_copy ("larkspur-cancel.phasewise", original);
  document = pw_window_get_document (window);
  workbook = pw_document_get_workbook (document);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.migrate-framework", NULL));
  pw_test_ui_wait (migration_dialog_shown, NULL, "the migration dialog");
  dialog = find_migration_dialog ();
  g_assert_nonnull (pw_test_ui_find_button (GTK_WIDGET (dialog), "migration.cancel"));
  /* What Cancel and Escape do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "migration.cancel", NULL));
  pw_test_ui_wait (migration_dialog_gone, NULL, "the migration dialog to close");
  pw_test_ui_flush ();

  g_assert_true (pw_document_get_workbook (document) == workbook);
  g_assert_false (pw_document_get_modified (document));
  g_assert_false (pw_history_get_can_undo (pw_document_get_history (document)));
  g_assert_true (gtk_revealer_get_reveal_child (window->migration_bar));
  {
    g_autoptr(GBytes) now = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (now, original));
  }

  destroy_window (window);
}

/* The fixture with a policy item of its own framework's, recorded in the
 * workbook, that the bundled framework does not have */
static GBytes *
make_unmigratable (void)
{
  g_autoptr(GBytes) bytes = read_fixture ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *category, *item, *status;
  char *text;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  category = json_array_get_object_element (
    json_object_get_array_member (
      json_object_get_object_member (json_object_get_object_member (root, "framework"), "policy"),
      "categories"), 0);
  item = json_object_new ();
  json_object_set_string_member (item, "id", "scope-only-in-1-0");
  json_object_set_string_member (item, "title", "An item only version 1.0.0 has");
  json_object_set_string_member (item, "description", "Made for the test.");
  json_object_set_boolean_member (item, "core", FALSE);
  json_array_add_object_element (json_object_get_array_member (category, "items"), item);

  status = json_object_new ();
  json_object_set_string_member (status, "status", "drafting");
  json_object_set_object_member (
    json_object_get_object_member (json_object_get_object_member (root, "policy"), "items"),
    "scope-only-in-1-0", status);

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

static void
test_refused (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) opened = NULL;
  AdwMessageDialog *message;
  PwDocument *document;
  PwWorkbook *workbook;
  PwWindow *window;

  if (skip_without_newer_framework ())
    return;

  bytes = make_unmigratable ();
  window = open_copy ("larkspur-refused.phasewise", bytes);
  document = pw_window_get_document (window);
  workbook = pw_document_get_workbook (document);
  opened = pw_workbook_serialize (workbook);
  g_assert_true (gtk_revealer_get_reveal_child (window->migration_bar));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.migrate-framework", NULL));
  pw_test_ui_wait (message_shown, "Cannot Migrate the Workbook", "the message");
  message = pw_test_ui_find_dialog ("Cannot Migrate the Workbook");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "“scope-only-in-1-0”"));
  g_assert_null (find_migration_dialog ());
  pw_test_ui_respond ("Cannot Migrate the Workbook", "close");
  pw_test_ui_flush ();

  g_assert_true (pw_document_get_workbook (document) == workbook);
  g_assert_false (pw_document_get_modified (document));
  g_assert_true (gtk_revealer_get_reveal_child (window->migration_bar));
  {
    g_autoptr(GBytes) now = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (now, opened));
  }

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-migration-ui");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phasewise/migration-ui/migrate", test_migrate);
  g_test_add_func ("/phasewise/migration-ui/cancel", test_cancel);
  g_test_add_func ("/phasewise/migration-ui/refused", test_refused);

  return g_test_run ();
}
