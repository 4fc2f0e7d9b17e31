/* pw-scoring.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-scoring"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pw-scoring.h"

/*
 * The scoring rules, documented with worked examples in docs/scoring.md:
 *
 * - a question's value is the phase of its chosen option; "don't know" and
 *   "not applicable" do not count;
 * - a dimension's score is the weighted mean of its counted answers
 *   (question weights), its phase given by the framework's phase rule
 *   (the whole part of the score, or the nearest phase);
 * - a dimension with no counted answer has no score;
 * - the governance dimension cannot exceed phase 3 while any core policy
 *   item is neither in place nor marked not applicable: its score is then
 *   held at the top of phase 3 under the framework's phase rule (3.9 for
 *   the whole part, 3.5 for the nearest phase) and the reason names the missing items.  The checklist
 *   counts as it stood on the assessment's date (its history), so that a
 *   later change does not rewrite an earlier result; core items marked not
 *   applicable are named with their reasons;
 * - the overall score is the weighted mean of the dimension scores
 *   (dimension weights), after any cap;
 * - the weakest dimension is the one with the lowest score (the first in
 *   framework order on a tie);
 * - coverage is the share of questions counted (counted of total), as
 *   pw_result_text_coverage() words it; "answered" also includes "don't
 *   know" and "not applicable", as pw_assessment_count_answers() says.
 */

/**
 * pw_score_to_phase:
 *
 * Returns: the phase of a score under the whole-part rule of frameworks of
 *   format version 1: its whole part, 1 to 5 (pw_framework_phase_for_score()
 *   follows a framework's own rule)
 */
int
pw_score_to_phase (double score)
{
  /* A tiny tolerance so that a mean such as 2.9999999999999996 that is 3
   * in exact arithmetic lands in phase 3. */
  return pw_phase_rule_phase_for_score (PW_PHASE_RULE_WHOLE_PART, score);
}

static char *
describe_missing_core (GPtrArray *missing)
{
  g_autoptr(GString) names = g_string_new (NULL);
  /* Translators: separates the items of a list */
  const char *separator = _(", ");

  for (guint i = 0; i < missing->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (missing, i);
      const char *title = pw_policy_item_get_title (item);

      if (i > 0)
        g_string_append (names, separator);
      g_string_append (names, title && *title ? title : pw_policy_item_get_id (item));
    }

  if (missing->len == 1)
    return g_strdup_printf (_("Held at phase 3: a core policy item is not in place (%s). "
                              "Phase 4 requires that the policy is a given."),
                            names->str);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Held at phase 3: %u core policy item is not in place "
                                       "(%s). Phase 4 requires that the policy is a given.",
                                       "Held at phase 3: %u core policy items are not in place "
                                       "(%s). Phase 4 requires that the policy is a given.",
                                       missing->len),
                          missing->len, names->str);
}

static char *
describe_waived_core (GPtrArray  *waived,
                      const char *date)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < waived->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (waived, i);
      const char *title = pw_policy_item_get_title (item);
      const char *reason = pw_policy_item_get_reason_on (item, date);
      g_autofree char *entry = NULL;

      if (reason != NULL)
        /* Translators: a core policy item marked not applicable, and why;
         * the first %s is the item, the second the reason */
        entry = g_strdup_printf (_("%s (%s)"), title && *title ? title : pw_policy_item_get_id (item),
                                 reason);
      else
        /* Translators: a core policy item marked not applicable before its
         * history was kept, so its reason is not known; %s is the item */
        entry = g_strdup_printf (_("%s (no reason recorded)"),
                                 title && *title ? title : pw_policy_item_get_id (item));

      if (i > 0)
        /* Translators: separates the items of a list */
        g_string_append (list, _("; "));
      g_string_append (list, entry);
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u core policy item is marked not applicable: %s.",
                                       "%u core policy items are marked not applicable: %s.",
                                       waived->len),
                          waived->len, list->str);
}

static char **
list_ids (GPtrArray *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < items->len; i++)
    g_strv_builder_add (builder, pw_policy_item_get_id (g_ptr_array_index (items, i)));

  return g_strv_builder_end (builder);
}

static char **
list_titles (GPtrArray *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < items->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (items, i);
      const char *title = pw_policy_item_get_title (item);

      g_strv_builder_add (builder, title && *title ? title : pw_policy_item_get_id (item));
    }

  return g_strv_builder_end (builder);
}

static void
score_dimension (PwDimensionScore *result,
                 PwAssessment     *assessment,
                 PwPhaseRule       rule)
{
  const PwDimension *dimension = result->dimension;
  PwAnswerCounts counts;
  double sum = 0, weights = 0;

  pw_assessment_count_dimension_answers (assessment, dimension, &counts);
  result->answered = counts.answered;
  result->total = dimension->questions->len;

  for (guint i = 0; i < dimension->questions->len; i++)
    {
      const PwQuestion *question = g_ptr_array_index (dimension->questions, i);
      PwAnswer *answer = pw_assessment_lookup_answer (assessment, question->id);

      if (answer == NULL || !pw_answer_is_counted (answer))
        continue;

      result->counted++;
      sum += (double) pw_answer_get_phase (answer) * question->weight;
      weights += question->weight;
    }

  if (result->counted == 0)
    return;

  result->has_score = TRUE;
  result->raw_score = sum / weights;
  result->score = result->raw_score;
  result->phase = pw_phase_rule_phase_for_score (rule, result->score);
}

/**
 * pw_score_compute:
 * @policy: (nullable): the policy checklist, as it stood on the
 *   assessment's date (today, for an assessment without one); %NULL
 *   applies no cap
 *
 * Scores @assessment.  The result does not change when the inputs are
 * later edited: compute it again.
 *
 * Returns: (transfer full): the score
 */
PwScore *
pw_score_compute (PwFramework  *framework,
                  PwAssessment *assessment,
                  PwPolicy     *policy)
{
  PwScore *score;
  double sum = 0, weights = 0;
  PwPhaseRule rule;
  guint n;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (policy == NULL || PW_IS_POLICY (policy), NULL);

  rule = pw_framework_get_phase_rule (framework);
  n = pw_framework_get_n_dimensions (framework);
  score = g_new0 (PwScore, 1);
  score->n_dimensions = n;
  score->dimensions = g_new0 (PwDimensionScore, n);
  score->weakest = -1;

  for (guint i = 0; i < n; i++)
    {
      PwDimensionScore *result = &score->dimensions[i];

      result->dimension = pw_framework_get_dimension (framework, i);
      score_dimension (result, assessment, rule);

      score->counted += result->counted;
      score->answered += result->answered;
      score->total += result->total;

      if (result->has_score && policy != NULL
          && g_strcmp0 (result->dimension->id, PW_GOVERNANCE_DIMENSION) == 0)
        {
          const char *date = pw_assessment_get_date (assessment);
          g_autoptr(GPtrArray) missing = NULL;
          g_autoptr(GPtrArray) waived = NULL;

          if (date != NULL && *date == '\0')
            date = NULL;

          missing = pw_policy_get_missing_core (policy, date);
          if (missing->len > 0)
            {
              result->cap_items = list_ids (missing);
              result->cap_titles = list_titles (missing);
            }

          if (result->phase > PW_CAP_PHASE && missing->len > 0)
            {
              result->capped = TRUE;
              result->score = MIN (result->raw_score,
                                   pw_phase_rule_top_of_phase (rule, PW_CAP_PHASE));
              result->phase = PW_CAP_PHASE;
              result->cap_reason = describe_missing_core (missing);
            }

          if (date != NULL && strcmp (date, pw_policy_get_history_since (policy)) < 0)
            result->history_since = g_strdup (pw_policy_get_history_since (policy));

          waived = pw_policy_get_waived_core (policy, date);
          if (waived->len > 0)
            {
              result->waived_items = list_ids (waived);
              result->waivers = describe_waived_core (waived, date);
            }
        }

      if (!result->has_score)
        continue;

      sum += result->score * result->dimension->weight;
      weights += result->dimension->weight;

      if (score->weakest < 0 || result->score < score->dimensions[score->weakest].score)
        score->weakest = (int) i;
    }

  if (weights > 0)
    {
      score->has_score = TRUE;
      score->score = sum / weights;
      score->phase = pw_phase_rule_phase_for_score (rule, score->score);
    }

  return score;
}

void
pw_score_free (PwScore *score)
{
  if (score == NULL)
    return;

  for (guint i = 0; i < score->n_dimensions; i++)
    {
      g_free (score->dimensions[i].cap_reason);
      g_strfreev (score->dimensions[i].cap_items);
      g_strfreev (score->dimensions[i].cap_titles);
      g_strfreev (score->dimensions[i].waived_items);
      g_free (score->dimensions[i].waivers);
      g_free (score->dimensions[i].history_since);
    }
  g_free (score->dimensions);
  g_free (score);
}

/**
 * pw_score_find_dimension:
 *
 * Returns: (nullable): the result of one dimension
 */
const PwDimensionScore *
pw_score_find_dimension (const PwScore *score,
                         const char    *dimension_id)
{
  g_return_val_if_fail (score != NULL, NULL);

  for (guint i = 0; i < score->n_dimensions; i++)
    if (g_strcmp0 (score->dimensions[i].dimension->id, dimension_id) == 0)
      return &score->dimensions[i];

  return NULL;
}

/**
 * pw_dimension_score_copy:
 *
 * Returns: (transfer full): a copy of @score, for the result of one
 *   dimension to outlive its #PwScore.  It points to the same #PwDimension,
 *   which its framework keeps.
 */
PwDimensionScore *
pw_dimension_score_copy (const PwDimensionScore *score)
{
  PwDimensionScore *copy;

  g_return_val_if_fail (score != NULL, NULL);

  copy = g_memdup2 (score, sizeof *score);
  copy->cap_reason = g_strdup (score->cap_reason);
  copy->cap_items = g_strdupv (score->cap_items);
  copy->cap_titles = g_strdupv (score->cap_titles);
  copy->waived_items = g_strdupv (score->waived_items);
  copy->waivers = g_strdup (score->waivers);
  copy->history_since = g_strdup (score->history_since);

  return copy;
}

void
pw_dimension_score_free (PwDimensionScore *score)
{
  if (score == NULL)
    return;

  g_free (score->cap_reason);
  g_strfreev (score->cap_items);
  g_strfreev (score->cap_titles);
  g_strfreev (score->waived_items);
  g_free (score->waivers);
  g_free (score->history_since);
  g_free (score);
}

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/**
 * pw_dimension_score_equal:
 * @a: (nullable): a result
 * @b: (nullable): another result
 *
 * Returns: %TRUE when both are %NULL, or both say the same of the same
 *   dimension
 */
gboolean
pw_dimension_score_equal (const PwDimensionScore *a,
                          const PwDimensionScore *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->dimension == b->dimension
         && a->has_score == b->has_score
         && a->score == b->score
         && a->raw_score == b->raw_score
         && a->phase == b->phase
         && a->counted == b->counted
         && a->answered == b->answered
         && a->total == b->total
         && a->capped == b->capped
         && g_strcmp0 (a->cap_reason, b->cap_reason) == 0
         && g_strcmp0 (a->waivers, b->waivers) == 0
         && g_strcmp0 (a->history_since, b->history_since) == 0
         && strv_equal (a->cap_items, b->cap_items)
         && strv_equal (a->cap_titles, b->cap_titles)
         && strv_equal (a->waived_items, b->waived_items);
}

G_DEFINE_BOXED_TYPE (PwDimensionScore, pw_dimension_score,
                     pw_dimension_score_copy, pw_dimension_score_free)
