/* bench-workbook.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-workbook"

#include "config.h"

#include "bench-utils.h"
#include "phasewise-core.h"

/*
 * Measures opening, saving and scoring a large workbook against what
 * json-glib alone needs for the same bytes, in the same run, so that the
 * figures are ratios that do not depend on the machine.  Run it with
 * `meson test -C build --benchmark -v`; the figures go to docs/benchmarks.md.
 *
 * The workbook: 2,000 teams, 100 assessments of every question, and the raw
 * votes of 300 participants on every question of 10 workshop assessments
 * (kept as members this version does not interpret).
 */

#define N_ASSESSMENTS  100
#define N_MANY         10000
#define N_POLICY_ITEMS 200
#define N_CATEGORIES   20
#define N_CHANGES      100
#ifndef N_RUNS
#define N_RUNS         7
#endif

/* The documented maximum of assessments, each answering every question
 * of one dimension: opening must grow with their number, not its square
 * (issue 8: 10,000 took 7 s before assessments were indexed by id). */
static PwWorkbook *
build_many_assessments (PwFramework *framework)
{
  PwWorkbook *workbook = pw_workbook_new (framework);
  const PwDimension *dimension = pw_framework_get_dimension (framework, 0);

  for (guint a = 0; a < N_MANY; a++)
    {
      g_autofree char *id = g_strdup_printf ("assessment-%u", a);
      g_autoptr(PwAssessment) assessment = pw_assessment_new (id);

      pw_assessment_set_date (assessment, "2026-01-01");
      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), 1 + q % 5);
        }
      pw_workbook_add_assessment (workbook, assessment);
    }

  return workbook;
}

/* A checklist at the size the Policy page is made for: 200 custom items in
 * 20 custom categories besides the framework's, each with a history of 100
 * status changes, one a week, and 100 assessments dated across that time,
 * each scored with the checklist as it stood on its day. */
static PwWorkbook *
build_policy_history (PwFramework *framework)
{
  PwWorkbook *workbook = pw_workbook_new (framework);
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  const PwDimension *governance = pw_framework_find_dimension (framework, PW_GOVERNANCE_DIMENSION);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2020, 1, 6, 0, 0, 0);

  pw_policy_set_history_since (policy, "2020-01-01");

  for (guint c = 0; c < N_CATEGORIES; c++)
    {
      g_autofree char *id = g_strdup_printf ("custom-category-%u", c + 1);
      g_autofree char *name = g_strdup_printf ("Category %u", c + 1);
      g_autoptr(PwCustomCategory) category = pw_custom_category_new (id, name);

      pw_policy_add_custom_category (policy, category);
    }

  for (guint i = 0; i < N_POLICY_ITEMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("custom-%u", i + 1);
      g_autofree char *category = g_strdup_printf ("custom-category-%u", i % N_CATEGORIES + 1);
      g_autofree char *title = g_strdup_printf ("Policy item %u", i + 1);
      g_autoptr(PwPolicyItem) item = pw_policy_item_new (id, TRUE);

      pw_policy_item_set_category (item, category);
      pw_policy_item_set_title (item, title);
      pw_policy_item_set_core (item, i % 10 == 0);
      pw_policy_item_set_owner (item, "Head of Communications");
      pw_policy_add_custom_item (policy, item);

      for (guint k = 0; k < N_CHANGES; k++)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (start, (int) (k * 7));
          g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
          g_autoptr(GError) error = NULL;

          pw_policy_item_change_status (item, (PwPolicyStatus) ((k + i) % 3), NULL, date,
                                        "Maren Olsen", &error);
          g_assert_no_error (error);
        }
    }

  for (guint a = 0; a < N_ASSESSMENTS; a++)
    {
      g_autofree char *id = g_strdup_printf ("assessment-%u", a);
      g_autoptr(PwAssessment) assessment = pw_assessment_new (id);
      g_autoptr(GDateTime) day = g_date_time_add_days (start, (int) (a * 7));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      pw_assessment_set_date (assessment, date);
      for (guint q = 0; q < governance->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (governance->questions, q);

          pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), 5);
        }
      pw_workbook_add_assessment (workbook, assessment);
    }

  return workbook;
}

static double
median (double *values)
{
  return bench_median (values, N_RUNS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) bytes = NULL;
  double parse[N_RUNS], parse_free[N_RUNS], load[N_RUNS], generate[N_RUNS], serialize[N_RUNS], score[N_RUNS];
  double many_parse[N_RUNS], many_load[N_RUNS];
  double policy_parse[N_RUNS], policy_load[N_RUNS], policy_score[N_RUNS], policy_list[N_RUNS];
  gsize many_size = 0, policy_size = 0;
  GListModel *assessments;

  g_assert_no_error (error);
  workbook = bench_build_large_workbook (framework);
  bytes = pw_workbook_serialize (workbook);
  assessments = pw_workbook_get_assessments (workbook);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonParser *throwaway = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(PwWorkbook) loaded = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autofree char *generated = NULL;
      gint64 start;

      /* json-glib alone: parse, and parse then free the tree, as a
       * loader that builds its own model from it must. */
      start = g_get_monotonic_time ();
      json_parser_load_from_data (throwaway, g_bytes_get_data (bytes, NULL),
                                  (gssize) g_bytes_get_size (bytes), &error);
      g_object_unref (throwaway);
      parse_free[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                  (gssize) g_bytes_get_size (bytes), &error);
      parse[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      loaded = pw_workbook_load_from_bytes (bytes, &error);
      load[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      json_generator_set_root (generator, json_parser_get_root (parser));
      start = g_get_monotonic_time ();
      generated = json_generator_to_data (generator, NULL);
      generate[run] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      saved = pw_workbook_serialize (loaded);
      serialize[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_true (g_bytes_equal (saved, bytes));

      start = g_get_monotonic_time ();
      for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
        {
          g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i);
          g_autoptr(PwScore) result = pw_score_compute (framework, assessment,
                                                        pw_workbook_get_policy (loaded));

          g_assert_true (result->has_score);
        }
      score[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  {
    g_autoptr(PwWorkbook) many = build_many_assessments (framework);
    g_autoptr(GBytes) many_bytes = pw_workbook_serialize (many);

    for (guint run = 0; run < N_RUNS; run++)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(PwWorkbook) loaded = NULL;
        gint64 start;

        start = g_get_monotonic_time ();
        json_parser_load_from_data (parser, g_bytes_get_data (many_bytes, NULL),
                                    (gssize) g_bytes_get_size (many_bytes), &error);
        many_parse[run] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);

        start = g_get_monotonic_time ();
        loaded = pw_workbook_load_from_bytes (many_bytes, &error);
        many_load[run] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (loaded)), ==,
                          N_MANY);
      }
    many_size = g_bytes_get_size (many_bytes);
  }

  {
    g_autoptr(PwWorkbook) checklist = build_policy_history (framework);
    g_autoptr(GBytes) policy_bytes = pw_workbook_serialize (checklist);

    for (guint run = 0; run < N_RUNS; run++)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(PwWorkbook) loaded = NULL;
        g_autoptr(GPtrArray) ordered = NULL;
        GListModel *list;
        PwPolicy *policy;
        guint capped = 0;
        gint64 start;

        start = g_get_monotonic_time ();
        json_parser_load_from_data (parser, g_bytes_get_data (policy_bytes, NULL),
                                    (gssize) g_bytes_get_size (policy_bytes), &error);
        policy_parse[run] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);

        start = g_get_monotonic_time ();
        loaded = pw_workbook_load_from_bytes (policy_bytes, &error);
        policy_load[run] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);
        policy = pw_workbook_get_policy (loaded);

        list = pw_workbook_get_assessments (loaded);
        start = g_get_monotonic_time ();
        for (guint i = 0; i < g_list_model_get_n_items (list); i++)
          {
            g_autoptr(PwAssessment) assessment = g_list_model_get_item (list, i);
            g_autoptr(PwScore) result = pw_score_compute (framework, assessment, policy);

            capped += pw_score_find_dimension (result, PW_GOVERNANCE_DIMENSION)->capped;
          }
        policy_score[run] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_cmpuint (capped, >, 0);

        /* What the page does when the checklist changes: the items in
         * their order, and the counts of every category as of a day */
        start = g_get_monotonic_time ();
        ordered = pw_policy_get_ordered_items (policy);
        {
          g_auto(GStrv) categories = pw_policy_list_categories (policy);

          for (guint c = 0; categories[c] != NULL; c++)
            pw_policy_count (policy, categories[c], "2021-06-01", NULL, NULL);
        }
        policy_list[run] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_cmpuint (ordered->len, ==, g_list_model_get_n_items (pw_policy_get_items (policy)));
      }
    policy_size = g_bytes_get_size (policy_bytes);
  }

  {
    double p = median (parse), pf = median (parse_free), l = median (load);
    double g = median (generate);
    double s = median (serialize), sc = median (score);

    g_print ("workbook: %.1f MB, %d teams, %d assessments, %d votes; median of %d runs\n",
             g_bytes_get_size (bytes) / 1e6, BENCH_LARGE_TEAMS, BENCH_LARGE_ASSESSMENTS,
             BENCH_LARGE_WORKSHOPS * (int) pw_framework_get_n_questions (framework)
             * BENCH_LARGE_PARTICIPANTS,
             N_RUNS);
    g_print ("| measure | reference | Phasewise | ratio | bar |\n");
    g_print ("|---|---|---|---|---|\n");
    g_print ("| open | json-glib parse %.1f ms | load %.1f ms | %.2f× | ≤ 1.5× |\n", p, l, l / p);
    g_print ("| open | json-glib parse and free %.1f ms | load %.1f ms | %.2f× | ≤ 1.5× |\n",
             pf, l, l / pf);
    g_print ("| save | json-glib generate %.1f ms | serialize %.1f ms | %.2f× | ≤ 1.5× |\n",
             g, s, s / g);
    g_print ("| score all %d assessments | | %.2f ms | | < 10 ms |\n", N_ASSESSMENTS, sc);
    g_print ("| open %d assessments (%.1f MB) | json-glib parse %.1f ms | load %.1f ms | "
             "%.2f× | ≤ 1.5× |\n", N_MANY, many_size / 1e6, median (many_parse),
             median (many_load), median (many_load) / median (many_parse));
    g_print ("| open a checklist of %d custom items × %d changes (%.1f MB) | json-glib parse %.1f ms "
             "| load %.1f ms | %.2f× | ≤ 1.5× |\n", N_POLICY_ITEMS, N_CHANGES, policy_size / 1e6,
             median (policy_parse), median (policy_load),
             median (policy_load) / median (policy_parse));
    g_print ("| score %d assessments as of their days | | %.2f ms | | < 10 ms |\n", N_ASSESSMENTS,
             median (policy_score));
    g_print ("| order the items, count every category as of a day | | %.2f ms | | < 16 ms |\n",
             median (policy_list));
  }

  return 0;
}
