/* pw-result-text.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-assessment.h"
#include "pw-framework.h"
#include "pw-scoring.h"
#include "pw-workbook.h"

G_BEGIN_DECLS

/* A change smaller than this reads as "no change": both scores show the
 * same with one decimal.
 */
#define PW_RESULT_CHANGE_EPSILON 0.05

/**
 * PwResultChangeKind:
 * @PW_RESULT_CHANGE_NONE: both rounds have a score, and it reads the same
 * @PW_RESULT_CHANGE_UP: the score went up
 * @PW_RESULT_CHANGE_DOWN: the score went down
 * @PW_RESULT_CHANGE_NEW: a score now, none in the previous round
 * @PW_RESULT_CHANGE_LOST: a score in the previous round, none now
 * @PW_RESULT_CHANGE_UNKNOWN: a score in neither round: nothing to say
 */
typedef enum
{
  PW_RESULT_CHANGE_NONE,
  PW_RESULT_CHANGE_UP,
  PW_RESULT_CHANGE_DOWN,
  PW_RESULT_CHANGE_NEW,
  PW_RESULT_CHANGE_LOST,
  PW_RESULT_CHANGE_UNKNOWN,
} PwResultChangeKind;

/**
 * PwResultChange:
 * @kind: what changed
 * @delta: the change of the score as both read with one decimal, 0 unless
 *   @kind is %PW_RESULT_CHANGE_UP or %PW_RESULT_CHANGE_DOWN
 * @text: (nullable): what the change reads, "+1.0 since Baseline 2025";
 *   %NULL for %PW_RESULT_CHANGE_UNKNOWN
 * @accessible: (nullable): the same for screen readers, without relying on
 *   signs or arrows: "Up 1.0 since Baseline 2025"
 */
typedef struct
{
  PwResultChangeKind  kind;
  double              delta;
  char               *text;
  char               *accessible;
} PwResultChange;

char       *pw_result_text_format_date        (const char             *date);
char       *pw_result_text_round_name         (PwAssessment           *assessment);
char       *pw_result_text_heading            (PwWorkbook             *workbook,
                                               PwAssessment           *assessment);
const char *pw_result_text_group_name         (PwFramework            *framework,
                                               int                     phase);
char       *pw_result_text_phase              (PwFramework            *framework,
                                               int                     phase);
char       *pw_result_text_position           (PwFramework            *framework,
                                               double                  score);
char       *pw_result_text_score_value        (double                  score);
char       *pw_result_text_score              (double                  score);
char       *pw_result_text_score_of_five      (double                  score);
char       *pw_result_text_dimension_value    (gboolean                has_score,
                                               double                  score);
const char *pw_result_text_no_score           (gboolean                dimension,
                                               const char            **hint);
char       *pw_result_text_weakest            (const PwDimensionScore *weakest);
int         pw_result_text_percent            (guint                   counted,
                                               guint                   total);
char       *pw_result_text_coverage           (guint                   answered,
                                               guint                   counted,
                                               guint                   total);
char       *pw_result_text_dimension_coverage (guint                   answered,
                                               guint                   counted,
                                               guint                   total);
void        pw_result_text_describe_change    (PwResultChange         *change,
                                               gboolean                has_now,
                                               double                  now,
                                               gboolean                has_before,
                                               double                  before,
                                               const char             *since);
void        pw_result_change_clear            (PwResultChange         *change);
char       *pw_result_text_cap                (const PwDimensionScore *result);
gboolean    pw_result_text_is_preliminary     (guint                   counted,
                                               guint                   total);
char       *pw_result_text_preliminary        (guint                   counted,
                                               guint                   total);
const char *pw_result_text_preliminary_mark (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PwResultChange, pw_result_change_clear)

G_END_DECLS
