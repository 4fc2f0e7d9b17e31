/* pw-result-view.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pw-assessment-view.h"

G_BEGIN_DECLS

#define PW_TYPE_RESULT_VIEW (pw_result_view_get_type ())

G_DECLARE_FINAL_TYPE (PwResultView, pw_result_view, PW, RESULT_VIEW, PwAssessmentView)

PwResultView *pw_result_view_new           (void);
guint         pw_result_view_get_n_cards   (PwResultView *self);
const char   *pw_result_view_get_headline  (PwResultView *self);
const char   *pw_result_view_get_position  (PwResultView *self);
guint         pw_result_view_get_n_retired (PwResultView *self);
void          pw_result_view_scroll_to_top (PwResultView *self);

G_END_DECLS
