/* test-team-import-dialog.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The preview of a team import (pw-team-import-dialog.c) under Xvfb: it
 * shows what the file will add and every row it cannot read, changes
 * nothing until Import, and then adds everything as one undo step.
 *
 *   /phasewise/team-import-dialog/preview    the teams, their lines, the problems, the summary
 *   /phasewise/team-import-dialog/no-problems  the section of problems is hidden
 *   /phasewise/team-import-dialog/no-teams   Import is insensitive and does nothing
 *   /phasewise/team-import-dialog/cancel     Cancel and Escape close it; the map is unchanged
 *   /phasewise/team-import-dialog/apply      Import adds the teams as one undo step, “imported”
 *   /phasewise/team-import-dialog/many       10,000 rows open
 *   /phasewise/team-import-dialog/run-file   reading a file: the dialog, or “Could Not Import
 *                                            Teams”
 *   /phasewise/team-import-dialog/run        the file chooser, cancelled: nothing happens
 *   /phasewise/team-import-dialog/render     drawn in light and dark (PNGs into
 *                                            $PW_TEST_PNG_DIR when it is set)
 */

#define G_LOG_DOMAIN "test-team-import-dialog"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-team-import-dialog.h"
#include "pw-test-ui.h"

#define PREVIEW_CSV \
  "name,kind,function,region,parent\n"          /* 1 */ \
  "Social Hub,hub,Communication,Global,\n"      /* 2 */ \
  ",spoke,,,\n"                                 /* 3: no name */ \
  "Sales EMEA,spoke,Sales,EMEA,Social Hub\n"    /* 4 */ \
  "Support,hubb,,,\n"                           /* 5: no such kind */ \
  "Press,,PR,,Existing Hub\n"                   /* 6 */

/* ------------------------------------------------------------------------
 * Helpers
 */

static PwWorkbook *
new_workbook (void)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);

  return pw_workbook_new (framework);
}

static void
add_map_team (PwOrgMap   *map,
              PwTeamKind  kind,
              const char *name)
{
  g_autofree char *id = pw_org_map_new_team_id (map);
  g_autoptr(PwTeam) team = pw_team_new (id, kind, name);

  pw_org_map_add_team (map, team);
}

static guint
count_teams (PwWorkbook *workbook)
{
  return g_list_model_get_n_items (pw_org_map_get_teams (pw_workbook_get_org_map (workbook)));
}

static PwTeamImport *
import_text (PwWorkbook *workbook,
             const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PwTeamImport *import = pw_team_import_new (pw_workbook_get_org_map (workbook), bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Opens the dialog for @text, shown and laid out. */
static PwTeamImportDialog *
open_dialog (PwWorkbook *workbook,
             const char *text)
{
  g_autoptr(PwTeamImport) import = import_text (workbook, text);
  PwTeamImportDialog *dialog = pw_team_import_dialog_new (NULL, workbook, import, "teams.csv");

  gtk_window_present (GTK_WINDOW (dialog));
  pw_test_ui_wait (is_mapped, dialog, "the dialog to be shown");
  pw_test_ui_flush ();

  return dialog;
}

static void
destroy_and_wait (GtkWidget *widget)
{
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  gtk_window_destroy (GTK_WINDOW (widget));
  pw_test_ui_flush ();
  g_assert_null (widget);
}

static gboolean
is_gone (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static GtkWidget *
get_import_button (PwTeamImportDialog *dialog)
{
  GtkWidget *button = pw_test_ui_find_button (GTK_WIDGET (dialog), "import.apply");

  g_assert_nonnull (button);
  return button;
}

static gboolean
is_inscription_reading (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

/* The cell of the list of teams reading @text, on screen */
static GtkWidget *
find_cell (PwTeamImportDialog *dialog,
           const char         *text)
{
  return pw_test_ui_find (GTK_WIDGET (dialog), is_inscription_reading, text);
}

/* The row of the list of teams that holds @name: the texts of its cells */
static char *
get_row_text (PwTeamImportDialog *dialog,
              const char         *name)
{
  GtkWidget *cell = find_cell (dialog, name);
  GtkWidget *row;
  GString *text = g_string_new (NULL);

  g_assert_nonnull (cell);
  /* inscription → cell → row */
  row = gtk_widget_get_parent (gtk_widget_get_parent (cell));
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inscription = pw_test_ui_find_widget (child, GTK_TYPE_INSCRIPTION);

      g_assert_nonnull (inscription);
      if (text->len > 0)
        g_string_append (text, " | ");
      g_string_append (text, gtk_inscription_get_text (GTK_INSCRIPTION (inscription)));
    }

  return g_string_free (text, FALSE);
}

static GListModel *
get_teams_model (PwTeamImportDialog *dialog)
{
  GtkWidget *view = pw_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (view);
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
}

static gboolean
is_problems_view (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "pw-import-problems");
}

static GtkWidget *
get_problems_view (PwTeamImportDialog *dialog)
{
  GtkWidget *view = pw_test_ui_find (GTK_WIDGET (dialog), is_problems_view, NULL);

  g_assert_nonnull (view);
  return view;
}

static void
count_imported_cb (PwTeamImportDialog *dialog,
                   guint               n_teams,
                   guint              *imported)
{
  g_assert_cmpuint (*imported, ==, 0);
  *imported = n_teams;
}

/* ------------------------------------------------------------------------
 * The dialog
 */

static void
test_preview (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwTeamImportDialog *dialog;
  GtkWidget *button;
  GtkWidget *problems;
  GListModel *teams;
  GtkLabel *label;

  add_map_team (pw_workbook_get_org_map (workbook), PW_TEAM_HUB, "Existing Hub");
  dialog = open_dialog (workbook, PREVIEW_CSV);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import Teams");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (dialog), "teams.csv"));
  label = pw_test_ui_find_label (GTK_WIDGET (dialog), "3 teams will be added");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "3 teams will be added, 2 rows cannot be read");

  /* one row per team to add, in the order of the file, with its line */
  teams = get_teams_model (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 3);
  {
    g_autofree char *hub = get_row_text (dialog, "Social Hub");
    g_autofree char *sales = get_row_text (dialog, "Sales EMEA");
    g_autofree char *press = get_row_text (dialog, "Press");

    g_assert_cmpstr (hub, ==, "2 | Social Hub | Hub | Communication | Global | —");
    g_assert_cmpstr (sales, ==, "4 | Sales EMEA | Spoke | Sales | EMEA | Social Hub");
    g_assert_cmpstr (press, ==, "6 | Press | Spoke | PR | — | Existing Hub");
  }
  /* the rows that cannot be read are not among them */
  g_assert_null (find_cell (dialog, "Support"));

  /* every problem with its line */
  problems = get_problems_view (dialog);
  g_assert_true (gtk_widget_get_mapped (problems));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (problems)))), ==, 2);
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (dialog), "Rows That Cannot Be Read"));
  label = pw_test_ui_find_label (problems, "Line 3: ");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "the name is empty"));
  label = pw_test_ui_find_label (problems, "Line 5: ");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "hubb"));

  /* Import names the count, is the default and has the focus */
  button = get_import_button (dialog);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Import 3 Teams");
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == button);
  g_assert_true (gtk_widget_has_focus (button));

  /* nothing changed yet */
  g_assert_cmpuint (count_teams (workbook), ==, 1);
  destroy_and_wait (GTK_WIDGET (dialog));
  g_assert_cmpuint (count_teams (workbook), ==, 1);
}

static void
test_no_problems (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwTeamImportDialog *dialog = open_dialog (workbook, "name\nOne\n");
  GtkWidget *button = get_import_button (dialog);

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Import 1 Team");
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (dialog), "1 team will be added"));
  g_assert_false (gtk_widget_get_mapped (get_problems_view (dialog)));
  g_assert_null (pw_test_ui_find_label (GTK_WIDGET (dialog), "Rows That Cannot Be Read"));
  destroy_and_wait (GTK_WIDGET (dialog));
}

static void
test_no_teams (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwTeamImportDialog *dialog = open_dialog (workbook, "name,kind\nA,hubb\nB,spoek\n");
  GtkWidget *button = get_import_button (dialog);
  guint imported = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (count_imported_cb), &imported);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Import");
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (dialog),
                                           "No teams will be added, 2 rows cannot be read"));
  g_assert_null (pw_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_INSCRIPTION));
  g_assert_nonnull (pw_test_ui_find_label (get_problems_view (dialog), "Line 2: "));
  g_assert_nonnull (pw_test_ui_find_label (get_problems_view (dialog), "Line 3: "));

  /* the action, disabled, does nothing either */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  pw_test_ui_flush ();
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (count_teams (workbook), ==, 0);
  destroy_and_wait (GTK_WIDGET (dialog));

  /* a file of only its header */
  dialog = open_dialog (workbook, "name,kind\n");
  g_assert_false (gtk_widget_is_sensitive (get_import_button (dialog)));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (dialog), "No teams will be added: "));
  destroy_and_wait (GTK_WIDGET (dialog));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The shortcut of @widget's own controllers that @keyval without modifiers
 * triggers */
static GtkShortcut *
find_shortcut (GtkWidget *widget,
               guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return shortcut;
        }
    }

  return NULL;
}

static void
test_cancel (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwHistory) history = pw_history_new ();
  g_autoptr(PwRecorder) recorder = pw_recorder_new (workbook, history);
  g_autoptr(GBytes) before = pw_workbook_serialize (workbook);
  guint imported = 0;

  /* the Cancel button */
  {
    PwTeamImportDialog *dialog = open_dialog (workbook, PREVIEW_CSV);
    GtkWidget *cancel = pw_test_ui_find (GTK_WIDGET (dialog), is_button_labelled, "_Cancel");

    g_signal_connect (dialog, "imported", G_CALLBACK (count_imported_cb), &imported);
    g_assert_nonnull (cancel);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    gtk_widget_activate (cancel);
    pw_test_ui_wait (is_gone, &dialog, "the dialog to close");
  }

  /* Escape: the dialog's shortcut for it, activated */
  {
    PwTeamImportDialog *dialog = open_dialog (workbook, PREVIEW_CSV);
    GtkShortcut *escape = find_shortcut (GTK_WIDGET (dialog), GDK_KEY_Escape);

    g_assert_nonnull (escape);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0,
                                                 GTK_WIDGET (dialog), NULL));
    pw_test_ui_wait (is_gone, &dialog, "the dialog to close");
  }

  /* closing the window */
  {
    PwTeamImportDialog *dialog = open_dialog (workbook, PREVIEW_CSV);

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    gtk_window_close (GTK_WINDOW (dialog));
    pw_test_ui_wait (is_gone, &dialog, "the dialog to close");
  }

  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (count_teams (workbook), ==, 0);
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 0);
  {
    g_autoptr(GBytes) after = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_apply (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwHistory) history = pw_history_new ();
  g_autoptr(PwRecorder) recorder = NULL;
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  PwTeamImportDialog *dialog;
  PwTeamImport *import;
  guint imported = 0;

  add_map_team (map, PW_TEAM_HUB, "Existing Hub");
  recorder = pw_recorder_new (workbook, history);

  dialog = open_dialog (workbook, PREVIEW_CSV);
  import = g_object_ref (pw_team_import_dialog_get_import (dialog));
  g_signal_connect (dialog, "imported", G_CALLBACK (count_imported_cb), &imported);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* what the Import button does */
  gtk_widget_activate (get_import_button (dialog));
  pw_test_ui_wait (is_gone, &dialog, "the dialog to close");

  g_assert_cmpuint (imported, ==, 3);
  g_assert_cmpuint (count_teams (workbook), ==, 4);
  /* the last teams of the map are the import's */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (pw_org_map_get_teams (map), 1 + i);

      g_assert_true (team == pw_team_import_get_team (import, i));
    }
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_links (map)), ==, 2);

  /* one undo step takes it all back */
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "Import Teams");
  g_assert_true (pw_history_undo (history));
  g_assert_cmpuint (count_teams (workbook), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_links (map)), ==, 0);

  /* pw_team_import_dialog_apply() itself */
  {
    g_autoptr(GString) text = g_string_new ("name\n");

    imported = 0;
    g_string_append (text, "Alpha\nBeta\n");
    dialog = open_dialog (workbook, text->str);
    g_signal_connect (dialog, "imported", G_CALLBACK (count_imported_cb), &imported);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    pw_team_import_dialog_apply (dialog);
    pw_test_ui_wait (is_gone, &dialog, "the dialog to close");
    g_assert_cmpuint (imported, ==, 2);
    g_assert_cmpuint (count_teams (workbook), ==, 3);
  }

  g_object_unref (import);
}

static void
test_many (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(GString) text = g_string_new ("name,kind,parent\nBig Hub,hub,\n");
  PwTeamImportDialog *dialog;

  for (guint i = 1; i < 10000; i++)
    g_string_append_printf (text, "Team %u,,Big Hub\n", i);

  dialog = open_dialog (workbook, text->str);
  g_assert_cmpuint (g_list_model_get_n_items (get_teams_model (dialog)), ==, 10000);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_import_button (dialog))), ==,
                   "_Import 10000 Teams");
  g_assert_nonnull (find_cell (dialog, "Big Hub"));
  /* only what is on screen is made */
  g_assert_null (find_cell (dialog, "Team 9999"));
  destroy_and_wait (GTK_WIDGET (dialog));
  g_assert_cmpuint (count_teams (workbook), ==, 0);
}

/* ------------------------------------------------------------------------
 * The whole flow
 */

static void
done_cb (guint    n_teams,
         gpointer user_data)
{
  guint *done = user_data;

  g_assert_cmpuint (*done, ==, 0);
  *done = n_teams;
}

static gboolean
is_import_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PW_IS_TEAM_IMPORT_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(gpointer *) data = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_dialog_shown (gpointer heading)
{
  return pw_test_ui_find_dialog (heading) != NULL;
}

static GFile *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Reads @file for a window, and checks the message dialog that says why
 * nothing can be imported from it. */
static void
assert_cannot_import (GtkWindow  *parent,
                      PwWorkbook *workbook,
                      GFile      *file,
                      const char *part)
{
  g_autofree char *basename = g_file_get_basename (file);
  AdwMessageDialog *message;
  const char *body;
  guint done = 0;

  pw_team_import_dialog_run_file (parent, workbook, file, done_cb, &done);
  pw_test_ui_wait (is_dialog_shown, (gpointer) "Could Not Import Teams",
                   "the dialog “Could Not Import Teams”");
  message = pw_test_ui_find_dialog ("Could Not Import Teams");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == parent);
  body = adw_message_dialog_get_body (message);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, basename));
  g_assert_nonnull (strstr (body, part));
  pw_test_ui_respond ("Could Not Import Teams", "close");
  g_assert_cmpuint (done, ==, 0);
  g_assert_cmpuint (count_teams (workbook), ==, 0);
}

static void
test_run_file (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autofree char *dir = g_dir_make_tmp ("phasewise-import-XXXXXX", NULL);
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  PwTeamImportDialog *dialog = NULL;
  guint done = 0;

  gtk_window_present (parent);
  pw_test_ui_wait (is_mapped, parent, "the window to be shown");

  /* a file that can be read: the dialog, and done when imported */
  {
    g_autoptr(GFile) file = write_file (dir, "Teams of 2026.csv",
                                        "name,kind\nHub,hub\nSpoke,\nBad,hubb\n");

    pw_team_import_dialog_run_file (parent, workbook, file, done_cb, &done);
    pw_test_ui_wait (is_import_dialog_shown, &dialog, "the import dialog");
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
    g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (dialog), "Teams of 2026.csv"));
    g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (dialog),
                                             "2 teams will be added, 1 row cannot be read"));
    g_assert_cmpuint (count_teams (workbook), ==, 0);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    gtk_widget_activate (get_import_button (dialog));
    pw_test_ui_wait (is_gone, &dialog, "the dialog to close");
    g_assert_cmpuint (done, ==, 2);
    g_assert_cmpuint (count_teams (workbook), ==, 2);
  }

  /* …cancelled: done is not called */
  {
    g_autoptr(GFile) file = write_file (dir, "more.csv", "name\nThird\n");

    done = 0;
    pw_team_import_dialog_run_file (parent, workbook, file, done_cb, &done);
    pw_test_ui_wait (is_import_dialog_shown, &dialog, "the import dialog");
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
    pw_test_ui_wait (is_gone, &dialog, "the dialog to close");
    g_assert_cmpuint (done, ==, 0);
    g_assert_cmpuint (count_teams (workbook), ==, 2);
  }

  /* files that cannot be read at all */
  {
    g_autoptr(PwWorkbook) other = new_workbook ();
    g_autoptr(GFile) empty = write_file (dir, "empty.csv", "");
    g_autoptr(GFile) no_name = write_file (dir, "no-name.csv", "kind,parent\nhub,\n");
    g_autoptr(GFile) missing = g_file_new_build_filename (dir, "missing.csv", NULL);
    g_autofree char *large_path = g_build_filename (dir, "large.csv", NULL);
    g_autoptr(GFile) large = g_file_new_for_path (large_path);

    assert_cannot_import (parent, other, empty, "The file is empty");
    assert_cannot_import (parent, other, no_name, "names no “name” column");
    assert_cannot_import (parent, other, missing, "No such file");

    /* over the limit: refused from its size, without reading it (a sparse
     * file of no data) */
    {
      FILE *f = g_fopen (large_path, "w");

      g_assert_nonnull (f);
      g_assert_cmpint (fseek (f, PW_TEAM_IMPORT_MAX_BYTES, SEEK_SET), ==, 0);
      g_assert_cmpint (fputc ('\n', f), ==, '\n');
      g_assert_cmpint (fclose (f), ==, 0);
    }
    assert_cannot_import (parent, other, large, "larger than 20 MB");
    g_unlink (large_path);

    /* the files stay as they were, and so does the first workbook */
    g_assert_cmpuint (count_teams (workbook), ==, 2);
    {
      g_autofree char *path = g_file_get_path (empty);

      g_unlink (path);
      g_free (path);
      path = g_file_get_path (no_name);
      g_unlink (path);
    }
  }

  /* the window goes while the file is read: nothing is shown, nothing leaks */
  {
    g_autoptr(GFile) file = write_file (dir, "late.csv", "name\nLate\n");
    GtkWindow *window = GTK_WINDOW (gtk_window_new ());

    done = 0;
    gtk_window_present (window);
    pw_team_import_dialog_run_file (window, workbook, file, done_cb, &done);
    gtk_window_destroy (window);
    pw_test_ui_flush ();
    g_assert_false (is_import_dialog_shown (&dialog));
    g_assert_null (pw_test_ui_find_dialog (NULL));
  }

  {
    g_autofree char *path = g_build_filename (dir, "Teams of 2026.csv", NULL);

    g_unlink (path);
    g_free (path);
    path = g_build_filename (dir, "more.csv", NULL);
    g_unlink (path);
    g_free (path);
    path = g_build_filename (dir, "late.csv", NULL);
    g_unlink (path);
  }
  g_rmdir (dir);
  destroy_and_wait (GTK_WIDGET (parent));
}

static gboolean
is_file_chooser_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(gpointer *) data = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_no_chooser_shown (gpointer data)
{
  gpointer chooser;

  return !is_file_chooser_shown (&chooser);
}

static void
test_run (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkWindow *chooser = NULL;
  g_autoptr(GListModel) filters = NULL;
  guint done = 0;

  gtk_window_present (parent);
  pw_test_ui_wait (is_mapped, parent, "the window to be shown");

  /* without a portal, GtkFileChooserNative shows GTK's own dialog */
  pw_team_import_dialog_run (parent, workbook, done_cb, &done);
  pw_test_ui_wait (is_file_chooser_shown, &chooser, "the file chooser");
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Import Teams");
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  {
    g_autoptr(GtkFileFilter) csv = g_list_model_get_item (filters, 0);
    g_autoptr(GtkFileFilter) all = g_list_model_get_item (filters, 1);

    g_assert_cmpstr (gtk_file_filter_get_name (csv), ==, "CSV Files");
    g_assert_cmpstr (gtk_file_filter_get_name (all), ==, "All Files");
  }

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  pw_test_ui_wait (is_no_chooser_shown, NULL, "the file chooser to close");
  pw_test_ui_flush ();
  g_assert_null (pw_test_ui_find_dialog (NULL));
  g_assert_false (is_import_dialog_shown (&chooser));
  g_assert_cmpuint (done, ==, 0);
  g_assert_cmpuint (count_teams (workbook), ==, 0);
  destroy_and_wait (GTK_WIDGET (parent));
}

/* ------------------------------------------------------------------------
 * How it looks
 */

static gboolean
is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) == GPOINTER_TO_INT (data);
}

/* Draws @widget with cairo and returns how many of its pixels differ from
 * the first: it is not blank. */
static guint
render (GtkWidget  *widget,
        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *dir = g_getenv ("PW_TEST_PNG_DIR");
  guint32 *pixels;
  int stride;
  guint differ = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixels[y * stride + x] != pixels[(height / 2) * stride + width / 2])
        differ++;

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("%s", path);
    }
  cairo_surface_destroy (surface);

  return differ;
}

static void
test_render (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  PwTeamImportDialog *dialog;

  add_map_team (pw_workbook_get_org_map (workbook), PW_TEAM_HUB, "Existing Hub");
  dialog = open_dialog (workbook,
                        PREVIEW_CSV
                        "Customer Service Centre of Excellence for the Nordic Countries,"
                        "spoke,Customer service,Nordics,Social Hub\n"
                        "HR,spoke,People,DACH,Social Hub\n"
                        "Marketing,spoke,Marketing,Americas,Existing Hub\n"
                        "Legal,hub,Legal,Global,\n"
                        "Legal,spoke,,,\n");
  g_assert_cmpuint (render (GTK_WIDGET (dialog), "import.png"), >, 1000);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  pw_test_ui_wait (is_dark, GINT_TO_POINTER (TRUE), "the dark style");
  pw_test_ui_flush ();
  g_assert_cmpuint (render (GTK_WIDGET (dialog), "import-dark.png"), >, 1000);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  pw_test_ui_wait (is_dark, GINT_TO_POINTER (FALSE), "the light style");

  destroy_and_wait (GTK_WIDGET (dialog));

  /* no teams: the problems take the room */
  dialog = open_dialog (workbook, "name,kind\nA,hubb\nB,spoek\n,\"\n");
  g_assert_cmpuint (render (GTK_WIDGET (dialog), "import-no-teams.png"), >, 1000);
  destroy_and_wait (GTK_WIDGET (dialog));
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-import");

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  pw_test_ui_load_style ();

  g_test_add_func ("/phasewise/team-import-dialog/preview", test_preview);
  g_test_add_func ("/phasewise/team-import-dialog/no-problems", test_no_problems);
  g_test_add_func ("/phasewise/team-import-dialog/no-teams", test_no_teams);
  g_test_add_func ("/phasewise/team-import-dialog/cancel", test_cancel);
  g_test_add_func ("/phasewise/team-import-dialog/apply", test_apply);
  g_test_add_func ("/phasewise/team-import-dialog/many", test_many);
  g_test_add_func ("/phasewise/team-import-dialog/run-file", test_run_file);
  g_test_add_func ("/phasewise/team-import-dialog/run", test_run);
  g_test_add_func ("/phasewise/team-import-dialog/render", test_render);

  return g_test_run ();
}
