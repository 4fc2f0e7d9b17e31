/* test-window.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <signal.h>
#include <glib/gstdio.h>

#include "pw-application.h"
#include "pw-assess-page.h"
#include "pw-result-view.h"
#include "pw-window.h"
#include "pw-wizard.h"

/*
 * The real window, under Xvfb, driven through its actions as a user drives
 * it: open the example, walk a whole assessment, compare what the result
 * shows with what the core computes, save and reopen; the unsaved-changes
 * guard; a broken file; a draft left by a crash offered back.
 */

static PwApplication *app;

static void
iterate_until (gboolean (*condition) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting");
    }
}

static gboolean
window_idle (gpointer data)
{
  return !pw_window_get_busy (data);
}

static void
iterate_a_little (void)
{
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_a_little ();
}

/* Created inside the first test, where the isolated data folders exist. */
static void
ensure_app (void)
{
  if (app != NULL)
    return;

  app = pw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
}

static PwWindow *
new_window (void)
{
  PwWindow *window;

  ensure_app ();
  window = pw_window_new (ADW_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  iterate_a_little ();

  return window;
}

static void
destroy_window (PwWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_a_little ();
  g_assert_null (window);
}

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("PW_SOURCE_ROOT"), "data", "examples", "larkspur.phasewise",
                           NULL);
}

static PwWizard *
current_wizard (PwWindow *window)
{
  GtkWidget *wizard = pw_assess_page_get_wizard (PW_ASSESS_PAGE (pw_window_get_assess_page (window)));

  g_assert_true (PW_IS_WIZARD (wizard));

  return PW_WIZARD (wizard);
}

/* The example opens from the welcome page as an unsaved copy, showing the
 * latest round's result. */
static void
test_open_example (void)
{
  PwWindow *window = new_window ();
  PwWizard *wizard;
  PwWorkbook *workbook;

  g_assert_true (pw_window_is_empty (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  iterate_a_little ();

  workbook = pw_window_get_workbook (window);
  g_assert_nonnull (workbook);
  g_assert_null (pw_window_get_file (window));
  g_assert_false (pw_workbook_get_modified (workbook));
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (workbook)), ==, 2);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Larkspur"));

  wizard = current_wizard (window);
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, pw_wizard_get_n_pages (wizard) - 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (wizard), PW_TYPE_RESULT_VIEW));

  /* Deleting the latest round asks first, and leaves a valid workbook. */
  gtk_widget_activate_action (pw_window_get_assess_page (window), "assess.delete", NULL);
  iterate_a_little ();
  respond ("cancel");
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (workbook)), ==, 2);
  gtk_widget_activate_action (pw_window_get_assess_page (window), "assess.delete", NULL);
  iterate_a_little ();
  respond ("delete");
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (workbook)), ==, 1);
  g_assert_true (pw_assess_page_get_selected (PW_ASSESS_PAGE (pw_window_get_assess_page (window)))
                 == pw_workbook_find_assessment (workbook, "assessment-1"));
  {
    g_autoptr(GBytes) bytes = pw_workbook_serialize (workbook);
    g_autoptr(GError) error = NULL;
    g_autoptr(PwWorkbook) reloaded = pw_workbook_load_from_bytes (bytes, &error);

    g_assert_no_error (error);
  }
  pw_workbook_set_modified (workbook, FALSE);

  /* Preferences, shortcuts and About open over it, and close again. */
  {
    const char *actions[] = { "app.preferences", "app.about" };
    GtkShortcutsWindow *overlay;

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        GListModel *toplevels = gtk_window_get_toplevels ();
        guint before = g_list_model_get_n_items (toplevels);
        g_autoptr(GtkWindow) opened = NULL;

        g_test_message ("opening %s", actions[i]);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
        iterate_a_little ();
        g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
        opened = g_list_model_get_item (toplevels, before);
        g_assert_true (GTK_IS_WINDOW (opened));
        g_assert_true (gtk_widget_get_visible (GTK_WIDGET (opened)));
        gtk_window_destroy (opened);
        iterate_a_little ();
      }

    overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
    g_assert_nonnull (overlay);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                               NULL));
    iterate_a_little ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  }

  destroy_window (window);
}

static gboolean
file_loaded (gpointer data)
{
  return pw_window_get_workbook (data) != NULL && !pw_window_get_busy (data);
}

/* A whole assessment through the wizard's actions, the result the core's,
 * saved, reopened, equal. */
static void
test_walk_wizard_save_reopen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phasewise-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "walked.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) reopened = NULL;
  g_autoptr(PwScore) score = NULL;
  g_autofree char *expected = NULL;
  PwWindow *window = new_window ();
  PwWindow *second;
  PwWorkbook *workbook;
  PwFramework *framework;
  PwAssessment *assessment;
  PwResultView *result;
  PwWizard *wizard;
  guint n_questions = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  iterate_a_little ();
  workbook = pw_window_get_workbook (window);
  framework = pw_workbook_get_framework (workbook);

  gtk_widget_activate_action (pw_window_get_assess_page (window), "assess.new", NULL);
  iterate_a_little ();
  assessment = pw_assess_page_get_selected (PW_ASSESS_PAGE (pw_window_get_assess_page (window)));
  g_assert_cmpstr (pw_assessment_get_id (assessment), ==, "assessment-3");
  wizard = current_wizard (window);
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, 0);

  /* Page by page, every question answered; some don't know or n/a. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      g_assert_cmpuint (pw_wizard_get_page (wizard), ==, d + 1);
      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
          const char *phases[] = { "1", "2", "3", "4", "5" };
          const char *choice = phases[(d + q) % 5];

          if (n_questions == 7)
            choice = "dont-know";
          else if (n_questions == 11)
            choice = "not-applicable";
          gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)",
                                      question->id, choice);
          n_questions++;
        }
      gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
      iterate_a_little ();
    }

  /* The review, then the result. */
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, pw_wizard_get_n_pages (wizard) - 2);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  iterate_a_little ();
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, pw_wizard_get_n_pages (wizard) - 1);

  g_assert_cmpuint (pw_assessment_get_n_answers (assessment), ==, n_questions);
  g_assert_cmpint (pw_answer_get_kind (pw_assessment_lookup_answer (assessment, "strategy-1")),
                   ==, PW_ANSWER_OPTION);
  g_assert_true (pw_workbook_get_modified (workbook));

  score = pw_score_compute (framework, assessment, pw_workbook_get_policy (workbook));
  g_assert_true (score->has_score);
  expected = g_strdup_printf ("%d", score->phase);
  result = PW_RESULT_VIEW (find_widget (GTK_WIDGET (wizard), PW_TYPE_RESULT_VIEW));
  g_assert_nonnull (result);
  g_assert_nonnull (strstr (pw_result_view_get_headline (result), expected));
  g_assert_nonnull (strstr (pw_result_view_get_headline (result),
                            pw_framework_get_phase (framework, score->phase)->name));
  g_assert_cmpuint (pw_result_view_get_n_cards (result), ==,
                    pw_framework_get_n_dimensions (framework));

  /* Undo takes the last answer back, redo brings it again. */
  {
    PwAnswer *last = pw_assessment_lookup_answer (assessment, "advocacy-4");
    int phase = pw_answer_get_phase (last);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpint (pw_answer_get_kind (last), ==, PW_ANSWER_NONE);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
    g_assert_cmpint (pw_answer_get_phase (last), ==, phase);
  }

  /* Save, then reopen in a second window: the same workbook. */
  pw_window_save_as_file (window, file);
  iterate_until (window_idle, window);
  g_assert_false (pw_workbook_get_modified (workbook));
  g_assert_true (pw_window_get_file (window) != NULL);
  g_assert_true (g_file_equal (pw_window_get_file (window), file));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  saved = pw_workbook_serialize (workbook);

  destroy_window (window);

  second = new_window ();
  pw_window_open_file (second, file);
  iterate_until (file_loaded, second);
  reopened = pw_workbook_serialize (pw_window_get_workbook (second));
  g_assert_true (g_bytes_equal (saved, reopened));
  destroy_window (second);

  g_unlink (path);
  g_rmdir (dir);
}

/* Closing, opening and new ask before unsaved changes are lost. */
static void
test_unsaved_guard (void)
{
  PwWindow *window = new_window ();
  PwWorkbook *workbook;
  PwAssessment *assessment;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  iterate_a_little ();
  workbook = g_object_ref (pw_window_get_workbook (window));
  assessment = pw_workbook_find_assessment (workbook, "assessment-2");
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "tools-1"), 5);
  g_assert_true (pw_workbook_get_modified (workbook));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* New: cancel keeps everything. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  iterate_a_little ();
  respond ("cancel");
  g_assert_true (pw_window_get_workbook (window) == workbook);
  g_assert_true (pw_workbook_get_modified (workbook));

  /* Close: cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  iterate_a_little ();
  respond ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (pw_window_get_workbook (window) == workbook);

  /* New: discard replaces the workbook. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  iterate_a_little ();
  respond ("discard");
  g_assert_true (pw_window_get_workbook (window) != workbook);
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (pw_window_get_workbook (window))),
                    ==, 0);

  /* An unmodified workbook closes without asking. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  iterate_a_little ();
  g_assert_null (find_dialog ());
  g_assert_null (window);

  g_assert_finalize_object (workbook);
}

/* A broken file reports what and where, and the window stays usable. */
static void
test_broken_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phasewise-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PwWindow *window = new_window ();
  const char *error;

  g_assert_true (g_file_set_contents (path, "{\n  \"format\": \"phasewise-workbook\",\n"
                                            "  \"format_version\": 1,,\n}\n", -1, NULL));

  pw_window_open_file (window, file);
  iterate_until (window_idle, window);
  iterate_a_little ();

  g_assert_null (pw_window_get_workbook (window));
  g_assert_true (pw_window_is_empty (window));
  error = pw_window_get_last_error (window);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "broken.phasewise"));
  g_assert_nonnull (strstr (error, "3:23"));
  respond ("close");

  /* Still usable. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  iterate_a_little ();
  g_assert_nonnull (pw_window_get_workbook (window));

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* A draft left by a crash is offered back at the next start, as a modified
 * workbook with the answer that was never saved.  Two processes: one that
 * edits and is killed, one that starts afterwards. */
static int
run_crashing_session (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PwWindow *window = new_window ();
  PwAssessment *assessment;

  pw_window_open_file (window, file);
  iterate_until (file_loaded, window);
  assessment = pw_workbook_find_assessment (pw_window_get_workbook (window), "assessment-2");
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "tools-1"), 5);
  pw_answer_set_note (pw_assessment_ensure_answer (assessment, "tools-1"), "Never saved");
  pw_window_save_draft_now (window);

  /* Wait until the draft is on disk, then die without any cleanup. */
  {
    g_autofree char *draft = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts",
                                               pw_window_get_draft_id (window), NULL);
    g_autofree char *draft_file = g_strconcat (draft, ".phasewise", NULL);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!g_file_test (draft_file, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    iterate_a_little ();
  }

  raise (SIGKILL);
  return 1;
}

static int
run_recovering_session (void)
{
  g_autofree char *path = example_path ();
  GtkWindow *window;
  PwWorkbook *workbook;
  PwAnswer *answer;

  g_application_activate (G_APPLICATION (app));
  iterate_a_little ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (PW_IS_WINDOW (window));
  workbook = pw_window_get_workbook (PW_WINDOW (window));
  g_assert_nonnull (workbook);
  g_assert_true (pw_workbook_get_modified (workbook));
  answer = pw_assessment_lookup_answer (pw_workbook_find_assessment (workbook, "assessment-2"),
                                        "tools-1");
  g_assert_cmpint (pw_answer_get_phase (answer), ==, 5);
  g_assert_cmpstr (pw_answer_get_note (answer), ==, "Never saved");
  g_assert_nonnull (pw_window_get_file (PW_WINDOW (window)));
  g_assert_true (g_str_has_suffix (g_file_peek_path (pw_window_get_file (PW_WINDOW (window))),
                                   "larkspur.phasewise"));
  g_assert_nonnull (strstr (gtk_window_get_title (window), "•"));

  return 0;
}

static void
test_crash_recovery (void)
{
  g_autofree char *home = g_dir_make_tmp ("phasewise-crash-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data, TRUE);
  const char *self_exe = g_test_get_filename (G_TEST_BUILT, "test-window", NULL);
  const char *argv_crash[] = { self_exe, "--pw-session=crash", NULL };
  const char *argv_recover[] = { self_exe, "--pw-session=recover", NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv_crash, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  g_spawn_sync (NULL, (char **) argv_recover, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  const char *session = NULL;
  int status;

  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--pw-session="))
      session = argv[i] + strlen ("--pw-session=");

  if (session == NULL)
    {
      /* Private data, config and cache folders, but the system's data
       * folders: GTK needs the MIME database to load icons, which
       * G_TEST_OPTION_ISOLATE_DIRS would hide. */
      g_autofree char *home = g_dir_make_tmp ("phasewise-test-window-XXXXXX", NULL);
      const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                             "XDG_STATE_HOME", "XDG_RUNTIME_DIR" };

      g_setenv ("HOME", home, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
        {
          g_autofree char *dir = g_build_filename (home, dirs[i], NULL);

          g_mkdir_with_parents (dir, 0700);
          g_setenv (dirs[i], dir, TRUE);
        }
      g_test_init (&argc, &argv, NULL);
    }

  gtk_init ();
  adw_init ();

  if (session != NULL)
    {
      g_set_prgname ("test-window");
      ensure_app ();
    }

  if (g_strcmp0 (session, "crash") == 0)
    return run_crashing_session ();
  if (g_strcmp0 (session, "recover") == 0)
    return run_recovering_session ();

  g_test_add_func ("/phasewise/window/open-example", test_open_example);
  g_test_add_func ("/phasewise/window/walk-wizard-save-reopen", test_walk_wizard_save_reopen);
  g_test_add_func ("/phasewise/window/unsaved-guard", test_unsaved_guard);
  g_test_add_func ("/phasewise/window/broken-file", test_broken_file);
  g_test_add_func ("/phasewise/window/crash-recovery", test_crash_recovery);

  status = g_test_run ();

  /* Every window was checked to finalize; the application itself is not
   * run, so it never shuts down, and is left to the process's end. */

  return status;
}
