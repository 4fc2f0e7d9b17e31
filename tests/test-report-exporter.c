/* test-report-exporter.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report-exporter"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-report-exporter.h"
#include "pw-test-core.h"
#include "pw-test-ui.h"
#include "pw-window-private.h"

/*
 * The window's report exporter under Xvfb, with a report built by hand on
 * the example workbook (/phasewise/report-exporter/…):
 *
 *   formats        each format written whole into a folder, said in a toast; busy while it
 *                  goes, one export at a time
 *   chooser        the file chooser proposes the organization's name and the format's
 *                  extension, or the caller's; one chooser at a time
 *   failure        a folder that is not there, a path through a file, a report that cannot
 *                  be rendered: an error naming the file, and nothing written or changed
 *   cancel         a large report cancelled at once, or with the progress bar's Cancel once
 *                  it shows the renderer's progress: no file, no error
 *   window-closed  the window closed during an export: it stops, no file, nothing said, the
 *                  exporter finalized
 *   print          the print operation into a PDF: the pages of the PDF export, on A4 and
 *                  on US Letter; into a folder that is not there, an error naming the file
 *   print-dialog   printing asks with the print dialog over the window; cancelled, nothing
 */

typedef struct
{
  PwWindow         *window;
  PwReportExporter *exporter;
  PwReport         *report;
  char             *dir;
  guint             busy_changes;
} Fixture;

static void
busy_changed_cb (PwReportExporter *exporter,
                 GParamSpec       *pspec,
                 Fixture          *fixture)
{
  fixture->busy_changes++;
}

/* A report of every kind of block; @n_sections more sections make it long */
static PwReport *
build_report (PwWorkbook *workbook,
              guint       n_sections)
{
  GListModel *assessments = pw_workbook_get_assessments (workbook);
  g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *facts[] = { "Organization", "Larkspur Outdoor Equipment", "Round", "Spring", NULL };
  const char *columns[] = { "Dimension", "Phase", "Score", NULL };
  const char *items[] = { "Write the policy", "Name an owner", NULL };
  const char *labels[] = { "Strategy", "Content", "Community", NULL };
  const double current[] = { 2.5, 3.0, NAN };
  const double previous[] = { 2.0, 2.5, 1.5 };
  GDate date;
  PwReport *report;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_DECEMBER, 2026);
  report = pw_report_new (workbook, "Social Media Maturity Report", &date);
  pw_report_set_assessment (report, assessment);

  pw_report_add_title (report, "Social Media Maturity Report", facts);
  pw_report_add_heading (report, 1, "Executive Summary");
  pw_report_add_markdown (report, "The team **grew**.\n\n- one\n- two\n");
  pw_report_add_heading (report, 1, "Overall Result");
  pw_report_add_paragraph (report, "Phase 2, High in phase 2");
  pw_report_add_notice (report, "Preliminary: 20 of 56 questions counted");
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { "Strategy", "2", "2.5", NULL }));
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { "Content", "3", "3.0", NULL }));
  pw_report_add_table (report, "Dimensions", columns, rows);
  pw_report_add_list (report, items);
  pw_report_add_radar (report, 3, labels, current, "Spring", previous, "Autumn");
  g_assert_true (pw_report_add_map (report, "The organization map", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_sections; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Dimension %u", i + 1);
      const char *answer[] = { "Answer", "Phase 3 — a written strategy", "Note",
                               "Reviewed every quarter by the whole team, with the numbers",
                               NULL };

      pw_report_add_heading (report, 2, heading);
      pw_report_add_paragraph (report, "Lorem ipsum dolor sit amet, consectetur adipiscing elit, "
                                       "sed do eiusmod tempor incididunt ut labore et dolore "
                                       "magna aliqua. Ut enim ad minim veniam, quis nostrud.");
      pw_report_add_facts (report, "Is there a written social media strategy?", answer);
      pw_report_add_table (report, NULL, columns, rows);
    }

  return report;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();

  fixture->window = pw_test_ui_new_window ();
  fixture->exporter = pw_report_exporter_new (GTK_WINDOW (fixture->window),
                                              fixture->window->toast_overlay);
  g_signal_connect (fixture->exporter, "notify::busy", G_CALLBACK (busy_changed_cb), fixture);
  fixture->report = build_report (workbook, 0);
  fixture->dir = pw_test_make_tmp_dir ("phasewise-report-exporter-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_false (pw_report_exporter_get_busy (fixture->exporter));
  g_assert_finalize_object (fixture->exporter);
  g_assert_finalize_object (fixture->report);
  if (fixture->window != NULL)
    pw_test_ui_destroy_window (fixture->window);
  pw_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
is_idle (gpointer data)
{
  return !pw_report_exporter_get_busy (data);
}

static void
wait_until_idle (PwReportExporter *exporter)
{
  pw_test_ui_wait (is_idle, exporter, "the export to end");
  pw_test_ui_flush ();
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: what an export left there */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* @path holds a whole file of @format */
static void
assert_whole (const char     *path,
              PwReportFormat  format)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  switch (format)
    {
    case PW_REPORT_FORMAT_HTML:
      g_assert_nonnull (strstr (contents, "Social Media Maturity Report"));
      g_assert_nonnull (g_strrstr (contents, "</html>"));
      break;
    case PW_REPORT_FORMAT_PDF:
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_nonnull (g_strrstr_len (contents + length - MIN (length, 64), MIN (length, 64),
                                       "%%EOF"));
      break;
    case PW_REPORT_FORMAT_MARKDOWN:
      g_assert_nonnull (strstr (contents, "Social Media Maturity Report"));
      g_assert_nonnull (strstr (contents, "Executive Summary"));
      break;
    case PW_REPORT_FORMAT_CSV:
      g_assert_nonnull (strchr (contents, ','));
      g_assert_true (contents[length - 1] == '\n');
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  const PwReportFormat formats[] = { PW_REPORT_FORMAT_HTML, PW_REPORT_FORMAT_PDF,
                                     PW_REPORT_FORMAT_MARKDOWN, PW_REPORT_FORMAT_CSV };
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *listed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("report.", pw_report_format_get_extension (formats[i]),
                                           NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *other = g_build_filename (fixture->dir, "second.txt", NULL);
      g_autofree char *toast = g_strdup_printf ("Report exported to “%s”", name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) second = g_file_new_for_path (other);

      fixture->busy_changes = 0;
      pw_report_exporter_export_to_file (fixture->exporter, fixture->report, formats[i],
                                         PW_PAPER_A4, file);
      g_assert_true (pw_report_exporter_get_busy (fixture->exporter));
      /* One at a time: this one is not started */
      pw_report_exporter_export_to_file (fixture->exporter, fixture->report, formats[i],
                                         PW_PAPER_A4, second);
      wait_until_idle (fixture->exporter);
      g_assert_cmpuint (fixture->busy_changes, ==, 2);

      assert_whole (path, formats[i]);
      pw_test_ui_wait_for_toast (fixture->window, toast);
      g_assert_null (pw_test_ui_find_dialog (NULL));
      g_string_append_printf (expected, "%s%s", i ? " " : "", name);
    }

  /* The files and nothing else: no temporary file left, no second one */
  listed = list_dir (fixture->dir);
  g_assert_cmpstr (listed, ==, "report.csv report.html report.md report.pdf");
}

/* The visible toplevels of @type (a type name: GtkPrintUnixDialog's header
 * is in gtk4-unix-print, which the tests do not use); the first in @first */
static guint
count_toplevels (const char  *type,
                 GtkWindow  **first)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GType wanted = g_type_from_name (type);
  guint n = 0;

  for (guint i = 0; wanted != 0 && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!g_type_is_a (G_OBJECT_TYPE (window), wanted)
          || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (n == 0 && first != NULL)
        *first = window;
      n++;
    }

  return n;
}

static gboolean
chooser_shown (gpointer data)
{
  return count_toplevels ("GtkFileChooserDialog", data) > 0;
}

static guint
count_choosers (void)
{
  return count_toplevels ("GtkFileChooserDialog", NULL);
}

static void
test_chooser (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *current = NULL;
  GtkWindow *dialog = NULL;
  GtkFileChooser *chooser;
  GtkFileFilter *filter;

  pw_report_exporter_export (fixture->exporter, fixture->report, PW_REPORT_FORMAT_PDF,
                             PW_PAPER_A4, NULL);
  /* Without a portal, GtkFileChooserNative is a GtkFileChooserDialog */
  pw_test_ui_wait (chooser_shown, &dialog, "the file chooser");
  chooser = GTK_FILE_CHOOSER (dialog);
  current = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (current, ==, "Larkspur Outdoor Equipment report.pdf");
  filter = gtk_file_chooser_get_filter (chooser);
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "PDF Documents");
  /* The user cancels: nothing happens */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  pw_test_ui_flush ();
  g_assert_false (pw_report_exporter_get_busy (fixture->exporter));

  /* Asked again, with a name of the caller's */
  dialog = NULL;
  pw_report_exporter_export (fixture->exporter, fixture->report, PW_REPORT_FORMAT_MARKDOWN,
                             PW_PAPER_A4, "Spring round");
  pw_test_ui_wait (chooser_shown, &dialog, "the file chooser");
  chooser = GTK_FILE_CHOOSER (dialog);
  g_clear_pointer (&current, g_free);
  current = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (current, ==, "Spring round.md");
  /* Asked while it asks: one chooser */
  pw_report_exporter_export (fixture->exporter, fixture->report, PW_REPORT_FORMAT_MARKDOWN,
                             PW_PAPER_A4, "Again");
  g_assert_cmpuint (count_choosers (), ==, 1);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  pw_test_ui_flush ();
  g_assert_cmpuint (count_choosers (), ==, 0);
  g_assert_false (pw_report_exporter_get_busy (fixture->exporter));
}

/* An export to @path that fails: the error names @name, nothing is left */
static void
assert_fails (Fixture        *fixture,
              PwReport       *report,
              PwReportFormat  format,
              const char     *path,
              const char     *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *heading = g_strdup_printf ("Could Not Export “%s”", name);
  g_autofree char *before = list_dir (fixture->dir);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  pw_report_exporter_export_to_file (fixture->exporter, report, format, PW_PAPER_A4, file);
  wait_until_idle (fixture->exporter);
  dialog = pw_test_ui_find_dialog (heading);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), name));
  pw_test_ui_respond (heading, "close");
  g_assert_null (pw_test_ui_find_label (GTK_WIDGET (fixture->window), "Report exported"));

  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "not-there", "report.html", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.txt", NULL);
  g_autofree char *through = g_build_filename (plain, "report.pdf", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "answers.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(PwReport) unassessed = NULL;
  PwWorkbook *workbook = pw_report_get_workbook (fixture->report);

  pw_test_write_text (plain, "not a folder\n");
  pw_test_write_text (existing, "kept\n");

  /* A folder that is not there */
  assert_fails (fixture, fixture->report, PW_REPORT_FORMAT_HTML, missing, "report.html");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A path through a regular file */
  assert_fails (fixture, fixture->report, PW_REPORT_FORMAT_PDF, through, "report.pdf");
  g_assert_true (g_file_get_contents (plain, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a folder\n");
  g_clear_pointer (&contents, g_free);

  /* A report that cannot be rendered (answers of no assessment): the file
   * that was there stays as it was */
  unassessed = pw_report_new (workbook, "Social Media Maturity Report", NULL);
  assert_fails (fixture, unassessed, PW_REPORT_FORMAT_CSV, existing, "answers.csv");
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "kept\n");
  g_assert_finalize_object (g_steal_pointer (&unassessed));
}

static gboolean
revealed_or_done (gpointer data)
{
  PwReportExporter *exporter = data;
  GtkWidget *revealer = pw_report_exporter_get_progress_bar (exporter);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer))
         || !pw_report_exporter_get_busy (exporter);
}

/* The bar shows how far the PDF is, not a pulse: its fraction moved on */
static gboolean
progressed_or_done (gpointer data)
{
  PwReportExporter *exporter = data;
  GtkWidget *bar = pw_test_ui_find_widget (pw_report_exporter_get_progress_bar (exporter),
                                           GTK_TYPE_PROGRESS_BAR);

  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0.0
         || !pw_report_exporter_get_busy (exporter);
}

static gboolean
is_cancel_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Cancel") == 0;
}

static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PwReport) large = build_report (pw_report_get_workbook (fixture->report), 1500);
  g_autofree char *path = g_build_filename (fixture->dir, "large.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *revealer = pw_report_exporter_get_progress_bar (fixture->exporter);
  g_autofree char *listed = NULL;
  GtkWidget *cancel;

  g_assert_true (GTK_IS_REVEALER (revealer));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  cancel = pw_test_ui_find (revealer, is_cancel_button, NULL);
  g_assert_nonnull (cancel);
  g_assert_nonnull (pw_test_ui_find (revealer, is_label_text, "Exporting report…"));
  g_assert_nonnull (pw_test_ui_find_widget (revealer, GTK_TYPE_PROGRESS_BAR));

  /* Cancelled at once: a long PDF is far from written */
  pw_report_exporter_export_to_file (fixture->exporter, large, PW_REPORT_FORMAT_PDF,
                                     PW_PAPER_A4, file);
  pw_report_exporter_cancel (fixture->exporter);
  wait_until_idle (fixture->exporter);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (pw_test_ui_find_dialog (NULL));
  g_assert_null (pw_test_ui_find_label (GTK_WIDGET (fixture->window), "Report exported"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  listed = list_dir (fixture->dir);
  g_assert_cmpstr (listed, ==, "");

  /* Cancelled with the progress bar's button, once it shows; an export
   * quicker than that is whole */
  pw_report_exporter_export_to_file (fixture->exporter, large, PW_REPORT_FORMAT_PDF,
                                     PW_PAPER_A4, file);
  pw_test_ui_wait (revealed_or_done, fixture->exporter, "the progress bar");
  if (pw_report_exporter_get_busy (fixture->exporter))
    pw_test_ui_wait (progressed_or_done, fixture->exporter, "the progress");
  if (pw_report_exporter_get_busy (fixture->exporter))
    {
      GtkProgressBar *bar = GTK_PROGRESS_BAR (pw_test_ui_find_widget (revealer,
                                                                      GTK_TYPE_PROGRESS_BAR));

      /* The renderer's progress, through the main loop */
      g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), >, 0.0);
      g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), <=, 1.0);
      g_signal_emit_by_name (cancel, "clicked");
      wait_until_idle (fixture->exporter);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_null (pw_test_ui_find_dialog (NULL));
    }
  else
    {
      g_test_message ("The export was over before its progress showed");
      assert_whole (path, PW_REPORT_FORMAT_PDF);
    }
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_finalize_object (g_steal_pointer (&large));
}

/* The window closes while a long export goes on: the export stops, writes
 * nothing and says nothing, and the exporter goes once it is over */
static void
test_window_closed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PwReport) large = build_report (pw_report_get_workbook (fixture->report), 1500);
  g_autofree char *path = g_build_filename (fixture->dir, "large.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  pw_report_exporter_export_to_file (fixture->exporter, large, PW_REPORT_FORMAT_PDF,
                                     PW_PAPER_A4, file);
  g_assert_true (pw_report_exporter_get_busy (fixture->exporter));
  pw_test_ui_destroy_window (g_steal_pointer (&fixture->window));
  wait_until_idle (fixture->exporter);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (pw_test_ui_find_dialog (NULL));
  g_assert_finalize_object (g_steal_pointer (&large));
}

static gboolean
print_dialog_shown (gpointer data)
{
  return count_toplevels ("GtkPrintUnixDialog", data) > 0;
}

/* Print: the print dialog over the window, on the paper asked for, busy
 * until it is answered; cancelled, nothing is said */
static void
test_print_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  pw_report_exporter_print (fixture->exporter, fixture->report, PW_PAPER_US_LETTER);
  pw_test_ui_wait (print_dialog_shown, &dialog, "the print dialog");
  g_assert_true (pw_report_exporter_get_busy (fixture->exporter));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_object_get (dialog, "page-setup", &page_setup, NULL);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (page_setup)), ==,
                   GTK_PAPER_NAME_LETTER);
  /* One at a time */
  pw_report_exporter_print (fixture->exporter, fixture->report, PW_PAPER_A4);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  wait_until_idle (fixture->exporter);
  g_assert_cmpuint (fixture->busy_changes, ==, 2);
  g_assert_null (pw_test_ui_find_dialog (NULL));
}

/* The page count that pdfinfo reads in @path, and its page size in points */
static guint
count_pages (const char *pdfinfo,
             const char *path,
             double     *width,
             double     *height)
{
  const char *argv[] = { pdfinfo, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  guint pages = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:"))
        g_assert_cmpint (sscanf (lines[i], "Page size: %lf x %lf", width, height), ==, 2);
    }

  return pages;
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(PwReport) long_report = build_report (pw_report_get_workbook (fixture->report), 40);
  const PwPaperSize papers[] = { PW_PAPER_A4, PW_PAPER_US_LETTER };
  const double widths[] = { 595.28, 612.0 };
  const double heights[] = { 841.89, 792.0 };

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils, tools/deps.sh) is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
      g_autofree char *exported = g_build_filename (fixture->dir, "exported.pdf", NULL);
      g_autoptr(GFile) printed_file = g_file_new_for_path (printed);
      g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
      double width = 0, height = 0;
      guint printed_pages, exported_pages;

      fixture->busy_changes = 0;
      pw_report_exporter_print_to_file (fixture->exporter, long_report, papers[i], printed_file);
      wait_until_idle (fixture->exporter);
      g_assert_cmpuint (fixture->busy_changes, ==, 2);
      g_assert_null (pw_test_ui_find_dialog (NULL));

      printed_pages = count_pages (pdfinfo, printed, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, widths[i], 0.5);
      g_assert_cmpfloat_with_epsilon (height, heights[i], 0.5);

      /* The print-out has the pages of the PDF export, both laid out by
       * PwReportLayout on the same paper */
      pw_report_exporter_export_to_file (fixture->exporter, long_report, PW_REPORT_FORMAT_PDF,
                                         papers[i], exported_file);
      wait_until_idle (fixture->exporter);
      exported_pages = count_pages (pdfinfo, exported, &width, &height);
      g_assert_cmpuint (exported_pages, >, 1);
      g_assert_cmpuint (printed_pages, ==, exported_pages);
    }

  g_assert_finalize_object (g_steal_pointer (&long_report));

  /* A folder that is not there: said, naming the file */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "not-there", "printed.pdf", NULL);
    g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
    const char *heading = "Could Not Print “Social Media Maturity Report”";
    AdwMessageDialog *dialog;

    pw_report_exporter_print_to_file (fixture->exporter, fixture->report, PW_PAPER_A4,
                                      missing_file);
    wait_until_idle (fixture->exporter);
    dialog = pw_test_ui_find_dialog (heading);
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), missing));
    pw_test_ui_respond (heading, "close");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-report-exporter");
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/phasewise/report-exporter/formats", Fixture, NULL,
              fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/phasewise/report-exporter/chooser", Fixture, NULL,
              fixture_set_up, test_chooser, fixture_tear_down);
  g_test_add ("/phasewise/report-exporter/failure", Fixture, NULL,
              fixture_set_up, test_failure, fixture_tear_down);
  g_test_add ("/phasewise/report-exporter/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/phasewise/report-exporter/window-closed", Fixture, NULL,
              fixture_set_up, test_window_closed, fixture_tear_down);
  g_test_add ("/phasewise/report-exporter/print", Fixture, NULL,
              fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/phasewise/report-exporter/print-dialog", Fixture, NULL,
              fixture_set_up, test_print_dialog, fixture_tear_down);

  return g_test_run ();
}
