/* pw-assess-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_ASSESS_PAGE (pw_assess_page_get_type ())

G_DECLARE_FINAL_TYPE (PwAssessPage, pw_assess_page, PW, ASSESS_PAGE, AdwBin)

void          pw_assess_page_set_document     (PwAssessPage *self,
                                               PwDocument   *document);
void          pw_assess_page_select           (PwAssessPage *self,
                                               PwAssessment *assessment);
PwAssessment *pw_assess_page_get_selected     (PwAssessPage *self);
PwAssessment *pw_assess_page_new_assessment   (PwAssessPage *self,
                                               const char   *team_id);
GtkWidget    *pw_assess_page_get_wizard       (PwAssessPage *self);
gboolean      pw_assess_page_get_sidebar_visible (PwAssessPage *self);
void          pw_assess_page_set_sidebar_visible (PwAssessPage *self,
                                                  gboolean      visible);

G_END_DECLS
