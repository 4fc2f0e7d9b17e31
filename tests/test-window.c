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
#include "pw-test-ui.h"
#include "pw-welcome-page.h"
#include "pw-window.h"
#include "pw-wizard.h"

/*
 * The real window, under Xvfb, driven through its actions as a user drives
 * it, and waiting for what it waits for:
 *
 *   /phasewise/window/open-example      the example, its result, deleting and undoing it
 *   /phasewise/window/one-area          the view switcher once there are two areas
 *   /phasewise/window/walk-wizard-save  a whole assessment, saved, reopened, equal
 *   /phasewise/window/unsaved-guard     close, new and open ask before work is lost
 *   /phasewise/window/pending-close     a close cut short by a conflict never fires later
 *   /phasewise/window/undo-two-kinds    an answer and a field, undone with a message
 *   /phasewise/window/broken-file       what and where, and it leaves the recent list
 *   /phasewise/window/draft-failure     a draft that cannot be written is shown
 *   /phasewise/window/crash-recovery    a crashed session's draft offered back
 *   /phasewise/window/command-line      `phasewise FILE` opens FILE in a window
 *   /phasewise/window/projector         full screen, the sidebar hidden and kept narrow, zoom
 *   /phasewise/window/step-keys         Alt+Left and Alt+Right wherever the focus is
 *   /phasewise/window/title-suggested   the organization names a new workbook; one suggested action
 *   /phasewise/window/recent-location   the recent row and the header name a folder alike, "~/…"
 *   /phasewise/window/framework-differs a changed copy of the bundled framework is pointed out
 */

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* A copy of the example, in a folder of its own. */
static GFile *
copy_example (const char *name)
{
  g_autofree char *source = pw_test_example_path ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "workbooks", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_mkdir_with_parents (dir, 0700);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static gboolean
action_enabled (PwWindow   *window,
                const char *action_name)
{
  GtkWidget *button = pw_test_ui_find_button (GTK_WIDGET (window), action_name);

  g_assert_nonnull (button);

  return gtk_widget_get_sensitive (button);
}

static PwAssessPage *
get_assess_page (PwWindow *window)
{
  GtkWidget *page = pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_ASSESS_PAGE);

  g_assert_nonnull (page);

  return PW_ASSESS_PAGE (page);
}

static PwWizard *
current_wizard (PwWindow *window)
{
  GtkWidget *wizard = pw_assess_page_get_wizard (get_assess_page (window));

  g_assert_true (PW_IS_WIZARD (wizard));

  return PW_WIZARD (wizard);
}

static PwWorkbook *
get_workbook (PwWindow *window)
{
  PwDocument *document = pw_window_get_document (window);

  return document ? pw_document_get_workbook (document) : NULL;
}

static gboolean
document_saved (gpointer data)
{
  PwDocument *document = pw_window_get_document (data);

  return document != NULL && !pw_document_get_busy (document)
         && !pw_document_get_modified (document);
}

static void
choose (PwWindow   *window,
        const char *question_id,
        const char *value)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (current_wizard (window)),
                                             "wizard.answer", "(ss)", question_id, value));
}

static gboolean
is_sidebar_list (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* ------------------------------------------------------------------------
 * Cases
 */

/* The example opens from the welcome page as an unsaved copy, showing the
 * latest round's result; deleting a round offers an undo, which brings it back. */
static void
test_open_example (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwDocument *document;
  PwWorkbook *workbook;
  PwWizard *wizard;
  GListModel *assessments;
  GtkWidget *undo_button;
  GtkWidget *list;
  GtkWidget *badge;

  /* The welcome page: nothing to save */
  g_assert_true (pw_window_is_empty (window));
  g_assert_false (action_enabled (window, "win.save"));
  g_assert_true (action_enabled (window, "win.open"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  g_assert_true (action_enabled (window, "win.save"));

  document = pw_window_get_document (window);
  g_assert_nonnull (document);
  workbook = pw_document_get_workbook (document);
  assessments = pw_workbook_get_assessments (workbook);
  g_assert_null (pw_document_get_file (document));
  g_assert_false (pw_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 5);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)),
                            "Larkspur Outdoor Equipment (Example)"));

  wizard = current_wizard (window);
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, pw_wizard_get_n_pages (wizard) - 1);
  g_assert_nonnull (pw_test_ui_find_widget (GTK_WIDGET (wizard), PW_TYPE_RESULT_VIEW));

  /* The sidebar says the phase of each, in words, and names it in full */
  list = pw_test_ui_find (GTK_WIDGET (get_assess_page (window)), is_sidebar_list, NULL);
  badge = GTK_WIDGET (pw_test_ui_find_label (list, "Phase 3"));
  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "Phase 3");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "Phase 3 · The Integrators");
  g_assert_nonnull (pw_test_ui_find_label (list, "Phase 2"));

  /* Deleting the latest round does not ask: it offers to undo */
  gtk_widget_activate_action (GTK_WIDGET (get_assess_page (window)), "assess.delete", NULL);
  pw_test_ui_flush ();
  g_assert_null (pw_test_ui_find_dialog ("Delete Assessment?"));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 5 - 1);
  g_assert_true (pw_assess_page_get_selected (get_assess_page (window))
                 == pw_workbook_find_assessment (workbook, "assessment-1"));
  pw_test_ui_wait_for_toast (window, "Deleted “Whole organization — ");

  /* …and its Undo brings it back, saying what it took back */
  undo_button = pw_test_ui_find_button (GTK_WIDGET (window), "win.undo-toast");
  g_assert_nonnull (undo_button);
  g_signal_emit_by_name (undo_button, "clicked");
  pw_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 5);
  g_assert_nonnull (pw_workbook_find_assessment (workbook, "assessment-2"));
  pw_test_ui_wait_for_toast (window, "Undone: Deleting the assessment");

  /* Once something else was done, the toast's Undo takes nothing back: it
   * would not be what it names */
  gtk_widget_activate_action (GTK_WIDGET (get_assess_page (window)), "assess.delete", NULL);
  pw_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 4);
  pw_test_ui_wait_for_toast (window, "Deleted “Whole organization — ");
  pw_workbook_set_name (workbook, "Larkspur Renamed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-toast", NULL));
  pw_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 4);
  g_assert_cmpstr (pw_workbook_get_name (workbook), ==, "Larkspur Renamed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (pw_workbook_get_name (workbook), ==, "Larkspur Outdoor Equipment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 5);
  pw_test_ui_wait_for_toast (window, "Undone: Deleting the assessment");
  g_assert_true (pw_assess_page_get_selected (get_assess_page (window))
                 == pw_workbook_find_assessment (workbook, "assessment-2"));

  /* An assessment whose creation is undone is not shown any longer */
  gtk_widget_activate_action (GTK_WIDGET (get_assess_page (window)), "assess.new", NULL);
  pw_test_ui_flush ();
  g_assert_cmpstr (pw_assessment_get_id (pw_assess_page_get_selected (get_assess_page (window))),
                   ==, "assessment-6");
  badge = GTK_WIDGET (pw_test_ui_find_label (list, "No result yet"));
  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "No result yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 5);
  g_assert_null (pw_workbook_find_assessment (workbook, "assessment-6"));
  g_assert_true (pw_assess_page_get_selected (get_assess_page (window))
                 == pw_workbook_find_assessment (workbook, "assessment-2"));
  pw_workbook_set_modified (workbook, FALSE);

  /* Preferences, About and the shortcuts open over it, and close again */
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
        pw_test_ui_flush ();
        g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
        opened = g_list_model_get_item (toplevels, before);
        g_assert_true (GTK_IS_WINDOW (opened));
        g_assert_true (gtk_widget_get_visible (GTK_WIDGET (opened)));
        gtk_window_destroy (opened);
        pw_test_ui_flush ();
      }

    overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
    g_assert_nonnull (overlay);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                               NULL));
    pw_test_ui_flush ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  }

  pw_test_ui_destroy_window (window);
}

/* While a workbook has one area, no switcher is offered, to see or to hear. */
static void
test_one_area (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  AdwViewSwitcherTitle *title;
  AdwViewSwitcherBar *bar;
  AdwViewStack *stack;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();

  title = ADW_VIEW_SWITCHER_TITLE (pw_test_ui_find_widget (GTK_WIDGET (window),
                                                           ADW_TYPE_VIEW_SWITCHER_TITLE));
  bar = ADW_VIEW_SWITCHER_BAR (pw_test_ui_find_widget (GTK_WIDGET (window),
                                                       ADW_TYPE_VIEW_SWITCHER_BAR));
  stack = ADW_VIEW_STACK (pw_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (title);
  g_assert_nonnull (bar);

  /* Assess and Policy: the switcher in the header, with both */
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));
  g_assert_true (adw_view_switcher_title_get_stack (title) == stack);
  g_assert_true (adw_view_switcher_bar_get_stack (bar) == stack);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (title)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "assess"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "policy"));

  /* win.show-policy switches to the checklist */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-policy", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "policy");

  pw_workbook_set_modified (get_workbook (window), FALSE);
  pw_test_ui_destroy_window (window);
}

/* A whole assessment through the wizard's actions, the result the core's,
 * saved, reopened, equal. */
static void
test_walk_wizard_save (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "walked", NULL);
  g_autofree char *path = g_build_filename (dir, "walked.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) reopened = NULL;
  g_autoptr(PwScore) score = NULL;
  g_autofree char *expected = NULL;
  PwWindow *window = pw_test_ui_new_window ();
  PwWindow *second;
  PwWorkbook *workbook;
  PwFramework *framework;
  PwAssessment *assessment;
  PwResultView *result;
  PwWizard *wizard;
  guint n_questions = 0;

  g_mkdir_with_parents (dir, 0700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  framework = pw_workbook_get_framework (workbook);

  gtk_widget_activate_action (GTK_WIDGET (get_assess_page (window)), "assess.new", NULL);
  pw_test_ui_flush ();
  assessment = pw_assess_page_get_selected (get_assess_page (window));
  g_assert_cmpstr (pw_assessment_get_id (assessment), ==, "assessment-6");
  wizard = current_wizard (window);
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, 0);

  /* Page by page, every question answered; some don't know or n/a */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      g_assert_cmpuint (pw_wizard_get_page (wizard), ==, d + 1);
      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
          g_autofree char *value = g_strdup_printf ("%u", (d + q) % 5 + 1);

          if (n_questions == 7)
            choose (window, question->id, "dont-know");
          else if (n_questions == 11)
            choose (window, question->id, "not-applicable");
          else
            choose (window, question->id, value);
          n_questions++;
        }
      gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
      pw_test_ui_flush ();
    }

  /* The review, then the result */
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, pw_wizard_get_n_pages (wizard) - 2);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  pw_test_ui_flush ();
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, pw_wizard_get_n_pages (wizard) - 1);

  g_assert_cmpuint (pw_assessment_get_n_answers (assessment), ==, n_questions);
  g_assert_cmpint (pw_answer_get_kind (pw_assessment_lookup_answer (assessment, "strategy-1")),
                   ==, PW_ANSWER_OPTION);
  g_assert_true (pw_workbook_get_modified (workbook));

  score = pw_score_compute (framework, assessment, pw_workbook_get_policy (workbook));
  g_assert_true (score->has_score);
  expected = g_strdup_printf ("%d", score->phase);
  result = PW_RESULT_VIEW (pw_test_ui_find_widget (GTK_WIDGET (wizard), PW_TYPE_RESULT_VIEW));
  g_assert_nonnull (result);
  g_assert_nonnull (strstr (pw_result_view_get_headline (result), expected));
  g_assert_nonnull (strstr (pw_result_view_get_headline (result),
                            pw_framework_get_phase (framework, score->phase)->name));
  g_assert_cmpuint (pw_result_view_get_n_cards (result), ==,
                    pw_framework_get_n_dimensions (framework));

  /* Undo takes the last answer back, redo brings it again */
  {
    const PwDimension *dimension =
      pw_framework_get_dimension (framework, pw_framework_get_n_dimensions (framework) - 1);
    const PwQuestion *question =
      g_ptr_array_index (dimension->questions, dimension->questions->len - 1);
    PwAnswer *last = pw_assessment_lookup_answer (assessment, question->id);
    int phase = pw_answer_get_phase (last);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpint (pw_answer_get_kind (last), ==, PW_ANSWER_NONE);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
    g_assert_cmpint (pw_answer_get_phase (last), ==, phase);
  }

  /* Saved to a file, as Save As does once it is chosen: the title follows */
  pw_document_save_async (pw_window_get_document (window), file, PW_SAVE_NONE, NULL, NULL, NULL);
  pw_test_ui_wait (document_saved, window, "the save");
  g_assert_true (g_file_equal (pw_document_get_file (pw_window_get_document (window)), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "walked.phasewise — Phasewise");
  saved = pw_workbook_serialize (workbook);

  /* Opening it again in another window shows the one that has it */
  second = pw_test_ui_new_window ();
  pw_window_open_file (second, file);
  pw_test_ui_flush ();
  g_assert_true (pw_window_is_empty (second));

  pw_test_ui_destroy_window (window);

  /* Once it is closed, the second window opens it: the same workbook */
  pw_test_ui_open_file (second, file);
  reopened = pw_workbook_serialize (get_workbook (second));
  g_assert_true (g_bytes_equal (saved, reopened));
  pw_test_ui_destroy_window (second);
}

/* Closing, opening and new ask before unsaved changes are lost. */
static void
test_unsaved_guard (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  PwAssessment *assessment;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = g_object_ref (get_workbook (window));
  assessment = pw_workbook_find_assessment (workbook, "assessment-2");
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "tools-1"), 5);
  g_assert_true (pw_workbook_get_modified (workbook));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* New: cancel keeps everything */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  pw_test_ui_respond ("Save Changes?", "cancel");
  g_assert_true (get_workbook (window) == workbook);
  g_assert_true (pw_workbook_get_modified (workbook));

  /* Close: cancel keeps the window */
  gtk_window_close (GTK_WINDOW (window));
  pw_test_ui_respond ("Save Changes?", "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (get_workbook (window) == workbook);

  /* New: discard replaces the workbook */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  pw_test_ui_respond ("Save Changes?", "discard");
  g_assert_true (get_workbook (window) != workbook);
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (get_workbook (window))),
                    ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Untitled Workbook — Phasewise");

  /* An unmodified workbook closes without asking */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  pw_test_ui_wait (is_null, &window, "the window to close");
  g_assert_null (pw_test_ui_find_dialog (NULL));

  g_assert_finalize_object (workbook);
}

/* Writes, over @file, the example as someone else changed it. */
static void
write_their_version (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *source = pw_test_example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  name = strstr (contents, "\"Larkspur Outdoor Equipment\"");
  g_assert_nonnull (name);
  *name = '\0';
  theirs = g_strconcat (contents, "\"Changed by someone else\"",
                        name + strlen ("\"Larkspur Outdoor Equipment\""), NULL);
  g_file_set_contents (path, theirs, -1, &error);
  g_assert_no_error (error);
}

/* Saved, or the window is gone: *data is a weak pointer to the window. */
static gboolean
saved_or_closed (gpointer data)
{
  PwWindow **window = data;

  return *window == NULL || document_saved (*window);
}

/* A close that asked to save, met someone else's change, and was answered
 * with Reload is over: a later, ordinary save does not close the window. */
static void
test_pending_close (void)
{
  g_autoptr(GFile) file = copy_example ("pending-close.phasewise");
  PwWindow *window = pw_test_ui_new_window ();
  PwAssessment *assessment;

  pw_test_ui_open_file (window, file);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  assessment = pw_workbook_find_assessment (get_workbook (window), "assessment-2");
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "tools-1"), 5);

  /* Close → Save Changes?, while someone else changes the file */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (pw_test_ui_find_dialog ("Save Changes?"));
  write_their_version (file);

  /* Save → The File Was Changed → Reload: their version, unmodified */
  pw_test_ui_respond ("Save Changes?", "save");
  pw_test_ui_respond ("The File Was Changed", "reload");
  pw_test_ui_wait (saved_or_closed, &window, "the reload");
  g_assert_nonnull (window);
  g_assert_cmpstr (pw_workbook_get_name (get_workbook (window)), ==, "Changed by someone else");

  /* An edit and Ctrl+S: saved, and the window stays */
  assessment = pw_workbook_find_assessment (get_workbook (window), "assessment-2");
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "tools-1"), 4);
  g_assert_true (pw_document_get_modified (pw_window_get_document (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pw_test_ui_wait (saved_or_closed, &window, "the save");
  pw_test_ui_flush ();
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (pw_test_ui_find_dialog (NULL));

  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  pw_test_ui_destroy_window (window);
}

/* What is edited while "Save, then close" saves is not lost: the window
 * asks again instead of closing. */
static void
test_edit_during_close (void)
{
  g_autoptr(GFile) file = copy_example ("edit-during-close.phasewise");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *on_disk = NULL;
  PwWindow *window = pw_test_ui_new_window ();
  AdwMessageDialog *dialog;
  PwWorkbook *workbook;

  pw_test_ui_open_file (window, file);
  workbook = get_workbook (window);
  pw_workbook_set_name (workbook, "Saved before closing");

  gtk_window_close (GTK_WINDOW (window));
  dialog = pw_test_ui_find_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* Typed before the save is done: the main loop has not run since */
  pw_workbook_set_name (workbook, "Typed during the save");

  pw_test_ui_respond ("Save Changes?", "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (get_workbook (window) == workbook);
  g_assert_true (pw_document_get_modified (pw_window_get_document (window)));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_nonnull (strstr (on_disk, "\"Saved before closing\""));

  pw_workbook_set_modified (workbook, FALSE);
  pw_test_ui_destroy_window (window);
}

/* Discarding the changes to open a file that then cannot be opened keeps
 * them, unsaved as they were. */
static void
test_discard_then_failed_open (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "unreadable", NULL);
  g_autofree char *path = g_build_filename (dir, "unreadable.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "{", -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  pw_workbook_set_name (workbook, "Not saved");

  pw_window_open_file (window, file);
  pw_test_ui_respond ("Save Changes?", "discard");
  pw_test_ui_respond ("Could not open “unreadable.phasewise”", "close");

  g_assert_true (get_workbook (window) == workbook);
  g_assert_cmpstr (pw_workbook_get_name (workbook), ==, "Not saved");
  g_assert_true (pw_document_get_modified (pw_window_get_document (window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  pw_workbook_set_modified (workbook, FALSE);
  pw_test_ui_destroy_window (window);
}

/* Closing while a save runs waits for the save, and asks nothing. */
static void
test_close_during_save (void)
{
  g_autoptr(GFile) file = copy_example ("close-during-save.phasewise");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *on_disk = NULL;
  PwWindow *window = pw_test_ui_new_window ();

  pw_test_ui_open_file (window, file);
  pw_workbook_set_name (get_workbook (window), "Saved while closing");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window);
  g_assert_null (pw_test_ui_find_dialog (NULL));

  pw_test_ui_wait (is_null, &window, "the window to close after its save");
  g_assert_null (pw_test_ui_find_dialog (NULL));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_nonnull (strstr (on_disk, "\"Saved while closing\""));
}

/* Undo goes back across kinds of edits, and says each time what it took
 * back. */
static void
test_undo_two_kinds (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  PwAssessment *assessment;
  PwAnswer *answer;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  assessment = pw_assess_page_get_selected (get_assess_page (window));
  answer = pw_assessment_lookup_answer (assessment, "strategy-1");

  choose (window, "strategy-1", "dont-know");
  pw_workbook_set_name (workbook, "Larkspur Renamed");
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_DONT_KNOW);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (pw_workbook_get_name (workbook), ==, "Larkspur Outdoor Equipment");
  pw_test_ui_wait_for_toast (window, "Undone: Organization name");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_OPTION);
  pw_test_ui_wait_for_toast (window, "Undone: Answer to “");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_DONT_KNOW);
  pw_test_ui_wait_for_toast (window, "Redone: Answer to “");

  pw_workbook_set_modified (workbook, FALSE);
  pw_test_ui_destroy_window (window);
}

/* gtk_recent_manager_has_item() criticals while the manager has read no
 * list yet: look through its items instead. */
static gboolean
is_recent (gpointer data)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  gboolean found = FALSE;

  for (GList *l = items; l != NULL && !found; l = l->next)
    found = g_str_equal (gtk_recent_info_get_uri (l->data), data);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  return found;
}

static gboolean
dialog_present (gpointer data)
{
  return pw_test_ui_find_dialog (NULL) != NULL;
}

/* A broken file reports what and where, leaves the recent workbooks, and
 * the window stays usable. */
static void
test_broken_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "broken", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  PwWindow *window = pw_test_ui_new_window ();
  AdwMessageDialog *dialog;
  g_autoptr(GFile) backup = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *backup_dir = NULL;
  const char *body;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "{\n  \"format\": \"phasewise-workbook\",\n"
                                            "  \"format_version\": 1,,\n}\n", -1, NULL));
  /* Listed as a recent workbook: adding one takes a moment */
  gtk_recent_manager_add_item (recent, uri);
  pw_test_ui_wait (is_recent, uri, "the recent workbook");

  pw_window_open_file (window, file);
  pw_test_ui_wait (dialog_present, NULL, "the error");

  dialog = pw_test_ui_find_dialog (NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not open “broken.phasewise”");
  /* Where, in words; no backup to offer */
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "Line 3, column 23: Unexpected character “,”"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "backup"));
  g_assert_true (pw_window_is_empty (window));
  g_assert_false (is_recent (uri));
  pw_test_ui_respond (NULL, "close");

  /* A missing comma: the double quote mark found is named, not quoted; and
   * the backup a save made is pointed to */
  g_assert_true (g_file_set_contents (path, "{\n  \"format\": \"phasewise-workbook\"\n"
                                            "  \"format_version\": 1\n}\n", -1, NULL));
  backup = pw_file_get_backup_file (file);
  backup_path = g_file_get_path (backup);
  backup_name = g_file_get_basename (backup);
  g_assert_true (g_str_has_prefix (backup_path, g_get_user_data_dir ()));
  backup_dir = g_path_get_dirname (backup_path);
  g_assert_no_errno (g_mkdir_with_parents (backup_dir, 0700));
  g_assert_true (g_file_set_contents (backup_path, "{}", -1, NULL));
  pw_window_open_file (window, file);
  pw_test_ui_wait (dialog_present, NULL, "the error again");
  dialog = pw_test_ui_find_dialog (NULL);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_true (g_str_has_prefix (body, "Line 3, column 3: Unexpected character \" (a double "
                                         "quote mark); expected"));
  g_assert_null (strstr (body, "“\"”"));
  g_assert_nonnull (strstr (body, "A backup of the previous version is kept as “"));
  g_assert_nonnull (strstr (body, backup_name));
  g_assert_true (pw_window_is_empty (window));
  pw_test_ui_respond (NULL, "close");
  g_assert_no_errno (g_remove (backup_path));

  /* Still usable */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  g_assert_nonnull (get_workbook (window));

  pw_test_ui_destroy_window (window);
}

/* A draft that cannot be written tells the user. */
static void
test_draft_failure (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwDrafts *drafts = pw_session_get_drafts (pw_window_get_session (window));
  g_autofree char *dir = g_strdup (pw_drafts_get_directory (drafts));
  g_autofree char *aside = g_strconcat (dir, ".aside", NULL);
  PwWorkbook *workbook;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);

  /* A file where the drafts folder should be */
  g_assert_cmpint (g_rename (dir, aside), ==, 0);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));

  pw_workbook_set_name (workbook, "Unsaved");
  pw_document_save_draft (pw_window_get_document (window));
  pw_test_ui_wait_for_toast (window, "Unsaved changes cannot be kept as a draft");

  g_assert_cmpint (g_unlink (dir), ==, 0);
  g_assert_cmpint (g_rename (aside, dir), ==, 0);
  pw_workbook_set_modified (workbook, FALSE);
  pw_test_ui_destroy_window (window);
}

/* A draft left by a crash is offered back at the next start, as a modified
 * workbook with the answer that was never saved.  Two processes: one that
 * edits and is killed, one that starts afterwards. */
static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static int
run_crashing_session (void)
{
  g_autoptr(GFile) file = copy_example ("crashed.phasewise");
  g_autofree char *draft = NULL;
  PwWindow *window = pw_test_ui_new_window ();
  PwDocument *document;
  PwAssessment *assessment;

  pw_test_ui_open_file (window, file);
  document = pw_window_get_document (window);
  assessment = pw_workbook_find_assessment (get_workbook (window), "assessment-2");
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "tools-1"), 5);
  pw_answer_set_note (pw_assessment_ensure_answer (assessment, "tools-1"), "Never saved");
  pw_document_save_draft (document);

  /* Wait until the draft is on disk, then die without any cleanup */
  draft = g_strdup_printf ("%s/%s%s",
                           pw_drafts_get_directory (pw_session_get_drafts (pw_window_get_session (window))),
                           pw_document_get_draft_id (document), PW_DRAFTS_SUFFIX);
  pw_test_ui_wait (file_exists, draft, "the draft");

  raise (SIGKILL);
  return 1;
}

static gboolean
workbook_shown (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (pw_test_ui_get_app ()));

  return PW_IS_WINDOW (window) && get_workbook (PW_WINDOW (window)) != NULL;
}

static int
run_recovering_session (void)
{
  GtkWindow *window;
  PwDocument *document;
  PwAnswer *answer;

  g_application_activate (G_APPLICATION (pw_test_ui_get_app ()));
  pw_test_ui_wait (workbook_shown, NULL, "the recovered workbook");

  window = gtk_application_get_active_window (GTK_APPLICATION (pw_test_ui_get_app ()));
  document = pw_window_get_document (PW_WINDOW (window));
  g_assert_true (pw_document_get_modified (document));
  answer = pw_assessment_lookup_answer (pw_workbook_find_assessment (pw_document_get_workbook (document),
                                                                     "assessment-2"),
                                        "tools-1");
  g_assert_cmpint (pw_answer_get_phase (answer), ==, 5);
  g_assert_cmpstr (pw_answer_get_note (answer), ==, "Never saved");
  g_assert_nonnull (pw_document_get_file (document));
  g_assert_true (g_str_has_suffix (g_file_peek_path (pw_document_get_file (document)),
                                   "crashed.phasewise"));
  g_assert_nonnull (strstr (gtk_window_get_title (window), "•"));
  pw_test_ui_wait_for_toast (PW_WINDOW (window), "Recovered unsaved changes");

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

/* `phasewise FILE`: a second application, run on its own command line,
 * shows the file, opens no empty window besides (drafts that earlier tests
 * left may be offered in windows of their own), and is then quit. */
typedef struct
{
  GApplication *application;
  GFile        *file;
  gboolean      shown;
  gboolean      gave_up;
  guint         n_empty;
} CommandLine;

static gboolean
check_shown_cb (gpointer user_data)
{
  CommandLine *run = user_data;
  PwWindow *window = pw_window_find_for_file (GTK_APPLICATION (run->application), run->file);

  if (window == NULL || pw_document_get_busy (pw_window_get_document (window)))
    return G_SOURCE_CONTINUE;

  /* Whatever else it was to do at start has run by now. */
  pw_test_ui_flush ();
  run->shown = TRUE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (run->application)); l; l = l->next)
    if (PW_IS_WINDOW (l->data) && pw_window_is_empty (l->data))
      run->n_empty++;
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (run->application);

  return G_SOURCE_REMOVE;
}

static gboolean
give_up_cb (gpointer user_data)
{
  CommandLine *run = user_data;

  run->gave_up = TRUE;
  g_application_quit (run->application);

  return G_SOURCE_REMOVE;
}

static void
test_command_line (void)
{
  g_autoptr(GFile) file = copy_example ("command-line.phasewise");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(PwApplication) other = pw_application_new ();
  char *args[] = { (char *) "phasewise", path, NULL };
  CommandLine run = { G_APPLICATION (other), file, FALSE, FALSE };
  guint check, give_up;
  int status;

  /* Another id: the test's own application is on the bus already. */
  g_application_set_application_id (G_APPLICATION (other), APP_ID ".CommandLineTest");
  g_application_set_flags (G_APPLICATION (other),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  check = g_timeout_add (20, check_shown_cb, &run);
  give_up = g_timeout_add_seconds (120, give_up_cb, &run);
  status = g_application_run (G_APPLICATION (other), 2, args);
  if (!run.shown)
    g_source_remove (check);
  if (!run.gave_up)
    g_source_remove (give_up);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.shown);
  g_assert_cmpuint (run.n_empty, ==, 0);
}


/* ------------------------------------------------------------------------
 * On a projector
 */

static gboolean
has_width (gpointer data)
{
  gpointer *args = data;

  return gtk_widget_get_width (args[0]) >= GPOINTER_TO_INT (args[1]);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

static gboolean
grew (gpointer data)
{
  gpointer *args = data;

  return natural_width (args[0]) > GPOINTER_TO_INT (args[1]);
}

static gboolean
is_back_to (gpointer data)
{
  gpointer *args = data;

  return natural_width (args[0]) == GPOINTER_TO_INT (args[1]);
}

/* Whether @model, or a section or submenu of it, has an item for @action */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      if ((section != NULL && menu_has_action (section, action))
          || (submenu != NULL && menu_has_action (submenu, action)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_shortcut_for (GtkWidget     *widget,
                 gconstpointer  accelerator)
{
  g_autofree char *accel = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &accel, NULL);

  return g_strcmp0 (accel, accelerator) == 0;
}

/* Full screen and the sidebar are stateful actions, in the main menu and the
 * shortcuts window; the sidebar keeps to its width in a wide window, and
 * hidden leaves the whole width to the wizard; zoom scales the content's
 * text, for every window, and is kept in the settings. */
static void
test_projector (void)
{
  PwWindow *window;
  GSettings *settings;
  GtkMenuButton *menu_button;
  GtkShortcutsWindow *overlay;
  GtkWidget *list;
  GtkWidget *label;
  gboolean state;
  int before;
  const char *accelerators[] = { "F11", "F9", "<Control>plus", "<Control>minus", "<Control>0" };
  const char *actions[] = { "win.fullscreen", "win.show-sidebar", "win.zoom-in", "win.zoom-out",
                            "win.zoom-reset" };

  /* Wide, as a workshop room's screen */
  pw_test_ui_get_app ();
  window = pw_window_new (ADW_APPLICATION (pw_test_ui_get_app ()),
                          pw_application_get_session (pw_test_ui_get_app ()));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  {
    gpointer args[] = { window, GINT_TO_POINTER (1000) };

    pw_test_ui_wait (has_width, args, "the window to be wide");
  }
  settings = pw_session_get_settings (pw_window_get_session (window));

  /* In the main menu and the shortcuts window */
  menu_button = GTK_MENU_BUTTON (pw_test_ui_find_widget (GTK_WIDGET (window),
                                                         GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu_button);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), actions[i]));
      g_assert_nonnull (pw_test_ui_find (GTK_WIDGET (overlay), is_shortcut_for, accelerators[i]));
    }
  /* The wizard's answer keys are in the shortcuts window too */
  g_assert_nonnull (pw_test_ui_find (GTK_WIDGET (overlay), is_shortcut_for, "1...5"));
  g_assert_nonnull (pw_test_ui_find (GTK_WIDGET (overlay), is_shortcut_for, "d"));
  g_assert_nonnull (pw_test_ui_find (GTK_WIDGET (overlay), is_shortcut_for, "n"));

  /* Full screen: asked for, and asked to end (no window manager here to
   * grant it) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fullscreen", NULL));
  g_object_get (window, "fullscreen", &state, NULL);
  g_assert_true (state);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fullscreen", NULL));
  g_object_get (window, "fullscreen", &state, NULL);
  g_assert_false (state);

  /* The sidebar of a new workbook in a wide window keeps to its width */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  pw_test_ui_flush ();
  list = pw_test_ui_find (GTK_WIDGET (get_assess_page (window)), is_sidebar_list, NULL);
  g_assert_nonnull (list);
  pw_test_ui_wait (is_mapped, list, "the sidebar");
  g_test_message ("sidebar %d of %d", gtk_widget_get_width (list),
                  gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (list), >=, 200);
  g_assert_cmpint (gtk_widget_get_width (list), <=, 320);

  /* Hidden and shown again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  pw_test_ui_flush ();
  g_object_get (window, "show-sidebar", &state, NULL);
  g_assert_false (state);
  g_assert_false (pw_assess_page_get_sidebar_visible (get_assess_page (window)));
  g_assert_false (gtk_widget_get_mapped (list));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  pw_test_ui_flush ();
  g_assert_true (pw_assess_page_get_sidebar_visible (get_assess_page (window)));
  pw_test_ui_wait (is_mapped, list, "the sidebar again");

  /* Zoom: the text of the content grows, and is back at its size after a reset */
  label = GTK_WIDGET (pw_test_ui_find_label (GTK_WIDGET (window), "No Assessments Yet"));
  g_assert_nonnull (label);
  before = natural_width (label);
  g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 125);
  {
    gpointer args[] = { label, GINT_TO_POINTER (before) };

    pw_test_ui_wait (grew, args, "the text to grow");
    g_assert_cmpint (natural_width (label), >=, before * 115 / 100);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
    g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 110);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
    g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 100);
    pw_test_ui_wait (is_back_to, args, "the text to be back at its size");
  }
  /* …and never beyond its levels */
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 50);

  /* The example's result at the largest and smallest zoom, drawn without
   * a warning */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  pw_test_ui_wait (is_mapped, current_wizard (window), "the example's wizard");
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 300);
  pw_test_ui_flush ();
  pw_wizard_set_page (current_wizard (window), 2);
  pw_test_ui_flush ();
  g_settings_reset (settings, "zoom");
  pw_test_ui_flush ();

  pw_workbook_set_modified (get_workbook (window), FALSE);
  pw_test_ui_destroy_window (window);
}


/* The window's Alt+Left or Alt+Right, pressed: what a key press runs */
static gboolean
press_step_key (PwWindow *window,
                guint     keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, GDK_ALT_MASK);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "pw-step-shortcuts") != 0)
        continue;

      /* Before the focused widget, and the leaflet around the sidebar */
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==,
                       GTK_PHASE_CAPTURE);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (window), NULL);
        }
    }

  g_assert_not_reached ();
}

/* Alt+Left and Alt+Right turn the wizard's pages with the focus in the
 * sidebar, on the header's menu button, or in the wizard; at either end
 * they are left to others. */
static void
test_step_keys (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  GtkWidget *list;
  GtkWidget *menu_button;
  GtkWidget *row;
  PwWizard *wizard;
  guint last;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  wizard = current_wizard (window);
  pw_test_ui_wait (is_mapped, wizard, "the wizard");
  last = pw_wizard_get_n_pages (wizard) - 1;
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, last);

  /* In the sidebar, as after clicking a row */
  list = pw_test_ui_find (GTK_WIDGET (get_assess_page (window)), is_sidebar_list, NULL);
  row = GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (press_step_key (window, GDK_KEY_Left));
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, last - 1);
  g_assert_true (press_step_key (window, GDK_KEY_KP_Right));
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, last);
  g_assert_false (press_step_key (window, GDK_KEY_Right));
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, last);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));

  /* On the main menu button, as after closing About */
  menu_button = pw_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  gtk_widget_grab_focus (menu_button);
  g_assert_true (press_step_key (window, GDK_KEY_Left));
  g_assert_true (press_step_key (window, GDK_KEY_KP_Left));
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, last - 2);

  /* At the first page, Alt+Left is left to others */
  pw_wizard_set_page (wizard, 0);
  g_assert_false (press_step_key (window, GDK_KEY_Left));
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, 0);
  g_assert_true (press_step_key (window, GDK_KEY_Right));
  g_assert_cmpuint (pw_wizard_get_page (wizard), ==, 1);

  /* With no wizard shown, neither does anything */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  pw_test_ui_flush ();
  g_assert_null (pw_assess_page_get_wizard (get_assess_page (window)));
  g_assert_false (press_step_key (window, GDK_KEY_Right));
  g_assert_false (press_step_key (window, GDK_KEY_Left));

  pw_workbook_set_modified (get_workbook (window), FALSE);
  pw_test_ui_destroy_window (window);
}


static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static guint
count_suggested (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (gtk_widget_has_css_class (widget, "suggested-action"))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_suggested (child);

  return n;
}

/* The one mapped widget with the suggested-action style, or NULL */
static GtkWidget *
find_suggested (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (gtk_widget_has_css_class (widget, "suggested-action"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_suggested (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
title_has (gpointer data)
{
  gpointer *args = data;

  return strstr (gtk_window_get_title (args[0]), args[1]) != NULL;
}

/* A new workbook is titled by its organization once it is named, in the
 * window's title and the header; each view has one suggested action. */
static void
test_title_suggested (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  GtkWidget *suggested;

  /* The welcome page: New Workbook, and no Save button */
  g_assert_cmpuint (count_suggested (GTK_WIDGET (window)), ==, 1);
  g_assert_false (gtk_widget_get_visible (pw_test_ui_find_button (GTK_WIDGET (window),
                                                                  "win.save")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  g_assert_true (gtk_widget_get_visible (pw_test_ui_find_button (GTK_WIDGET (window),
                                                                 "win.save")));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Untitled Workbook"));
  /* No assessment yet: Start an Assessment, not also New Assessment */
  pw_test_ui_wait (is_mapped, pw_test_ui_find_button (GTK_WIDGET (window), "assess.new"),
                   "the sidebar's button");
  /* (both pages are shown while the stack crossfades) */
  pw_test_ui_wait (is_unmapped, pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_WELCOME_PAGE),
                   "the welcome page to go");
  g_assert_cmpuint (count_suggested (GTK_WIDGET (window)), ==, 1);

  pw_workbook_set_name (workbook, "Harbour Rowing Club");
  {
    gpointer args[] = { window, "Harbour Rowing Club" };

    pw_test_ui_wait (title_has, args, "the organization's name in the title");
  }
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Untitled"));
  /* The header shows the view switcher (Assess, Policy) where it is wide
   * enough; the window's title keeps the unsaved mark */
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)),
                                   "• Harbour Rowing Club"));

  /* An assessment shown: at most the wizard's own */
  gtk_widget_activate_action (GTK_WIDGET (get_assess_page (window)), "assess.new", NULL);
  pw_test_ui_flush ();
  pw_test_ui_wait (is_mapped, current_wizard (window), "the wizard");
  pw_test_ui_wait (is_unmapped, pw_test_ui_find_widget (GTK_WIDGET (get_assess_page (window)),
                                                        ADW_TYPE_STATUS_PAGE),
                   "the empty page to go");
  /* The wizard's Next, and not the sidebar's New Assessment beside it */
  g_assert_cmpuint (count_suggested (GTK_WIDGET (window)), ==, 1);
  suggested = find_suggested (GTK_WIDGET (window));
  g_assert_true (gtk_widget_is_ancestor (suggested, GTK_WIDGET (current_wizard (window))));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (suggested)), ==, "wizard.next");

  /* A second one: the sidebar lists both, and still only Next is suggested */
  gtk_widget_activate_action (GTK_WIDGET (get_assess_page (window)), "assess.new", NULL);
  pw_test_ui_flush ();
  pw_test_ui_wait (is_mapped, current_wizard (window), "the second wizard");
  g_assert_cmpuint (count_suggested (GTK_WIDGET (window)), ==, 1);
  suggested = find_suggested (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (suggested)), ==, "wizard.next");

  pw_workbook_set_modified (workbook, FALSE);
  pw_test_ui_destroy_window (window);
}

static gboolean
row_shown (gpointer data)
{
  gpointer *args = data;
  GtkWidget *row = pw_test_ui_find_row (args[0], args[1]);

  return row != NULL && gtk_widget_get_mapped (row);
}

/* A workbook in the home folder: its recent row on the welcome page names
 * the folder as the header did while it was open, with the home as "~". */
static void
test_recent_location (void)
{
  g_autoptr(GFile) file = copy_example ("recent-location.phasewise");
  g_autofree char *uri = g_file_get_uri (file);
  PwWindow *window = pw_test_ui_new_window ();
  g_autofree char *location = NULL;
  GtkWidget *row;

  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), g_get_home_dir ()));
  pw_test_ui_open_file (window, file);
  pw_test_ui_wait (is_recent, uri, "the recent workbook");
  location = g_strdup (pw_document_get_location (pw_window_get_document (window)));
  g_assert_true (g_str_has_prefix (location, "~/"));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (window), location));
  pw_test_ui_destroy_window (window);

  window = pw_test_ui_new_window ();
  {
    gpointer args[] = { window, "recent-location.phasewise" };

    pw_test_ui_wait (row_shown, args, "the recent row");
  }
  row = pw_test_ui_find_row (GTK_WIDGET (window), "recent-location.phasewise");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, location);
  pw_test_ui_destroy_window (window);
}

static gboolean
changed_framework_asked (gpointer data)
{
  return pw_test_ui_find_dialog ("Changed Framework") != NULL;
}

/* A workbook whose framework bears the bundled one's name and version but
 * differs from it says so once as it opens; the example does not. */
static void
test_framework_differs (void)
{
  g_autoptr(GFile) file = copy_example ("changed-framework.phasewise");
  g_autoptr(GFile) example = copy_example ("same-framework.phasewise");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_auto(GStrv) parts = NULL;
  PwWindow *window = pw_test_ui_new_window ();
  AdwMessageDialog *dialog;

  g_test_bug ("8");

  /* A core flag taken off a question */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  parts = g_strsplit (text, "\"core\" : true", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoin ("\"core\" : false", parts[0], parts[1], NULL);
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));

  pw_test_ui_open_file (window, example);
  pw_test_ui_flush ();
  g_assert_null (pw_test_ui_find_dialog ("Changed Framework"));

  pw_test_ui_open_file (window, file);
  pw_test_ui_wait (changed_framework_asked, NULL, "the changed framework to be pointed out");
  dialog = pw_test_ui_find_dialog ("Changed Framework");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "its results are not that framework’s"));
  pw_test_ui_respond ("Changed Framework", "close");
  g_assert_true (pw_framework_differs_from_bundled (pw_workbook_get_framework (
                   get_workbook (window))));
  g_assert_null (pw_test_ui_find_dialog ("Changed Framework"));

  pw_test_ui_destroy_window (window);
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
      pw_test_ui_isolate_home ("phasewise-test-window");
      g_test_init (&argc, &argv, NULL);
    }

  gtk_init ();
  adw_init ();

  if (session != NULL)
    {
      g_set_prgname ("test-window");
      pw_test_ui_get_app ();
    }

  if (g_strcmp0 (session, "crash") == 0)
    return run_crashing_session ();
  if (g_strcmp0 (session, "recover") == 0)
    return run_recovering_session ();

  g_test_add_func ("/phasewise/window/open-example", test_open_example);
  g_test_add_func ("/phasewise/window/one-area", test_one_area);
  g_test_add_func ("/phasewise/window/walk-wizard-save", test_walk_wizard_save);
  g_test_add_func ("/phasewise/window/unsaved-guard", test_unsaved_guard);
  g_test_add_func ("/phasewise/window/pending-close", test_pending_close);
  g_test_add_func ("/phasewise/window/edit-during-close", test_edit_during_close);
  g_test_add_func ("/phasewise/window/discard-then-failed-open", test_discard_then_failed_open);
  g_test_add_func ("/phasewise/window/close-during-save", test_close_during_save);
  g_test_add_func ("/phasewise/window/undo-two-kinds", test_undo_two_kinds);
  g_test_add_func ("/phasewise/window/broken-file", test_broken_file);
  g_test_add_func ("/phasewise/window/draft-failure", test_draft_failure);
  g_test_add_func ("/phasewise/window/crash-recovery", test_crash_recovery);
  g_test_add_func ("/phasewise/window/command-line", test_command_line);
  g_test_add_func ("/phasewise/window/projector", test_projector);
  g_test_add_func ("/phasewise/window/step-keys", test_step_keys);
  g_test_add_func ("/phasewise/window/title-suggested", test_title_suggested);
  g_test_add_func ("/phasewise/window/recent-location", test_recent_location);
  g_test_add_func ("/phasewise/window/framework-differs", test_framework_differs);

  status = g_test_run ();

  /* Every window was checked to finalize; the application itself is not
   * run, so it never shuts down, and is left to the process's end. */

  return status;
}
