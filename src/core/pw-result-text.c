/* pw-result-text.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-result-text"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "phasewise-core.h"

/*
 * How results are worded and rounded, the same wherever they are shown: in
 * the window, on the command line and in reports.
 *
 * - Scores read with one decimal; a change is the difference of the two
 *   scores as they read, and a difference below %PW_RESULT_CHANGE_EPSILON
 *   reads as no change.
 * - Coverage as a percentage never reads 100 % before every question counts,
 *   nor 0 % once one does.
 * - A question is *answered* with an option, "don't know" or "not
 *   applicable"; only options *count* toward the score.  Where both differ,
 *   both are said.
 * - A result counted from fewer than half of the questions is preliminary.
 * - A round is named by its label, else its date, else "the previous round"
 *   (only a previous round is ever named without either).
 */

/**
 * pw_result_text_format_date:
 * @date: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): @date for people to read, "20 October
 *   2026"; a copy of @date when it is not a valid date
 */
char *
pw_result_text_format_date (const char *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (date == NULL || !pw_is_valid_date (date))
    return g_strdup (date);

  /* YYYY-MM-DD */
  datetime = g_date_time_new_local ((int) g_ascii_strtoull (date, NULL, 10),
                                    (int) g_ascii_strtoull (date + 5, NULL, 10),
                                    (int) g_ascii_strtoull (date + 8, NULL, 10),
                                    0, 0, 0);
  if (datetime == NULL)
    return g_strdup (date);

  /* Translators: the date of an assessment, a g_date_time_format() format: "20 October 2026".
   * xgettext:no-c-format */
  return g_date_time_format (datetime, _("%-d %B %Y"));
}

/**
 * pw_result_text_round_name:
 *
 * Returns: (transfer full): how a round is named for people: its label,
 *   else its date, else "the previous round"
 */
char *
pw_result_text_round_name (PwAssessment *assessment)
{
  const char *name;
  const char *date;

  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  name = pw_assessment_get_round (assessment);
  if (name != NULL && *name != '\0')
    return g_strdup (name);

  date = pw_assessment_get_date (assessment);
  if (date != NULL && *date != '\0')
    return pw_result_text_format_date (date);

  /* Translators: names a round of assessment that has neither a name nor a date */
  return g_strdup (_("the previous round"));
}

/**
 * pw_result_text_heading:
 *
 * Returns: (transfer full): what a result is of: its scope, round label and
 *   date, "Whole organization · Review 2026 · 20 October 2026"
 */
char *
pw_result_text_heading (PwWorkbook   *workbook,
                        PwAssessment *assessment)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *round_name;
  const char *date;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  round_name = pw_assessment_get_round (assessment);
  date = pw_assessment_get_date (assessment);

  g_ptr_array_add (parts, pw_workbook_describe_scope (workbook, assessment));
  if (round_name != NULL && *round_name != '\0')
    g_ptr_array_add (parts, g_strdup (round_name));
  if (date != NULL && *date != '\0')
    g_ptr_array_add (parts, pw_result_text_format_date (date));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the scope, round and date above a result */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/**
 * pw_result_text_group_name:
 * @phase: a phase, 1 to 5
 *
 * Returns: (nullable): the name of the group of organizations in @phase,
 *   "The Integrators"; %NULL for a phase outside 1 to 5
 */
const char *
pw_result_text_group_name (PwFramework *framework,
                           int          phase)
{
  const PwPhaseInfo *info;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);

  if (phase < 1 || phase > PW_N_PHASES)
    return NULL;

  info = pw_framework_get_phase (framework, phase);
  if (info == NULL || info->name == NULL || *info->name == '\0')
    return NULL;

  return info->name;
}

/**
 * pw_result_text_phase:
 * @phase: a phase, 1 to 5
 *
 * Returns: (transfer full): the phase with its group's name, "Phase 3 · The
 *   Integrators", or only its number when it has no name, "Phase 3"
 */
char *
pw_result_text_phase (PwFramework *framework,
                      int          phase)
{
  const char *name = pw_result_text_group_name (framework, phase);

  if (name != NULL)
    /* Translators: a phase: its number and its name, "Phase 3 · The Integrators" */
    return g_strdup_printf (_("Phase %d · %s"), phase, name);

  /* Translators: a phase without a name */
  return g_strdup_printf (_("Phase %d"), phase);
}

/* A position exactly on a third's border, such as 11/3 = 3.666… under the
 * whole part (2/3 in exact arithmetic), lands in the upper third. */
#define POSITION_TOLERANCE 1e-9

/**
 * pw_result_text_position:
 * @score: a score, 1 to 5
 *
 * Where @score lies within its phase under the framework's phase rule
 * (pw_phase_rule_position()), in thirds of the phase's span: under the
 * nearest phase, phase 3 spans 2.5 to 3.5, so 2.93 is "Mid phase 3" and
 * 3.5 "High in phase 3"; under the whole part, phase 3 spans 3.0 to 4.0.
 * Phases 1 and 5 end at 1 and 5.
 *
 * Returns: (transfer full): "Low in phase 3", "Mid phase 3" or "High in
 *   phase 3"
 */
char *
pw_result_text_position (PwFramework *framework,
                         double       score)
{
  PwPhaseRule rule;
  double position;
  int phase;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);

  rule = pw_framework_get_phase_rule (framework);
  phase = pw_phase_rule_phase_for_score (rule, score);
  position = pw_phase_rule_position (rule, score);

  if (position < 1.0 / 3.0 - POSITION_TOLERANCE)
    /* Translators: where a score lies within its phase: in the lowest third of its span */
    return g_strdup_printf (_("Low in phase %d"), phase);

  if (position < 2.0 / 3.0 - POSITION_TOLERANCE)
    /* Translators: where a score lies within its phase: in the middle third of its span */
    return g_strdup_printf (_("Mid phase %d"), phase);

  /* Translators: where a score lies within its phase: in the highest third of its span */
  return g_strdup_printf (_("High in phase %d"), phase);
}

/**
 * pw_result_text_score_value:
 *
 * Returns: (transfer full): a score as it reads, with one decimal: "3.1"
 */
char *
pw_result_text_score_value (double score)
{
  return g_strdup_printf ("%.1f", score);
}

/**
 * pw_result_text_score:
 *
 * Returns: (transfer full): the overall score, "Score 3.1 of 5"
 */
char *
pw_result_text_score (double score)
{
  /* Translators: the overall score, "Score 3.1 of 5" */
  return g_strdup_printf (_("Score %.1f of 5"), score);
}

/**
 * pw_result_text_score_of_five:
 *
 * Returns: (transfer full): a score on its scale, for screen readers: "3.4 of 5"
 */
char *
pw_result_text_score_of_five (double score)
{
  /* Translators: the score of a dimension for screen readers, "3.4 of 5" */
  return g_strdup_printf (_("%.1f of 5"), score);
}

/**
 * pw_result_text_dimension_value:
 * @has_score: whether the dimension has a score
 * @score: its score
 *
 * Returns: (transfer full): the value of a dimension as the chart reads it:
 *   its score, "3.4", or "no score"
 */
char *
pw_result_text_dimension_value (gboolean has_score,
                                double   score)
{
  if (has_score)
    return pw_result_text_score_value (score);

  /* Translators: the value of a dimension without a score, in the radar chart and
   * what it says to screen readers: "Measurement & analytics: no score" */
  return g_strdup (_("no score"));
}

/**
 * pw_result_text_no_score:
 * @dimension: %TRUE for a dimension, %FALSE for the whole assessment
 * @hint: (out) (optional) (transfer none): how to get a score
 *
 * What a result without a score says.  Only the five options of a question
 * count toward a score, so the hint asks for an option, also of someone who
 * answered every question with "don't know" or "not applicable".
 *
 * Returns: (transfer none): what stands in place of the score: "No score
 *   yet" for an assessment, "No score" for a dimension
 */
const char *
pw_result_text_no_score (gboolean     dimension,
                         const char **hint)
{
  if (dimension)
    {
      if (hint != NULL)
        /* Translators: on the card of a dimension without a score, in place of its phase */
        *hint = _("Choose one of the five options for one of its questions to score it");

      /* Translators: on the card of a dimension without a score, in place of its score */
      return _("No score");
    }

  if (hint != NULL)
    /* Translators: below the headline of a result without a score */
    *hint = _("Answer at least one question with one of its five options to see a phase. "
              "“Don’t know” and “Not applicable” do not count.");

  /* Translators: the headline of a result without a score, in place of the phase */
  return _("No score yet");
}

/**
 * pw_result_text_weakest:
 * @weakest: the result of the weakest dimension, with a score
 *
 * Returns: (transfer full): "Weakest link: Measurement & analytics — phase 2 (2.2)"
 */
char *
pw_result_text_weakest (const PwDimensionScore *weakest)
{
  g_return_val_if_fail (weakest != NULL && weakest->has_score, NULL);

  /* Translators: the weakest dimension, its phase and score:
   * "Weakest link: Measurement & analytics — phase 2 (2.2)" */
  return g_strdup_printf (_("Weakest link: %s — phase %d (%.1f)"),
                          weakest->dimension->name, weakest->phase, weakest->score);
}

/**
 * pw_result_text_percent:
 * @counted: the questions that count
 * @total: every question
 *
 * Returns: @counted as a share of @total in percent, rounded, but never 100
 *   before every question counts, nor 0 once one does
 */
int
pw_result_text_percent (guint counted,
                        guint total)
{
  int value;

  g_return_val_if_fail (counted <= total, 0);

  if (total == 0)
    return 0;

  value = (int) round (100.0 * counted / total);
  if (counted < total)
    value = MIN (value, 99);
  if (counted > 0)
    value = MAX (value, 1);

  return value;
}

/**
 * pw_result_text_coverage:
 * @answered: the questions answered: an option, don't know or not applicable
 * @counted: the questions answered with an option, which count toward the score
 * @total: every question
 *
 * Returns: (transfer full): the coverage of a result: "45 of 46 questions
 *   answered, 98 %" when every answer counts, else both figures: "46 of 46
 *   questions answered · 45 count toward the score (98 %)", with a no-break
 *   space before the percent sign
 */
char *
pw_result_text_coverage (guint answered,
                         guint counted,
                         guint total)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  int percent;

  g_return_val_if_fail (counted <= answered && answered <= total, NULL);

  percent = pw_result_text_percent (counted, total);

  if (answered == counted)
    /* Translators: the coverage of an assessment, "43 of 46 questions answered, 93 %" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u question answered, %d %%",
                                         "%u of %u questions answered, %d %%",
                                         total),
                            answered, total, percent);

  /* Translators: the questions answered in the whole assessment */
  first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of %u question answered",
                                        "%u of %u questions answered",
                                        total),
                           answered, total);
  /* Translators: after the questions answered, those answered with an option
   * and the coverage: "45 count toward the score (98 %)"; the space before
   * the percent sign is a no-break space */
  second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u counts toward the score (%d %%)",
                                         "%u count toward the score (%d %%)",
                                         counted),
                            counted, percent);

  /* Translators: joins the questions answered and those that count:
   * "46 of 46 questions answered · 45 count toward the score (98 %)" */
  return g_strdup_printf (C_("coverage", "%s · %s"), first, second);
}

/**
 * pw_result_text_dimension_coverage:
 *
 * Returns: (transfer full): the coverage of a dimension: "3 of 4 answered"
 *   when every answer counts, else "4 of 4 answered · 3 count toward the
 *   score"
 */
char *
pw_result_text_dimension_coverage (guint answered,
                                   guint counted,
                                   guint total)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_return_val_if_fail (counted <= answered && answered <= total, NULL);

  /* Translators: the coverage of a dimension, "3 of 4 answered" */
  first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of %u answered", "%u of %u answered", total),
                           answered, total);
  if (answered == counted)
    return g_steal_pointer (&first);

  /* Translators: after the questions of a dimension answered, those
   * answered with an option: "3 count toward the score" */
  second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u counts toward the score",
                                         "%u count toward the score",
                                         counted),
                            counted);

  return g_strdup_printf (C_("coverage", "%s · %s"), first, second);
}

static double
round_to_tenth (double value)
{
  return round (value * 10.0) / 10.0;
}

/**
 * pw_result_text_describe_change:
 * @change: (out caller-allocates): the change, to clear with
 *   pw_result_change_clear()
 * @has_now: whether there is a score now
 * @now: the score now
 * @has_before: whether there was a score in the previous round
 * @before: the score in the previous round
 * @since: the name of the previous round, as pw_result_text_round_name()
 *
 * Says how a score changed since the previous round.
 */
void
pw_result_text_describe_change (PwResultChange *change,
                                gboolean        has_now,
                                double          now,
                                gboolean        has_before,
                                double          before,
                                const char     *since)
{
  double delta;

  g_return_if_fail (change != NULL);
  g_return_if_fail (since != NULL);

  *change = (PwResultChange) { PW_RESULT_CHANGE_UNKNOWN, 0.0, NULL, NULL };

  if (has_now && !has_before)
    {
      change->kind = PW_RESULT_CHANGE_NEW;
      /* Translators: a dimension that had no score in the previous round,
       * "New since Baseline 2025" */
      change->text = g_strdup_printf (_("New since %s"), since);
      change->accessible = g_strdup (change->text);
      return;
    }

  if (!has_now && has_before)
    {
      change->kind = PW_RESULT_CHANGE_LOST;
      /* Translators: the score of a dimension in the previous round, "2.3 in Baseline 2025" */
      change->text = g_strdup_printf (_("%.1f in %s"), before, since);
      change->accessible = g_strdup (change->text);
      return;
    }

  if (!has_now)
    return;

  /* The change as the two scores read. */
  delta = round_to_tenth (now) - round_to_tenth (before);

  if (fabs (delta) < PW_RESULT_CHANGE_EPSILON)
    {
      change->kind = PW_RESULT_CHANGE_NONE;
      /* Translators: a score that did not change, "No change since Baseline 2025" */
      change->text = g_strdup_printf (_("No change since %s"), since);
      change->accessible = g_strdup (change->text);
    }
  else if (delta > 0)
    {
      change->kind = PW_RESULT_CHANGE_UP;
      change->delta = delta;
      /* Translators: the change of a score, "+1.0 since Baseline 2025" */
      change->text = g_strdup_printf (_("+%.1f since %s"), delta, since);
      /* Translators: the change of a score for screen readers, "Up 1.0 since Baseline 2025" */
      change->accessible = g_strdup_printf (_("Up %.1f since %s"), delta, since);
    }
  else
    {
      change->kind = PW_RESULT_CHANGE_DOWN;
      change->delta = delta;
      /* Translators: the change of a score, "−0.4 since Baseline 2025", with a minus sign */
      change->text = g_strdup_printf (_("−%.1f since %s"), -delta, since);
      /* Translators: the change of a score for screen readers, "Down 0.4 since Baseline 2025" */
      change->accessible = g_strdup_printf (_("Down %.1f since %s"), -delta, since);
    }
}

void
pw_result_change_clear (PwResultChange *change)
{
  g_clear_pointer (&change->text, g_free);
  g_clear_pointer (&change->accessible, g_free);
}

/**
 * pw_result_text_cap:
 *
 * Returns: (transfer full) (nullable): why a dimension is held back, with
 *   the score of its answers alone: "Held at phase 3: … The answers alone
 *   give 4.0.", followed by the core items marked not applicable and their
 *   reasons, and for an assessment older than the checklist's history, the
 *   day it is known from; only the latter when no cap applies; %NULL when
 *   there is nothing to say
 */
char *
pw_result_text_cap (const PwDimensionScore *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (result != NULL, NULL);

  if (result->capped)
    /* Translators: after the reason of the governance cap: the score from the answers alone */
    g_ptr_array_add (parts, g_strdup_printf (_("%s The answers alone give %.1f."),
                                             result->cap_reason != NULL ? result->cap_reason : "",
                                             result->raw_score));
  if (result->waivers != NULL)
    g_ptr_array_add (parts, g_strdup (result->waivers));
  if (result->history_since != NULL)
    {
      g_autofree char *since = pw_result_text_format_date (result->history_since);

      /* Translators: %s is a date, "1 September 2025" */
      g_ptr_array_add (parts, g_strdup_printf (_("The policy checklist’s history is known from %s: "
                                                 "for this earlier assessment, every item counts "
                                                 "with the status it had that day."), since));
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

/**
 * pw_result_text_is_preliminary:
 * @counted: the questions that count toward the result
 * @total: every question
 *
 * Returns: %TRUE when a result is counted from fewer than half of the
 *   questions: it is shown, but marked as preliminary
 */
gboolean
pw_result_text_is_preliminary (guint counted,
                               guint total)
{
  return counted > 0 && counted < total && counted * 2 < total;
}

/**
 * pw_result_text_preliminary:
 *
 * Returns: (transfer full) (nullable): why a result is preliminary,
 *   "Preliminary: only 5 of 46 questions count toward this result"; %NULL
 *   when it is not
 */
char *
pw_result_text_preliminary (guint counted,
                            guint total)
{
  if (!pw_result_text_is_preliminary (counted, total))
    return NULL;

  /* Translators: above a result counted from fewer than half of the questions */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Preliminary: only %u of %u questions counts toward "
                                       "this result",
                                       "Preliminary: only %u of %u questions count toward "
                                       "this result",
                                       counted),
                          counted, total);
}

/**
 * pw_result_text_preliminary_mark:
 *
 * Returns: the short mark of a preliminary result, "Preliminary", where
 *   there is no room for pw_result_text_preliminary() (a dimension's card,
 *   a line of the summary)
 */
const char *
pw_result_text_preliminary_mark (void)
{
  /* Translators: marks a result (of the assessment or of one dimension)
   * counted from fewer than half of its questions */
  return g_dgettext (GETTEXT_PACKAGE, "Preliminary");
}
