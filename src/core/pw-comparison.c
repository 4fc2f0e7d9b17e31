/* pw-comparison.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-comparison"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "phasewise-core.h"
#include "pw-comparison.h"
#include "pw-migration.h"

/*
 * Two assessments of one workbook, question by question.
 *
 * A workbook has one framework, so both rounds answer the same questions —
 * except where one of them was answered against an earlier version and
 * migrated since:
 *
 * - its answers to questions the later version retired are kept as
 *   retired answers: each is a row only that round has (paired with the
 *   other round's retired answer to the same question of the same version,
 *   when both have one);
 * - a question the later version added (it declares `replaces`, and
 *   replaces nothing) was never put to it: unless the round answered it
 *   since, the row is only the other round's.
 *
 * A round counts as answered against an earlier version when it keeps a
 * retired answer of an earlier version than the workbook's framework.
 *
 * Rows come in the framework's order of dimensions and questions; a
 * retired question follows the questions of its dimension (that of the
 * question replacing it, else the dimension its id starts with) and, when
 * no dimension is known, comes last, with a %NULL dimension_id.
 *
 * Scores come from pw_score_compute(), the same as the window shows.
 */

struct _PwComparison
{
  GObject       parent_instance;

  PwAssessment *first;
  PwAssessment *second;
  GArray       *rows;        /* PwComparisonRow */
  guint         n_dimensions;
  char        **dimension_ids;
  double       *first_scores;
  double       *second_scores;
  double        first_overall;
  double        second_overall;
};

G_DEFINE_FINAL_TYPE (PwComparison, pw_comparison, G_TYPE_OBJECT)

static void
row_clear (PwComparisonRow *row)
{
  g_clear_pointer (&row->dimension_id, g_free);
  g_clear_pointer (&row->question, g_free);
  g_clear_pointer (&row->first_question_id, g_free);
  g_clear_pointer (&row->second_question_id, g_free);
  g_clear_pointer (&row->first_answer, g_free);
  g_clear_pointer (&row->second_answer, g_free);
}

static void
pw_comparison_finalize (GObject *object)
{
  PwComparison *self = (PwComparison *)object;

  g_clear_object (&self->first);
  g_clear_object (&self->second);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->dimension_ids, g_strfreev);
  g_clear_pointer (&self->first_scores, g_free);
  g_clear_pointer (&self->second_scores, g_free);

  G_OBJECT_CLASS (pw_comparison_parent_class)->finalize (object);
}

static void
pw_comparison_class_init (PwComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_comparison_finalize;
}

static void
pw_comparison_init (PwComparison *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (PwComparisonRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  self->first_overall = NAN;
  self->second_overall = NAN;
}

/* What the side of a round without the question reads */
static char *
describe_not_asked (void)
{
  /* Translators: in a comparison of two rounds, the answer of the round
   * that was never asked the question (its framework version did not
   * have it) */
  return g_strdup (_("Not asked"));
}

static char *
describe_answer (PwAnswerKind  kind,
                 int           phase,
                 const char   *option)
{
  switch (kind)
    {
    case PW_ANSWER_OPTION:
      if (option != NULL && *option != '\0')
        return g_strdup_printf (_("Phase %d: %s"), phase, option);
      /* Translators: an answer whose option text is unknown, "Phase 3" */
      return g_strdup_printf (C_("answer", "Phase %d"), phase);
    case PW_ANSWER_DONT_KNOW:
      return g_strdup (_("Don’t know"));
    case PW_ANSWER_NOT_APPLICABLE:
      return g_strdup (_("Not applicable"));
    case PW_ANSWER_NONE:
    default:
      /* Translators: a question without an answer in a comparison of two rounds */
      return g_strdup (_("Not answered"));
    }
}

static PwAnswerKind
answer_kind (PwAnswer *answer,
             int      *phase)
{
  PwAnswerKind kind = answer != NULL ? pw_answer_get_kind (answer) : PW_ANSWER_NONE;

  *phase = kind == PW_ANSWER_OPTION ? pw_answer_get_phase (answer) : 0;
  if (kind == PW_ANSWER_OPTION && (*phase < 1 || *phase > PW_N_PHASES))
    {
      *phase = 0;
      kind = PW_ANSWER_NONE;
    }

  return kind;
}

static PwComparisonChange
compare (PwAnswerKind first_kind,
         int          first_phase,
         PwAnswerKind second_kind,
         int          second_phase)
{
  if (first_kind == PW_ANSWER_OPTION && second_kind == PW_ANSWER_OPTION)
    {
      if (second_phase > first_phase)
        return PW_COMPARISON_UP;
      if (second_phase < first_phase)
        return PW_COMPARISON_DOWN;
      return PW_COMPARISON_SAME;
    }

  return first_kind == second_kind ? PW_COMPARISON_SAME : PW_COMPARISON_CHANGED;
}

/* Whether @assessment keeps a retired answer of an earlier version than
 * @framework: it was answered against that version and migrated since */
static gboolean
predates (PwAssessment *assessment,
          PwFramework  *framework)
{
  GPtrArray *retired = pw_assessment_get_retired_answers (assessment);
  const char *version = pw_framework_get_version (framework);

  for (guint i = 0; i < retired->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);

      if (answer->framework_version != NULL
          && pw_compare_versions (answer->framework_version, version) < 0)
        return TRUE;
    }

  return FALSE;
}

/* A question the framework's version added: it declares what it replaces,
 * and that is nothing */
static gboolean
is_added (const PwQuestion *question)
{
  return question->replaces != NULL && question->replaces[0] == NULL;
}

/* One side of a row for a question of the framework */
static void
describe_side (const PwQuestion  *question,
               gboolean           asked,
               PwAnswerKind       kind,
               int                phase,
               char             **question_id,
               char             **answer)
{
  if (!asked)
    {
      *answer = describe_not_asked ();
      return;
    }

  *question_id = g_strdup (question->id);
  *answer = describe_answer (kind, phase, phase > 0 ? question->options[phase - 1] : NULL);
}

/* What moved, once both sides are described; the row is added */
static void
append_row (PwComparison    *self,
            PwComparisonRow *row,
            gboolean         first_asked,
            PwAnswerKind     first_kind,
            gboolean         second_asked,
            PwAnswerKind     second_kind)
{
  if (!first_asked)
    row->change = PW_COMPARISON_ONLY_SECOND;
  else if (!second_asked)
    row->change = PW_COMPARISON_ONLY_FIRST;
  else
    row->change = compare (first_kind, row->first_phase, second_kind, row->second_phase);

  g_array_append_val (self->rows, *row);
}

static void
add_question_row (PwComparison     *self,
                  const PwQuestion *question,
                  gboolean          first_predates,
                  gboolean          second_predates)
{
  PwComparisonRow row = { 0, };
  PwAnswer *first_answer = pw_assessment_lookup_answer (self->first, question->id);
  PwAnswer *second_answer = pw_assessment_lookup_answer (self->second, question->id);
  PwAnswerKind first_kind = answer_kind (first_answer, &row.first_phase);
  PwAnswerKind second_kind = answer_kind (second_answer, &row.second_phase);
  gboolean first_asked = TRUE;
  gboolean second_asked = TRUE;

  if (is_added (question))
    {
      first_asked = !first_predates || first_kind != PW_ANSWER_NONE;
      second_asked = !second_predates || second_kind != PW_ANSWER_NONE;
    }

  /* Neither round was asked: nothing to compare */
  if (!first_asked && !second_asked)
    return;

  row.dimension_id = g_strdup (question->dimension->id);
  row.question = g_strdup (question->text);
  describe_side (question, first_asked, first_kind, row.first_phase,
                 &row.first_question_id, &row.first_answer);
  describe_side (question, second_asked, second_kind, row.second_phase,
                 &row.second_question_id, &row.second_answer);
  append_row (self, &row, first_asked, first_kind, second_asked, second_kind);
}

/* The dimension of a retired question: that of the question replacing it,
 * else the one its id starts with ("tools-3" → "tools"), else none */
static const char *
find_retired_dimension (PwFramework *framework,
                        const char  *question_id)
{
  const char *dash;

  if (question_id == NULL)
    return NULL;

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          if (question->replaces != NULL
              && g_strv_contains ((const char * const *) question->replaces, question_id))
            return dimension->id;
        }
    }

  dash = strrchr (question_id, '-');
  if (dash != NULL)
    {
      g_autofree char *prefix = g_strndup (question_id, dash - question_id);
      const PwDimension *dimension = pw_framework_find_dimension (framework, prefix);

      if (dimension != NULL)
        return dimension->id;
    }

  return NULL;
}

static gboolean
same_retired (const PwRetiredAnswer *a,
              const PwRetiredAnswer *b)
{
  return g_strcmp0 (a->question_id, b->question_id) == 0
         && g_strcmp0 (a->framework_version, b->framework_version) == 0;
}

static const PwRetiredAnswer *
find_retired (GPtrArray             *retired,
              const PwRetiredAnswer *like)
{
  for (guint i = 0; i < retired->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);

      if (same_retired (answer, like))
        return answer;
    }

  return NULL;
}

/* One side of a row for a retired answer, %NULL when that round has none */
static PwAnswerKind
describe_retired (const PwRetiredAnswer  *retired,
                  char                  **question_id,
                  char                  **text,
                  int                    *phase)
{
  PwAnswerKind kind;

  if (retired == NULL)
    {
      *text = describe_not_asked ();
      return PW_ANSWER_NONE;
    }

  kind = answer_kind (retired->answer, phase);
  *question_id = g_strdup (retired->question_id);
  *text = describe_answer (kind, *phase, retired->option);

  return kind;
}

/* One row for a retired answer of the first, the second or both */
static void
add_retired_row (PwComparison          *self,
                 const char            *dimension_id,
                 const PwRetiredAnswer *first,
                 const PwRetiredAnswer *second)
{
  PwComparisonRow row = { 0, };
  PwAnswerKind first_kind, second_kind;

  row.dimension_id = g_strdup (dimension_id);
  row.question = g_strdup (second != NULL ? second->question : first->question);
  first_kind = describe_retired (first, &row.first_question_id, &row.first_answer,
                                 &row.first_phase);
  second_kind = describe_retired (second, &row.second_question_id, &row.second_answer,
                                  &row.second_phase);
  append_row (self, &row, first != NULL, first_kind, second != NULL, second_kind);
}

/* The retired answers of both rounds whose question belongs to
 * @dimension_id (%NULL: to none known), the first's in its order, then the
 * second's that the first does not have */
static void
add_retired_rows (PwComparison *self,
                  PwFramework  *framework,
                  const char   *dimension_id)
{
  GPtrArray *first = pw_assessment_get_retired_answers (self->first);
  GPtrArray *second = pw_assessment_get_retired_answers (self->second);

  for (guint i = 0; i < first->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (first, i);

      if (g_strcmp0 (find_retired_dimension (framework, answer->question_id), dimension_id) != 0)
        continue;

      add_retired_row (self, dimension_id, answer, find_retired (second, answer));
    }

  for (guint i = 0; i < second->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (second, i);

      if (g_strcmp0 (find_retired_dimension (framework, answer->question_id), dimension_id) != 0
          || find_retired (first, answer) != NULL)
        continue;

      add_retired_row (self, dimension_id, NULL, answer);
    }
}

static void
compute_scores (PwComparison *self,
                PwWorkbook   *workbook,
                PwFramework  *framework)
{
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  g_autoptr(PwScore) first = pw_score_compute (framework, self->first, policy);
  g_autoptr(PwScore) second = pw_score_compute (framework, self->second, policy);

  self->first_overall = first->has_score ? first->score : NAN;
  self->second_overall = second->has_score ? second->score : NAN;

  for (guint d = 0; d < self->n_dimensions; d++)
    {
      const PwDimensionScore *a = pw_score_find_dimension (first, self->dimension_ids[d]);
      const PwDimensionScore *b = pw_score_find_dimension (second, self->dimension_ids[d]);

      self->first_scores[d] = a != NULL && a->has_score ? a->score : NAN;
      self->second_scores[d] = b != NULL && b->has_score ? b->score : NAN;
    }
}

/**
 * pw_comparison_new:
 * @workbook: the workbook both assessments belong to
 * @first: the assessment compared from, usually the earlier round
 * @second: the assessment compared to, usually the later round
 *
 * Compares @first and @second as they are now; the comparison does not
 * follow later changes.
 *
 * Returns: (transfer full): the comparison
 */
PwComparison *
pw_comparison_new (PwWorkbook   *workbook,
                   PwAssessment *first,
                   PwAssessment *second)
{
  PwComparison *self;
  PwFramework *framework;
  gboolean first_predates, second_predates;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (first), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (second), NULL);

  self = g_object_new (PW_TYPE_COMPARISON, NULL);
  self->first = g_object_ref (first);
  self->second = g_object_ref (second);

  framework = pw_workbook_get_framework (workbook);
  first_predates = predates (first, framework);
  second_predates = predates (second, framework);

  self->n_dimensions = pw_framework_get_n_dimensions (framework);
  self->dimension_ids = g_new0 (char *, self->n_dimensions + 1);
  self->first_scores = g_new (double, self->n_dimensions);
  self->second_scores = g_new (double, self->n_dimensions);

  for (guint d = 0; d < self->n_dimensions; d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      self->dimension_ids[d] = g_strdup (dimension->id);
      for (guint q = 0; q < dimension->questions->len; q++)
        add_question_row (self, g_ptr_array_index (dimension->questions, q),
                          first_predates, second_predates);
      add_retired_rows (self, framework, dimension->id);
    }
  add_retired_rows (self, framework, NULL);

  compute_scores (self, workbook, framework);

  return self;
}

/**
 * pw_comparison_get_first:
 *
 * Returns: (transfer none): the assessment compared from
 */
PwAssessment *
pw_comparison_get_first (PwComparison *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON (self), NULL);

  return self->first;
}

/**
 * pw_comparison_get_second:
 *
 * Returns: (transfer none): the assessment compared to
 */
PwAssessment *
pw_comparison_get_second (PwComparison *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON (self), NULL);

  return self->second;
}

/**
 * pw_comparison_get_n_rows:
 *
 * Returns: how many questions the comparison has a row for
 */
guint
pw_comparison_get_n_rows (PwComparison *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON (self), 0);

  return self->rows->len;
}

/**
 * pw_comparison_get_row:
 * @index: the row, in the framework's order of dimensions and questions
 *
 * A question either round was asked. A side without the question has no
 * question id, phase 0 and the answer "Not asked".
 *
 * Returns: (transfer none) (nullable): the row, %NULL past the last
 */
const PwComparisonRow *
pw_comparison_get_row (PwComparison *self,
                       guint         index)
{
  g_return_val_if_fail (PW_IS_COMPARISON (self), NULL);

  if (index >= self->rows->len)
    return NULL;

  return &g_array_index (self->rows, PwComparisonRow, index);
}

/**
 * pw_comparison_count:
 * @change: what moved
 *
 * Returns: how many rows are @change
 */
guint
pw_comparison_count (PwComparison       *self,
                     PwComparisonChange  change)
{
  guint count = 0;

  g_return_val_if_fail (PW_IS_COMPARISON (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, PwComparisonRow, i).change == change)
      count++;

  return count;
}

/**
 * pw_comparison_get_dimension:
 * @index: the dimension, in the framework's order
 * @dimension_id: (out) (optional) (transfer none): its id
 * @first_score: (out) (optional): the first's score, NAN without one
 * @second_score: (out) (optional): the second's score, NAN without one
 *
 * Returns: %FALSE past the last dimension
 */
gboolean
pw_comparison_get_dimension (PwComparison  *self,
                             guint          index,
                             const char   **dimension_id,
                             double        *first_score,
                             double        *second_score)
{
  g_return_val_if_fail (PW_IS_COMPARISON (self), FALSE);

  if (index >= self->n_dimensions)
    return FALSE;

  if (dimension_id != NULL)
    *dimension_id = self->dimension_ids[index];
  if (first_score != NULL)
    *first_score = self->first_scores[index];
  if (second_score != NULL)
    *second_score = self->second_scores[index];

  return TRUE;
}

/**
 * pw_comparison_get_overall:
 * @first_score: (out) (optional): the first's overall score, NAN without one
 * @second_score: (out) (optional): the second's, NAN without one
 */
void
pw_comparison_get_overall (PwComparison *self,
                           double       *first_score,
                           double       *second_score)
{
  g_return_if_fail (PW_IS_COMPARISON (self));

  if (first_score != NULL)
    *first_score = self->first_overall;
  if (second_score != NULL)
    *second_score = self->second_overall;
}

/**
 * pw_comparison_change_to_string:
 *
 * Returns: a stable, untranslated name of @change ("same", "up", "down",
 *   "changed", "only-first", "only-second"), for CSV and tests
 */
const char *
pw_comparison_change_to_string (PwComparisonChange change)
{
  switch (change)
    {
    case PW_COMPARISON_SAME:
      return "same";
    case PW_COMPARISON_UP:
      return "up";
    case PW_COMPARISON_DOWN:
      return "down";
    case PW_COMPARISON_CHANGED:
      return "changed";
    case PW_COMPARISON_ONLY_FIRST:
      return "only-first";
    case PW_COMPARISON_ONLY_SECOND:
      return "only-second";
    default:
      g_return_val_if_reached (NULL);
    }
}
