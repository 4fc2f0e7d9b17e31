/* pw-comparison.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-types.h"

G_BEGIN_DECLS

/**
 * PwComparisonChange:
 * @PW_COMPARISON_SAME: the same answer in both
 * @PW_COMPARISON_UP: a higher phase in the second
 * @PW_COMPARISON_DOWN: a lower phase in the second
 * @PW_COMPARISON_CHANGED: a different answer that is not a phase in one of
 *   them (answered in one, "don't know", "not applicable" or unanswered in
 *   the other)
 * @PW_COMPARISON_ONLY_FIRST: the question exists only for the first (a
 *   question a later framework retired)
 * @PW_COMPARISON_ONLY_SECOND: the question exists only for the second (a
 *   question a later framework added)
 */
typedef enum
{
  PW_COMPARISON_SAME,
  PW_COMPARISON_UP,
  PW_COMPARISON_DOWN,
  PW_COMPARISON_CHANGED,
  PW_COMPARISON_ONLY_FIRST,
  PW_COMPARISON_ONLY_SECOND,
} PwComparisonChange;

/**
 * PwComparisonRow:
 * @dimension_id: (nullable): the dimension the question belongs to; for a
 *   retired question, that of the question replacing it or the one its id
 *   starts with, %NULL when neither is known (such rows come last)
 * @question: the question's text (as the second asked it, when both did)
 * @first_question_id: (nullable): the question's id for the first; %NULL
 *   when the first was not asked it
 * @second_question_id: (nullable): the question's id for the second
 * @first_answer: how the first answered, as text ("Phase 2: …", "Don’t
 *   know", "Not applicable", "Not answered"; "Not asked" when the first was
 *   not asked the question); never %NULL
 * @second_answer: likewise for the second
 * @first_phase: the phase chosen in the first, 0 when none
 * @second_phase: likewise for the second
 * @change: what moved
 */
typedef struct
{
  char               *dimension_id;
  char               *question;
  char               *first_question_id;
  char               *second_question_id;
  char               *first_answer;
  char               *second_answer;
  int                 first_phase;
  int                 second_phase;
  PwComparisonChange  change;
} PwComparisonRow;

#define PW_TYPE_COMPARISON (pw_comparison_get_type ())

G_DECLARE_FINAL_TYPE (PwComparison, pw_comparison, PW, COMPARISON, GObject)

PwComparison          *pw_comparison_new               (PwWorkbook     *workbook,
                                                        PwAssessment   *first,
                                                        PwAssessment   *second);
PwAssessment          *pw_comparison_get_first         (PwComparison   *self);
PwAssessment          *pw_comparison_get_second        (PwComparison   *self);
guint                  pw_comparison_get_n_rows        (PwComparison   *self);
const PwComparisonRow *pw_comparison_get_row           (PwComparison   *self,
                                                        guint           index);
guint                  pw_comparison_count             (PwComparison   *self,
                                                        PwComparisonChange change);
/* Scores from 1 to 5, NAN where there is none; index in the framework's
 * order of dimensions */
gboolean               pw_comparison_get_dimension     (PwComparison   *self,
                                                        guint           index,
                                                        const char    **dimension_id,
                                                        double         *first_score,
                                                        double         *second_score);
void                   pw_comparison_get_overall       (PwComparison   *self,
                                                        double         *first_score,
                                                        double         *second_score);
const char            *pw_comparison_change_to_string  (PwComparisonChange change);

G_END_DECLS
