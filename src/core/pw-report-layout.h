/* pw-report-layout.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "pw-report-export.h"
#include "pw-report.h"

G_BEGIN_DECLS

/*
 * PwReportLayout: a report laid out on pages, drawn with cairo and pango:
 * the one renderer of the PDF (pw_report_to_pdf()), of the print-out
 * (GtkPrintOperation in the window) and of the report page's preview.
 * Sizes are in points (1/72 inch); a page's origin is its top left corner.
 */

#define PW_TYPE_REPORT_LAYOUT (pw_report_layout_get_type ())

G_DECLARE_FINAL_TYPE (PwReportLayout, pw_report_layout, PW, REPORT_LAYOUT, GObject)

PwReportLayout *pw_report_layout_new            (PwReport              *report,
                                                 double                 page_width,
                                                 double                 page_height);
gboolean        pw_report_layout_paginate       (PwReportLayout        *self,
                                                 PangoContext          *context,
                                                 PwReportProgressFunc   progress,
                                                 gpointer               user_data,
                                                 GCancellable          *cancellable,
                                                 GError               **error);
guint           pw_report_layout_get_n_pages    (PwReportLayout        *self);
void            pw_report_layout_draw_page      (PwReportLayout        *self,
                                                 cairo_t               *cr,
                                                 guint                  page);
/* The entries of the table of contents and of the PDF outline */
guint           pw_report_layout_get_n_entries  (PwReportLayout        *self);
gboolean        pw_report_layout_get_entry      (PwReportLayout        *self,
                                                 guint                  index,
                                                 const char           **text,
                                                 guint                 *level,
                                                 guint                 *page,
                                                 double                *y);

G_END_DECLS
