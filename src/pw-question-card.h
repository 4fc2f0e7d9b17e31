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

/* The values of pw_question_card_choose() and of the wizard.answer action
 * besides the phases 1 to 5.
 */
#define PW_CHOICE_CLEAR           0
#define PW_CHOICE_DONT_KNOW      -1
#define PW_CHOICE_NOT_APPLICABLE -2

#define PW_TYPE_QUESTION_CARD (pw_question_card_get_type ())

G_DECLARE_FINAL_TYPE (PwQuestionCard, pw_question_card, PW, QUESTION_CARD, AdwBin)

PwQuestionCard   *pw_question_card_new           (PwFramework      *framework,
                                                  const PwQuestion *question,
                                                  PwAnswer         *answer);
const PwQuestion *pw_question_card_get_question  (PwQuestionCard   *self);
PwAnswer         *pw_question_card_get_answer    (PwQuestionCard   *self);
void              pw_question_card_choose        (PwQuestionCard   *self,
                                                  int               value);
void              pw_question_card_focus_choices (PwQuestionCard   *self);

G_END_DECLS
