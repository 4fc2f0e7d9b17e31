/* test-report-export.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The exports of a report (issue 12), as a user makes them: the real
 * `phasewise --export FORMAT FILE --assessment ID -o OUT`.
 *
 *   /phasewise/report-export/formats           names and extensions
 *   /phasewise/report-export/answers-csv       one row per question, retired
 *                                              answers, formulas neutralised
 *   /phasewise/report-export/render            in process: the CSV of the report's
 *                                              assessment, of none, a cancelled export
 *   /phasewise/report-export/complete/FORMAT   a workbook with every field set
 *                                              (pw_test_build_complete_workbook()):
 *                                              every value in the export, escaped
 *                                              (tests/check-report-export.py)
 *   /phasewise/report-export/paper             --paper letter and a4
 *   /phasewise/report-export/usage             what exits 2 and what exits 1
 *   /phasewise/report-export/failed/...        a full disk (RLIMIT_FSIZE), a
 *                                              read-only folder, a folder in the
 *                                              way, no folder: no file half
 *                                              written, none left behind, the
 *                                              previous one intact
 *
 * Child processes: the failure cases run the real binary under a file size
 * limit (SIGXFSZ ignored), and this test binary as `test-report-export
 * --pw-helper export WORKBOOK FORMAT TARGET FSIZE USER` (helper_export())
 * for pw_report_export() itself under a limit or, as root, for
 * pw_report_write() as the user "nobody", for whom permissions count.  `test-report-export --pw-helper
 * fixture` writes the complete workbook and its expectations, to look at.
 */

#define G_LOG_DOMAIN "test-report-export"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "phasewise-core.h"
#include "pw-answers-csv.h"
#include "pw-report-export.h"
#include "pw-report.h"
#include "pw-test-core.h"
#include "pw-utils-private.h"

#define HELPER_EXPORTED     0
#define HELPER_FAILED       1
#define HELPER_SETUP_FAILED 2
#define HELPER_SKIP         77
#define PREVIOUS            "the previous export, which a failed one must keep"

static const char * const formats[] = { "html", "pdf", "md", "csv", NULL };

typedef struct
{
  char *dir;       /* a private folder */
  char *workbook;  /* the complete workbook, saved there */
  char *expected;  /* what its report must show (JSON) */
} Fixture;

/* Saves the complete workbook to @path and what its report must show to
 * @expected_path */
static void
save_complete_workbook (const char *path,
                        const char *expected_path)
{
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(PwWorkbook) workbook = pw_test_build_complete_workbook (&expected);
  g_autoptr(GBytes) bytes = pw_workbook_serialize (workbook);
  g_autofree char *json = json_to_string (expected, TRUE);

  pw_test_write_bytes (path, bytes);
  pw_test_write_text (expected_path, json);
}

/* The complete workbook in a new folder, its expectations beside it */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = pw_test_make_tmp_dir ("report-export-XXXXXX");
  fixture->workbook = g_build_filename (fixture->dir, "complete.phasewise", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  fixture->expected = g_build_filename (g_get_user_cache_dir (), "expected.json", NULL);
  save_complete_workbook (fixture->workbook, fixture->expected);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  pw_test_remove_tree (fixture->dir);
  g_unlink (fixture->expected);
  g_free (fixture->dir);
  g_free (fixture->workbook);
  g_free (fixture->expected);
}

/* ------------------------------------------------------------------------
 * Running the real binary
 */

/* In the child, before exec: a file size limit of *@user_data bytes, with
 * SIGXFSZ ignored (the disposition survives exec), so that writing past it
 * fails with EFBIG as on a full disk. */
static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit = { 0 };

  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = (rlim_t) *(guint64 *) user_data;
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs phasewise with @args, with @fsize (unless %NULL) as its file size
 * limit */
static void
run_phasewise (PwTestRun          *run,
               guint64            *fsize,
               const char * const *args)
{
  pw_test_run_phasewise (run, fsize != NULL ? limit_file_size_cb : NULL, fsize, args);
  if (run->err[0] != '\0')
    g_test_message ("phasewise %s: %s", args[0], run->err);
}

static void
export (PwTestRun  *run,
        guint64    *fsize,
        Fixture    *fixture,
        const char *format,
        const char *output)
{
  const char * const args[] = { "--export", format, fixture->workbook,
                                "--assessment", PW_TEST_COMPLETE_ASSESSMENT, "-o", output,
                                NULL };

  run_phasewise (run, fsize, args);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir are exactly the %NULL-terminated ones given */
static void
assert_dir_holds (const char *dir,
                  ...)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autofree char *found_text = NULL;
  g_autofree char *wanted_text = NULL;
  const char *name;
  va_list args;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (found, g_strdup (name));
  g_ptr_array_sort (found, compare_names);
  g_ptr_array_add (found, NULL);

  va_start (args, dir);
  while ((name = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (wanted, (gpointer) name);
  va_end (args);
  g_ptr_array_sort (wanted, compare_names);
  g_ptr_array_add (wanted, NULL);

  found_text = g_strjoinv (", ", (char **) found->pdata);
  wanted_text = g_strjoinv (", ", (char **) wanted->pdata);
  g_assert_cmpstr (found_text, ==, wanted_text);
}

/* ------------------------------------------------------------------------
 * What an export holds
 */

static void
test_formats (void)
{
  PwReportFormat format = PW_REPORT_FORMAT_CSV;

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_assert_true (pw_report_format_from_name (formats[i], &format));
      g_assert_cmpstr (pw_report_format_get_extension (format), ==, formats[i]);
    }
  g_assert_true (pw_report_format_from_name ("md", NULL));
  g_assert_cmpint (format, ==, PW_REPORT_FORMAT_CSV);

  for (const char * const *name = (const char *[]) { "HTML", "markdown", "policy-csv", "",
                                                     " pdf", NULL };
       *name != NULL; name++)
    {
      g_assert_false (pw_report_format_from_name (*name, &format));
      g_assert_cmpint (format, ==, PW_REPORT_FORMAT_CSV);
    }
  g_assert_false (pw_report_format_from_name (NULL, &format));
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  JsonArray *array = json_node_get_array (g_ptr_array_index (rows, row));

  g_assert_cmpuint (json_array_get_length (array), ==, 9);
  return json_array_get_string_element (array, column);
}

/* pw_answers_to_csv() itself: a row per question of the framework, in its
 * order, then the retired answer; the kinds; formulas neutralised */
static void
test_answers_csv (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(PwWorkbook) workbook = pw_test_build_complete_workbook (&expected);
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_find_assessment (workbook,
                                                          PW_TEST_COMPLETE_ASSESSMENT);
  g_autofree char *path = g_build_filename (fixture->dir, "answers.csv", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const PwDimension *first = pw_framework_get_dimension (framework, 0);
  const PwQuestion *question;
  guint n = pw_framework_get_n_questions (framework);

  bytes = pw_answers_to_csv (workbook, assessment, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "\xEF\xBB\xBF\"Dimension\""));
  pw_test_write_bytes (path, bytes);
  rows = pw_test_read_csv (path);
  g_assert_cmpuint (rows->len, ==, 1 + n + 1);

  g_assert_cmpstr (cell (rows, 0, 1), ==, "Question ID");
  g_assert_cmpstr (cell (rows, 0, 8), ==, "Not applicable when");

  /* The first four questions of the first dimension: an option, "don't
   * know", "not applicable", unanswered with a note */
  question = g_ptr_array_index (first->questions, 0);
  g_assert_cmpstr (cell (rows, 1, 0), ==, first->name);
  g_assert_cmpstr (cell (rows, 1, 1), ==, question->id);
  g_assert_cmpstr (cell (rows, 1, 2), ==, question->text);
  g_assert_cmpstr (cell (rows, 1, 3), ==, "Option");
  g_assert_cmpstr (cell (rows, 1, 4), ==, "3");
  g_assert_cmpstr (cell (rows, 1, 5), ==, question->options[2]);
  g_assert_true (g_str_has_prefix (cell (rows, 1, 6), "'=HYPERLINK(\"http://x\",\"y\")") ||
                 g_str_has_prefix (cell (rows, 1, 6), "'=Note-"));
  g_assert_true (g_str_has_prefix (cell (rows, 1, 7), "'@Evidence-"));

  g_assert_cmpstr (cell (rows, 2, 3), ==, "Don’t know");
  g_assert_cmpstr (cell (rows, 2, 4), ==, "");
  g_assert_cmpstr (cell (rows, 2, 5), ==, "");
  g_assert_true (g_str_has_prefix (cell (rows, 2, 6), "'+Note-"));

  question = g_ptr_array_index (first->questions, 2);
  g_assert_cmpstr (cell (rows, 3, 3), ==, "Not applicable");
  g_assert_cmpstr (cell (rows, 3, 8), ==, question->not_applicable ? question->not_applicable : "");
  g_assert_true (g_str_has_prefix (cell (rows, 3, 6), "'@Note-"));

  g_assert_cmpstr (cell (rows, 4, 3), ==, "Not answered");
  g_assert_true (g_str_has_prefix (cell (rows, 4, 6), "'-Note-"));
  g_assert_nonnull (strstr (cell (rows, 4, 6), "\nsecond line of the note: <script>"));

  /* The retired answer last, with the version it was given against */
  g_assert_cmpstr (cell (rows, n + 1, 0), ==, "Retired (framework 1.0.0)");
  g_assert_cmpstr (cell (rows, n + 1, 1), ==, "retired-question");
  g_assert_true (g_str_has_prefix (cell (rows, n + 1, 2), "Retired-question <script>"));
  g_assert_cmpstr (cell (rows, n + 1, 4), ==, "2");
  g_assert_true (g_str_has_prefix (cell (rows, n + 1, 5), "Retired-option <script>"));
  g_assert_true (g_str_has_prefix (cell (rows, n + 1, 6), "'=HYPERLINK("));
}

/* pw_report_render() and pw_report_export() in process: each format, the
 * CSV of a report about no assessment, a cancelled export writes nothing */
static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(PwWorkbook) workbook = pw_test_build_complete_workbook (&expected);
  g_autoptr(PwReportDraft) draft = g_list_model_get_item (pw_workbook_get_reports (workbook), 0);
  g_autoptr(PwReport) report = NULL;
  g_autoptr(PwReport) about_nothing = pw_report_new (workbook, "Nothing", NULL);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) answers = NULL;
  g_autoptr(GError) error = NULL;
  PwAssessment *assessment;

  report = pw_report_build (workbook, draft, NULL, NULL, &error);
  g_assert_no_error (error);
  assessment = pw_report_get_assessment (report);
  g_assert_cmpstr (pw_assessment_get_id (assessment), ==, PW_TEST_COMPLETE_ASSESSMENT);

  for (PwReportFormat format = PW_REPORT_FORMAT_HTML; format <= PW_REPORT_FORMAT_CSV; format++)
    {
      g_autoptr(GBytes) bytes = pw_report_render (report, format, PW_PAPER_A4, NULL, NULL, NULL,
                                                  &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }

  /* The CSV is the answers of the report's assessment */
  csv = pw_report_render (report, PW_REPORT_FORMAT_CSV, PW_PAPER_A4, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  answers = pw_answers_to_csv (workbook, assessment, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (csv, answers));

  g_assert_null (pw_report_render (about_nothing, PW_REPORT_FORMAT_CSV, PW_PAPER_A4, NULL, NULL,
                                   NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  g_assert_false (pw_report_export (report, PW_REPORT_FORMAT_HTML, PW_PAPER_A4, file, NULL, NULL,
                                    cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, path));
  assert_dir_holds (fixture->dir, "complete.phasewise", NULL);
  g_clear_error (&error);

  g_assert_true (pw_report_export (report, PW_REPORT_FORMAT_CSV, PW_PAPER_A4, file, NULL, NULL,
                                   NULL, &error));
  g_assert_no_error (error);
  pw_test_assert_file_bytes (path, answers);
}

/* Runs a checker of tests/ on an export; fails with its problems */
static void
run_checker (const char *checker,
             const char *format,
             const char *path,
             const char *expected)
{
  g_autofree char *script = pw_test_source_path ("tests", checker, NULL);
  const char *argv[] = { g_getenv ("PW_PYTHON3"), script, format, path, expected, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  /* check-report-html.py takes the file alone */
  if (format == NULL)
    memmove (&argv[2], &argv[3], 2 * sizeof (char *));

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_test_fail_printf ("%s: the export %s drops or mis-escapes what the user entered, or "
                        "loads or runs something:\n%s%s", checker, path, out, err);
}

/* The completeness test: every value entered, in every format */
static void
test_complete (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *format = user_data;
  g_autofree char *name = g_strconcat ("report.", format, NULL);
  g_autofree char *output = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_auto(PwTestRun) run = { 0 };

  if (g_str_equal (format, "pdf") && pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  export (&run, NULL, fixture, format, output);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_dir_holds (fixture->dir, "complete.phasewise", name, NULL);

  run_checker ("check-report-export.py", format, output, fixture->expected);

  /* and the HTML renderer's own checks: its Content Security Policy, no
   * link to nowhere, no id twice */
  if (g_str_equal (format, "html"))
    run_checker ("check-report-html.py", NULL, output, NULL);
}

/* --paper: US Letter and A4 pages; the default is A4 */
static void
test_paper (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const struct
  {
    const char *paper;
    const char *size;
  } cases[] = {
    { "letter", "612 x 792 pts" },
    { "a4", "595.28 x 841.89 pts" },
    { NULL, "595.28 x 841.89 pts" },
  };
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *output = g_build_filename (fixture->dir, "report.pdf", NULL);

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const args[] = { "--export", "pdf", fixture->workbook, "-o", output,
                                    cases[i].paper ? "--paper" : NULL, cases[i].paper, NULL };
      const char *argv[] = { pdfinfo, output, NULL };
      g_autofree char *info = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(PwTestRun) run = { 0 };
      int wait_status = 0;

      run_phasewise (&run, NULL, args);
      g_assert_cmpint (run.status, ==, 0);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &info, NULL, &wait_status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      g_assert_nonnull (strstr (info, cases[i].size));
    }
}

/* Usage errors exit 2 and write nothing; input that will not do exits 1 */
static void
test_usage (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.phasewise", NULL);
  const char *w = fixture->workbook;
  const struct
  {
    int status;
    const char *args[10];
  } cases[] = {
    { 2, { "--export", "docx", w, "-o", output } },
    { 2, { "--export", "pdf", w, "--paper", "a5", "-o", output } },
    { 2, { "--export", "html", w, "--paper", "letter", "-o", output } },
    { 2, { "--export", "policy-csv", w, "--assessment", PW_TEST_COMPLETE_ASSESSMENT,
           "-o", output } },
    { 2, { "--paper", "a4", w } },
    { 2, { "--assessment", PW_TEST_COMPLETE_ASSESSMENT, "--summary", w } },
    { 2, { "--export", "md", w } },
    { 2, { "--export", "md", w, w, "-o", output } },
    { 1, { "--export", "csv", w, "--assessment", "no-such-assessment", "-o", output } },
    { 1, { "--export", "html", missing, "-o", output } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PwTestRun) run = { 0 };

      run_phasewise (&run, NULL, cases[i].args);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      if (cases[i].status == 1)
        g_assert_nonnull (strstr (run.err, cases[i].args[2]));
    }

  /* The standard output, and the same bytes in a file */
  {
    g_auto(PwTestRun) run = { 0 };
    g_auto(PwTestRun) to_file = { 0 };
    g_autofree char *contents = NULL;

    g_auto(PwTestRun) by_default = { 0 };
    const char * const args[] = { "--export", "csv", w, "-o", "-", NULL };

    export (&run, NULL, fixture, "csv", "-");
    g_assert_cmpint (run.status, ==, 0);
    export (&to_file, NULL, fixture, "csv", output);
    g_assert_cmpint (to_file.status, ==, 0);
    g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
    g_assert_cmpstr (run.out, ==, contents);
    g_unlink (output);

    /* Without --assessment, the one the workbook's report draft is about
     * (here also the latest) */
    run_phasewise (&by_default, NULL, args);
    g_assert_cmpint (by_default.status, ==, 0);
    g_assert_cmpstr (by_default.out, ==, run.out);
  }

  /* and not the latest when the draft is about an earlier round */
  {
    g_autoptr(PwWorkbook) workbook = pw_test_load_workbook (w);
    g_autoptr(PwReportDraft) draft = g_list_model_get_item (pw_workbook_get_reports (workbook),
                                                            0);
    g_autoptr(GBytes) bytes = NULL;
    const char * const args[] = { "--export", "csv", w, "-o", "-", NULL };
    g_auto(PwTestRun) run = { 0 };

    pw_report_draft_set_assessment_id (draft, "complete-2025");
    bytes = pw_workbook_serialize (workbook);
    pw_test_write_bytes (w, bytes);
    run_phasewise (&run, NULL, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"Option\""));
    g_assert_null (strstr (run.out, "Note-"));
  }
}

/* ------------------------------------------------------------------------
 * A failed export leaves no file half written
 */

/* The size of @format's export of the fixture */
static guint64
export_size (Fixture    *fixture,
             const char *format)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "size", NULL);
  g_auto(PwTestRun) run = { 0 };
  GStatBuf st;

  export (&run, NULL, fixture, format, path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_unlink (path);

  return (guint64) st.st_size;
}

/* A disk that fills up midway, in every format: from no room at all to
 * one byte short.  The command fails naming the file, and the previous
 * export is there as it was, with nothing beside it. */
static void
test_failed_fsize_limit (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "report.out", NULL);
  g_autoptr(GBytes) previous = g_bytes_new_static (PREVIOUS, strlen (PREVIOUS));
  guint steps = pw_test_quick () ? 2 : 4;

  for (guint f = 0; formats[f] != NULL; f++)
    {
      guint64 size = export_size (fixture, formats[f]);

      pw_test_write_bytes (output, previous);
      for (guint k = 0; k <= steps; k++)
        {
          guint64 limit = k < steps ? size * k / steps : size - 1;
          g_auto(PwTestRun) run = { 0 };

          /* The previous file is shorter than the limits but the first */
          export (&run, &limit, fixture, formats[f], output);
          g_test_message ("%s, limit %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT ": %s",
                          formats[f], limit, size, run.err);
          g_assert_cmpint (run.status, ==, 1);
          g_assert_nonnull (strstr (run.err, output));
          pw_test_assert_file_bytes (output, previous);
          assert_dir_holds (fixture->dir, "complete.phasewise", "report.out", NULL);
        }

      /* Exactly enough room: written */
      {
        g_auto(PwTestRun) run = { 0 };
        GStatBuf st;

        export (&run, &size, fixture, formats[f], output);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpint (g_stat (output, &st), ==, 0);
        g_assert_cmpuint ((guint64) st.st_size, ==, size);
      }
    }
}

/* pw_report_export() under the same limit, in a child (helper_export()) */
static void
test_failed_fsize_limit_api (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "report.out", NULL);
  g_autoptr(GBytes) previous = g_bytes_new_static (PREVIOUS, strlen (PREVIOUS));

  for (guint f = 0; formats[f] != NULL; f++)
    {
      guint64 size = export_size (fixture, formats[f]);
      g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, size / 2);
      const char * const args[] = { "export", fixture->workbook, formats[f], output, limit, "-",
                                    NULL };
      g_auto(GStrv) env = pw_test_environ_without_leak_check (pw_test_child_environment ());
      g_autofree char *out = NULL;

      pw_test_write_bytes (output, previous);
      g_assert_cmpint (pw_test_run_helper (args, env, &out), ==, HELPER_FAILED);
      g_test_message ("%s: %s", formats[f], out);
      g_assert_nonnull (strstr (out, "Could not export"));
      g_assert_nonnull (strstr (out, output));
      pw_test_assert_file_bytes (output, previous);
      assert_dir_holds (fixture->dir, "complete.phasewise", "report.out", NULL);
    }
}

/* A folder the user may not write to.  Root may write anywhere: as root,
 * the report is rendered and then written by a child that switched to
 * “nobody”; as anyone else, the command line exports it. */
static void
test_failed_read_only_dir (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GBytes) previous = g_bytes_new_static (PREVIOUS, strlen (PREVIOUS));

  pw_test_write_bytes (output, previous);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  for (guint f = 0; formats[f] != NULL; f++)
    {
      const char * const args[] = { "export", fixture->workbook, formats[f], output, "-",
                                    "nobody", NULL };
      g_auto(GStrv) env = pw_test_environ_without_leak_check (pw_test_child_environment ());
      g_autofree char *out = NULL;
      int status = pw_test_run_helper (args, env, &out);

      if (status == HELPER_SKIP)
        {
          g_chmod (fixture->dir, 0700);
          g_test_skip ("Running as root, and cannot switch to user “nobody” "
                       "(permissions are not enforced for root)");
          return;
        }
      g_test_message ("%s: %s", formats[f], out);
      g_assert_cmpint (status, ==, HELPER_FAILED);
      g_assert_nonnull (strstr (out, output));

      if (geteuid () != 0)
        {
          g_auto(PwTestRun) run = { 0 };

          export (&run, NULL, fixture, formats[f], output);
          g_assert_cmpint (run.status, ==, 1);
          g_assert_nonnull (strstr (run.err, output));
        }
    }

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  pw_test_assert_file_bytes (output, previous);
  assert_dir_holds (fixture->dir, "complete.phasewise", "report.pdf", NULL);
}

/* A folder where the file would go, and a file in a folder that is not
 * there: nothing written, for root too */
static void
test_failed_not_a_file (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "report.html", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
  g_autofree char *no_parent = g_build_filename (fixture->dir, "missing", "report.html", NULL);
  g_autoptr(GBytes) keep = g_bytes_new_static ("keep me", 7);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  pw_test_write_bytes (inside, keep);

  for (guint f = 0; formats[f] != NULL; f++)
    {
      g_auto(PwTestRun) in_the_way = { 0 };
      g_auto(PwTestRun) missing = { 0 };

      export (&in_the_way, NULL, fixture, formats[f], folder);
      g_assert_cmpint (in_the_way.status, ==, 1);
      g_assert_nonnull (strstr (in_the_way.err, folder));

      export (&missing, NULL, fixture, formats[f], no_parent);
      g_assert_cmpint (missing.status, ==, 1);
      g_assert_nonnull (strstr (missing.err, no_parent));
    }

  assert_dir_holds (fixture->dir, "complete.phasewise", "report.html", NULL);
  assert_dir_holds (folder, "keep.txt", NULL);
  pw_test_assert_file_bytes (inside, keep);
}

/* ------------------------------------------------------------------------
 * Helper mode: test-report-export --pw-helper export WORKBOOK FORMAT
 * TARGET FSIZE USER
 *
 * Loads WORKBOOK, builds the report of its first report draft and exports
 * it as FORMAT to TARGET with pw_report_export().  FSIZE: a RLIMIT_FSIZE in
 * bytes (SIGXFSZ ignored), or "-"; USER: "nobody" to drop root's
 * privileges after rendering, and write with pw_report_write(), or "-".
 * Prints "OK" or the error's message.
 */

static int
helper_export (int    argc,
               char **argv)
{
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwReportDraft) draft = NULL;
  g_autoptr(PwReport) report = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  PwReportFormat format;
  GDate today;

  if (argc != 5 || !pw_report_format_from_name (argv[1], &format))
    return HELPER_SETUP_FAILED;

  source = g_file_new_for_path (argv[0]);
  target = g_file_new_for_path (argv[2]);
  workbook = pw_workbook_load (source, NULL, &error);
  if (workbook != NULL)
    {
      draft = g_list_model_get_item (pw_workbook_get_reports (workbook), 0);
      report = pw_report_build (workbook, draft, PW_TEST_COMPLETE_ASSESSMENT,
                                _pw_date_init_today (&today), &error);
    }
  if (report == NULL)
    {
      g_printerr ("Cannot build the report of %s: %s\n", argv[0], error->message);
      return HELPER_SETUP_FAILED;
    }

  if (!g_str_equal (argv[3], "-"))
    {
      guint64 limit = g_ascii_strtoull (argv[3], NULL, 10);

      limit_file_size_cb (&limit);
    }

  if (g_str_equal (argv[4], "nobody"))
    {
      /* Rendered first, then written as "nobody": what is tested is the
       * writing into a folder it may not write to.  (In a fresh minimal
       * system "nobody" cannot open the font files, which cairo opens
       * again as it draws a PDF.) */
      g_autoptr(GBytes) rendered = pw_report_render (report, format, PW_PAPER_A4, NULL, NULL,
                                                     NULL, &error);

      g_assert_no_error (error);
      if (pw_test_drop_privileges () != 0)
        return HELPER_SKIP;
      if (!pw_report_write (rendered, target, NULL, &error))
        {
          g_print ("%s\n", error->message);
          return HELPER_FAILED;
        }
    }
  else if (!pw_report_export (report, format, PW_PAPER_A4, target, NULL, NULL, NULL, &error))
    {
      g_print ("%s\n", error->message);
      return HELPER_FAILED;
    }

  g_print ("OK\n");
  return HELPER_EXPORTED;
}

/* test-report-export --pw-helper fixture: writes the complete workbook
 * and what its report must show into a new folder, to look at, and
 * prints their names */
static int
helper_fixture (int    argc,
                char **argv)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("report-export-fixture-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "complete.phasewise", NULL);
  g_autofree char *expected_path = g_build_filename (dir, "expected.json", NULL);

  save_complete_workbook (path, expected_path);
  g_print ("%s\n%s\n", path, expected_path);

  return HELPER_EXPORTED;
}

#define add_test(path, func, data) \
  g_test_add ((path), Fixture, (data), fixture_set_up, (func), fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  if (pw_test_is_helper (argc, argv))
    {
      if (g_str_equal (argv[2], "export"))
        return helper_export (argc - 3, argv + 3);
      if (g_str_equal (argv[2], "fixture"))
        return helper_fixture (argc - 3, argv + 3);
      return HELPER_SETUP_FAILED;
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/report-export/formats", test_formats);
  add_test ("/phasewise/report-export/answers-csv", test_answers_csv, NULL);
  add_test ("/phasewise/report-export/render", test_render, NULL);
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/phasewise/report-export/complete/", formats[i],
                                           NULL);

      add_test (path, test_complete, formats[i]);
    }
  add_test ("/phasewise/report-export/paper", test_paper, NULL);
  add_test ("/phasewise/report-export/usage", test_usage, NULL);
  add_test ("/phasewise/report-export/failed/fsize-limit", test_failed_fsize_limit, NULL);
  add_test ("/phasewise/report-export/failed/fsize-limit-api", test_failed_fsize_limit_api,
            NULL);
  add_test ("/phasewise/report-export/failed/read-only-dir", test_failed_read_only_dir, NULL);
  add_test ("/phasewise/report-export/failed/not-a-file", test_failed_not_a_file, NULL);

  return g_test_run ();
}
