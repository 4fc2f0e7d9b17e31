/* pw-scoring.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-assessment.h"
#include "pw-framework.h"
#include "pw-policy.h"

G_BEGIN_DECLS

/* The highest score a capped dimension keeps: the top of phase 3 under
 * the whole-part rule (pw_phase_rule_top_of_phase() gives it for a rule). */
#define PW_CAPPED_SCORE 3.9
#define PW_CAP_PHASE    3

typedef struct
{
  const PwDimension *dimension;
  gboolean           has_score;
  double             score;       /* 1.0–5.0, after any cap */
  double             raw_score;   /* from the answers alone */
  int                phase;       /* 1–5, 0 without a score */
  guint              counted;     /* questions answered with an option */
  guint              answered;    /* with an option, don't know or not applicable */
  guint              total;       /* questions of the dimension */
  gboolean           capped;
  char              *cap_reason;  /* translated, or NULL */
  char             **cap_items;   /* governance: the core items not in place on the
                                   * day (they hold the cap when @capped), or NULL */
  char             **cap_titles;  /* their titles, in the same order */
  char             **waived_items; /* governance: the core items marked not applicable
                                    * on the day, or NULL */
  char              *waivers;     /* translated: those, with their reasons; or NULL */
  char              *history_since; /* governance of an assessment dated before the
                                     * checklist's history is known: the day it is
                                     * known from; or NULL */
} PwDimensionScore;

struct _PwScore
{
  gboolean          has_score;
  double            score;
  int               phase;
  guint             counted;
  guint             answered;
  guint             total;
  int               weakest;        /* index into dimensions, -1 without a score */
  guint             n_dimensions;
  PwDimensionScore *dimensions;
};

#define PW_TYPE_DIMENSION_SCORE (pw_dimension_score_get_type ())

GType             pw_dimension_score_get_type (void) G_GNUC_CONST;
PwDimensionScore *pw_dimension_score_copy     (const PwDimensionScore *score);
void              pw_dimension_score_free     (PwDimensionScore       *score);
gboolean          pw_dimension_score_equal    (const PwDimensionScore *a,
                                               const PwDimensionScore *b);

PwScore    *pw_score_compute       (PwFramework  *framework,
                                    PwAssessment *assessment,
                                    PwPolicy     *policy);
void        pw_score_free          (PwScore      *score);
int         pw_score_to_phase      (double        score);
const PwDimensionScore *
            pw_score_find_dimension (const PwScore *score,
                                     const char    *dimension_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwScore, pw_score_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwDimensionScore, pw_dimension_score_free)

G_END_DECLS
