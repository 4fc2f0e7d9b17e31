/* pw-result-view.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_RESULT_VIEW (pw_result_view_get_type ())

G_DECLARE_FINAL_TYPE (PwResultView, pw_result_view, PW, RESULT_VIEW, AdwBin)

PwResultView *pw_result_view_new            (void);
void          pw_result_view_set_assessment (PwResultView *self,
                                             PwWorkbook   *workbook,
                                             PwAssessment *assessment);
PwWorkbook   *pw_result_view_get_workbook   (PwResultView *self);
PwAssessment *pw_result_view_get_assessment (PwResultView *self);
guint         pw_result_view_get_n_cards    (PwResultView *self);
const char   *pw_result_view_get_headline   (PwResultView *self);

G_END_DECLS
