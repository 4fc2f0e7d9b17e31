/* test-result-text.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-result-text"

#include "config.h"

#include "pw-test-core.h"

/*
 * The rules users read in a result, as the window, the command line and
 * reports word them: coverage, change since the previous round, names of
 * phases and rounds, dates, the cap, preliminary results; and the rules
 * behind them: what counts as answered, and the round label that follows
 * the scope.
 */

/* Never 100 % before every question counts, never 0 % after the first. */
static void
test_percent (void)
{
  g_assert_cmpint (pw_result_text_percent (45, 46), ==, 98);
  g_assert_cmpint (pw_result_text_percent (99, 100), ==, 99);
  g_assert_cmpint (pw_result_text_percent (199, 200), ==, 99);
  g_assert_cmpint (pw_result_text_percent (46, 46), ==, 100);
  g_assert_cmpint (pw_result_text_percent (1, 1000), ==, 1);
  g_assert_cmpint (pw_result_text_percent (0, 46), ==, 0);
  g_assert_cmpint (pw_result_text_percent (0, 0), ==, 0);
  g_assert_cmpint (pw_result_text_percent (23, 46), ==, 50);

  for (guint total = 1; total <= 400; total++)
    for (guint counted = 0; counted <= total; counted++)
      {
        int value = pw_result_text_percent (counted, total);

        if (counted < total)
          g_assert_cmpint (value, <=, 99);
        else
          g_assert_cmpint (value, ==, 100);
        if (counted > 0)
          g_assert_cmpint (value, >=, 1);
        else
          g_assert_cmpint (value, ==, 0);
      }
}

/* Answered and counted stand side by side without contradicting each other. */
static void
test_coverage (void)
{
  struct {
    guint answered, counted, total;
    const char *expected;
  } cases[] = {
    { 46, 45, 46, "46 of 46 questions answered · 45 count toward the score (98\u00a0%)" },
    { 45, 45, 46, "45 of 46 questions answered, 98 %" },
    { 46, 46, 46, "46 of 46 questions answered, 100 %" },
    { 100, 99, 100, "100 of 100 questions answered · 99 count toward the score (99\u00a0%)" },
    { 3, 1, 46, "3 of 46 questions answered · 1 counts toward the score (2\u00a0%)" },
    { 2, 0, 46, "2 of 46 questions answered · 0 count toward the score (0\u00a0%)" },
    { 0, 0, 46, "0 of 46 questions answered, 0 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pw_result_text_coverage (cases[i].answered, cases[i].counted,
                                                       cases[i].total);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autofree char *same = pw_result_text_dimension_coverage (3, 3, 4);
    g_autofree char *differ = pw_result_text_dimension_coverage (4, 3, 4);
    g_autofree char *one = pw_result_text_dimension_coverage (4, 1, 4);

    g_assert_cmpstr (same, ==, "3 of 4 answered");
    g_assert_cmpstr (differ, ==, "4 of 4 answered · 3 count toward the score");
    g_assert_cmpstr (one, ==, "4 of 4 answered · 1 counts toward the score");
  }
}

static void
assert_change (gboolean            has_now,
               double              now,
               gboolean            has_before,
               double              before,
               PwResultChangeKind  kind,
               const char         *text,
               const char         *accessible)
{
  g_auto(PwResultChange) change = { 0 };

  pw_result_text_describe_change (&change, has_now, now, has_before, before, "Baseline 2025");
  g_assert_cmpint (change.kind, ==, kind);
  g_assert_cmpstr (change.text, ==, text);
  g_assert_cmpstr (change.accessible, ==, accessible);
}

/* A change reads as the two scores read, with one decimal. */
static void
test_change (void)
{
  assert_change (TRUE, 3.1, TRUE, 2.1, PW_RESULT_CHANGE_UP,
                 "+1.0 since Baseline 2025", "Up 1.0 since Baseline 2025");
  assert_change (TRUE, 2.7, TRUE, 3.1, PW_RESULT_CHANGE_DOWN,
                 "−0.4 since Baseline 2025", "Down 0.4 since Baseline 2025");

  /* 3.14 and 3.10 both read 3.1; 3.16 reads 3.2. */
  assert_change (TRUE, 3.14, TRUE, 3.10, PW_RESULT_CHANGE_NONE,
                 "No change since Baseline 2025", "No change since Baseline 2025");
  assert_change (TRUE, 3.16, TRUE, 3.10, PW_RESULT_CHANGE_UP,
                 "+0.1 since Baseline 2025", "Up 0.1 since Baseline 2025");
  assert_change (TRUE, 3.04, TRUE, 3.10, PW_RESULT_CHANGE_DOWN,
                 "−0.1 since Baseline 2025", "Down 0.1 since Baseline 2025");
  assert_change (TRUE, 3.0, TRUE, 3.0, PW_RESULT_CHANGE_NONE,
                 "No change since Baseline 2025", "No change since Baseline 2025");

  /* Without a score on one side, a remark instead of a change */
  assert_change (TRUE, 3.0, FALSE, 0, PW_RESULT_CHANGE_NEW,
                 "New since Baseline 2025", "New since Baseline 2025");
  assert_change (FALSE, 0, TRUE, 2.34, PW_RESULT_CHANGE_LOST,
                 "2.3 in Baseline 2025", "2.3 in Baseline 2025");
  assert_change (FALSE, 0, FALSE, 0, PW_RESULT_CHANGE_UNKNOWN, NULL, NULL);

  {
    g_auto(PwResultChange) change = { 0 };

    pw_result_text_describe_change (&change, TRUE, 3.16, TRUE, 3.10, "Baseline 2025");
    g_assert_cmpfloat_with_epsilon (change.delta, 0.1, 1e-9);
  }
}

static void
test_phase_and_scores (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  g_autofree char *phase = pw_result_text_phase (framework, 3);
  g_autofree char *unnamed = pw_result_text_phase (framework, 6);
  g_autofree char *value = pw_result_text_score_value (3.14159);
  g_autofree char *score = pw_result_text_score (3.06);
  g_autofree char *of_five = pw_result_text_score_of_five (3.44);

  g_assert_cmpstr (phase, ==, "Phase 3 · The Integrators");
  g_assert_cmpstr (unnamed, ==, "Phase 6");
  g_assert_cmpstr (pw_result_text_group_name (framework, 2), ==, "The Seekers");
  g_assert_null (pw_result_text_group_name (framework, 0));
  g_assert_null (pw_result_text_group_name (framework, 6));
  g_assert_cmpstr (value, ==, "3.1");
  g_assert_cmpstr (score, ==, "Score 3.1 of 5");
  g_assert_cmpstr (of_five, ==, "3.4 of 5");
}

static PwFramework *
load_framework (const char *name)
{
  g_autofree char *path = pw_test_source_path ("data", "frameworks", name, NULL);
  g_autoptr(GBytes) bytes = pw_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  PwFramework *framework = pw_framework_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return framework;
}

/* Where a score lies within its phase, in thirds of the phase's span under
 * the framework's rule: phase 3 spans 2.5–3.5 under the nearest phase and
 * 3.0–4.0 under the whole part; phases 1 and 5 end at 1 and 5, which
 * leaves them half as wide under the nearest phase. */
static void
test_position (void)
{
  g_autoptr(PwFramework) nearest = load_framework ("lostinsm.json");
  g_autoptr(PwFramework) whole = load_framework ("lostinsm-1.0.0.json");
  static const struct
  {
    double      score;
    const char *nearest;
    const char *whole;
  } cases[] = {
    { 1.0,  "Low in phase 1",  "Low in phase 1" },
    { 1.16, "Low in phase 1",  "Low in phase 1" },
    { 1.17, "Mid phase 1",     "Low in phase 1" },
    { 1.34, "High in phase 1", "Mid phase 1" },
    { 1.5,  "High in phase 1", "Mid phase 1" },
    { 1.51, "Low in phase 2",  "Mid phase 1" },
    { 1.99, "Mid phase 2",     "High in phase 1" },
    { 2.0,  "Mid phase 2",     "Low in phase 2" },
    { 2.5,  "High in phase 2", "Mid phase 2" },
    { 2.51, "Low in phase 3",  "Mid phase 2" },
    { 2.83, "Low in phase 3",  "High in phase 2" },
    { 2.84, "Mid phase 3",     "High in phase 2" },
    { 2.93, "Mid phase 3",     "High in phase 2" },
    { 3.0,  "Mid phase 3",     "Low in phase 3" },
    { 3.16, "Mid phase 3",     "Low in phase 3" },
    { 3.17, "High in phase 3", "Low in phase 3" },
    { 3.33, "High in phase 3", "Low in phase 3" },
    { 10.0 / 3.0, "High in phase 3", "Mid phase 3" },
    { 3.5,  "High in phase 3", "Mid phase 3" },
    { 3.51, "Low in phase 4",  "Mid phase 3" },
    { 11.0 / 3.0, "Low in phase 4", "High in phase 3" },
    { 3.99, "Mid phase 4",     "High in phase 3" },
    { 4.0,  "Mid phase 4",     "Low in phase 4" },
    { 4.5,  "High in phase 4", "Mid phase 4" },
    { 4.51, "Low in phase 5",  "Mid phase 4" },
    { 4.67, "Mid phase 5",     "High in phase 4" },
    { 4.84, "High in phase 5", "High in phase 4" },
    { 5.0,  "High in phase 5", "High in phase 5" },
  };

  g_assert_cmpint (pw_framework_get_phase_rule (nearest), ==, PW_PHASE_RULE_NEAREST);
  g_assert_cmpint (pw_framework_get_phase_rule (whole), ==, PW_PHASE_RULE_WHOLE_PART);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *under_nearest = pw_result_text_position (nearest, cases[i].score);
      g_autofree char *under_whole = pw_result_text_position (whole, cases[i].score);

      g_test_message ("score %.4f", cases[i].score);
      g_assert_cmpstr (under_nearest, ==, cases[i].nearest);
      g_assert_cmpstr (under_whole, ==, cases[i].whole);
    }
}

/* The window and the command line name an assessment's result alike. */
static void
test_example_result (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
  PwAssessment *baseline = pw_workbook_get_previous_round (workbook, review);
  g_autoptr(PwScore) score = pw_score_compute (pw_workbook_get_framework (workbook), review,
                                               pw_workbook_get_policy (workbook));
  g_autofree char *heading = pw_result_text_heading (workbook, review);
  g_autofree char *since = pw_result_text_round_name (baseline);
  g_autofree char *coverage = pw_result_text_coverage (score->answered, score->counted,
                                                       score->total);
  g_autofree char *weakest = pw_result_text_weakest (&score->dimensions[score->weakest]);
  const PwDimensionScore *governance = pw_score_find_dimension (score, PW_GOVERNANCE_DIMENSION);
  g_autofree char *cap = pw_result_text_cap (governance);
  g_autofree char *no_cap = pw_result_text_cap (&score->dimensions[0]);

  g_assert_cmpstr (heading, ==, "Whole organization · Review 2026 · 20 October 2026");
  g_assert_cmpstr (since, ==, "Baseline 2025");
  g_assert_cmpstr (coverage, ==,
                   "56 of 56 questions answered · 54 count toward the score (96\u00a0%)");
  g_assert_cmpstr (weakest, ==, "Weakest link: Measurement & analytics — phase 2 (2.3)");
  g_assert_true (governance->capped);
  g_assert_true (g_str_has_prefix (cap, "Held at phase 3"));
  g_assert_true (g_str_has_suffix (cap, " The answers alone give 3.9."));
  g_assert_null (no_cap);
}

/* The cap line of an assessment older than the checklist's history says
 * from when the history is known; one of a later date does not.  Core items
 * marked not applicable are listed with their reasons. */
static void
test_cap_history_and_waivers (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  g_autoptr(PwAssessment) review = g_object_ref (pw_workbook_find_assessment (workbook, "assessment-2"));
  PwAssessment *baseline = pw_workbook_get_previous_round (workbook, review);
  g_autoptr(PwScore) before = NULL;
  g_autoptr(PwScore) after = NULL;
  g_autofree char *old_cap = NULL;
  g_autofree char *new_cap = NULL;
  g_autoptr(GError) error = NULL;

  pw_policy_set_history_since (policy, "2026-01-01");
  g_assert_true (pw_policy_item_change_status (pw_policy_find_item (policy, "crisis-plan"),
                                               PW_POLICY_NOT_APPLICABLE,
                                               "The group's crisis plan covers us.",
                                               "2026-06-01", "Maren Olsen", &error));
  g_assert_no_error (error);

  before = pw_score_compute (framework, baseline, policy);
  after = pw_score_compute (framework, review, policy);
  old_cap = pw_result_text_cap (pw_score_find_dimension (before, PW_GOVERNANCE_DIMENSION));
  new_cap = pw_result_text_cap (pw_score_find_dimension (after, PW_GOVERNANCE_DIMENSION));

  g_assert_cmpstr (old_cap, ==, "The policy checklist’s history is known from 1 January 2026: "
                                "for this earlier assessment, every item counts with the status "
                                "it had that day.");
  g_assert_nonnull (new_cap);
  g_assert_null (strstr (new_cap, "history is known"));
  g_assert_nonnull (strstr (new_cap, "(Employment disclosed in endorsements, Account access and security)"));
  g_assert_nonnull (strstr (new_cap, "1 core policy item is marked not applicable: Social media "
                                     "crisis plan (The group's crisis plan covers us.)."));
}

/* A round is named by its label, else its date, else generically. */
static void
test_round_name (void)
{
  g_autoptr(PwAssessment) assessment = pw_assessment_new ("a");
  g_autofree char *generic = pw_result_text_round_name (assessment);
  g_autofree char *dated = NULL;
  g_autofree char *named = NULL;

  g_assert_cmpstr (generic, ==, "the previous round");

  pw_assessment_set_date (assessment, "2026-10-20");
  dated = pw_result_text_round_name (assessment);
  g_assert_cmpstr (dated, ==, "20 October 2026");

  pw_assessment_set_round (assessment, "Review 2026");
  named = pw_result_text_round_name (assessment);
  g_assert_cmpstr (named, ==, "Review 2026");
}

/* Only YYYY-MM-DD of a real day is a date; anything else is shown as typed. */
static void
test_dates (void)
{
  const char *valid[] = { "2026-10-20", "2024-02-29", "2026-12-31", "0001-01-01" };
  const char *invalid[] = {
    "1.12.2026", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-01",
    "2026-01-1", "20261001", "2026/10/01", " 2026-10-01", "2026-10-01 ", "0000-01-01", "",
    "2026-1o-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (pw_is_valid_date (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *shown = pw_result_text_format_date (invalid[i]);

      g_test_message ("%s", invalid[i]);
      g_assert_false (pw_is_valid_date (invalid[i]));
      g_assert_cmpstr (shown, ==, invalid[i]);
    }

  {
    g_autofree char *text = pw_result_text_format_date ("2026-10-20");
    g_autofree char *leap = pw_result_text_format_date ("2024-02-29");

    g_assert_cmpstr (text, ==, "20 October 2026");
    g_assert_cmpstr (leap, ==, "29 February 2024");
    g_assert_null (pw_result_text_format_date (NULL));
  }
}

/* Fewer than half of the questions counted: preliminary, and why. */
static void
test_preliminary (void)
{
  g_autofree char *five = pw_result_text_preliminary (5, 46);
  g_autofree char *one = pw_result_text_preliminary (1, 46);
  g_autofree char *half = pw_result_text_preliminary (23, 46);

  g_assert_true (pw_result_text_is_preliminary (1, 46));
  g_assert_true (pw_result_text_is_preliminary (22, 46));
  g_assert_false (pw_result_text_is_preliminary (23, 46));
  g_assert_false (pw_result_text_is_preliminary (46, 46));
  g_assert_false (pw_result_text_is_preliminary (0, 46));
  g_assert_true (pw_result_text_is_preliminary (2, 5));
  g_assert_false (pw_result_text_is_preliminary (3, 5));

  g_assert_cmpstr (five, ==, "Preliminary: only 5 of 46 questions count toward this result");
  g_assert_cmpstr (one, ==, "Preliminary: only 1 of 46 questions counts toward this result");
  g_assert_null (half);
}

/* One definition of "answered": an option, don't know or not applicable. */
static void
test_counts (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  const PwDimension *strategy = pw_framework_get_dimension (framework, 0);
  PwAnswerCounts counts, dimension_counts;
  g_autoptr(PwScore) score = NULL;
  guint total = 0;

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    total += pw_framework_get_dimension (framework, d)->questions->len;

  /* Nothing yet, and counting does not create answers. */
  pw_assessment_count_answers (assessment, framework, &counts);
  g_assert_cmpuint (counts.total, ==, total);
  g_assert_cmpuint (counts.unanswered, ==, total);
  g_assert_cmpuint (counts.answered, ==, 0);
  g_assert_false (pw_assessment_has_answers (assessment, framework));
  g_assert_cmpuint (pw_assessment_get_n_answers (assessment), ==, 0);

  /* A note alone is something entered, but not an answer. */
  g_assert_false (pw_answer_is_answered (NULL));
  pw_answer_set_note (pw_assessment_ensure_answer (assessment, "strategy-1"), "Ask finance");
  g_assert_false (pw_answer_is_answered (pw_assessment_lookup_answer (assessment, "strategy-1")));
  pw_assessment_count_answers (assessment, framework, &counts);
  g_assert_cmpuint (counts.answered, ==, 0);
  g_assert_true (pw_assessment_has_answers (assessment, framework));

  pw_answer_choose (pw_assessment_ensure_answer (assessment, "strategy-1"), 3);
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "strategy-2"), 4);
  pw_answer_set_kind (pw_assessment_ensure_answer (assessment, "strategy-3"),
                      PW_ANSWER_DONT_KNOW);
  pw_answer_set_kind (pw_assessment_ensure_answer (assessment, "listening-1"),
                      PW_ANSWER_NOT_APPLICABLE);
  /* An empty answer, and one to a question the framework does not have */
  pw_assessment_ensure_answer (assessment, "listening-2");
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "no-such-question"), 5);

  g_assert_true (pw_answer_is_answered (pw_assessment_lookup_answer (assessment, "strategy-3")));
  g_assert_true (pw_answer_is_answered (pw_assessment_lookup_answer (assessment, "listening-1")));
  g_assert_false (pw_answer_is_answered (pw_assessment_lookup_answer (assessment, "listening-2")));

  pw_assessment_count_answers (assessment, framework, &counts);
  g_assert_cmpuint (counts.options, ==, 2);
  g_assert_cmpuint (counts.dont_know, ==, 1);
  g_assert_cmpuint (counts.not_applicable, ==, 1);
  g_assert_cmpuint (counts.answered, ==, 4);
  g_assert_cmpuint (counts.unanswered, ==, total - 4);
  g_assert_cmpuint (counts.total, ==, total);

  pw_assessment_count_dimension_answers (assessment, strategy, &dimension_counts);
  g_assert_cmpuint (dimension_counts.options, ==, 2);
  g_assert_cmpuint (dimension_counts.dont_know, ==, 1);
  g_assert_cmpuint (dimension_counts.not_applicable, ==, 0);
  g_assert_cmpuint (dimension_counts.answered, ==, 3);
  g_assert_cmpuint (dimension_counts.total, ==, strategy->questions->len);

  /* Scoring says the same: options count, all three are answered. */
  score = pw_score_compute (framework, assessment, pw_workbook_get_policy (workbook));
  g_assert_cmpuint (score->counted, ==, counts.options);
  g_assert_cmpuint (score->answered, ==, counts.answered);
  g_assert_cmpuint (score->total, ==, counts.total);
  g_assert_cmpuint (score->dimensions[0].answered, ==, 3);
  g_assert_cmpuint (score->dimensions[0].counted, ==, 2);
  g_assert_true (pw_result_text_is_preliminary (score->counted, score->total));
}

/* A round label the user did not write follows the scope; one they wrote stays. */
static void
test_scope_follows (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwAssessment *third = pw_workbook_start_assessment (workbook, NULL);
  PwAssessment *fourth = pw_workbook_start_assessment (workbook, NULL);

  g_assert_cmpstr (pw_assessment_get_round (third), ==, "Round 3");
  g_assert_cmpstr (pw_assessment_get_round (fourth), ==, "Round 4");

  pw_workbook_set_assessment_scope (workbook, third, "care");
  g_assert_cmpstr (pw_assessment_get_team_id (third), ==, "care");
  g_assert_cmpstr (pw_assessment_get_round (third), ==, "Round 1");

  /* Back to the whole organization, where it is the third round again */
  pw_workbook_set_assessment_scope (workbook, third, NULL);
  g_assert_null (pw_assessment_get_team_id (third));
  g_assert_cmpstr (pw_assessment_get_round (third), ==, "Round 3");

  /* A label the user wrote */
  pw_assessment_set_round (fourth, "Care kickoff");
  pw_workbook_set_assessment_scope (workbook, fourth, "care");
  g_assert_cmpstr (pw_assessment_get_team_id (fourth), ==, "care");
  g_assert_cmpstr (pw_assessment_get_round (fourth), ==, "Care kickoff");

  /* "Round 3" written for a round that is not the third is the user's too. */
  pw_workbook_set_assessment_scope (workbook, fourth, NULL);
  pw_assessment_set_round (fourth, "Round 3");
  pw_workbook_set_assessment_scope (workbook, fourth, "care");
  g_assert_cmpstr (pw_assessment_get_round (fourth), ==, "Round 3");
}

/* A result without a score asks for an option: "don't know" and "not
 * applicable" answer a question, but never score it. */
static void
test_no_score (void)
{
  g_autofree char *value = pw_result_text_dimension_value (TRUE, 3.44);
  g_autofree char *none = pw_result_text_dimension_value (FALSE, 3.44);
  const char *hint = NULL;
  const char *dimension_hint = NULL;

  g_assert_cmpstr (value, ==, "3.4");
  g_assert_cmpstr (none, ==, "no score");

  g_assert_cmpstr (pw_result_text_no_score (FALSE, &hint), ==, "No score yet");
  g_assert_cmpstr (hint, ==, "Answer at least one question with one of its five options to see "
                             "a phase. “Don’t know” and “Not applicable” do not count.");
  g_assert_cmpstr (pw_result_text_no_score (TRUE, &dimension_hint), ==, "No score");
  g_assert_cmpstr (dimension_hint, ==,
                   "Choose one of the five options for one of its questions to score it");
  g_assert_cmpstr (pw_result_text_no_score (TRUE, NULL), ==, "No score");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/result-text/percent", test_percent);
  g_test_add_func ("/phasewise/result-text/coverage", test_coverage);
  g_test_add_func ("/phasewise/result-text/change", test_change);
  g_test_add_func ("/phasewise/result-text/phase-and-scores", test_phase_and_scores);
  g_test_add_func ("/phasewise/result-text/position", test_position);
  g_test_add_func ("/phasewise/result-text/example-result", test_example_result);
  g_test_add_func ("/phasewise/result-text/round-name", test_round_name);
  g_test_add_func ("/phasewise/result-text/dates", test_dates);
  g_test_add_func ("/phasewise/result-text/preliminary", test_preliminary);
  g_test_add_func ("/phasewise/result-text/counts", test_counts);
  g_test_add_func ("/phasewise/result-text/scope-follows", test_scope_follows);
  g_test_add_func ("/phasewise/result-text/no-score", test_no_score);
  g_test_add_func ("/phasewise/result-text/cap-history-and-waivers", test_cap_history_and_waivers);

  return g_test_run ();
}
