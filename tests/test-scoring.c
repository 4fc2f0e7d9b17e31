/* test-scoring.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-scoring"

#include "config.h"

#include <math.h>

#include "pw-test-core.h"

/*
 * The worked examples of docs/scoring.md are read from the document and
 * checked here, so the documentation and the code cannot disagree.  Further
 * cases use the bundled framework.
 */

typedef struct
{
  char   *id;
  guint   weight;
  GStrv   tokens;
} ExampleDimension;

typedef struct
{
  char      *title;
  GPtrArray *dimensions;  /* ExampleDimension */
  gboolean   policy_in_place;
  gboolean   nearest;     /* "rule: nearest": the framework's phase rule */
  GPtrArray *expects;     /* char *: "id: rest" */
} Example;

static void
example_dimension_free (ExampleDimension *dimension)
{
  g_free (dimension->id);
  g_strfreev (dimension->tokens);
  g_free (dimension);
}

static void
example_free (Example *example)
{
  g_free (example->title);
  g_ptr_array_unref (example->dimensions);
  g_ptr_array_unref (example->expects);
  g_free (example);
}

static char *
read_doc (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PW_SOURCE_ROOT"), "docs", "scoring.md",
                                            NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static GPtrArray *
parse_examples (const char *doc)
{
  GPtrArray *examples = g_ptr_array_new_with_free_func ((GDestroyNotify) example_free);
  g_auto(GStrv) lines = g_strsplit (doc, "\n", -1);
  const char *heading = NULL;
  Example *current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "### "))
        heading = line + 4;
      else if (g_str_equal (line, "```scoring-example"))
        {
          current = g_new0 (Example, 1);
          current->title = g_strdup (heading);
          current->dimensions =
            g_ptr_array_new_with_free_func ((GDestroyNotify) example_dimension_free);
          current->expects = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (examples, current);
        }
      else if (current != NULL && g_str_equal (line, "```"))
        current = NULL;
      else if (current != NULL && g_str_has_prefix (line, "dimension "))
        {
          ExampleDimension *dimension = g_new0 (ExampleDimension, 1);
          g_auto(GStrv) halves = g_strsplit (line + strlen ("dimension "), ":", 2);
          g_auto(GStrv) head = g_strsplit (halves[0], " ", -1);

          g_assert_cmpuint (g_strv_length (head), ==, 3);
          g_assert_cmpstr (head[1], ==, "weight");
          dimension->id = g_strdup (head[0]);
          dimension->weight = (guint) g_ascii_strtoull (head[2], NULL, 10);
          dimension->tokens = g_strsplit (g_strstrip (halves[1]), " ", -1);
          g_ptr_array_add (current->dimensions, dimension);
        }
      else if (current != NULL && g_str_has_prefix (line, "policy: "))
        current->policy_in_place = g_str_equal (line + strlen ("policy: "), "in-place");
      else if (current != NULL && g_str_has_prefix (line, "rule: "))
        {
          const char *rule = line + strlen ("rule: ");

          g_assert_true (g_str_equal (rule, "nearest") || g_str_equal (rule, "whole-part"));
          current->nearest = g_str_equal (rule, "nearest");
        }
      else if (current != NULL && g_str_has_prefix (line, "expect "))
        g_ptr_array_add (current->expects, g_strdup (line + strlen ("expect ")));
      else if (current != NULL && *line != '\0')
        g_error ("Unknown line in a scoring example: %s", line);
    }

  return examples;
}

static void
parse_token (const char *token,
             int        *phase,
             guint      *weight,
             PwAnswerKind *kind)
{
  *weight = 1;
  *phase = 0;

  if (g_str_equal (token, "dont-know"))
    *kind = PW_ANSWER_DONT_KNOW;
  else if (g_str_equal (token, "n/a"))
    *kind = PW_ANSWER_NOT_APPLICABLE;
  else if (g_str_equal (token, "-"))
    *kind = PW_ANSWER_NONE;
  else
    {
      const char *x = strchr (token, 'x');

      *kind = PW_ANSWER_OPTION;
      *phase = (int) g_ascii_strtoll (token, NULL, 10);
      if (x != NULL)
        *weight = (guint) g_ascii_strtoull (x + 1, NULL, 10);
      g_assert_cmpint (*phase, >=, 1);
      g_assert_cmpint (*phase, <=, 5);
    }
}

/* A framework with the example's dimensions and one core policy item. */
static PwFramework *
build_framework (Example *example)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PwFramework *framework;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "phasewise-framework");
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, example->nearest ? 2 : 1);
  if (example->nearest)
    {
      json_builder_set_member_name (builder, "phase_rule");
      json_builder_add_string_value (builder, "nearest");
    }
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "example");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, "1.0.0");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Example");

  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (int p = 1; p <= 5; p++)
    {
      g_autofree char *name = g_strdup_printf ("Phase %d", p);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "phase");
      json_builder_add_int_value (builder, p);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint d = 0; d < example->dimensions->len; d++)
    {
      ExampleDimension *dimension = g_ptr_array_index (example->dimensions, d);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, dimension->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, dimension->id);
      json_builder_set_member_name (builder, "weight");
      json_builder_add_int_value (builder, dimension->weight);
      json_builder_set_member_name (builder, "levels");
      json_builder_begin_array (builder);
      for (int p = 1; p <= 5; p++)
        json_builder_add_string_value (builder, "level");
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "next_steps");
      json_builder_begin_array (builder);
      for (int p = 1; p <= 4; p++)
        {
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, "step");
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint q = 0; dimension->tokens[q] != NULL; q++)
        {
          g_autofree char *id = g_strdup_printf ("%s-%u", dimension->id, q + 1);
          PwAnswerKind kind;
          guint weight;
          int phase;

          parse_token (dimension->tokens[q], &phase, &weight, &kind);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "weight");
          json_builder_add_int_value (builder, weight);
          json_builder_set_member_name (builder, "options");
          json_builder_begin_array (builder);
          for (int p = 1; p <= 5; p++)
            json_builder_add_string_value (builder, "option");
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "policy");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "basics");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Basics");
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "basics-owner");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Named policy owner");
  json_builder_set_member_name (builder, "core");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  bytes = pw_json_to_bytes (root);
  framework = pw_framework_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return framework;
}

static void
assert_close (double      actual,
              const char *expected,
              const char *what)
{
  double want = g_ascii_strtod (expected, NULL);

  if (fabs (round (actual * 100.0) / 100.0 - want) > 1e-9)
    g_error ("%s: expected %s, got %.4f", what, expected, actual);
}

/* Checks "score phase N [capped] [weakest ID] [coverage C]" or "none". */
static void
check_expect (const PwScore *score,
              const char    *line)
{
  g_auto(GStrv) halves = g_strsplit (line, ":", 2);
  g_auto(GStrv) words = g_strsplit (g_strstrip (halves[1]), " ", -1);
  const char *what = halves[0];
  gboolean overall = g_str_equal (what, "overall");
  const PwDimensionScore *dimension = NULL;
  gboolean has_score;
  double value;
  int phase;
  gboolean capped = FALSE;

  if (!overall)
    {
      dimension = pw_score_find_dimension (score, what);
      g_assert_nonnull (dimension);
    }

  has_score = overall ? score->has_score : dimension->has_score;
  value = overall ? score->score : dimension->score;
  phase = overall ? score->phase : dimension->phase;

  if (g_str_equal (words[0], "none"))
    {
      g_assert_false (has_score);
      g_assert_cmpint (phase, ==, 0);
      if (overall)
        g_assert_cmpint (score->weakest, ==, -1);
      return;
    }

  g_assert_true (has_score);
  assert_close (value, words[0], what);

  for (guint i = 1; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "phase"))
        g_assert_cmpint (phase, ==, (int) g_ascii_strtoll (words[++i], NULL, 10));
      else if (g_str_equal (words[i], "capped"))
        capped = TRUE;
      else if (g_str_equal (words[i], "weakest"))
        {
          g_assert_cmpint (score->weakest, >=, 0);
          g_assert_cmpstr (score->dimensions[score->weakest].dimension->id, ==, words[++i]);
        }
      else if (g_str_equal (words[i], "coverage"))
        {
          guint counted = overall ? score->counted : dimension->counted;
          guint total = overall ? score->total : dimension->total;

          g_assert_cmpuint (total, >, 0);
          assert_close ((double) counted / total, words[++i], what);
        }
      else
        g_error ("Unknown word in expectation: %s", words[i]);
    }

  if (dimension != NULL)
    {
      g_assert_cmpint (dimension->capped, ==, capped);
      if (capped)
        {
          g_assert_nonnull (dimension->cap_reason);
          g_assert_nonnull (strstr (dimension->cap_reason, "Named policy owner"));
          g_assert_cmpfloat (dimension->raw_score, >, dimension->score);
        }
      else
        {
          g_assert_null (dimension->cap_reason);
          g_assert_cmpfloat (dimension->raw_score, ==, dimension->score);
        }
    }
}

static void
run_example (gconstpointer data)
{
  Example *example = (Example *) data;
  g_autoptr(PwFramework) framework = build_framework (example);
  g_autoptr(PwWorkbook) workbook = pw_workbook_new (framework);
  g_autoptr(PwScore) score = NULL;
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
  PwPolicyItem *item;

  for (guint d = 0; d < example->dimensions->len; d++)
    {
      ExampleDimension *dimension = g_ptr_array_index (example->dimensions, d);

      for (guint q = 0; dimension->tokens[q] != NULL; q++)
        {
          g_autofree char *id = g_strdup_printf ("%s-%u", dimension->id, q + 1);
          PwAnswerKind kind;
          guint weight;
          int phase;

          parse_token (dimension->tokens[q], &phase, &weight, &kind);
          if (kind == PW_ANSWER_OPTION)
            pw_answer_choose (pw_assessment_ensure_answer (assessment, id), phase);
          else if (kind != PW_ANSWER_NONE)
            pw_answer_set_kind (pw_assessment_ensure_answer (assessment, id), kind);
        }
    }

  item = pw_policy_find_item (pw_workbook_get_policy (workbook), "basics-owner");
  pw_test_set_status (item, example->policy_in_place ? PW_POLICY_IN_PLACE
                                                            : PW_POLICY_MISSING);

  score = pw_score_compute (framework, assessment, pw_workbook_get_policy (workbook));
  g_assert_cmpuint (example->expects->len, >, 0);
  for (guint i = 0; i < example->expects->len; i++)
    check_expect (score, g_ptr_array_index (example->expects, i));
}

/* Every answer at phase k gives phase k in every dimension and overall. */
static void
test_bundled_uniform (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  g_autoptr(PwWorkbook) workbook = NULL;
  GListModel *items;

  g_assert_no_error (error);
  workbook = pw_workbook_new (framework);

  items = pw_policy_get_items (pw_workbook_get_policy (workbook));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      pw_test_set_status (item, PW_POLICY_IN_PLACE);
    }

  for (int phase = 1; phase <= 5; phase++)
    {
      PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);
      g_autoptr(PwScore) score = NULL;

      for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
        {
          const PwDimension *dimension = pw_framework_get_dimension (framework, d);

          for (guint q = 0; q < dimension->questions->len; q++)
            {
              const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

              pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), phase);
            }
        }

      score = pw_score_compute (framework, assessment, pw_workbook_get_policy (workbook));
      g_assert_true (score->has_score);
      g_assert_cmpint (score->phase, ==, phase);
      g_assert_cmpfloat_with_epsilon (score->score, phase, 1e-9);
      g_assert_cmpuint (score->counted, ==, score->total);
      g_assert_cmpuint (score->counted, ==, pw_framework_get_n_questions (framework));
      g_assert_cmpint (score->weakest, ==, 0);
      for (guint d = 0; d < score->n_dimensions; d++)
        {
          g_assert_cmpint (score->dimensions[d].phase, ==, phase);
          g_assert_false (score->dimensions[d].capped);
        }
    }
}

/* With every answer at phase 5 and the checklist untouched, only
 * governance is held back, and the reason names the missing core items. */
static void
test_bundled_cap (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwScore) score = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  const PwDimensionScore *governance;
  PwAssessment *assessment;
  PwPolicy *policy;

  g_assert_no_error (error);
  workbook = pw_workbook_new (framework);
  policy = pw_workbook_get_policy (workbook);
  assessment = pw_workbook_start_assessment (workbook, NULL);

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), 5);
        }
    }

  score = pw_score_compute (framework, assessment, policy);
  governance = pw_score_find_dimension (score, PW_GOVERNANCE_DIMENSION);
  g_assert_nonnull (governance);
  g_assert_true (governance->capped);
  g_assert_cmpint (governance->phase, ==, 3);
  /* The bundled framework's rule is the nearest phase: held at 3.5, the top of phase 3 */
  g_assert_cmpfloat (governance->score, ==,
                     pw_phase_rule_top_of_phase (pw_framework_get_phase_rule (framework), 3));
  g_assert_cmpfloat (governance->score, ==, 3.5);
  g_assert_cmpfloat (governance->raw_score, ==, 5.0);
  g_assert_cmpstr (score->dimensions[score->weakest].dimension->id, ==, PW_GOVERNANCE_DIMENSION);
  /* The overall is the weighted mean, (70 − 1.5) / 14 = 4.89: nearest phase 5 */
  g_assert_cmpfloat_with_epsilon (score->score, 68.5 / 14, 1e-9);
  g_assert_cmpint (score->phase, ==, 5);

  /* Every core item in place, or marked not applicable, lifts the cap. */
  missing = pw_policy_get_missing_core (policy, NULL);
  g_assert_cmpuint (missing->len, >=, 8);
  for (guint i = 0; i < missing->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (missing, i);

      g_assert_nonnull (strstr (governance->cap_reason, pw_policy_item_get_title (item)));
      pw_test_set_status (item, i == 0 ? PW_POLICY_NOT_APPLICABLE : PW_POLICY_IN_PLACE);
    }
  g_clear_pointer (&score, pw_score_free);
  score = pw_score_compute (framework, assessment, policy);
  governance = pw_score_find_dimension (score, PW_GOVERNANCE_DIMENSION);
  g_assert_false (governance->capped);
  g_assert_cmpint (governance->phase, ==, 5);
  g_assert_cmpint (score->phase, ==, 5);

  /* A custom item marked core counts like a built-in one. */
  {
    g_autofree char *id = pw_policy_new_custom_id (policy);
    g_autoptr(PwPolicyItem) custom = pw_policy_item_new (id, TRUE);

    pw_policy_item_set_category (custom, "crisis");
    pw_policy_item_set_title (custom, "Dark site ready");
    pw_policy_item_set_core (custom, TRUE);
    pw_policy_add_custom_item (policy, custom);

    g_clear_pointer (&score, pw_score_free);
    score = pw_score_compute (framework, assessment, policy);
    governance = pw_score_find_dimension (score, PW_GOVERNANCE_DIMENSION);
    g_assert_true (governance->capped);
    g_assert_nonnull (strstr (governance->cap_reason, "Dark site ready"));
  }

  /* Without a checklist, nothing is capped. */
  g_clear_pointer (&score, pw_score_free);
  score = pw_score_compute (framework, assessment, NULL);
  g_assert_false (pw_score_find_dimension (score, PW_GOVERNANCE_DIMENSION)->capped);
}

static void
test_phase_boundaries (void)
{
  g_assert_cmpint (pw_score_to_phase (1.0), ==, 1);
  g_assert_cmpint (pw_score_to_phase (1.99), ==, 1);
  g_assert_cmpint (pw_score_to_phase (2.0), ==, 2);
  g_assert_cmpint (pw_score_to_phase (2.9999999999999996), ==, 3);
  g_assert_cmpint (pw_score_to_phase (3.6), ==, 3);
  g_assert_cmpint (pw_score_to_phase (3.9), ==, 3);
  g_assert_cmpint (pw_score_to_phase (4.999), ==, 4);
  g_assert_cmpint (pw_score_to_phase (5.0), ==, 5);
}

/* Both rules at and around every boundary, and where within its phase a
 * score lies. */
static void
test_phase_rules (void)
{
  static const struct {
    double score;
    int    whole_part;
    int    nearest;
  } cases[] = {
    { 1.0, 1, 1 }, { 1.49, 1, 1 }, { 1.5, 1, 1 }, { 1.51, 1, 2 }, { 1.99, 1, 2 },
    { 2.0, 2, 2 }, { 2.49, 2, 2 }, { 2.5, 2, 2 }, { 2.5000000000000004, 2, 2 },
    { 2.51, 2, 3 }, { 2.93, 2, 3 }, { 2.9999999999999996, 3, 3 }, { 3.0, 3, 3 },
    { 3.4999999999999996, 3, 3 }, { 3.5, 3, 3 }, { 3.51, 3, 4 }, { 3.9, 3, 4 },
    { 4.0, 4, 4 }, { 4.5, 4, 4 }, { 4.51, 4, 5 }, { 4.999, 4, 5 }, { 5.0, 5, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (pw_phase_rule_phase_for_score (PW_PHASE_RULE_WHOLE_PART, cases[i].score),
                       ==, cases[i].whole_part);
      g_assert_cmpint (pw_phase_rule_phase_for_score (PW_PHASE_RULE_NEAREST, cases[i].score),
                       ==, cases[i].nearest);
    }

  /* The cap holds a score at the top of phase 3 under each rule */
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_top_of_phase (PW_PHASE_RULE_WHOLE_PART, 3),
                                  3.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_top_of_phase (PW_PHASE_RULE_NEAREST, 3),
                                  3.5, 1e-9);
  g_assert_cmpint (pw_phase_rule_phase_for_score (PW_PHASE_RULE_NEAREST,
                     pw_phase_rule_top_of_phase (PW_PHASE_RULE_NEAREST, 3)), ==, 3);
  g_assert_cmpint (pw_phase_rule_phase_for_score (PW_PHASE_RULE_WHOLE_PART,
                     pw_phase_rule_top_of_phase (PW_PHASE_RULE_WHOLE_PART, 3)), ==, 3);

  /* Position: 0 at the bottom of the phase, 1 at its top */
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_WHOLE_PART, 3.0), 0.0,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_WHOLE_PART, 3.6), 0.6,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_WHOLE_PART, 5.0), 1.0,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_NEAREST, 3.0), 0.5,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_NEAREST, 3.5), 1.0,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_NEAREST, 2.75), 0.25,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_NEAREST, 1.0), 0.0,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_NEAREST, 1.25), 0.5,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (pw_phase_rule_position (PW_PHASE_RULE_NEAREST, 5.0), 1.0,
                                  1e-9);
}

/* Scores follow edits: computing again after a change gives the new result. */
/* The bundled framework with every dimension and question weight set to 1 */
static PwFramework *
load_unit_weights (PwFramework *framework)
{
  g_autoptr(JsonNode) root = json_node_copy (pw_framework_get_snapshot (framework));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *dimensions = json_object_get_array_member (json_node_get_object (root), "dimensions");
  PwFramework *unit;
  char *text;

  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    {
      JsonObject *dimension = json_array_get_object_element (dimensions, d);
      JsonArray *questions = json_object_get_array_member (dimension, "questions");

      json_object_set_int_member (dimension, "weight", 1);
      for (guint q = 0; q < json_array_get_length (questions); q++)
        json_object_set_int_member (json_array_get_object_element (questions, q), "weight", 1);
    }
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new_take (text, strlen (text));
  unit = pw_framework_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return unit;
}

typedef int (*ProfileFunc) (const PwDimension *dimension,
                            guint              index,
                            const PwQuestion  *question);

/* Mostly phase 3, the first question of every dimension at 2 */
static int
profile_mostly_three (const PwDimension *dimension, guint index, const PwQuestion *question)
{
  return index == 0 ? 2 : 3;
}

/* Strong where the weights are 2 (strategy, participation, organization) */
static int
profile_strong_core (const PwDimension *dimension, guint index, const PwQuestion *question)
{
  return dimension->weight > 1 ? 4 : 2;
}

/* The reverse: weak where the weights are 2 */
static int
profile_weak_core (const PwDimension *dimension, guint index, const PwQuestion *question)
{
  return dimension->weight > 1 ? 2 : 4;
}

/* Marketing-led: content, engagement and advocacy ahead, measurement,
 * integration and governance behind */
static int
profile_marketing_led (const PwDimension *dimension, guint index, const PwQuestion *question)
{
  static const char * const ahead[] = { "content", "engagement", "advocacy", NULL };
  static const char * const behind[] = { "measurement", "integration", "governance", NULL };

  if (g_strv_contains (ahead, dimension->id))
    return 4;
  return g_strv_contains (behind, dimension->id) ? 2 : 3;
}

/* The headline questions (weight 2) a phase above the others */
static int
profile_headlines_ahead (const PwDimension *dimension, guint index, const PwQuestion *question)
{
  return question->weight > 1 ? 4 : 3;
}

/* A profile at a boundary on purpose: questions alternate 3 and 4 */
static int
profile_alternating (const PwDimension *dimension, guint index, const PwQuestion *question)
{
  return index % 2 == 0 ? 3 : 4;
}

static void
check_sensitivity (const char   *name,
                   PwFramework  *framework,
                   PwFramework  *unit,
                   PwAssessment *assessment,
                   PwPolicy     *policy,
                   int           weighted_phase,
                   int           unit_phase,
                   guint         dimensions_changed)
{
  g_autoptr(PwScore) a = pw_score_compute (framework, assessment, policy);
  g_autoptr(PwScore) b = pw_score_compute (unit, assessment, policy);
  guint changed = 0;

  for (guint d = 0; d < a->n_dimensions; d++)
    if (a->dimensions[d].phase != b->dimensions[d].phase)
      changed++;
  g_test_message ("%s: weighted %.2f (phase %d), all weights 1 %.2f (phase %d); "
                  "%u dimensions change phase", name, a->score, a->phase, b->score, b->phase,
                  changed);
  g_assert_cmpint (a->phase, ==, weighted_phase);
  g_assert_cmpint (b->phase, ==, unit_phase);
  g_assert_cmpuint (changed, ==, dimensions_changed);
}

/* docs/scoring.md, "Why these weights": do the example's rounds and the
 * test profiles change phase when every weight is 1? */
static void
test_weights_sensitivity (void)
{
  static const struct
  {
    const char  *name;
    ProfileFunc  func;
    int          weighted_phase;
    int          unit_phase;
    guint        dimensions_changed;
  } profiles[] = {
    { "mostly phase 3, one answer at 2 in each dimension", profile_mostly_three, 3, 3, 0 },
    { "strategy, participation and organization ahead", profile_strong_core, 3, 3, 0 },
    { "strategy, participation and organization behind", profile_weak_core, 3, 3, 0 },
    { "marketing-led", profile_marketing_led, 3, 3, 0 },
    { "headline questions a phase ahead", profile_headlines_ahead, 3, 3, 0 },
    { "alternating 3 and 4", profile_alternating, 3, 3, 2 },
  };
  static const struct
  {
    const char *id;
    int         weighted_phase;
    int         unit_phase;
    guint       dimensions_changed;
  } rounds[] = {
    { "assessment-5", 2, 2, 0 },
    { "assessment-4", 3, 3, 0 },
    { "assessment-3", 3, 3, 1 },
    { "assessment-1", 2, 2, 1 },
    { "assessment-2", 3, 3, 0 },
  };
  g_autoptr(PwWorkbook) example = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (example);
  g_autoptr(PwFramework) unit = load_unit_weights (framework);
  g_autoptr(PwWorkbook) workbook = pw_workbook_new (framework);
  GListModel *items = pw_policy_get_items (pw_workbook_get_policy (workbook));

  for (guint i = 0; i < G_N_ELEMENTS (rounds); i++)
    check_sensitivity (rounds[i].id, framework, unit,
                       pw_workbook_find_assessment (example, rounds[i].id),
                       pw_workbook_get_policy (example), rounds[i].weighted_phase,
                       rounds[i].unit_phase, rounds[i].dimensions_changed);

  /* The profiles with the checklist in place, so that the cap stays out */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      pw_test_set_status (item, PW_POLICY_IN_PLACE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);

      for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
        {
          const PwDimension *dimension = pw_framework_get_dimension (framework, d);

          for (guint q = 0; q < dimension->questions->len; q++)
            {
              const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

              pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id),
                                profiles[i].func (dimension, q, question));
            }
        }
      check_sensitivity (profiles[i].name, framework, unit, assessment,
                         pw_workbook_get_policy (workbook), profiles[i].weighted_phase,
                         profiles[i].unit_phase, profiles[i].dimensions_changed);
    }
}

static void
test_rescore_after_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwScore) before = NULL;
  g_autoptr(PwScore) after = NULL;
  PwAssessment *assessment;
  PwAnswer *answer;

  g_assert_no_error (error);
  workbook = pw_workbook_new (framework);
  assessment = pw_workbook_start_assessment (workbook, NULL);
  answer = pw_assessment_ensure_answer (assessment, "strategy-1");
  pw_answer_choose (answer, 2);
  before = pw_score_compute (framework, assessment, NULL);
  pw_answer_set_kind (answer, PW_ANSWER_DONT_KNOW);
  g_assert_cmpint (pw_answer_get_phase (answer), ==, 0);
  after = pw_score_compute (framework, assessment, NULL);

  g_assert_true (before->has_score);
  g_assert_cmpint (before->phase, ==, 2);
  g_assert_cmpuint (before->counted, ==, 1);
  g_assert_false (after->has_score);
  g_assert_cmpuint (after->counted, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) examples = NULL;
  g_autofree char *doc = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  doc = read_doc ();
  examples = parse_examples (doc);
  g_assert_cmpuint (examples->len, >=, 8);

  for (guint i = 0; i < examples->len; i++)
    {
      Example *example = g_ptr_array_index (examples, i);
      g_autofree char *path = g_strdup_printf ("/phasewise/scoring/doc-example-%u", i + 1);

      g_test_add_data_func (path, example, run_example);
    }

  g_test_add_func ("/phasewise/scoring/bundled-uniform", test_bundled_uniform);
  g_test_add_func ("/phasewise/scoring/bundled-cap", test_bundled_cap);
  g_test_add_func ("/phasewise/scoring/phase-boundaries", test_phase_boundaries);
  g_test_add_func ("/phasewise/scoring/phase-rules", test_phase_rules);
  g_test_add_func ("/phasewise/scoring/rescore-after-edit", test_rescore_after_edit);
  g_test_add_func ("/phasewise/scoring/weights-sensitivity", test_weights_sensitivity);

  return g_test_run ();
}
