/* test-comparison.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-comparison"

#include "config.h"

#include <math.h>

#include "pw-test-core.h"
#include "pw-comparison.h"

/*
 * Two rounds compared question by question, as the report's comparison
 * and the comparison view show them: what went up, down, stayed or changed
 * to "don't know" or "not applicable"; the dimensions' and the overall
 * scores as the scoring gives them; and a round answered against framework
 * 1.0 and migrated, compared with a round of 2.0, where the questions
 * only one of them was asked are listed as such.
 */

static const PwQuestion *
question_at (PwWorkbook *workbook,
             guint       dimension,
             guint       index)
{
  const PwDimension *d = pw_framework_get_dimension (pw_workbook_get_framework (workbook),
                                                     dimension);

  return g_ptr_array_index (d->questions, index);
}

static void
choose (PwAssessment     *assessment,
        const PwQuestion *question,
        int               phase)
{
  pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), phase);
}

static void
answer_kind (PwAssessment     *assessment,
             const PwQuestion *question,
             PwAnswerKind      kind)
{
  pw_answer_set_kind (pw_assessment_ensure_answer (assessment, question->id), kind);
}

static const PwComparisonRow *
find_row (PwComparison *comparison,
          const char   *first_id,
          const char   *second_id)
{
  for (guint i = 0; i < pw_comparison_get_n_rows (comparison); i++)
    {
      const PwComparisonRow *row = pw_comparison_get_row (comparison, i);

      if (g_strcmp0 (row->first_question_id, first_id) == 0
          && g_strcmp0 (row->second_question_id, second_id) == 0)
        return row;
    }

  g_assert_not_reached ();
}

static char *
phase_text (const PwQuestion *question,
            int               phase)
{
  return g_strdup_printf ("Phase %d: %s", phase, question->options[phase - 1]);
}

/* Up, down, the same, and changed to "don't know" or "not applicable" or
 * left unanswered: each question says which, with the answers as the
 * window words them. */
static void
test_changes (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_new_workbook ();
  PwAssessment *first = pw_workbook_start_assessment (workbook, NULL);
  PwAssessment *second;
  g_autoptr(PwComparison) comparison = NULL;
  const PwQuestion *up = question_at (workbook, 0, 0);
  const PwQuestion *down = question_at (workbook, 0, 1);
  const PwQuestion *same = question_at (workbook, 0, 2);
  const PwQuestion *dont_know = question_at (workbook, 0, 3);
  const PwQuestion *not_applicable = question_at (workbook, 0, 4);
  const PwQuestion *both_na = question_at (workbook, 1, 0);
  const PwQuestion *answered_now = question_at (workbook, 1, 1);
  const PwQuestion *unanswered = question_at (workbook, 1, 2);
  const PwComparisonRow *row;
  g_autofree char *phase_2 = phase_text (up, 2);
  g_autofree char *phase_4 = phase_text (up, 4);
  g_autofree char *down_4 = phase_text (down, 4);
  g_autofree char *down_1 = phase_text (down, 1);
  g_autofree char *same_3 = phase_text (same, 3);
  guint n_questions = pw_framework_get_n_questions (pw_workbook_get_framework (workbook));

  choose (first, up, 2);
  choose (first, down, 4);
  choose (first, same, 3);
  choose (first, dont_know, 3);
  choose (first, not_applicable, 2);
  answer_kind (first, both_na, PW_ANSWER_NOT_APPLICABLE);

  second = pw_workbook_start_assessment (workbook, NULL);
  g_assert_true (first != second);
  choose (second, up, 4);
  choose (second, down, 1);
  choose (second, same, 3);
  answer_kind (second, dont_know, PW_ANSWER_DONT_KNOW);
  answer_kind (second, not_applicable, PW_ANSWER_NOT_APPLICABLE);
  answer_kind (second, both_na, PW_ANSWER_NOT_APPLICABLE);
  choose (second, answered_now, 5);

  comparison = pw_comparison_new (workbook, first, second);
  g_assert_true (pw_comparison_get_first (comparison) == first);
  g_assert_true (pw_comparison_get_second (comparison) == second);

  /* One row per question, in the framework's order */
  g_assert_cmpuint (pw_comparison_get_n_rows (comparison), ==, n_questions);
  g_assert_null (pw_comparison_get_row (comparison, n_questions));
  row = pw_comparison_get_row (comparison, 0);
  g_assert_cmpstr (row->first_question_id, ==, up->id);
  row = pw_comparison_get_row (comparison, n_questions - 1);
  g_assert_cmpstr (row->dimension_id, ==,
                   pw_framework_get_dimension (pw_workbook_get_framework (workbook),
                                               pw_framework_get_n_dimensions (
                                                 pw_workbook_get_framework (workbook)) - 1)->id);

  row = find_row (comparison, up->id, up->id);
  g_assert_cmpint (row->change, ==, PW_COMPARISON_UP);
  g_assert_cmpstr (row->question, ==, up->text);
  g_assert_cmpstr (row->dimension_id, ==, up->dimension->id);
  g_assert_cmpstr (row->first_answer, ==, phase_2);
  g_assert_cmpstr (row->second_answer, ==, phase_4);
  g_assert_cmpint (row->first_phase, ==, 2);
  g_assert_cmpint (row->second_phase, ==, 4);

  row = find_row (comparison, down->id, down->id);
  g_assert_cmpint (row->change, ==, PW_COMPARISON_DOWN);
  g_assert_cmpstr (row->first_answer, ==, down_4);
  g_assert_cmpstr (row->second_answer, ==, down_1);

  row = find_row (comparison, same->id, same->id);
  g_assert_cmpint (row->change, ==, PW_COMPARISON_SAME);
  g_assert_cmpstr (row->first_answer, ==, same_3);
  g_assert_cmpstr (row->second_answer, ==, same_3);

  row = find_row (comparison, dont_know->id, dont_know->id);
  g_assert_cmpint (row->change, ==, PW_COMPARISON_CHANGED);
  g_assert_cmpint (row->first_phase, ==, 3);
  g_assert_cmpint (row->second_phase, ==, 0);
  g_assert_cmpstr (row->second_answer, ==, "Don’t know");

  row = find_row (comparison, not_applicable->id, not_applicable->id);
  g_assert_cmpint (row->change, ==, PW_COMPARISON_CHANGED);
  g_assert_cmpstr (row->second_answer, ==, "Not applicable");

  row = find_row (comparison, both_na->id, both_na->id);
  g_assert_cmpint (row->change, ==, PW_COMPARISON_SAME);
  g_assert_cmpstr (row->first_answer, ==, "Not applicable");

  row = find_row (comparison, answered_now->id, answered_now->id);
  g_assert_cmpint (row->change, ==, PW_COMPARISON_CHANGED);
  g_assert_cmpstr (row->first_answer, ==, "Not answered");
  g_assert_cmpint (row->second_phase, ==, 5);

  row = find_row (comparison, unanswered->id, unanswered->id);
  g_assert_cmpint (row->change, ==, PW_COMPARISON_SAME);
  g_assert_cmpstr (row->second_answer, ==, "Not answered");

  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_UP), ==, 1);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_DOWN), ==, 1);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_CHANGED), ==, 3);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_SAME), ==, n_questions - 5);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_ONLY_FIRST), ==, 0);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_ONLY_SECOND), ==, 0);

  g_assert_cmpstr (pw_comparison_change_to_string (PW_COMPARISON_UP), ==, "up");
  g_assert_cmpstr (pw_comparison_change_to_string (PW_COMPARISON_ONLY_SECOND), ==,
                   "only-second");
}

/* The dimensions' and the overall scores are the scoring's, NAN where a
 * round has none. */
static void
test_dimensions (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_new_workbook ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *first = pw_workbook_start_assessment (workbook, NULL);
  PwAssessment *second = pw_workbook_start_assessment (workbook, NULL);
  const PwDimension *strategy = pw_framework_get_dimension (framework, 0);
  g_autoptr(PwComparison) comparison = NULL;
  g_autoptr(PwScore) first_score = NULL;
  g_autoptr(PwScore) second_score = NULL;
  const char *id = NULL;
  double a = 0, b = 0;

  for (guint q = 0; q < strategy->questions->len; q++)
    {
      choose (first, g_ptr_array_index (strategy->questions, q), 2);
      choose (second, g_ptr_array_index (strategy->questions, q), 4);
    }
  /* The second answers the second dimension too; the first does not */
  choose (second, question_at (workbook, 1, 0), 3);

  comparison = pw_comparison_new (workbook, first, second);
  first_score = pw_score_compute (framework, first, pw_workbook_get_policy (workbook));
  second_score = pw_score_compute (framework, second, pw_workbook_get_policy (workbook));

  g_assert_true (pw_comparison_get_dimension (comparison, 0, &id, &a, &b));
  g_assert_cmpstr (id, ==, strategy->id);
  g_assert_cmpfloat_with_epsilon (a, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b, 4.0, 1e-9);
  g_assert_cmpfloat (b - a, >, 1.9);

  g_assert_true (pw_comparison_get_dimension (comparison, 1, &id, &a, &b));
  g_assert_cmpstr (id, ==, pw_framework_get_dimension (framework, 1)->id);
  g_assert_true (isnan (a));
  g_assert_cmpfloat_with_epsilon (b, second_score->dimensions[1].score, 1e-9);

  /* A dimension neither answered */
  g_assert_true (pw_comparison_get_dimension (comparison, 2, NULL, &a, &b));
  g_assert_true (isnan (a));
  g_assert_true (isnan (b));

  g_assert_false (pw_comparison_get_dimension (comparison,
                                               pw_framework_get_n_dimensions (framework),
                                               &id, &a, &b));

  pw_comparison_get_overall (comparison, &a, &b);
  g_assert_cmpint (first_score->has_score, ==, !isnan (a));
  g_assert_cmpint (second_score->has_score, ==, !isnan (b));
  if (first_score->has_score)
    g_assert_cmpfloat_with_epsilon (a, first_score->score, 1e-9);
  if (second_score->has_score)
    g_assert_cmpfloat_with_epsilon (b, second_score->score, 1e-9);
}

/* Nothing answered anywhere: no score at all */
static void
test_no_scores (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_new_workbook ();
  PwAssessment *first = pw_workbook_start_assessment (workbook, NULL);
  PwAssessment *second = pw_workbook_start_assessment (workbook, NULL);
  g_autoptr(PwComparison) comparison = pw_comparison_new (workbook, first, second);
  double a = 0, b = 0;

  pw_comparison_get_overall (comparison, &a, &b);
  g_assert_true (isnan (a));
  g_assert_true (isnan (b));
  for (guint d = 0; pw_comparison_get_dimension (comparison, d, NULL, &a, &b); d++)
    {
      g_assert_true (isnan (a));
      g_assert_true (isnan (b));
    }
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_SAME), ==,
                    pw_comparison_get_n_rows (comparison));
}

static PwMigration *
migrate_larkspur (void)
{
  PwMigration *migration = pw_test_migrate_fixture ("larkspur-1.0.phasewise");

  g_assert_cmpstr (pw_framework_get_version (pw_migration_get_old_framework (migration)), ==,
                   "1.0.0");
  g_assert_cmpstr (pw_framework_get_version (pw_migration_get_new_framework (migration)), ==,
                   "2.0.0");

  return migration;
}

static guint
count_added (PwFramework *framework)
{
  guint count = 0;

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          if (question->replaces != NULL && question->replaces[0] == NULL)
            count++;
        }
    }

  return count;
}

static guint
dimension_index (PwFramework *framework,
                 const char  *id)
{
  const PwDimension *dimension = pw_framework_find_dimension (framework, id);

  g_assert_nonnull (dimension);
  return dimension->index;
}

/* Larkspur's Review 2026, answered against 1.0 and migrated, then a round
 * of 2.0: the retired answers are rows only the first has, the questions
 * 2.0 added rows only the second has, the rest compared as usual. */
static void
test_migrated (void)
{
  g_autoptr(PwMigration) migration = migrate_larkspur ();
  PwWorkbook *workbook = pw_migration_get_result (migration);
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *first = pw_workbook_find_assessment (workbook, "assessment-2");
  PwAssessment *second;
  GPtrArray *retired;
  g_autoptr(PwComparison) comparison = NULL;
  g_autoptr(PwComparison) reversed = NULL;
  const PwQuestion *added = pw_framework_find_question (framework, "listening-5");
  const PwQuestion *strategy_1 = pw_framework_find_question (framework, "strategy-1");
  const PwComparisonRow *row;
  guint n_added = count_added (framework);
  guint last_dimension = 0;
  double a, b;

  g_assert_nonnull (first);
  g_assert_nonnull (added);
  retired = pw_assessment_get_retired_answers (first);
  g_assert_cmpuint (retired->len, >, 0);
  g_assert_cmpuint (n_added, >, 0);

  /* The next round, under 2.0: strategy-1 down from 4 to 2, and the
   * added listening-5 answered */
  second = pw_workbook_start_assessment (workbook, pw_assessment_get_team_id (first));
  g_assert_cmpint (pw_answer_get_phase (pw_assessment_lookup_answer (first, "strategy-1")),
                   ==, 4);
  choose (second, strategy_1, 2);
  choose (second, added, 3);

  comparison = pw_comparison_new (workbook, first, second);
  g_assert_cmpuint (pw_comparison_get_n_rows (comparison), ==,
                    pw_framework_get_n_questions (framework) + retired->len);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_ONLY_FIRST), ==,
                    retired->len);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_ONLY_SECOND), ==, n_added);

  row = find_row (comparison, "strategy-1", "strategy-1");
  g_assert_cmpint (row->change, ==, PW_COMPARISON_DOWN);

  /* An added question: the first was never asked it */
  row = find_row (comparison, NULL, "listening-5");
  g_assert_cmpint (row->change, ==, PW_COMPARISON_ONLY_SECOND);
  g_assert_cmpstr (row->dimension_id, ==, "listening");
  g_assert_cmpstr (row->question, ==, added->text);
  g_assert_cmpstr (row->first_answer, ==, "Not asked");
  g_assert_cmpint (row->first_phase, ==, 0);
  g_assert_cmpint (row->second_phase, ==, 3);

  /* One added that the second did not answer either is still only its */
  for (guint i = 0; i < pw_comparison_get_n_rows (comparison); i++)
    {
      row = pw_comparison_get_row (comparison, i);
      if (row->change == PW_COMPARISON_ONLY_SECOND && row->second_phase == 0)
        {
          g_assert_cmpstr (row->second_answer, ==, "Not answered");
          break;
        }
    }

  /* Every retired answer is a row of the first alone, in the dimension
   * of the question that took its place or of its id */
  for (guint i = 0; i < retired->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);

      row = find_row (comparison, answer->question_id, NULL);
      g_assert_cmpint (row->change, ==, PW_COMPARISON_ONLY_FIRST);
      g_assert_cmpstr (row->question, ==, answer->question);
      g_assert_cmpstr (row->second_answer, ==, "Not asked");
      g_assert_nonnull (row->first_answer);
      g_assert_cmpint (row->first_phase, ==, pw_answer_get_phase (answer->answer));
    }
  row = find_row (comparison, "organization-3", NULL);
  g_assert_cmpstr (row->dimension_id, ==, "organization");
  row = find_row (comparison, "tools-4", NULL);
  g_assert_cmpstr (row->dimension_id, ==, "governance");

  /* In the framework's order of dimensions */
  for (guint i = 0; i < pw_comparison_get_n_rows (comparison); i++)
    {
      guint index;

      row = pw_comparison_get_row (comparison, i);
      g_assert_nonnull (row->dimension_id);
      g_assert_nonnull (row->first_answer);
      g_assert_nonnull (row->second_answer);
      index = dimension_index (framework, row->dimension_id);
      g_assert_cmpuint (index, >=, last_dimension);
      last_dimension = index;
    }

  /* The scores under 2.0 */
  pw_comparison_get_overall (comparison, &a, &b);
  g_assert_false (isnan (a));
  g_assert_false (isnan (b));

  /* The other way round, the sides swap */
  reversed = pw_comparison_new (workbook, second, first);
  g_assert_cmpuint (pw_comparison_count (reversed, PW_COMPARISON_ONLY_SECOND), ==,
                    retired->len);
  g_assert_cmpuint (pw_comparison_count (reversed, PW_COMPARISON_ONLY_FIRST), ==, n_added);
  row = find_row (reversed, "strategy-1", "strategy-1");
  g_assert_cmpint (row->change, ==, PW_COMPARISON_UP);
}

/* Two rounds both migrated from 1.0: their retired answers to the same
 * question are compared with each other, and the questions 2.0 added were
 * asked of neither. */
static void
test_both_migrated (void)
{
  g_autoptr(PwMigration) migration = migrate_larkspur ();
  PwWorkbook *workbook = pw_migration_get_result (migration);
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *first = pw_workbook_find_assessment (workbook, "assessment-1");
  PwAssessment *second = pw_workbook_find_assessment (workbook, "assessment-2");
  g_autoptr(PwComparison) comparison = NULL;
  const PwComparisonRow *row;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  comparison = pw_comparison_new (workbook, first, second);

  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_ONLY_SECOND), ==, 0);
  g_assert_cmpuint (pw_comparison_count (comparison, PW_COMPARISON_ONLY_FIRST), ==, 0);
  g_assert_cmpuint (pw_comparison_get_n_rows (comparison), ==,
                    pw_framework_get_n_questions (framework) - count_added (framework)
                    + pw_assessment_get_retired_answers (second)->len);

  row = find_row (comparison, "organization-3", "organization-3");
  g_assert_cmpint (row->change, !=, PW_COMPARISON_ONLY_FIRST);
  g_assert_cmpint (row->change, !=, PW_COMPARISON_ONLY_SECOND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/comparison/changes", test_changes);
  g_test_add_func ("/phasewise/comparison/dimensions", test_dimensions);
  g_test_add_func ("/phasewise/comparison/no-scores", test_no_scores);
  g_test_add_func ("/phasewise/comparison/migrated", test_migrated);
  g_test_add_func ("/phasewise/comparison/both-migrated", test_both_migrated);

  return g_test_run ();
}
