/* pw-report-export.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-answers-csv.h"
#include "pw-file-writer.h"
#include "pw-report-export.h"

/*
 * The export that the window and the command line make: one report
 * rendered in one of four formats, then written whole or not at all.
 */

static const struct
{
  const char *name;       /* on the command line */
  const char *extension;  /* of the file, without the dot */
} formats[] = {
  [PW_REPORT_FORMAT_HTML] = { "html", "html" },
  [PW_REPORT_FORMAT_PDF] = { "pdf", "pdf" },
  [PW_REPORT_FORMAT_MARKDOWN] = { "md", "md" },
  [PW_REPORT_FORMAT_CSV] = { "csv", "csv" },
};

/**
 * pw_report_format_get_extension:
 *
 * Returns: the file name extension of @format, without the dot: "html",
 *   "pdf", "md" or "csv"
 */
const char *
pw_report_format_get_extension (PwReportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  return formats[format].extension;
}

/**
 * pw_report_format_from_name:
 * @name: what the command line names: "html", "pdf", "md" or "csv"
 * @format: (out) (optional): the format of that name
 *
 * Returns: %TRUE when @name is one of the formats (exactly, in lower case)
 */
gboolean
pw_report_format_from_name (const char     *name,
                            PwReportFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (name, formats[i].name))
        {
          if (format != NULL)
            *format = (PwReportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * pw_report_render:
 * @report: the report
 * @format: the format to render it in
 * @paper: the paper size of a PDF (not used by the other formats)
 * @progress: (nullable) (scope call): called as a PDF is drawn
 * @cancellable: (nullable): to stop rendering
 *
 * Renders @report as a whole file of @format.  The CSV is the answers of
 * the assessment that the report is about (pw_answers_to_csv()).  Like the
 * renderers, it may run in a worker thread.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 *   (translated; %G_IO_ERROR_CANCELLED when cancelled)
 */
GBytes *
pw_report_render (PwReport              *report,
                  PwReportFormat         format,
                  PwPaperSize            paper,
                  PwReportProgressFunc   progress,
                  gpointer               user_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  PwAssessment *assessment;

  g_return_val_if_fail (PW_IS_REPORT (report), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (format)
    {
    case PW_REPORT_FORMAT_HTML:
      return pw_report_to_html (report, cancellable, error);

    case PW_REPORT_FORMAT_PDF:
      return pw_report_to_pdf (report, paper, progress, user_data, cancellable, error);

    case PW_REPORT_FORMAT_MARKDOWN:
      return pw_report_to_markdown (report, cancellable, error);

    case PW_REPORT_FORMAT_CSV:
      assessment = pw_report_get_assessment (report);
      if (assessment == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               /* Translators: the answers cannot be exported as CSV */
                               _("The report is about no assessment, so it has no answers "
                                 "to export"));
          return NULL;
        }
      return pw_answers_to_csv (pw_report_get_workbook (report), assessment, error);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pw_paper_size_get_points:
 * @paper: a paper size
 * @width: (out): its width, in points (1/72 inch)
 * @height: (out): its height, in points
 *
 * The size of the pages of a PDF, a print-out and their preview.
 */
void
pw_paper_size_get_points (PwPaperSize  paper,
                          double      *width,
                          double      *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  switch (paper)
    {
    case PW_PAPER_US_LETTER:
      *width = 612.0;
      *height = 792.0;
      break;

    case PW_PAPER_A4:
    default:
      *width = 595.28;
      *height = 841.89;
      break;
    }
}

/* "Could not export FILE: " before the reason */
static void
prefix_file_error (GError **error,
                   GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* Translators: %s is a file's name; the reason follows */
  g_prefix_error (error, _("Could not export “%s”: "), name);
}

/**
 * pw_report_write:
 * @bytes: a rendered report (pw_report_render())
 * @file: the file to write
 * @cancellable: (nullable): to stop the writing
 *
 * Replaces @file with @bytes atomically, flushed to the disk: the file is
 * written whole or not at all, and a file that was there stays as it was
 * when the writing fails.  May run in a worker thread.
 *
 * Returns: %TRUE when written; %FALSE with @error set, translated and
 *   naming the file
 */
gboolean
pw_report_write (GBytes        *bytes,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pw_file_replace_contents (file, bytes, NULL, PW_FILE_WRITE_DURABLE, NULL, cancellable,
                                 error))
    {
      prefix_file_error (error, file);
      return FALSE;
    }

  return TRUE;
}

/**
 * pw_report_export:
 * @report: the report
 * @format: the format to write it in
 * @paper: the paper size of a PDF
 * @file: the file to write
 * @progress: (nullable) (scope call): called as a PDF is drawn
 * @cancellable: (nullable): to stop the export
 *
 * Renders @report (pw_report_render()) and writes it to @file with
 * pw_report_write(), whole or not at all.  May run in a worker thread.
 *
 * Returns: %TRUE when written; %FALSE with @error set, translated and
 *   naming the file
 */
gboolean
pw_report_export (PwReport              *report,
                  PwReportFormat         format,
                  PwPaperSize            paper,
                  GFile                 *file,
                  PwReportProgressFunc   progress,
                  gpointer               user_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PW_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = pw_report_render (report, format, paper, progress, user_data, cancellable, error);
  if (bytes == NULL)
    {
      prefix_file_error (error, file);
      return FALSE;
    }

  return pw_report_write (bytes, file, cancellable, error);
}
