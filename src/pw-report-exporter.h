/* pw-report-exporter.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pw-report-export.h"

G_BEGIN_DECLS

/*
 * PwReportExporter: the window's exports and print-outs of a report (one
 * built with pw_report_build() on the main thread, and not changed after):
 *
 * - pw_report_exporter_export() asks where with a file chooser, then
 *   renders and writes in a worker thread, whole or not at all; a toast
 *   says where it went (with Open), a dialog naming the file why not; a
 *   cancelled export writes nothing and says nothing.
 *   pw_report_exporter_export_to_file() does the same without asking
 *   ("export again", the tests).
 * - pw_report_exporter_get_progress_bar(): a GtkRevealer for the caller to
 *   place, revealed while an export takes longer than a moment: a label,
 *   the progress and a Cancel button.
 * - pw_report_exporter_print() prints with the print dialog;
 *   pw_report_exporter_print_to_file() runs the same print operation into
 *   a PDF file of @paper without a dialog (GTK_PRINT_OPERATION_ACTION_EXPORT).
 *
 * One at a time: while one runs, #PwReportExporter:busy is %TRUE (and
 * notified) and further calls are ignored.
 */

#define PW_TYPE_REPORT_EXPORTER (pw_report_exporter_get_type ())

G_DECLARE_FINAL_TYPE (PwReportExporter, pw_report_exporter, PW, REPORT_EXPORTER, GObject)

PwReportExporter *pw_report_exporter_new                (GtkWindow          *parent,
                                                         AdwToastOverlay    *toasts);
GtkWidget        *pw_report_exporter_get_progress_bar   (PwReportExporter   *self);
gboolean          pw_report_exporter_get_busy           (PwReportExporter   *self);
void              pw_report_exporter_export             (PwReportExporter   *self,
                                                         PwReport           *report,
                                                         PwReportFormat      format,
                                                         PwPaperSize         paper,
                                                         const char         *suggested_name);
void              pw_report_exporter_export_to_file     (PwReportExporter   *self,
                                                         PwReport           *report,
                                                         PwReportFormat      format,
                                                         PwPaperSize         paper,
                                                         GFile              *file);
void              pw_report_exporter_cancel             (PwReportExporter   *self);
void              pw_report_exporter_print              (PwReportExporter   *self,
                                                         PwReport           *report,
                                                         PwPaperSize         paper);
void              pw_report_exporter_print_to_file      (PwReportExporter   *self,
                                                         PwReport           *report,
                                                         PwPaperSize         paper,
                                                         GFile              *file);

G_END_DECLS
