/* pw-dimension-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"
#include "pw-question-card.h"

G_BEGIN_DECLS

#define PW_TYPE_DIMENSION_PAGE (pw_dimension_page_get_type ())

G_DECLARE_FINAL_TYPE (PwDimensionPage, pw_dimension_page, PW, DIMENSION_PAGE, AdwBin)

GtkWidget         *pw_dimension_page_new              (PwFramework       *framework,
                                                       const PwDimension *dimension,
                                                       PwAssessment      *assessment);
const PwDimension *pw_dimension_page_get_dimension    (PwDimensionPage   *self);
guint              pw_dimension_page_get_n_cards      (PwDimensionPage   *self);
PwQuestionCard    *pw_dimension_page_get_card         (PwDimensionPage   *self,
                                                       guint              index);
PwQuestionCard    *pw_dimension_page_find_card        (PwDimensionPage   *self,
                                                       const char        *question_id,
                                                       guint             *index);
PwQuestionCard    *pw_dimension_page_find_unanswered  (PwDimensionPage   *self,
                                                       guint             *index);
void               pw_dimension_page_focus            (PwDimensionPage   *self);
void               pw_dimension_page_focus_heading    (PwDimensionPage   *self);
void               pw_dimension_page_focus_card       (PwDimensionPage   *self,
                                                       PwQuestionCard    *card);
gboolean           pw_dimension_page_choose_answer    (PwDimensionPage   *self,
                                                       PwAnswerKind       kind,
                                                       int                phase,
                                                       gboolean          *last);

G_END_DECLS
