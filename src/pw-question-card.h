/* pw-question-card.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_QUESTION_CARD (pw_question_card_get_type ())

G_DECLARE_FINAL_TYPE (PwQuestionCard, pw_question_card, PW, QUESTION_CARD, AdwBin)

PwQuestionCard   *pw_question_card_new            (PwFramework      *framework,
                                                   const PwQuestion *question,
                                                   PwAssessment     *assessment);
const PwQuestion *pw_question_card_get_question   (PwQuestionCard   *self);
PwAssessment     *pw_question_card_get_assessment (PwQuestionCard   *self);
PwAnswer         *pw_question_card_get_answer     (PwQuestionCard   *self);
void              pw_question_card_choose         (PwQuestionCard   *self,
                                                   PwAnswerKind      kind,
                                                   int               phase);
int               pw_question_card_get_phase_at   (PwQuestionCard   *self,
                                                   int               position);
void              pw_question_card_focus_choices  (PwQuestionCard   *self);
GtkWidget        *pw_question_card_get_choices    (PwQuestionCard   *self);

G_END_DECLS
