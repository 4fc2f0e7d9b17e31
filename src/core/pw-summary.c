/* pw-summary.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-summary"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "pw-result-text.h"
#include "pw-scoring.h"
#include "pw-migration.h"
#include "pw-summary.h"
#include "pw-utils-private.h"

/*
 * The summary of a workbook, as `phasewise --summary` prints it: the
 * organization, and for each assessment its scope, date, overall phase,
 * score and group, where within the phase the score lies, the weakest
 * dimension and each dimension's result.
 * Coverage, group names and the preliminary mark follow the rules of
 * pw-result-text.c, so the summary says what the window says.
 *
 * Every text of the file in the text summary goes through
 * _pw_escape_invisible(): a name cannot clear the terminal, start a line
 * of its own ("Overall: phase 5") or reverse the text after it.
 */

static double
round2 (double value)
{
  return round (value * 100.0) / 100.0;
}

/* Takes @text and gives it back as _pw_escape_invisible() shows it. */
static char *
shown (char *text)
{
  g_autofree char *owned = text;

  return _pw_escape_invisible (owned);
}

static void
append_padded (GString    *text,
               const char *value,
               guint       width)
{
  g_autofree char *shown = _pw_escape_invisible (value);
  glong length = g_utf8_strlen (shown, -1);

  g_string_append (text, shown);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (text, ' ');
}

static void
append_assessment_text (GString      *text,
                        PwWorkbook   *workbook,
                        PwAssessment *assessment)
{
  PwFramework *framework = pw_workbook_get_framework (workbook);
  g_autoptr(PwScore) score = pw_score_compute (framework, assessment,
                                               pw_workbook_get_policy (workbook));
  g_autofree char *scope = shown (pw_workbook_describe_scope (workbook, assessment));
  const char *round = pw_assessment_get_round (assessment);
  g_autofree char *label = _pw_escape_invisible (round && *round ? round
                                                 : pw_assessment_get_id (assessment));
  g_autofree char *date = _pw_escape_invisible (pw_assessment_get_date (assessment));
  g_autofree char *coverage = NULL;
  g_autofree char *preliminary = NULL;
  guint width = 0;

  g_string_append_c (text, '\n');
  /* Translators: an assessment's heading: scope — round, date */
  g_string_append_printf (text, _("%s — %s, %s"), scope, label, date);
  g_string_append_c (text, '\n');

  coverage = pw_result_text_coverage (score->answered, score->counted, score->total);
  if (score->has_score)
    {
      g_autofree char *group =
        _pw_escape_invisible (pw_result_text_group_name (framework, score->phase));
      g_autofree char *position = pw_result_text_position (framework, score->score);

      /* Translators: the overall result: phase number, group name, score, where
       * within its phase the score lies ("High in phase 3"), and the coverage,
       * "46 of 46 questions answered · 45 count toward the score (98 %)" */
      g_string_append_printf (text, _("  Overall: phase %d, %s (score %.2f · %s), %s"),
                              score->phase, group, score->score, position, coverage);
    }
  else
    /* Translators: the overall result without a score, and the coverage,
     * "2 of 46 questions answered · 0 count toward the score (0 %)" */
    g_string_append_printf (text, _("  Overall: no score yet, %s"), coverage);
  g_string_append_c (text, '\n');

  preliminary = pw_result_text_preliminary (score->counted, score->total);
  if (preliminary != NULL)
    {
      g_string_append_printf (text, "  %s", preliminary);
      g_string_append_c (text, '\n');
    }

  if (score->weakest >= 0)
    {
      const PwDimensionScore *weakest = &score->dimensions[score->weakest];
      g_autofree char *name = _pw_escape_invisible (weakest->dimension->name);

      g_string_append_printf (text, _("  Weakest dimension: %s, phase %d (score %.2f)"),
                              name, weakest->phase, weakest->score);
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i < score->n_dimensions; i++)
    {
      g_autofree char *name = _pw_escape_invisible (score->dimensions[i].dimension->name);

      width = MAX (width, (guint) g_utf8_strlen (name, -1));
    }

  for (guint i = 0; i < score->n_dimensions; i++)
    {
      const PwDimensionScore *result = &score->dimensions[i];

      g_string_append (text, "    ");
      append_padded (text, result->dimension->name, width + 2);
      if (result->has_score)
        {
          g_autofree char *position = pw_result_text_position (framework, result->score);

          /* Translators: a dimension's phase and score, and where within its phase the
           * score lies: "phase 3  score 3.40  High in phase 3" */
          g_string_append_printf (text, _("phase %d  score %.2f  %s"),
                                  result->phase, result->score, position);
          /* Counted from fewer than half of its questions, as the window says */
          if (pw_result_text_is_preliminary (result->counted, result->total))
            g_string_append_printf (text, "  %s", pw_result_text_preliminary_mark ());
        }
      else
        {
          g_autofree char *counts = pw_result_text_dimension_coverage (result->answered,
                                                                       result->counted,
                                                                       result->total);

          /* Translators: a dimension without a score, and its coverage,
           * "no score (1 of 4 answered · 0 count toward the score)" */
          g_string_append_printf (text, _("no score (%s)"), counts);
        }
      if (result->capped || result->waivers != NULL || result->history_since != NULL)
        {
          g_autofree char *cap = shown (pw_result_text_cap (result));

          g_string_append_printf (text, "\n      %s", cap);
        }
      g_string_append_c (text, '\n');
    }
}

/* "Version 2.0.0 of the framework comes with Phasewise…" for a workbook
 * answered against an older version of the bundled framework, or NULL. */
static char *
newer_version (PwWorkbook *workbook)
{
  g_autoptr(PwFramework) bundled = pw_framework_load_bundled (NULL);

  if (bundled == NULL || !pw_migration_is_available (workbook, bundled))
    return NULL;

  /* Translators: under “Framework: NAME VERSION”; %s is a version such as 2.0.0;
   * keep “phasewise --migrate” as it is */
  return g_strdup_printf (_("Version %s of the framework comes with Phasewise: nothing changes "
                            "until the workbook is migrated (phasewise --migrate)"),
                          pw_framework_get_version (bundled));
}

/**
 * pw_summary_to_text:
 *
 * Returns: (transfer full): the summary for people to read
 */
char *
pw_summary_to_text (PwWorkbook *workbook)
{
  GListModel *assessments;
  g_autoptr(GString) text = g_string_new (NULL);
  PwFramework *framework;
  g_autofree char *name = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *size = NULL;
  g_autofree char *region = NULL;
  g_autofree char *framework_name = NULL;
  g_autofree char *framework_version = NULL;
  guint n;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);

  framework = pw_workbook_get_framework (workbook);
  assessments = pw_workbook_get_assessments (workbook);
  n = g_list_model_get_n_items (assessments);

  name = shown (g_strdup (pw_workbook_get_name (workbook)));
  industry = shown (g_strdup (pw_workbook_get_industry (workbook)));
  size = shown (g_strdup (pw_workbook_get_size (workbook)));
  region = shown (g_strdup (pw_workbook_get_region (workbook)));
  framework_name = shown (g_strdup (pw_framework_get_name (framework)));
  framework_version = shown (g_strdup (pw_framework_get_version (framework)));

  g_string_append_printf (text, _("Organization: %s"), name && *name ? name : _("Unnamed"));
  g_string_append_c (text, '\n');
  if (industry)
    g_string_append_printf (text, _("Industry: %s\n"), industry);
  if (size)
    g_string_append_printf (text, _("Size: %s\n"), size);
  if (region)
    g_string_append_printf (text, _("Region: %s\n"), region);
  g_string_append_printf (text, _("Framework: %s %s\n"), framework_name, framework_version);
  if (pw_framework_differs_from_bundled (framework))
    {
      g_string_append_printf (text, "  %s\n",
                              /* Translators: under “Framework: NAME VERSION” */
                              _("Changed: this is not the framework of that name and version "
                                "that comes with Phasewise, so its results are not that "
                                "framework's"));
    }
  {
    g_autofree char *newer = newer_version (workbook);

    if (newer != NULL)
      g_string_append_printf (text, "  %s\n", newer);
  }
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u assessment\n", "%u assessments\n", n),
                          n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i);

      append_assessment_text (text, workbook, assessment);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_score (JsonBuilder *builder,
           gboolean     has_score,
           double       score)
{
  json_builder_set_member_name (builder, "score");
  if (has_score)
    json_builder_add_double_value (builder, round2 (score));
  else
    json_builder_add_null_value (builder);
}

/* Where within its phase the score lies under the framework's rule, 0 to 1
 * (pw_phase_rule_position()) */
static void
add_position (JsonBuilder *builder,
              PwFramework *framework,
              gboolean     has_score,
              double       score)
{
  PwPhaseRule rule = pw_framework_get_phase_rule (framework);

  json_builder_set_member_name (builder, "position");
  if (has_score)
    json_builder_add_double_value (builder, round2 (pw_phase_rule_position (rule, score)));
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_phase (JsonBuilder *builder,
           PwFramework *framework,
           gboolean     has_score,
           int          phase)
{
  json_builder_set_member_name (builder, "phase");
  if (has_score)
    json_builder_add_int_value (builder, phase);
  else
    json_builder_add_null_value (builder);

  add_string (builder, "group", has_score ? pw_result_text_group_name (framework, phase) : NULL);
}

/* The questions answered, those that count toward the score, and their
 * share as the window shows it: never 1.0 before every question counts. */
static void
add_coverage (JsonBuilder *builder,
              guint        answered,
              guint        counted,
              guint        total)
{
  json_builder_set_member_name (builder, "questions");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "answered");
  json_builder_add_int_value (builder, answered);
  json_builder_set_member_name (builder, "counted");
  json_builder_add_int_value (builder, counted);
  json_builder_set_member_name (builder, "coverage");
  json_builder_add_double_value (builder, pw_result_text_percent (counted, total) / 100.0);
}

static void
add_assessment_json (JsonBuilder  *builder,
                     PwWorkbook   *workbook,
                     PwAssessment *assessment)
{
  PwFramework *framework = pw_workbook_get_framework (workbook);
  g_autoptr(PwScore) score = pw_score_compute (framework, assessment,
                                               pw_workbook_get_policy (workbook));
  g_autofree char *scope_name = pw_workbook_describe_scope (workbook, assessment);
  const char *team = pw_assessment_get_team_id (assessment);

  json_builder_begin_object (builder);
  add_string (builder, "id", pw_assessment_get_id (assessment));
  add_string (builder, "scope", team ? "team" : "organization");
  add_string (builder, "team", team);
  add_string (builder, "scope_name", scope_name);
  add_string (builder, "date", pw_assessment_get_date (assessment));
  add_string (builder, "round", pw_assessment_get_round (assessment));
  add_phase (builder, framework, score->has_score, score->phase);
  add_score (builder, score->has_score, score->score);
  add_position (builder, framework, score->has_score, score->score);
  add_coverage (builder, score->answered, score->counted, score->total);
  json_builder_set_member_name (builder, "preliminary");
  json_builder_add_boolean_value (builder,
                                  pw_result_text_is_preliminary (score->counted, score->total));

  json_builder_set_member_name (builder, "weakest");
  if (score->weakest >= 0)
    {
      const PwDimensionScore *weakest = &score->dimensions[score->weakest];

      json_builder_begin_object (builder);
      add_string (builder, "id", weakest->dimension->id);
      add_string (builder, "name", weakest->dimension->name);
      add_phase (builder, framework, TRUE, weakest->phase);
      add_score (builder, TRUE, weakest->score);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < score->n_dimensions; i++)
    {
      const PwDimensionScore *result = &score->dimensions[i];

      json_builder_begin_object (builder);
      add_string (builder, "id", result->dimension->id);
      add_string (builder, "name", result->dimension->name);
      add_phase (builder, framework, result->has_score, result->phase);
      add_score (builder, result->has_score, result->score);
      add_position (builder, framework, result->has_score, result->score);
      add_coverage (builder, result->answered, result->counted, result->total);
      json_builder_set_member_name (builder, "preliminary");
      json_builder_add_boolean_value (builder,
                                      pw_result_text_is_preliminary (result->counted,
                                                                     result->total));
      json_builder_set_member_name (builder, "capped");
      json_builder_add_boolean_value (builder, result->capped);
      add_string (builder, "cap_reason", result->cap_reason);
      add_string (builder, "waivers", result->waivers);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * pw_summary_to_json:
 *
 * Returns: (transfer full): the same summary as pw_summary_to_text(), as
 *   JSON for other programs
 */
JsonNode *
pw_summary_to_json (PwWorkbook *workbook)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PwFramework *framework;
  GListModel *assessments;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);

  framework = pw_workbook_get_framework (workbook);
  assessments = pw_workbook_get_assessments (workbook);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "organization");
  json_builder_begin_object (builder);
  add_string (builder, "name", pw_workbook_get_name (workbook));
  add_string (builder, "industry", pw_workbook_get_industry (workbook));
  add_string (builder, "size", pw_workbook_get_size (workbook));
  add_string (builder, "region", pw_workbook_get_region (workbook));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  add_string (builder, "id", pw_framework_get_id (framework));
  add_string (builder, "version", pw_framework_get_version (framework));
  add_string (builder, "name", pw_framework_get_name (framework));
  json_builder_set_member_name (builder, "differs_from_bundled");
  json_builder_add_boolean_value (builder, pw_framework_differs_from_bundled (framework));
  json_builder_set_member_name (builder, "phase_rule");
  json_builder_add_string_value (builder,
                                 pw_framework_get_phase_rule (framework) == PW_PHASE_RULE_NEAREST
                                 ? "nearest" : "whole-part");
  {
    g_autoptr(PwFramework) bundled = pw_framework_load_bundled (NULL);

    json_builder_set_member_name (builder, "newer_version");
    if (bundled != NULL && pw_migration_is_available (workbook, bundled))
      json_builder_add_string_value (builder, pw_framework_get_version (bundled));
    else
      json_builder_add_null_value (builder);
  }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "assessments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i);

      add_assessment_json (builder, workbook, assessment);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
