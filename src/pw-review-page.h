/* pw-review-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pw-assessment-view.h"

G_BEGIN_DECLS

#define PW_TYPE_REVIEW_PAGE (pw_review_page_get_type ())

G_DECLARE_FINAL_TYPE (PwReviewPage, pw_review_page, PW, REVIEW_PAGE, PwAssessmentView)

GtkWidget *pw_review_page_new (void);

G_END_DECLS
