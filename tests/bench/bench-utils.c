/* bench-utils.c: what the benchmarks share
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "bench-utils.h"
#include "pw-json-util-private.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @values, which it sorts: the figure a benchmark reports,
 * which one slow run on a loaded machine does not move. */
double
bench_median (double *values,
              guint   n_values)
{
  g_return_val_if_fail (n_values > 0, 0);

  qsort (values, n_values, sizeof (double), compare_doubles);
  return values[n_values / 2];
}

/* The large workbook of the benchmarks: 2,000 teams (40 hubs with 49
 * spokes each), 100 assessments answering every question with a note each,
 * and the raw votes of 300 participants on every question of 10 of them
 * (kept as members this version does not interpret). */
PwWorkbook *
bench_build_large_workbook (PwFramework *framework)
{
  PwWorkbook *workbook = pw_workbook_new (framework);
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  GRand *rand = g_rand_new_with_seed (42);

  pw_workbook_set_name (workbook, "Benchmark Corporation");

  for (guint i = 0; i < BENCH_LARGE_TEAMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("team-%u", i);
      g_autofree char *name = g_strdup_printf ("Team %u", i);
      g_autoptr(PwTeam) team = pw_team_new (id, i % 50 == 0 ? PW_TEAM_HUB : PW_TEAM_SPOKE, name);
      const char *channels[] = { "LinkedIn", "Instagram", NULL };

      pw_team_set_function (team, "Marketing");
      pw_team_set_region (team, "Europe");
      pw_team_set_headcount (team, (int) (i % 7));
      pw_team_set_smes (team, (int) (i % 13));
      pw_team_set_channels (team, channels);
      pw_team_set_x (team, (int) (i % 100) * 120);
      pw_team_set_y (team, (int) (i / 100) * 90);
      pw_org_map_add_team (map, team);
      if (i % 50 != 0)
        {
          g_autofree char *hub = g_strdup_printf ("team-%u", i - i % 50);

          pw_org_map_link_teams (map, hub, id);
        }
    }

  for (guint a = 0; a < BENCH_LARGE_ASSESSMENTS; a++)
    {
      PwAssessment *assessment = pw_workbook_start_assessment (workbook,
                                                               a % 2 ? NULL : "team-1");

      pw_assessment_set_participants (assessment, BENCH_LARGE_PARTICIPANTS);
      for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
        {
          const PwDimension *dimension = pw_framework_get_dimension (framework, d);

          for (guint q = 0; q < dimension->questions->len; q++)
            {
              const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
              PwAnswer *answer = pw_assessment_ensure_answer (assessment, question->id);

              pw_answer_choose (answer, g_rand_int_range (rand, 1, 6));
              pw_answer_set_note (answer, "Agreed after a short discussion in the room.");

              if (a < BENCH_LARGE_WORKSHOPS)
                {
                  JsonObject *unknown = json_object_new ();
                  JsonArray *votes = json_array_new ();

                  for (guint p = 0; p < BENCH_LARGE_PARTICIPANTS; p++)
                    json_array_add_int_element (votes, g_rand_int_range (rand, 1, 6));
                  json_object_set_array_member (unknown, "votes", votes);
                  _pw_json_set_unknown (answer, unknown);
                }
            }
        }
    }

  g_rand_free (rand);

  return workbook;
}
