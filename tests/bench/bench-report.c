/* bench-report.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-report"

#include "config.h"

#include <locale.h>

#include "bench-utils.h"
#include "phasewise-core.h"
#include "pw-report-export.h"
#include "pw-report.h"
#include "pw-utils-private.h"

/*
 * Measures exporting the report of the example workbook
 * (data/examples/larkspur.phasewise) and of the large benchmark workbook
 * (bench_build_large_workbook(): 2,000 teams on the map and in the teams
 * overview, 100 assessments) to every format, against a reference run in
 * the same invocation: saving the same workbook (pw_workbook_serialize()),
 * which reads every answer and note once.  Run it with `meson test -C
 * build --benchmark -v`; the figures go to docs/benchmarks.md.
 *
 * The report is the one the command line makes: pw_report_build() on the
 * latest assessment with the workbook's first report draft, measured on its
 * own, then pw_report_render() of that report in each format (A4 for the
 * PDF), as the window's exporter renders a report built beforehand.
 */

#ifndef N_RUNS
#define N_RUNS 5
#endif

static const struct
{
  PwReportFormat  format;
  const char     *name;
} formats[] = {
  { PW_REPORT_FORMAT_HTML, "HTML" },
  { PW_REPORT_FORMAT_PDF, "PDF" },
  { PW_REPORT_FORMAT_MARKDOWN, "Markdown" },
  { PW_REPORT_FORMAT_CSV, "CSV" },
};

static double
elapsed_ms (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static PwReport *
build_report (PwWorkbook *workbook)
{
  g_autoptr(PwReportDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *reports = pw_workbook_get_reports (workbook);
  PwReport *report;
  GDate today;

  if (g_list_model_get_n_items (reports) > 0)
    draft = g_list_model_get_item (reports, 0);
  report = pw_report_build (workbook, draft, NULL, _pw_date_init_today (&today), &error);
  if (report == NULL)
    g_error ("Cannot build the report: %s", error->message);

  return report;
}

static void
measure (const char *title,
         PwWorkbook *workbook)
{
  double save[N_RUNS], build[N_RUNS], render[G_N_ELEMENTS (formats)][N_RUNS];
  gsize sizes[G_N_ELEMENTS (formats)] = { 0 };
  g_autoptr(PwReport) report = NULL;
  double reference;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(PwReport) built = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      saved = pw_workbook_serialize (workbook);
      save[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      built = build_report (workbook);
      build[run] = elapsed_ms (start);
    }

  report = build_report (workbook);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      for (guint run = 0; run < N_RUNS; run++)
        {
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();

          bytes = pw_report_render (report, formats[f].format, PW_PAPER_A4, NULL, NULL, NULL,
                                    &error);
          render[f][run] = elapsed_ms (start);
          if (bytes == NULL)
            g_error ("Cannot render %s: %s", formats[f].name, error->message);
          sizes[f] = g_bytes_get_size (bytes);
        }
    }

  reference = bench_median (save, N_RUNS);
  g_print ("\n%s: %u blocks; median of %d runs\n", title, pw_report_get_n_blocks (report),
           N_RUNS);
  g_print ("| measure | size | time | ratio to saving the workbook (%.1f ms) |\n", reference);
  g_print ("|---|---|---|---|\n");
  g_print ("| build the report | | %.1f ms | %.2f× |\n", bench_median (build, N_RUNS),
           bench_median (build, N_RUNS) / reference);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      double ms = bench_median (render[f], N_RUNS);

      g_print ("| render %s | %.1f kB | %.1f ms | %.2f× |\n", formats[f].name,
               sizes[f] / 1e3, ms, ms / reference);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(PwWorkbook) example = NULL;
  g_autoptr(PwWorkbook) large = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  setlocale (LC_ALL, "");

  path = g_build_filename (g_getenv ("PW_SOURCE_ROOT") ? g_getenv ("PW_SOURCE_ROOT") : ".",
                           "data", "examples", "larkspur.phasewise", NULL);
  file = g_file_new_for_path (path);
  example = pw_workbook_load (file, NULL, &error);
  if (example == NULL)
    g_error ("Cannot open %s: %s", path, error->message);
  measure ("Example workbook (larkspur.phasewise)", example);

  framework = pw_framework_load_bundled (&error);
  if (framework == NULL)
    g_error ("Cannot load the bundled framework: %s", error->message);
  large = bench_build_large_workbook (framework);
  measure ("Large workbook (2,000 teams, 100 assessments)", large);

  return 0;
}
