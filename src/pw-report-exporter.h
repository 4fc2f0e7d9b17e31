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
                                                         PwReport           *report);

G_END_DECLS
