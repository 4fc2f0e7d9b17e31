/* pw-report-export.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-report.h"

G_BEGIN_DECLS

/**
 * PwReportFormat:
 * @PW_REPORT_FORMAT_HTML: one self-contained HTML file (pw-report-html.c)
 * @PW_REPORT_FORMAT_PDF: a PDF (pw-report-pdf.c)
 * @PW_REPORT_FORMAT_MARKDOWN: Markdown (pw-report-markdown.c)
 * @PW_REPORT_FORMAT_CSV: the answers of the assessment reported on, one row
 *   a question (pw-answers-csv.c)
 */
typedef enum
{
  PW_REPORT_FORMAT_HTML,
  PW_REPORT_FORMAT_PDF,
  PW_REPORT_FORMAT_MARKDOWN,
  PW_REPORT_FORMAT_CSV,
} PwReportFormat;

/**
 * PwPaperSize:
 * @PW_PAPER_A4: 210 × 297 mm
 * @PW_PAPER_US_LETTER: 8.5 × 11 inches
 */
typedef enum
{
  PW_PAPER_A4,
  PW_PAPER_US_LETTER,
} PwPaperSize;

/**
 * PwReportProgressFunc:
 * @fraction: how much is done, from 0 to 1
 *
 * Called, in the thread that renders, as a long export goes on.
 */
typedef void (*PwReportProgressFunc) (double   fraction,
                                      gpointer user_data);

/* Renderers: each returns the whole file, or NULL with @error set
 * (translated; G_IO_ERROR_CANCELLED when cancelled).  A report is not
 * changed by rendering, so any one of them may run in a worker thread. */
GBytes   *pw_report_to_html        (PwReport              *report,
                                    GCancellable          *cancellable,
                                    GError               **error);
GBytes   *pw_report_to_markdown    (PwReport              *report,
                                    GCancellable          *cancellable,
                                    GError               **error);
GBytes   *pw_report_to_pdf         (PwReport              *report,
                                    PwPaperSize            paper,
                                    PwReportProgressFunc   progress,
                                    gpointer               user_data,
                                    GCancellable          *cancellable,
                                    GError               **error);

/* pw-report-export.c: the export that the window and the command line
 * make, written whole or not at all (pw_file_replace_contents()) */
void        pw_paper_size_get_points       (PwPaperSize           paper,
                                            double               *width,
                                            double               *height);
const char *pw_report_format_get_extension (PwReportFormat format);
gboolean    pw_report_format_from_name     (const char           *name,
                                            PwReportFormat       *format);
GBytes     *pw_report_render               (PwReport             *report,
                                            PwReportFormat        format,
                                            PwPaperSize           paper,
                                            PwReportProgressFunc  progress,
                                            gpointer              user_data,
                                            GCancellable         *cancellable,
                                            GError              **error);
gboolean    pw_report_write                (GBytes               *bytes,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);
gboolean    pw_report_export               (PwReport             *report,
                                            PwReportFormat        format,
                                            PwPaperSize           paper,
                                            GFile                *file,
                                            PwReportProgressFunc  progress,
                                            gpointer              user_data,
                                            GCancellable         *cancellable,
                                            GError              **error);

G_END_DECLS
