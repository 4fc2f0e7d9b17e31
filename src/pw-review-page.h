/* pw-review-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_REVIEW_PAGE (pw_review_page_get_type ())

G_DECLARE_FINAL_TYPE (PwReviewPage, pw_review_page, PW, REVIEW_PAGE, AdwBin)

GtkWidget    *pw_review_page_new            (void);
PwFramework  *pw_review_page_get_framework  (PwReviewPage *self);
PwAssessment *pw_review_page_get_assessment (PwReviewPage *self);
void          pw_review_page_set_assessment (PwReviewPage *self,
                                             PwFramework  *framework,
                                             PwAssessment *assessment);

G_END_DECLS
