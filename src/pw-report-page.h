/* pw-report-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"
#include "pw-report-export.h"
#include "pw-report-exporter.h"

G_BEGIN_DECLS

#define PW_TYPE_REPORT_PAGE (pw_report_page_get_type ())

G_DECLARE_FINAL_TYPE (PwReportPage, pw_report_page, PW, REPORT_PAGE, AdwBin)

void           pw_report_page_set_document     (PwReportPage *self,
                                                PwDocument   *document);
PwAssessment  *pw_report_page_get_assessment   (PwReportPage *self);
void           pw_report_page_set_assessment   (PwReportPage *self,
                                                PwAssessment *assessment);
PwReportDraft *pw_report_page_get_draft        (PwReportPage *self);
PwPaperSize    pw_report_page_get_paper        (PwReportPage *self);
void           pw_report_page_set_paper        (PwReportPage *self,
                                                PwPaperSize   paper);
GtkWidget     *pw_report_page_get_summary_view (PwReportPage *self);
GtkWidget     *pw_report_page_get_section_switch (PwReportPage *self,
                                                const char   *section);
guint          pw_report_page_get_n_pages      (PwReportPage *self);
guint          pw_report_page_get_page         (PwReportPage *self);
void           pw_report_page_set_exporter     (PwReportPage     *self,
                                                PwReportExporter *exporter);
PwReport      *pw_report_page_build_report     (PwReportPage *self,
                                                GError      **error);
void           pw_report_page_export_to_file   (PwReportPage   *self,
                                                PwReportFormat  format,
                                                GFile          *file);

G_END_DECLS
