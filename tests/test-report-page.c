/* test-report-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report-page"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-comparison-view.h"
#include "pw-report-page.h"
#include "pw-test-core.h"
#include "pw-test-ui.h"
#include "pw-window-private.h"

/*
 * The Report area of the real window under Xvfb, driven through its
 * actions and widgets as a user's clicks and keys would:
 *
 *   /phasewise/report-page/edit-undo-reopen  the example's report through win.show-report; a
 *                                            summary written for a round without a draft adds
 *                                            the draft in one step, undone and redone; a section
 *                                            switched off; saved and reopened: both are there,
 *                                            and in the PDF exported
 *   /phasewise/report-page/example           the example's draft shown, its Markdown previewed;
 *                                            the title page's facts are the workbook's and the
 *                                            assessment's fields
 *
 * With PW_TEST_SCREENSHOTS=DIR, the page is also rendered to PNG files in DIR.
 */

static PwWorkbook *
get_workbook (PwWindow *window)
{
  PwDocument *document = pw_window_get_document (window);

  return document ? pw_document_get_workbook (document) : NULL;
}

static void
settle (void)
{
  for (guint i = 0; i < 60; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* The window as it looks, to DIR/NAME.png when PW_TEST_SCREENSHOTS=DIR */
static void
maybe_shoot (PwWindow   *window,
             const char *name)
{
  const char *dir = g_getenv ("PW_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  settle ();
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  settle ();
  g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
}

/* The Report area, shown through the window's action */
static PwReportPage *
show_report_area (PwWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-report", NULL));
  pw_test_ui_flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "report");

  return window->report_page;
}

static char *
get_summary_text (PwReportPage *page)
{
  GtkTextBuffer *buffer =
    gtk_text_view_get_buffer (GTK_TEXT_VIEW (pw_report_page_get_summary_view (page)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Puts @text at the end of the summary, as a paste does */
static void
paste_summary (PwReportPage *page,
               const char   *text)
{
  GtkWidget *view = pw_report_page_get_summary_view (page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter end;

  gtk_widget_grab_focus (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
  pw_test_ui_flush ();
}

static guint
count_reports (PwWorkbook *workbook)
{
  return g_list_model_get_n_items (pw_workbook_get_reports (workbook));
}

static gboolean
document_saved (gpointer data)
{
  PwDocument *document = pw_window_get_document (data);

  return document != NULL && !pw_document_get_busy (document)
         && !pw_document_get_modified (document);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
preview_laid_out (gpointer data)
{
  return pw_report_page_get_n_pages (data) > 0;
}

#define SUMMARY "The baseline: *listening* first."

static void
export_pdf (PwWindow     *window,
            PwReportPage *page,
            const char   *dir)
{
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  int status = 0;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  pw_report_page_export_to_file (page, PW_REPORT_FORMAT_PDF, file);
  pw_test_ui_wait (file_exists, path, "the PDF");
  pw_test_ui_wait_for_toast (window, "Report exported to “report.pdf”");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 5);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);

  /* Its text, where poppler-utils are there (tools/deps.sh installs them) */
  if (pdftotext == NULL)
    return;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "The baseline: listening first."));
  g_assert_null (strstr (text, "Policy Checklist"));
}

static void
test_edit_undo_reopen (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "reports", NULL);
  g_autofree char *path = g_build_filename (dir, "report.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  PwAssessment *baseline;
  PwReportPage *page;
  PwReportDraft *draft;
  GtkWidget *toggle;
  guint n_reports;

  g_mkdir_with_parents (dir, 0700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  g_assert_nonnull (workbook);
  n_reports = count_reports (workbook);

  /* The baseline round has no draft: the defaults, and nothing added yet */
  page = show_report_area (window);
  baseline = pw_workbook_find_assessment (workbook, "assessment-1");
  g_assert_nonnull (baseline);
  pw_report_page_set_assessment (page, baseline);
  pw_test_ui_flush ();
  g_assert_true (pw_report_page_get_assessment (page) == baseline);
  g_assert_null (pw_report_page_get_draft (page));
  text = get_summary_text (page);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (count_reports (workbook), ==, n_reports);
  for (const char * const *s = pw_report_sections (); *s != NULL; s++)
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (pw_report_page_get_section_switch (page, *s))));

  /* Written: the draft is added with the text, in one step */
  paste_summary (page, SUMMARY);
  g_assert_cmpuint (count_reports (workbook), ==, n_reports + 1);
  draft = pw_report_page_get_draft (page);
  g_assert_nonnull (draft);
  g_assert_cmpstr (pw_report_draft_get_assessment_id (draft), ==, "assessment-1");
  g_assert_cmpstr (pw_report_draft_get_summary (draft), ==, SUMMARY);
  g_assert_true (pw_document_get_modified (pw_window_get_document (window)));
  maybe_shoot (window, "report-page-summary");

  /* Undone: no draft and no text; redone: both back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_cmpuint (count_reports (workbook), ==, n_reports);
  g_assert_null (pw_report_page_get_draft (page));
  text = get_summary_text (page);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  pw_test_ui_flush ();
  g_assert_cmpuint (count_reports (workbook), ==, n_reports + 1);
  draft = pw_report_page_get_draft (page);
  g_assert_nonnull (draft);
  g_assert_cmpstr (pw_report_draft_get_summary (draft), ==, SUMMARY);
  text = get_summary_text (page);
  g_assert_cmpstr (text, ==, SUMMARY);
  g_clear_pointer (&text, g_free);

  /* The policy section switched off (gtk_widget_activate() would wait for
   * the switch's animation) */
  toggle = pw_report_page_get_section_switch (page, PW_REPORT_SECTION_POLICY);
  g_assert_nonnull (toggle);
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  pw_test_ui_flush ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (pw_report_draft_get_section_included (draft, PW_REPORT_SECTION_POLICY));
  g_assert_true (pw_report_draft_get_section_included (draft, PW_REPORT_SECTION_SUMMARY));

  /* Undone, the switch follows; redone */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  pw_test_ui_flush ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* Saved, and opened again in another window */
  pw_document_save_async (pw_window_get_document (window), file, PW_SAVE_NONE, NULL, NULL, NULL);
  pw_test_ui_wait (document_saved, window, "the save");
  pw_test_ui_destroy_window (window);

  window = pw_test_ui_new_window ();
  pw_test_ui_open_file (window, file);
  workbook = get_workbook (window);
  g_assert_cmpuint (count_reports (workbook), ==, n_reports + 1);
  page = show_report_area (window);
  pw_report_page_set_assessment (page, pw_workbook_find_assessment (workbook, "assessment-1"));
  pw_test_ui_flush ();
  draft = pw_report_page_get_draft (page);
  g_assert_nonnull (draft);
  text = get_summary_text (page);
  g_assert_cmpstr (text, ==, SUMMARY);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (
                    pw_report_page_get_section_switch (page, PW_REPORT_SECTION_POLICY))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (
                   pw_report_page_get_section_switch (page, PW_REPORT_SECTION_ANSWERS))));

  /* Exported as a PDF: the summary is in it, the policy section is not */
  export_pdf (window, page, dir);

  pw_test_ui_destroy_window (window);
}

static void
test_example (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  PwAssessment *assessment;
  PwReportPage *page;
  AdwEntryRow *row;
  g_autofree char *text = NULL;
  guint n_reports;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  n_reports = count_reports (workbook);

  /* The latest round, whose draft the example has */
  page = show_report_area (window);
  assessment = pw_report_page_get_assessment (page);
  g_assert_nonnull (assessment);
  g_assert_cmpstr (pw_assessment_get_id (assessment), ==, "assessment-2");
  g_assert_nonnull (pw_report_page_get_draft (page));
  g_assert_cmpstr (pw_report_draft_get_id (pw_report_page_get_draft (page)), ==, "report-1");
  text = get_summary_text (page);
  g_assert_true (g_str_has_prefix (text, "Larkspur has moved"));
  row = ADW_ENTRY_ROW (pw_test_ui_find_row (GTK_WIDGET (page), "Tit_le"));
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "Social media maturity review 2026");
  maybe_shoot (window, "report-page-example");

  /* The pages as the PDF lays them out, turned */
  pw_test_ui_wait (preview_laid_out, page, "the pages of the preview");
  g_assert_cmpuint (pw_report_page_get_n_pages (page), >, 2);
  g_assert_cmpuint (pw_report_page_get_page (page), ==, 0);
  /* No page before the first */
  gtk_widget_activate_action (GTK_WIDGET (page), "report.previous-page", NULL);
  g_assert_cmpuint (pw_report_page_get_page (page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.next-page", NULL));
  g_assert_cmpuint (pw_report_page_get_page (page), ==, 1);
  {
    g_autofree char *label = g_strdup_printf ("Page 2 of %u", pw_report_page_get_n_pages (page));

    g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (page), label));
  }
  if (g_getenv ("PW_TEST_SCREENSHOTS") != NULL)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.previous-page", NULL));
      scroll_to (GTK_WIDGET (pw_test_ui_find_label (GTK_WIDGET (page), "Page 1 of")));
      maybe_shoot (window, "report-page-example-pages");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.next-page", NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.next-page", NULL));
      maybe_shoot (window, "report-page-example-pages-3");
    }

  /* The summary's Markdown as it will look, and back */
  g_assert_null (pw_test_ui_find_label (GTK_WIDGET (page), "Larkspur has moved"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.preview", NULL));
  pw_test_ui_flush ();
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (page), "Larkspur has moved"));
  if (g_getenv ("PW_TEST_SCREENSHOTS") != NULL)
    {
      scroll_to (pw_report_page_get_summary_view (page));
      maybe_shoot (window, "report-page-example-preview");
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.preview", NULL));
  pw_test_ui_flush ();

  /* The facts of the title page are the model's fields */
  row = ADW_ENTRY_ROW (pw_test_ui_find_row (GTK_WIDGET (page), "Or_ganization"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, pw_workbook_get_name (workbook));
  row = ADW_ENTRY_ROW (pw_test_ui_find_row (GTK_WIDGET (page), "_Facilitator"));
  gtk_editable_set_text (GTK_EDITABLE (row), "Dana Reyes");
  pw_test_ui_flush ();
  g_assert_cmpstr (pw_assessment_get_facilitator (assessment), ==, "Dana Reyes");
  pw_assessment_set_facilitator (assessment, "Sam Ortiz");
  pw_test_ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Sam Ortiz");

  /* The paper, from the locale unless chosen */
  pw_report_page_set_paper (page, PW_PAPER_US_LETTER);
  g_assert_cmpint (pw_report_page_get_paper (page), ==, PW_PAPER_US_LETTER);
  pw_report_page_set_paper (page, PW_PAPER_A4);
  g_assert_cmpint (pw_report_page_get_paper (page), ==, PW_PAPER_A4);

  /* No edit of a report, no draft added */
  g_assert_cmpuint (count_reports (workbook), ==, n_reports);

  /* Compared with the baseline: the comparison shows it before, the
   * round reported on after */
  {
    GtkWidget *view = pw_test_ui_find_widget (GTK_WIDGET (page), PW_TYPE_COMPARISON_VIEW);
    PwAssessment *baseline = pw_workbook_find_assessment (workbook, "assessment-1");
    GtkDropDown *compare = GTK_DROP_DOWN (adw_action_row_get_activatable_widget (
                             ADW_ACTION_ROW (pw_test_ui_find_row (GTK_WIDGET (page),
                                                                  "Compare _With"))));
    guint position;

    g_assert_nonnull (view);
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (view)));
    g_assert_true (g_list_store_find (G_LIST_STORE (pw_workbook_get_assessments (workbook)),
                                      baseline, &position));
    gtk_drop_down_set_selected (compare, position + 1);
    pw_test_ui_flush ();
    g_assert_cmpstr (pw_report_draft_get_compare_id (pw_report_page_get_draft (page)), ==,
                     "assessment-1");
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (view)));
    g_assert_true (pw_comparison_view_get_first (PW_COMPARISON_VIEW (view)) == baseline);
    g_assert_true (pw_comparison_view_get_second (PW_COMPARISON_VIEW (view)) == assessment);
    if (g_getenv ("PW_TEST_SCREENSHOTS") != NULL)
      {
        scroll_to (view);
        maybe_shoot (window, "report-page-example-comparison");
      }

    /* Undone, no comparison */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    pw_test_ui_flush ();
    g_assert_null (pw_report_draft_get_compare_id (pw_report_page_get_draft (page)));
    g_assert_cmpuint (gtk_drop_down_get_selected (compare), ==, 0);
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (view)));
  }

  if (g_getenv ("PW_TEST_SCREENSHOTS") != NULL)
    {
      scroll_to (pw_report_page_get_summary_view (page));
      maybe_shoot (window, "report-page-example-summary");
      scroll_to (pw_report_page_get_section_switch (page, PW_REPORT_SECTION_SUMMARY));
      maybe_shoot (window, "report-page-example-sections");
    }

  pw_test_ui_destroy_window (window);
}

/* What the page does when the workbook changes under it adds no step of
 * its own: a round deleted elsewhere is one step, and undone whole */
static void
test_no_steps_of_its_own (void)
{
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  PwHistory *history;
  PwReportPage *page;
  guint n_undo;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  workbook = get_workbook (window);
  history = pw_document_get_history (pw_window_get_document (window));
  page = show_report_area (window);
  pw_test_ui_wait (preview_laid_out, page, "the pages of the preview");
  g_assert_cmpstr (pw_assessment_get_id (pw_report_page_get_assessment (page)), ==,
                   "assessment-2");

  n_undo = pw_history_get_n_undo (history);
  pw_assess_page_select (window->assess_page,
                         pw_workbook_find_assessment (workbook, "assessment-2"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->assess_page), "assess.delete",
                                             NULL));
  pw_test_ui_flush ();
  g_assert_null (pw_workbook_find_assessment (workbook, "assessment-2"));
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, n_undo + 1);
  /* The page reports on the latest round left */
  g_assert_nonnull (pw_report_page_get_assessment (page));
  g_assert_cmpstr (pw_assessment_get_id (pw_report_page_get_assessment (page)), !=,
                   "assessment-2");
  pw_test_ui_wait (preview_laid_out, page, "the pages laid out again");
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, n_undo + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_nonnull (pw_workbook_find_assessment (workbook, "assessment-2"));
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, n_undo);

  pw_test_ui_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-report-page");
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phasewise/report-page/edit-undo-reopen", test_edit_undo_reopen);
  g_test_add_func ("/phasewise/report-page/example", test_example);
  g_test_add_func ("/phasewise/report-page/no-steps-of-its-own", test_no_steps_of_its_own);

  return g_test_run ();
}
