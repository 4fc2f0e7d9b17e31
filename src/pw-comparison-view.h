/* pw-comparison-view.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"
#include "pw-comparison.h"

G_BEGIN_DECLS

#define PW_TYPE_COMPARISON_VIEW (pw_comparison_view_get_type ())

G_DECLARE_FINAL_TYPE (PwComparisonView, pw_comparison_view, PW, COMPARISON_VIEW, AdwBin)

GtkWidget    *pw_comparison_view_new              (void);
PwWorkbook   *pw_comparison_view_get_workbook     (PwComparisonView *self);
void          pw_comparison_view_set_workbook     (PwComparisonView *self,
                                                   PwWorkbook       *workbook);
PwAssessment *pw_comparison_view_get_first        (PwComparisonView *self);
void          pw_comparison_view_set_first        (PwComparisonView *self,
                                                   PwAssessment     *first);
PwAssessment *pw_comparison_view_get_second       (PwComparisonView *self);
void          pw_comparison_view_set_second       (PwComparisonView *self,
                                                   PwAssessment     *second);
gboolean      pw_comparison_view_get_only_moved   (PwComparisonView *self);
void          pw_comparison_view_set_only_moved   (PwComparisonView *self,
                                                   gboolean          only_moved);
PwComparison *pw_comparison_view_get_comparison   (PwComparisonView *self);
guint         pw_comparison_view_get_n_shown_rows (PwComparisonView *self);

G_END_DECLS
