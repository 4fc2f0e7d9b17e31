/* test-cli.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include "phasewise-core.h"
#include "pw-test-core.h"
#include "pw-test-utils.h"

/*
 * The command line, run as a user runs it: the real binary, without a
 * display or a session bus.
 */

/* Runs phasewise with the arguments up to NULL */
static void
run_phasewise (PwTestRun  *run,
               const char *first_arg,
               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg = first_arg;
  va_list ap;

  va_start (ap, first_arg);
  for (; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  pw_test_run_phasewise (run, NULL, NULL, (const char * const *) args->pdata);
}

static void
test_version (void)
{
  g_auto(PwTestRun) run = { 0 };

  run_phasewise (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "phasewise " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(PwTestRun) run = { 0 };

  run_phasewise (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--validate"));
  g_assert_nonnull (strstr (run.out, "--summary"));
  g_assert_nonnull (strstr (run.out, "--json"));
}

static void
test_summary_text (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_auto(PwTestRun) run = { 0 };

  run_phasewise (&run, "--summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Organization: Larkspur Outdoor Equipment"));
  g_assert_nonnull (strstr (run.out, "Whole organization — Baseline 2025, 2025-10-14"));
  g_assert_nonnull (strstr (run.out, "Overall: phase 2, The Seekers"));
  g_assert_nonnull (strstr (run.out, "Whole organization — Review 2026, 2026-10-20"));
  g_assert_nonnull (strstr (run.out, "Overall: phase 3, The Integrators"));
  g_assert_nonnull (strstr (run.out, "Weakest dimension: Measurement & analytics"));
  g_assert_nonnull (strstr (run.out, "Held at phase 3"));
  g_assert_nonnull (strstr (run.out, "is a given. The answers alone give 3.9.\n"));

  /* The same figures as the window: answered beside counted, never 100 % early, and
   * where within its phase the score lies */
  g_assert_nonnull (strstr (run.out, "Overall: phase 2, The Seekers (score 2.05 · Mid phase 2), "
                                     "56 of 56 questions answered · 53 count toward the score "
                                     "(95\u00a0%)\n"));
  g_assert_nonnull (strstr (run.out, "Overall: phase 3, The Integrators "
                                     "(score 2.97 · Mid phase 3), 56 of 56 questions answered · "
                                     "54 count toward the score (96\u00a0%)\n"));
  g_assert_nonnull (strstr (run.out, "    Content & channels             phase 4  score 3.86  "
                                     "Mid phase 4\n"));
  g_assert_null (strstr (run.out, "Preliminary"));
}

/* A result from a few answers says so, and what is missing. */
static void
test_summary_preliminary (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-cli-XXXXXX");
  g_autofree char *early = g_build_filename (dir, "early.phasewise", NULL);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(PwTestRun) text = { 0 };
  g_auto(PwTestRun) json = { 0 };
  PwAssessment *assessment;
  JsonArray *assessments;
  JsonObject *third;

  workbook = pw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  assessment = pw_workbook_start_assessment (workbook, NULL);
  pw_assessment_set_date (assessment, "2026-12-01");
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "strategy-1"), 3);
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "strategy-2"), 4);
  pw_answer_set_kind (pw_assessment_ensure_answer (assessment, "listening-1"),
                      PW_ANSWER_NOT_APPLICABLE);
  bytes = pw_workbook_serialize (workbook);
  g_assert_true (g_file_set_contents (early, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));

  run_phasewise (&text, "--summary", early, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Whole organization — Round 3, 2026-12-01\n"
                                      "  Overall: phase 3, The Integrators "
                                      "(score 3.33 · High in phase 3), "
                                      "3 of 56 questions answered · 2 count toward the score "
                                      "(4\u00a0%)\n"
                                      "  Preliminary: only 2 of 56 questions count toward this "
                                      "result\n"));
  g_assert_nonnull (strstr (text.out, "Listening & monitoring         "
                                      "no score (1 of 5 answered · 0 count toward the score)\n"));
  /* A dimension counted from 2 of its 5 questions is preliminary too */
  g_assert_nonnull (strstr (text.out, "    Strategy & business alignment  phase 3  score 3.33  "
                                      "High in phase 3  Preliminary\n"));

  run_phasewise (&json, "--summary", "--json", early, NULL);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  assessments = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "assessments");
  /* The new round comes after the three team rounds and two of the whole
   * organization */
  third = json_array_get_object_element (assessments, 5);
  g_assert_cmpint (json_object_get_int_member (third, "questions"), ==, 56);
  g_assert_cmpint (json_object_get_int_member (third, "answered"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (third, "counted"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (third, "coverage"), ==, 0.04);
  g_assert_true (json_object_get_boolean_member (third, "preliminary"));
  {
    JsonArray *dimensions = json_object_get_array_member (third, "dimensions");

    /* Strategy from 2 of its 5 questions; Listening from none */
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (dimensions, 0),
                                                   "preliminary"));
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (dimensions, 1),
                                                    "preliminary"));
  }
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (assessments, 1),
                                                  "preliminary"));

  pw_test_remove_tree (dir);
}

/* The JSON summary says the same as the core computes. */
static void
test_summary_json (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(PwTestRun) run = { 0 };
  JsonObject *root;
  JsonArray *assessments;
  PwPhaseRule rule;

  run_phasewise (&run, "--summary", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);

  workbook = pw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  rule = pw_framework_get_phase_rule (pw_workbook_get_framework (workbook));

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root,
                                                                                 "organization"),
                                                  "name"),
                   ==, "Larkspur Outdoor Equipment");
  assessments = json_object_get_array_member (root, "assessments");
  g_assert_cmpuint (json_array_get_length (assessments), ==, 5);

  for (guint i = 0; i < 5; i++)
    {
      JsonObject *a = json_array_get_object_element (assessments, i);
      g_autoptr(PwAssessment) assessment =
        g_list_model_get_item (pw_workbook_get_assessments (workbook), i);
      g_autoptr(PwScore) score = pw_score_compute (pw_workbook_get_framework (workbook),
                                                   assessment,
                                                   pw_workbook_get_policy (workbook));
      JsonArray *dimensions = json_object_get_array_member (a, "dimensions");

      g_assert_cmpstr (json_object_get_string_member (a, "scope"), ==,
                       pw_assessment_get_team_id (assessment) != NULL ? "team" : "organization");
      g_assert_cmpint (json_object_get_int_member (a, "phase"), ==, score->phase);
      /* Where within its phase the score lies, 0 to 1 */
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (a, "position"),
                                      pw_phase_rule_position (rule, score->score), 0.005);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (a, "score"), score->score,
                                      0.005);
      g_assert_cmpstr (json_object_get_string_member (a, "group"), ==,
                       pw_framework_get_phase (pw_workbook_get_framework (workbook),
                                               score->phase)->name);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (a, "weakest"),
                                                      "id"),
                       ==, score->dimensions[score->weakest].dimension->id);
      g_assert_cmpuint (json_array_get_length (dimensions), ==, score->n_dimensions);
      for (guint d = 0; d < score->n_dimensions; d++)
        {
          JsonObject *dim = json_array_get_object_element (dimensions, d);

          g_assert_cmpint (json_object_get_int_member (dim, "phase"), ==,
                           score->dimensions[d].phase);
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dim, "position"),
                                          pw_phase_rule_position (rule, score->dimensions[d].score),
                                          0.005);
          g_assert_cmpint (json_object_get_boolean_member (dim, "capped"), ==,
                           score->dimensions[d].capped);
          g_assert_cmpint (json_object_get_int_member (dim, "answered"), ==,
                           score->dimensions[d].answered);
          g_assert_cmpint (json_object_get_int_member (dim, "counted"), ==,
                           score->dimensions[d].counted);
          g_assert_cmpint (json_object_get_int_member (dim, "questions"), ==,
                           score->dimensions[d].total);
        }

      /* The counts as numbers, as pw_assessment_count_answers() makes them */
      {
        PwAnswerCounts counts;

        pw_assessment_count_answers (assessment, pw_workbook_get_framework (workbook), &counts);
        g_assert_cmpint (json_object_get_int_member (a, "questions"), ==, counts.total);
        g_assert_cmpint (json_object_get_int_member (a, "answered"), ==, counts.answered);
        g_assert_cmpint (json_object_get_int_member (a, "counted"), ==, counts.options);
        g_assert_cmpint (json_object_get_int_member (a, "answered"), ==, 56);
        g_assert_cmpint (json_object_get_int_member (a, "counted"), ==,
                         g_str_equal (pw_assessment_get_id (assessment), "assessment-1") ? 53 : 54);
        g_assert_cmpfloat (json_object_get_double_member (a, "coverage"), ==,
                           pw_result_text_percent (counts.options, counts.total) / 100.0);
      }
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *path = pw_test_example_path ();
  const char *cases[][4] = {
    { "--json", path, NULL },
    { "--summary", NULL },
    { "--summary", path, path, NULL },
    { "--validate", NULL },
    { "--validate", "--summary", path, NULL },
    { "--no-such-option", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PwTestRun) run = { 0 };

      run_phasewise (&run, cases[i][0], cases[i][0] ? cases[i][1] : NULL,
                     cases[i][0] && cases[i][1] ? cases[i][2] : NULL,
                     cases[i][0] && cases[i][1] && cases[i][2] ? cases[i][3] : NULL, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_validate (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-cli-XXXXXX");
  g_autofree char *broken = g_build_filename (dir, "broken.phasewise", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.phasewise", NULL);
  g_auto(PwTestRun) valid = { 0 };
  g_auto(PwTestRun) invalid = { 0 };
  g_auto(PwTestRun) summary = { 0 };

  pw_test_write_text (broken, "{\n  \"format\": \"phasewise-workbook\",\n"
                              "  \"format_version\": 1,,\n}\n");

  run_phasewise (&valid, "--validate", path, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_nonnull (strstr (valid.out, "valid workbook"));

  /* One good and two bad files: exit 1, a line for each problem. */
  run_phasewise (&invalid, "--validate", path, broken, missing, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_nonnull (strstr (invalid.err, "broken.phasewise:3:23:"));
  g_assert_nonnull (strstr (invalid.err, "missing.phasewise: "));

  run_phasewise (&summary, "--summary", broken, NULL);
  g_assert_cmpint (summary.status, ==, 1);
  g_assert_nonnull (strstr (summary.err, "broken.phasewise:3:23:"));

  pw_test_remove_tree (dir);
}

/* Writes the example with @find replaced by @replacement to @dir/@name. */
static char *
write_edited_example (const char *dir,
                      const char *name,
                      const char *find,
                      const char *replacement)
{
  g_autoptr(GBytes) example = pw_test_read_source ("data", "examples", "larkspur.phasewise", NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (example, NULL), g_bytes_get_size (example));
  g_auto(GStrv) parts = g_strsplit (text, find, 2);
  g_autofree char *edited = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoin (replacement, parts[0], parts[1], NULL);
  pw_test_write_text (path, edited);

  return path;
}

/* Fails when @text holds a control, format or line-breaking character
 * other than the line feeds that end its lines. */
static void
assert_no_invisible (const char *what,
                     const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (c == '\n')
        continue;
      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT
          || type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        g_test_fail_printf ("%s holds U+%04X: “%s”", what, c, text);
    }
}

/* A workbook cannot reach the terminal with the characters that drive it:
 * control characters in one-line texts are refused when reading (and the
 * message says where without printing them); what a workbook may hold,
 * bidirectional overrides and zero-width characters, is printed as U+XXXX.
 */
static void
test_summary_hostile (void)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-cli-XXXXXX");
  g_autofree char *bidi = write_edited_example (dir, "bidi.phasewise",
                                                "\"round\" : \"Baseline 2025\"",
                                                "\"round\" : \"Base\\u202eline\\u200b\\u2066\"");
  g_autofree char *escape = write_edited_example (dir, "escape.phasewise",
                                                  "\"name\" : \"Larkspur Outdoor Equipment\"",
                                                  "\"name\" : \"L\\u001b[2J\\r\\u0007\\u009b"
                                                  "\\nOverall: phase 5\"");
  g_autofree char *c1 = write_edited_example (dir, "c1.phasewise",
                                              "\"round\" : \"Baseline 2025\"",
                                              "\"round\" : \"B\\u0085\\u2028x\"");
  g_auto(PwTestRun) shown = { 0 };
  g_auto(PwTestRun) refused = { 0 };
  g_auto(PwTestRun) refused_c1 = { 0 };

  g_test_bug ("8");

  run_phasewise (&shown, "--summary", bidi, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_cmpstr (shown.err, ==, "");
  assert_no_invisible ("--summary", shown.out);
  g_assert_nonnull (strstr (shown.out, "Whole organization — BaseU+202ElineU+200BU+2066, "
                                       "2025-10-14\n"));

  run_phasewise (&refused, "--summary", escape, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  assert_no_invisible ("--summary (errors)", refused.err);
  g_assert_nonnull (strstr (refused.err, "escape.phasewise: $.organization.name: "
                                         "A one-line text may not hold the control character "
                                         "U+001B\n"));

  run_phasewise (&refused_c1, "--validate", c1, NULL);
  g_assert_cmpint (refused_c1.status, ==, 1);
  assert_no_invisible ("--validate (errors)", refused_c1.err);
  g_assert_nonnull (strstr (refused_c1.err, "c1.phasewise: $.assessments[3].round: "
                                            "A one-line text may not hold the control "
                                            "character U+0085\n"));

  /* The text summary itself, for what the model may hold. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (bidi);
    g_autoptr(GError) error = NULL;
    g_autoptr(PwWorkbook) workbook = pw_workbook_load (file, NULL, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    pw_workbook_set_name (workbook, "Larkspur\u202e\u2029");
    text = pw_summary_to_text (workbook);
    assert_no_invisible ("pw_summary_to_text", text);
    g_assert_nonnull (strstr (text, "Organization: LarkspurU+202E \n"));
  }

  pw_test_remove_tree (dir);
}

/* A workbook whose framework names the bundled one but differs from it is
 * valid, and --validate and --summary --json say that it differs. */
static void
test_framework_differs (void)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-cli-XXXXXX");
  g_autofree char *changed = write_edited_example (dir, "changed.phasewise", "\"core\" : true",
                                                   "\"core\" : false");
  g_autofree char *example = pw_test_example_path ();
  g_auto(PwTestRun) validate = { 0 };
  g_auto(PwTestRun) plain = { 0 };
  g_auto(PwTestRun) json = { 0 };

  g_test_bug ("8");

  run_phasewise (&validate, "--validate", changed, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_nonnull (strstr (validate.out, "changed.phasewise: valid workbook; its framework names "
                                          "the one that comes with Phasewise but differs from "
                                          "it\n"));

  run_phasewise (&plain, "--validate", example, NULL);
  g_assert_null (strstr (plain.out, "differs"));

  run_phasewise (&json, "--summary", "--json", changed, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.out, "\"differs_from_bundled\" : true"));

  pw_test_remove_tree (dir);
}

/* File names are shown escaped, on one line: a name with a line break in it
 * cannot forge a line of the report.  An empty name is said to be one. */
static void
test_validate_file_names (void)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-cli-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "a\nb.phasewise: valid workbook", NULL);
  g_auto(PwTestRun) run = { 0 };
  g_auto(PwTestRun) empty = { 0 };
  g_auto(GStrv) lines = NULL;

  g_test_bug ("8");

  run_phasewise (&run, "--validate", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_no_invisible ("--validate (errors)", run.err);
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_nonnull (strstr (lines[0], "aU+000Ab.phasewise: valid workbook: "));

  run_phasewise (&empty, "--validate", "", NULL);
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_cmpstr (empty.err, ==, ": No file was named (the name is empty)\n");

  pw_test_remove_tree (dir);
}

/* --export policy-csv: every item, RFC 4180 quoting, and no cell that a
 * spreadsheet runs as a formula; Python's csv module reads back the
 * values written, formula prefixes made inert with an apostrophe. */
static void
test_export_policy_csv (void)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-csv-XXXXXX");
  g_autofree char *workbook_path = g_build_filename (dir, "hostile.phasewise", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "policy.csv", NULL);
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *long_note = NULL;
  GListModel *items = pw_policy_get_items (pw_workbook_get_policy (workbook));
  guint n_items = g_list_model_get_n_items (items);
  const char *notes[][2] = {
    { "=HYPERLINK(\"http://x.invalid\",\"click\")", "'=HYPERLINK(\"http://x.invalid\",\"click\")" },
    { "+1+1", "'+1+1" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
    { "\t=1", "'\t=1" },
    { "\r=1", "'\r=1" },
    { "He said \"no\", twice", "He said \"no\", twice" },
    { "one\ntwo\r\nthree", "one\ntwo\r\nthree" },
    { "Größe — ünïcödé, 🙂", "Größe — ünïcödé, 🙂" },
    { " =not at the start", " =not at the start" },
  };
  g_auto(PwTestRun) run = { 0 };

  g_assert_cmpuint (n_items, >, G_N_ELEMENTS (notes) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      pw_policy_item_set_note (item, notes[i][0]);
    }
  {
    g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, G_N_ELEMENTS (notes));
    GString *text = g_string_new ("=");

    for (guint i = 0; i < 2000; i++)
      g_string_append (text, "\"a,b\"\n");
    long_note = g_string_free (text, FALSE);
    pw_policy_item_set_note (item, long_note);
    pw_policy_item_set_owner (item, "-Owner");
  }

  bytes = pw_workbook_serialize (workbook);
  pw_test_write_bytes (workbook_path, bytes);

  run_phasewise (&run, "--export", "policy-csv", workbook_path, "-o", csv_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");

  /* UTF-8 with a byte order mark, CRLF after every record */
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\"Category\","));
  g_assert_true (g_str_has_suffix (csv, "\"\r\n"));

  rows = pw_test_read_csv (csv_path);
  g_assert_cmpuint (rows->len, ==, n_items + 1);
  g_assert_cmpstr (pw_test_csv_cell (rows, 0, 7), ==, "Note");
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    g_assert_cmpstr (pw_test_csv_cell (rows, i + 1, 7), ==, notes[i][1]);
  {
    g_autofree char *inert = g_strconcat ("'", long_note, NULL);

    g_assert_cmpstr (pw_test_csv_cell (rows, G_N_ELEMENTS (notes) + 1, 7), ==, inert);
    g_assert_cmpstr (pw_test_csv_cell (rows, G_N_ELEMENTS (notes) + 1, 4), ==, "'-Owner");
  }

  /* No cell anywhere that starts a formula */
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < 10; c++)
      g_assert_null (strchr ("=+-@\t\r", pw_test_csv_cell (rows, r, c)[0] ? pw_test_csv_cell (rows, r, c)[0] : 'x'));

  /* The first item of the example, as the workbook has it */
  {
    g_autoptr(PwPolicyItem) first = g_list_model_get_item (items, 0);

    g_assert_cmpstr (pw_test_csv_cell (rows, 1, 1), ==, pw_policy_item_get_title (first));
    g_assert_cmpstr (pw_test_csv_cell (rows, 1, 3), ==, "In place");
    g_assert_cmpstr (pw_test_csv_cell (rows, 1, 8), ==, pw_policy_item_get_link (first));
  }

  pw_test_remove_tree (dir);
}

/* --export: its usage, and a file it cannot write leaves nothing behind. */
static void
test_export_errors (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-csv-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "policy.csv", NULL);
  const char *usage[][6] = {
    { "--export", "spreadsheet", path, "-o", "-", NULL },
    { "--export", "policy-csv", path, NULL },
    { "--export", "policy-csv", "-o", "-", NULL },
    { "--export", "policy-csv", path, path, "-o", "-" },
    { "-o", "-", path, NULL },
    { "--export", "policy-csv", "--summary", path, "-o", "-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(PwTestRun) run = { 0 };

      run_phasewise (&run, usage[i][0], usage[i][1], usage[i][2], usage[i][3],
                     usage[i][3] ? usage[i][4] : NULL, usage[i][3] && usage[i][4] ? usage[i][5] : NULL,
                     NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
      g_assert_cmpstr (run.out, ==, "");
    }

  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--export", "policy-csv", path, "-o", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "policy.csv"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--export", "policy-csv", path, "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "\xEF\xBB\xBF\"Category\","));
  }

  pw_test_remove_tree (dir);
}

/* --export map-svg and map-png: the example's map as a file or on the
 * standard output; a workbook without teams is an error that says so and
 * leaves the file that was there as it was. */
static void
test_export_map (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_autofree char *dir = pw_test_make_tmp_dir ("phasewise-map-XXXXXX");
  g_autofree char *svg_path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *png_path = g_build_filename (dir, "map.png", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.phasewise", NULL);
  g_autoptr(PwWorkbook) example = pw_test_load_example ();
  GListModel *teams = pw_org_map_get_teams (pw_workbook_get_org_map (example));
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  gsize png_length = 0;

  g_assert_cmpuint (g_list_model_get_n_items (teams), >, 0);
  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--export", "map-svg", path, "-o", svg_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpstr (run.out, ==, "");
  }
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_true (g_str_has_suffix (svg, "</svg>\n"));
  /* Every team is named in the picture's description */
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      g_autofree char *name = g_markup_escape_text (pw_team_get_name (team), -1);

      g_assert_nonnull (strstr (svg, name));
    }

  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--export", "map-png", path, "-o", png_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  g_assert_true (g_file_get_contents (png_path, &png, &png_length, NULL));
  g_assert_cmpuint (png_length, >, 1000);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--export", "map-png", path, "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "\x89PNG\r\n\x1a\n"));
  }
  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--export", "map-svg", path, "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, svg);
  }

  /* No teams */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
    g_autoptr(PwWorkbook) empty = pw_workbook_new (framework);
    g_autoptr(GBytes) bytes = pw_workbook_serialize (empty);
    g_autoptr(GBytes) before = NULL;
    g_auto(PwTestRun) run = { 0 };

    pw_test_write_bytes (empty_path, bytes);
    before = pw_test_read_bytes (svg_path);
    run_phasewise (&run, "--export", "map-svg", empty_path, "-o", svg_path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "empty.phasewise"));
    g_assert_nonnull (strstr (run.err, "no teams"));
    g_assert_cmpstr (run.out, ==, "");
    pw_test_assert_file_bytes (svg_path, before);
  }

  /* Usage: an output is needed */
  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--export", "map-png", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, !=, "");
  }
  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--export", "map-pdf", path, "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "map-svg"));
  }
  {
    g_auto(PwTestRun) run = { 0 };

    run_phasewise (&run, "--help", NULL);
    g_assert_nonnull (strstr (run.out, "map-svg or map-png"));
  }

  pw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/cli/version", test_version);
  g_test_add_func ("/phasewise/cli/help", test_help);
  g_test_add_func ("/phasewise/cli/summary-text", test_summary_text);
  g_test_add_func ("/phasewise/cli/summary-json", test_summary_json);
  g_test_add_func ("/phasewise/cli/summary-preliminary", test_summary_preliminary);
  g_test_add_func ("/phasewise/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/phasewise/cli/validate", test_validate);
  g_test_add_func ("/phasewise/cli/summary-hostile", test_summary_hostile);
  g_test_add_func ("/phasewise/cli/validate-file-names", test_validate_file_names);
  g_test_add_func ("/phasewise/cli/framework-differs", test_framework_differs);
  g_test_add_func ("/phasewise/cli/export-policy-csv", test_export_policy_csv);
  g_test_add_func ("/phasewise/cli/export-errors", test_export_errors);
  g_test_add_func ("/phasewise/cli/export-map", test_export_map);

  return g_test_run ();
}
