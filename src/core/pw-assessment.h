/* pw-assessment.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-types.h"
#include "pw-answer.h"
#include "pw-retired-answer.h"

G_BEGIN_DECLS

#define PW_TYPE_ASSESSMENT (pw_assessment_get_type ())

G_DECLARE_FINAL_TYPE (PwAssessment, pw_assessment, PW, ASSESSMENT, GObject)

/**
 * PwAnswerCounts:
 * @options: questions answered with one of their options: these count toward
 *   the score
 * @dont_know: questions answered “don’t know”
 * @not_applicable: questions answered “not applicable”
 * @unanswered: questions without an answer yet
 * @answered: questions with an answer: @options + @dont_know + @not_applicable
 * @total: the questions counted over
 *
 * What the answers of an assessment are, question by question.
 */
typedef struct
{
  guint options;
  guint dont_know;
  guint not_applicable;
  guint unanswered;
  guint answered;
  guint total;
} PwAnswerCounts;

PwAssessment *pw_assessment_new              (const char   *id);
PwAnswer     *pw_assessment_lookup_answer    (PwAssessment *self,
                                              const char   *question_id);
PwAnswer     *pw_assessment_ensure_answer    (PwAssessment *self,
                                              const char   *question_id);
guint         pw_assessment_get_n_answers    (PwAssessment *self);
gboolean      pw_assessment_is_stale         (PwAssessment *self,
                                              const GDate  *today);
gboolean      pw_assessment_same_scope       (PwAssessment *self,
                                              PwAssessment *other);
const char   *pw_assessment_get_id           (PwAssessment *self);
const char   *pw_assessment_get_team_id      (PwAssessment *self);
void          pw_assessment_set_team_id      (PwAssessment *self,
                                              const char   *team_id);
const char   *pw_assessment_get_date         (PwAssessment *self);
void          pw_assessment_set_date         (PwAssessment *self,
                                              const char   *date);
const char   *pw_assessment_get_round        (PwAssessment *self);
void          pw_assessment_set_round        (PwAssessment *self,
                                              const char   *round);
const char   *pw_assessment_get_facilitator  (PwAssessment *self);
void          pw_assessment_set_facilitator  (PwAssessment *self,
                                              const char   *facilitator);
int           pw_assessment_get_participants (PwAssessment *self);
void          pw_assessment_set_participants (PwAssessment *self,
                                              int           participants);
gboolean      pw_assessment_get_hide_phases  (PwAssessment *self);
void          pw_assessment_set_hide_phases  (PwAssessment *self,
                                              gboolean      hide_phases);
void          pw_assessment_get_option_order (PwAssessment *self,
                                              const char   *question_id,
                                              int           order[PW_N_PHASES]);

void          pw_assessment_count_answers           (PwAssessment      *self,
                                                     PwFramework       *framework,
                                                     PwAnswerCounts    *counts);
void          pw_assessment_count_dimension_answers (PwAssessment      *self,
                                                     const PwDimension *dimension,
                                                     PwAnswerCounts    *counts);
gboolean      pw_assessment_has_answers             (PwAssessment      *self,
                                                     PwFramework       *framework);

GPtrArray    *pw_assessment_get_retired_answers (PwAssessment    *self);
void          pw_assessment_add_retired_answer  (PwAssessment    *self,
                                                 PwRetiredAnswer *retired);

G_END_DECLS
