/* pw-cli.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-cli.h"
#include "pw-error.h"
#include "pw-file-writer.h"
#include "pw-json-util.h"
#include "pw-map-export.h"
#include "pw-migration.h"
#include "pw-policy-csv.h"
#include "pw-report.h"
#include "pw-report-export.h"
#include "pw-summary.h"
#include "pw-utils-private.h"
#include "pw-workbook-io.h"

/*
 * What `phasewise --validate`, `--summary` and `--export` do, apart from
 * option parsing, so that tests can call it directly.
 */

/* Writes each line of @message as "FILE:LINE:COLUMN: …" for syntax errors
 * and "FILE: $.path: …" for everything else.  The file name and the
 * message are shown with their invisible characters escaped
 * (_pw_escape_invisible()): a file name with a line break in it, or a
 * message of the system that quotes one, stays on its line.  Only the
 * reader's own messages (%PW_ERROR) hold several lines, one per problem. */
static void
append_problems (GString      *err,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *shown_path = _pw_escape_invisible (path);
  g_auto(GStrv) lines = NULL;

  if (error->domain == PW_ERROR)
    lines = g_strsplit (error->message, "\n", -1);
  else
    lines = g_strdupv ((char *[]) { error->message, NULL });

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = _pw_escape_invisible (lines[i]);

      if (g_ascii_isdigit (line[0]))
        g_string_append_printf (err, "%s:%s\n", shown_path, line);
      else
        g_string_append_printf (err, "%s: %s\n", shown_path, line);
    }
}

static PwWorkbook *
load (const char *path,
      GString    *err)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PwWorkbook *workbook;

  /* "" would be the current folder. */
  if (*path == '\0')
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           /* Translators: said of an empty file name on the command line */
                           _("No file was named (the name is empty)"));
      append_problems (err, path, error);
      return NULL;
    }

  file = g_file_new_for_commandline_arg (path);
  workbook = pw_workbook_load (file, NULL, &error);
  if (workbook == NULL)
    append_problems (err, path, error);

  return workbook;
}

/**
 * pw_cli_validate:
 * @paths: the files to check
 * @out: where the report for each valid file goes (standard output)
 * @err: where the problems go, one line each (standard error)
 *
 * Returns: %PW_EXIT_OK when every file is a valid workbook,
 *   %PW_EXIT_INVALID when any is not, %PW_EXIT_USAGE without files
 */
int
pw_cli_validate (const char * const *paths,
                 GString            *out,
                 GString            *err)
{
  int status = PW_EXIT_OK;

  if (paths == NULL || paths[0] == NULL)
    {
      g_string_append_printf (err, "%s\n", _("--validate needs at least one file"));
      return PW_EXIT_USAGE;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(PwWorkbook) workbook = load (paths[i], err);

      if (workbook == NULL)
        {
          status = PW_EXIT_INVALID;
          continue;
        }

      {
        g_autofree char *shown_path = _pw_escape_invisible (paths[i]);

        /* Translators: printed after a file name when the file has no problem */
        g_string_append_printf (out, _("%s: valid workbook"), shown_path);
        if (pw_framework_differs_from_bundled (pw_workbook_get_framework (workbook)))
          {
            g_string_append (out, "; ");
            /* Translators: follows “FILE: valid workbook; ” */
            g_string_append (out, _("its framework names the one that comes with Phasewise "
                                    "but differs from it"));
          }
      }
      g_string_append_c (out, '\n');
    }

  return status;
}

/**
 * pw_cli_summary:
 * @json: print JSON instead of text
 *
 * Returns: %PW_EXIT_OK, or %PW_EXIT_INVALID when the file cannot be read
 */
int
pw_cli_summary (const char *path,
                gboolean    json,
                GString    *out,
                GString    *err)
{
  g_autoptr(PwWorkbook) workbook = NULL;

  if (path == NULL)
    {
      g_string_append_printf (err, "%s\n", _("--summary needs one file"));
      return PW_EXIT_USAGE;
    }

  workbook = load (path, err);
  if (workbook == NULL)
    return PW_EXIT_INVALID;

  if (json)
    {
      g_autoptr(JsonNode) node = pw_summary_to_json (workbook);
      g_autoptr(GBytes) bytes = pw_json_to_bytes (node);

      g_string_append_len (out, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
    }
  else
    {
      g_autofree char *text = pw_summary_to_text (workbook);

      g_string_append (out, text);
    }

  return PW_EXIT_OK;
}

/* The draft of the report on @assessment_id, or with %NULL the first
 * draft; %NULL when the workbook has none. */
static PwReportDraft *
find_draft (PwWorkbook *workbook,
            const char *assessment_id)
{
  GListModel *reports = pw_workbook_get_reports (workbook);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(PwReportDraft) draft = g_list_model_get_item (reports, i);

      if (assessment_id == NULL
          || g_strcmp0 (pw_report_draft_get_assessment_id (draft), assessment_id) == 0)
        return draft;
    }

  return NULL;
}

/* The report on @assessment_id (%NULL: the one the workbook's report draft
 * is about, or the latest assessment) rendered as @format, or NULL with
 * the problems in @err. */
static GBytes *
export_report (PwWorkbook     *workbook,
               const char     *path,
               PwReportFormat  format,
               const char     *assessment_id,
               PwPaperSize     paper,
               GString        *err)
{
  g_autoptr(PwReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  GBytes *bytes;

  if (assessment_id != NULL && pw_workbook_find_assessment (workbook, assessment_id) == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is the id given with --assessment */
                   _("The workbook has no assessment “%s” (--summary --json lists their ids)"),
                   assessment_id);
      append_problems (err, path, error);
      return NULL;
    }

  report = pw_report_build (workbook, find_draft (workbook, assessment_id), assessment_id,
                            _pw_date_init_today (&today), &error);
  bytes = report != NULL ? pw_report_render (report, format, paper, NULL, NULL, NULL, &error)
                         : NULL;
  if (bytes == NULL)
    append_problems (err, path, error);

  return bytes;
}

/* The bytes of @format exported from the workbook at @path, or NULL with
 * the problems in @err and *status set. */
static GBytes *
export_bytes (const char  *path,
              const char  *format,
              const char  *assessment_id,
              PwPaperSize  paper,
              GString     *err,
              int         *status)
{
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  PwReportFormat report_format;
  GBytes *bytes;

  *status = PW_EXIT_INVALID;
  workbook = load (path, err);
  if (workbook == NULL)
    return NULL;

  if (pw_report_format_from_name (format, &report_format))
    return export_report (workbook, path, report_format, assessment_id, paper, err);

  if (g_str_equal (format, "policy-csv"))
    return pw_policy_to_csv (pw_workbook_get_policy (workbook), NULL);

  /* The map as of today, in the light style */
  bytes = pw_map_export_to_bytes (workbook,
                                  g_str_equal (format, "map-svg") ? PW_MAP_EXPORT_SVG
                                                                  : PW_MAP_EXPORT_PNG,
                                  FALSE, NULL, &error);
  if (bytes == NULL)
    append_problems (err, path, error);

  return bytes;
}

/* Writes @bytes to @output ("-": @out) whole or not at all. */
static int
write_output (const char *output,
              GBytes     *bytes,
              GString    *out,
              GString    *err)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (output, "-"))
    {
      g_string_append_len (out, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
      return PW_EXIT_OK;
    }

  file = g_file_new_for_commandline_arg (output);
  if (*output == '\0'
      || !pw_file_replace_contents (file, bytes, NULL, PW_FILE_WRITE_DURABLE, NULL, NULL, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                             _("No file was named (the name is empty)"));
      append_problems (err, output, error);
      return PW_EXIT_INVALID;
    }

  return PW_EXIT_OK;
}

static void
append_usage (GString    *err,
              const char *message)
{
  g_string_append (err, message);
  g_string_append_c (err, '\n');
}

/**
 * pw_cli_export:
 * @format: what to export: "html", "pdf", "md" (Markdown) and "csv" (the
 *   answers) are the report on an assessment; "policy-csv" is the policy
 *   checklist as CSV, "map-svg" and "map-png" the organization map as SVG
 *   or PNG, drawn as of today
 * @assessment_id: (nullable): with a report format, the id of the
 *   assessment reported on; %NULL for the one of the workbook's report
 *   draft, or else the latest.  The report is built from the workbook's
 *   draft for that assessment when there is one.
 * @paper: (nullable): with "pdf", "a4" (the default) or "letter"
 * @output: the file to write, or "-" for @out (standard output)
 *
 * Writes the file whole or not at all (pw_file_replace_contents()).
 *
 * Returns: %PW_EXIT_OK; %PW_EXIT_INVALID when the workbook cannot be read,
 *   has nothing to export (or not the assessment asked for) or the output
 *   not written; %PW_EXIT_USAGE for an unknown format or paper size, an
 *   option that does not go with the format, or without an output
 */
int
pw_cli_export (const char *path,
               const char *format,
               const char *assessment_id,
               const char *paper,
               const char *output,
               GString    *out,
               GString    *err)
{
  static const char * const formats[] = { "policy-csv", "map-svg", "map-png", NULL };
  g_autoptr(GBytes) bytes = NULL;
  PwReportFormat report_format = PW_REPORT_FORMAT_HTML;
  PwPaperSize paper_size = PW_PAPER_A4;
  gboolean report;
  int status;

  report = pw_report_format_from_name (format, &report_format);
  if (!report && (format == NULL || !g_strv_contains (formats, format)))
    {
      g_autofree char *shown = _pw_escape_invisible (format ? format : "");

      g_string_append_printf (err,
                              /* Translators: %s is what was asked for; keep “html”, “pdf”,
                               * “md”, “csv”, “policy-csv”, “map-svg” and “map-png” as they
                               * are */
                              _("Cannot export “%s”: the formats are “html”, “pdf”, “md” or "
                                "“csv”, the report on an assessment as HTML, PDF, Markdown or "
                                "its answers as CSV; “policy-csv”, the policy checklist as CSV; "
                                "and “map-svg” or “map-png”, the organization map as SVG or "
                                "PNG"), shown);
      g_string_append_c (err, '\n');
      return PW_EXIT_USAGE;
    }

  if (assessment_id != NULL && !report)
    {
      /* Translators: keep “--assessment” and the formats as they are */
      append_usage (err, _("--assessment goes with --export html, pdf, md or csv"));
      return PW_EXIT_USAGE;
    }

  if (paper != NULL && (!report || report_format != PW_REPORT_FORMAT_PDF))
    {
      /* Translators: keep “--paper” and “--export pdf” as they are */
      append_usage (err, _("--paper goes with --export pdf"));
      return PW_EXIT_USAGE;
    }

  if (paper != NULL && g_str_equal (paper, "letter"))
    paper_size = PW_PAPER_US_LETTER;
  else if (paper != NULL && !g_str_equal (paper, "a4"))
    {
      g_autofree char *shown = _pw_escape_invisible (paper);

      g_string_append_printf (err,
                              /* Translators: %s is the paper size asked for; keep “a4” and
                               * “letter” as they are */
                              _("Unknown paper size “%s”: the sizes are “a4” and “letter”"),
                              shown);
      g_string_append_c (err, '\n');
      return PW_EXIT_USAGE;
    }

  if (path == NULL || output == NULL)
    {
      /* Translators: keep “--export”, “-o” and “-” as they are */
      append_usage (err, _("--export needs one workbook and -o with the file to write "
                           "(“-” for the standard output)"));
      return PW_EXIT_USAGE;
    }

  bytes = export_bytes (path, format, assessment_id, paper_size, err, &status);
  if (bytes == NULL)
    return status;

  return write_output (output, bytes, out, err);
}

/**
 * pw_cli_migrate:
 * @path: the workbook
 * @output: the file to write, or "-" for @out (standard output)
 *
 * Migrates the workbook at @path to the framework that comes with Phasewise
 * and writes the result to @output (never over @path unless asked to:
 * @output may name it); says on @err what moved.
 *
 * Returns: %PW_EXIT_OK; %PW_EXIT_INVALID when the workbook cannot be read
 *   or migrated, or the output not written; %PW_EXIT_USAGE without a file
 *   or an output
 */
int
pw_cli_migrate (const char *path,
                const char *output,
                GString    *out,
                GString    *err)
{
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwFramework) bundled = NULL;
  g_autoptr(PwMigration) migration = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint moved = 0, retired = 0;
  int status;

  if (path == NULL || output == NULL)
    {
      g_string_append_printf (err, "%s\n",
                              /* Translators: keep “--migrate”, “-o” and “-” as they are */
                              _("--migrate needs one workbook and -o with the file to write "
                                "(“-” for the standard output)"));
      return PW_EXIT_USAGE;
    }

  workbook = load (path, err);
  if (workbook == NULL)
    return PW_EXIT_INVALID;

  bundled = pw_framework_load_bundled (&error);
  if (bundled != NULL)
    migration = pw_migration_new (workbook, bundled, &error);
  if (migration == NULL)
    {
      append_problems (err, path, error);
      return PW_EXIT_INVALID;
    }

  bytes = pw_workbook_serialize (pw_migration_get_result (migration));
  status = write_output (output, bytes, out, err);
  if (status != PW_EXIT_OK)
    return status;

  for (guint i = 0; i < pw_migration_get_n_assessments (migration); i++)
    {
      moved += pw_migration_get_assessment (migration, i)->moved;
      retired += pw_migration_get_assessment (migration, i)->retired;
    }

  {
    g_autofree char *shown = _pw_escape_invisible (path);
    g_autofree char *answers = NULL;

    /* Translators: the first part of a line such as “larkspur.phasewise: framework 1.0.0 →
     * 2.0.0; 412 answers moved, 9 kept as retired” */
    answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer moved",
                                            "%u answers moved", moved), moved);
    g_string_append_printf (err,
                            /* Translators: FILE: framework OLD → NEW; N answers moved, M kept
                             * as retired */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s: framework %s → %s; %s, %u kept as retired\n",
                                         "%s: framework %s → %s; %s, %u kept as retired\n",
                                         retired),
                            shown,
                            pw_framework_get_version (pw_migration_get_old_framework (migration)),
                            pw_framework_get_version (pw_migration_get_new_framework (migration)),
                            answers, retired);
  }

  return PW_EXIT_OK;
}
