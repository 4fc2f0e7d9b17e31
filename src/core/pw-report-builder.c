/* pw-report-builder.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-builder"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "pw-comparison.h"
#include "pw-report.h"
#include "pw-result-text.h"
#include "pw-scoring.h"
#include "pw-workbook.h"

/*
 * The report of one assessment of a workbook, as blocks (#PwReport): the
 * title page, then each section that the draft includes, in the order of
 * pw_report_sections(), each under a level-1 heading.  The texts come
 * from pw-result-text.c, the organizational models and the checklist, so
 * that the report says what the window and `phasewise --summary` say.
 *
 * Everything is read from the workbook now: the map is recorded, the
 * policy read as it stood on the assessment's date, and the blocks hold
 * copies, so that the report may be rendered in another thread.
 */

typedef struct
{
  PwReport      *report;
  PwWorkbook    *workbook;
  PwFramework   *framework;
  PwPolicy      *policy;
  PwReportDraft *draft;         /* nullable */
  PwAssessment  *assessment;
  PwScore       *score;
  PwAssessment  *previous;      /* the previous round of the scope, nullable */
  PwScore       *previous_score;
  char          *previous_name;
  PwAssessment  *compared;      /* the draft's compare-id, nullable */
  char           date[16];      /* the report's date, YYYY-MM-DD */
} Builder;

static void
builder_clear (Builder *self)
{
  g_clear_pointer (&self->score, pw_score_free);
  g_clear_pointer (&self->previous_score, pw_score_free);
  g_clear_pointer (&self->previous_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

/* A text worth showing: not NULL, and more than white space */
static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* (label, value) pairs, built as a NULL-terminated array that owns its
 * values; a pair without a value is left out */
static void
add_pair (GPtrArray  *pairs,
          const char *label,
          char       *value)
{
  if (!has_text (value))
    {
      g_free (value);
      return;
    }

  g_ptr_array_add (pairs, g_strdup (label));
  g_ptr_array_add (pairs, value);
}

static GPtrArray *
new_pairs (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static const char * const *
end_pairs (GPtrArray *pairs)
{
  g_ptr_array_add (pairs, NULL);

  return (const char * const *) pairs->pdata;
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Adds a row of @n_cells cells to @rows; takes the cells, NULL for an
 * empty one */
static void
add_row (GPtrArray *rows,
         guint      n_cells,
         ...)
{
  char **row = g_new0 (char *, n_cells + 1);
  va_list args;

  va_start (args, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      char *cell = va_arg (args, char *);

      row[i] = cell != NULL ? cell : g_strdup ("");
    }
  va_end (args);

  g_ptr_array_add (rows, row);
}

static double
score_or_nan (const PwDimensionScore *result)
{
  return result != NULL && result->has_score ? result->score : NAN;
}

static char *
phase_text (Builder  *self,
            gboolean  has_score,
            int       phase)
{
  if (!has_score)
    return g_strdup (pw_result_text_no_score (FALSE, NULL));

  return pw_result_text_phase (self->framework, phase);
}

/* The scores of the dimensions of @score in the framework's order */
static double *
dimension_scores (Builder *self,
                  PwScore *score)
{
  guint n = pw_framework_get_n_dimensions (self->framework);
  double *values = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->framework, i);

      values[i] = score_or_nan (pw_score_find_dimension (score, dimension->id));
    }

  return values;
}

static GStrv
dimension_names (Builder *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < pw_framework_get_n_dimensions (self->framework); i++)
    g_strv_builder_add (names, pw_framework_get_dimension (self->framework, i)->name);

  return g_strv_builder_end (names);
}

/* How a score moved since the previous round, or NULL */
static char *
describe_change (gboolean    has_now,
                 double      now,
                 gboolean    has_before,
                 double      before,
                 const char *since)
{
  g_auto(PwResultChange) change = { 0 };

  pw_result_text_describe_change (&change, has_now, now, has_before, before, since);

  return g_steal_pointer (&change.text);
}

/* ------------------------------------------------------------------------
 * The title page
 */

static void
add_title_page (Builder *self)
{
  g_autoptr(GPtrArray) pairs = new_pairs ();
  const char *name = pw_workbook_get_name (self->workbook);
  int participants = pw_assessment_get_participants (self->assessment);

  add_pair (pairs, _("Organization"), g_strdup (has_text (name) ? name : _("Unnamed")));
  add_pair (pairs, _("Industry"), g_strdup (pw_workbook_get_industry (self->workbook)));
  add_pair (pairs, _("Organization size"), g_strdup (pw_workbook_get_size (self->workbook)));
  add_pair (pairs, _("Region"), g_strdup (pw_workbook_get_region (self->workbook)));
  add_pair (pairs, _("Scope"), pw_workbook_describe_scope (self->workbook, self->assessment));
  /* Translators: a fact of the report's title page */
  add_pair (pairs, _("Assessment date"),
            pw_result_text_format_date (pw_assessment_get_date (self->assessment)));
  /* Translators: a fact of the report's title page: the round's label, "Review 2026" */
  add_pair (pairs, C_("report", "Round"), g_strdup (pw_assessment_get_round (self->assessment)));
  /* Translators: a fact of the report's title page */
  add_pair (pairs, _("Facilitator"), g_strdup (pw_assessment_get_facilitator (self->assessment)));
  if (participants > 0)
    /* Translators: a fact of the report's title page: how many took part */
    add_pair (pairs, _("Participants"), g_strdup_printf ("%d", participants));
  /* Translators: a fact of the report's title page: the framework's name and
   * version, "Lost in Social Media 2.0.0" */
  add_pair (pairs, _("Framework"), g_strdup_printf (C_("framework", "%s %s"),
                                                    pw_framework_get_name (self->framework),
                                                    pw_framework_get_version (self->framework)));
  /* Translators: a fact of the report's title page: the day it was made */
  add_pair (pairs, _("Report date"), pw_result_text_format_date (self->date));

  pw_report_add_title (self->report, pw_report_get_title (self->report), end_pairs (pairs));
}

/* ------------------------------------------------------------------------
 * The sections
 */

static gboolean
add_summary (Builder    *self,
             const char *section)
{
  const char *summary = self->draft != NULL ? pw_report_draft_get_summary (self->draft) : NULL;

  if (!has_text (summary))
    return FALSE;

  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));
  pw_report_add_markdown (self->report, summary);

  return TRUE;
}

/* Every cap, waiver and gap in the checklist's history, as a notice naming
 * its dimension */
static void
add_caps (Builder *self)
{
  for (guint i = 0; i < self->score->n_dimensions; i++)
    {
      const PwDimensionScore *result = &self->score->dimensions[i];
      g_autofree char *cap = pw_result_text_cap (result);
      g_autofree char *text = NULL;

      if (cap == NULL)
        continue;

      /* Translators: a cap in the report: the dimension's name, then why it is
       * held back, "Governance: Held at phase 3: …" */
      text = g_strdup_printf (_("%s: %s"), result->dimension->name, cap);
      pw_report_add_notice (self->report, text);
    }
}

static gboolean
add_result (Builder    *self,
            const char *section)
{
  PwScore *score = self->score;
  g_autoptr(GPtrArray) pairs = new_pairs ();
  g_autofree char *heading = pw_result_text_heading (self->workbook, self->assessment);
  g_autofree char *preliminary = NULL;

  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));
  pw_report_add_paragraph (self->report, heading);

  /* Translators: a row of the overall result in the report */
  add_pair (pairs, C_("report", "Phase"), phase_text (self, score->has_score, score->phase));
  if (score->has_score)
    {
      /* Translators: a row of the overall result in the report */
      add_pair (pairs, C_("report", "Score"), pw_result_text_score (score->score));
      /* Translators: a row of the overall result in the report: where within its
       * phase the score lies, "High in phase 2" */
      add_pair (pairs, C_("report", "Position"),
                pw_result_text_position (self->framework, score->score));
    }
  /* Translators: a row of the overall result in the report: how many questions
   * the result is counted from */
  add_pair (pairs, C_("report", "Confidence"),
            pw_result_text_coverage (score->answered, score->counted, score->total));
  if (self->previous_score != NULL)
    /* Translators: a row of the overall result in the report: the change since
     * the previous round, "+1.0 since Baseline 2025" */
    add_pair (pairs, C_("report", "Change"),
              describe_change (score->has_score, score->score, self->previous_score->has_score,
                               self->previous_score->score, self->previous_name));
  pw_report_add_facts (self->report, NULL, end_pairs (pairs));

  if (!score->has_score)
    {
      const char *hint;

      pw_result_text_no_score (FALSE, &hint);
      pw_report_add_paragraph (self->report, hint);
    }

  preliminary = pw_result_text_preliminary (score->counted, score->total);
  if (preliminary != NULL)
    pw_report_add_notice (self->report, preliminary);

  if (score->weakest >= 0)
    {
      g_autofree char *weakest = pw_result_text_weakest (&score->dimensions[score->weakest]);

      pw_report_add_paragraph (self->report, weakest);
    }

  add_caps (self);

  return TRUE;
}

static gboolean
add_radar (Builder    *self,
           const char *section)
{
  guint n = pw_framework_get_n_dimensions (self->framework);
  g_auto(GStrv) labels = dimension_names (self);
  g_autofree double *current = dimension_scores (self, self->score);
  g_autofree double *previous = NULL;
  g_autofree char *current_name = pw_result_text_round_name (self->assessment);
  g_autofree char *previous_name = NULL;
  PwAssessment *other = self->compared != NULL ? self->compared : self->previous;

  if (other != NULL)
    {
      g_autoptr(PwScore) other_score = pw_score_compute (self->framework, other, self->policy);

      previous = dimension_scores (self, other_score);
      previous_name = pw_result_text_round_name (other);
    }

  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));
  pw_report_add_radar (self->report, n, (const char * const *) labels, current, current_name,
                       previous, previous_name);

  return TRUE;
}

static gboolean
add_dimensions (Builder    *self,
                const char *section)
{
  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));

  for (guint i = 0; i < pw_framework_get_n_dimensions (self->framework); i++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->framework, i);
      const PwDimensionScore *result = pw_score_find_dimension (self->score, dimension->id);
      g_autoptr(GPtrArray) pairs = new_pairs ();
      g_autofree char *cap = NULL;
      const char *commentary = NULL;

      pw_report_add_heading (self->report, 2, dimension->name);
      if (result == NULL)
        continue;

      if (result->has_score)
        {
          add_pair (pairs, C_("report", "Phase"), pw_result_text_phase (self->framework,
                                                                        result->phase));
          add_pair (pairs, C_("report", "Score"), pw_result_text_score_of_five (result->score));
          add_pair (pairs, C_("report", "Position"),
                    pw_result_text_position (self->framework, result->score));
        }
      else
        {
          add_pair (pairs, C_("report", "Score"), g_strdup (pw_result_text_no_score (TRUE, NULL)));
        }
      /* Translators: a row of a dimension's result in the report: how many of its
       * questions were answered */
      add_pair (pairs, C_("report", "Coverage"),
                pw_result_text_dimension_coverage (result->answered, result->counted,
                                                   result->total));
      if (self->previous_score != NULL)
        {
          const PwDimensionScore *before = pw_score_find_dimension (self->previous_score,
                                                                    dimension->id);

          if (before != NULL)
            add_pair (pairs, C_("report", "Change"),
                      describe_change (result->has_score, result->score, before->has_score,
                                       before->score, self->previous_name));
        }
      pw_report_add_facts (self->report, NULL, end_pairs (pairs));

      if (pw_result_text_is_preliminary (result->counted, result->total))
        {
          g_autofree char *preliminary = pw_result_text_preliminary (result->counted,
                                                                     result->total);

          pw_report_add_notice (self->report, preliminary);
        }

      cap = pw_result_text_cap (result);
      if (cap != NULL)
        pw_report_add_notice (self->report, cap);

      if (self->draft != NULL)
        commentary = pw_report_draft_get_commentary (self->draft, dimension->id);
      if (has_text (commentary))
        pw_report_add_markdown (self->report, commentary);
    }

  return TRUE;
}

/* What an answer was: "Phase 3 — the option's text", "Don’t know", "Not
 * applicable" or "Not answered" */
static char *
describe_answer (const PwQuestion *question,
                 PwAnswer         *answer)
{
  PwAnswerKind kind = answer != NULL ? pw_answer_get_kind (answer) : PW_ANSWER_NONE;

  switch (kind)
    {
    case PW_ANSWER_OPTION:
      {
        int phase = pw_answer_get_phase (answer);
        const char *option = phase >= 1 && phase <= PW_N_PHASES
                             ? question->options[phase - 1] : NULL;

        if (has_text (option))
          /* Translators: an answer in the report: the phase of the option chosen and
           * its text, "Phase 3 — A strategy is written down" */
          return g_strdup_printf (_("Phase %d — %s"), phase, option);

        return g_strdup_printf (_("Phase %d"), phase);
      }

    case PW_ANSWER_DONT_KNOW:
      return g_strdup (_("Don’t know"));

    case PW_ANSWER_NOT_APPLICABLE:
      return g_strdup (_("Not applicable"));

    case PW_ANSWER_NONE:
    default:
      /* Translators: an answer in the report: a question nobody answered */
      return g_strdup (_("Not answered"));
    }
}

/* Adds the Note and Evidence rows of @answer */
static void
add_note_and_evidence (GPtrArray *pairs,
                       PwAnswer  *answer)
{
  if (answer == NULL)
    return;

  /* Translators: a row of an answer in the report: the note taken */
  add_pair (pairs, C_("report", "Note"), g_strdup (pw_answer_get_note (answer)));
  /* Translators: a row of an answer in the report: what proves it */
  add_pair (pairs, C_("report", "Evidence"), g_strdup (pw_answer_get_evidence (answer)));
}

static const char *
describe_retired_answer (const PwRetiredAnswer *retired)
{
  switch (pw_answer_get_kind (retired->answer))
    {
    case PW_ANSWER_DONT_KNOW:
      return _("Don’t know");
    case PW_ANSWER_NOT_APPLICABLE:
      return _("Not applicable");
    case PW_ANSWER_OPTION:
      if (has_text (retired->option))
        return retired->option;
      break;
    case PW_ANSWER_NONE:
    default:
      break;
    }

  return _("No answer");
}

static void
add_retired_answers (Builder *self)
{
  GPtrArray *retired = pw_assessment_get_retired_answers (self->assessment);

  if (retired == NULL || retired->len == 0)
    return;

  /* Translators: a part of the report's answers: the questions that a later
   * version of the framework no longer asks */
  pw_report_add_heading (self->report, 2, _("Retired questions"));
  for (guint i = 0; i < retired->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);
      g_autoptr(GPtrArray) pairs = new_pairs ();

      add_pair (pairs, C_("report", "Answer"), g_strdup (describe_retired_answer (answer)));
      /* Translators: a row of a retired answer in the report: the version of the
       * framework it was given against, "1.0.0" */
      add_pair (pairs, C_("report", "Framework version"), g_strdup (answer->framework_version));
      add_note_and_evidence (pairs, answer->answer);
      pw_report_add_facts (self->report, answer->question, end_pairs (pairs));
    }
}

static gboolean
add_answers (Builder    *self,
             const char *section)
{
  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));

  for (guint i = 0; i < pw_framework_get_n_dimensions (self->framework); i++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->framework, i);

      pw_report_add_heading (self->report, 2, dimension->name);
      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
          PwAnswer *answer = pw_assessment_lookup_answer (self->assessment, question->id);
          g_autoptr(GPtrArray) pairs = new_pairs ();

          /* Translators: a row of an answer in the report: what the room answered */
          add_pair (pairs, C_("report", "Answer"), describe_answer (question, answer));
          add_note_and_evidence (pairs, answer);
          pw_report_add_facts (self->report, question->text, end_pairs (pairs));
        }
    }

  add_retired_answers (self);

  return TRUE;
}

/* The steps of one dimension from its phase to the next, as the result
 * view's cards show them */
static void
add_dimension_steps (Builder                *self,
                     const PwDimension      *dimension,
                     const PwDimensionScore *result)
{
  gboolean has_score = result != NULL && result->has_score;
  int phase = has_score ? result->phase : 1;
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autofree char *next = NULL;
  g_autofree char *caption = NULL;
  const char *columns[3];

  pw_report_add_heading (self->report, 2, dimension->name);

  if (phase >= PW_N_PHASES)
    {
      pw_report_add_paragraph (self->report, _("Highest phase reached"));
      pw_report_add_paragraph (self->report,
                               _("There is no next phase. Keep what got you here, and check "
                                 "at every round that it still works."));
      return;
    }

  next = pw_result_text_phase (self->framework, phase + 1);
  if (has_score)
    caption = g_strdup_printf (_("Next steps towards %s"), next);
  else
    caption = g_strdup_printf (_("First steps towards %s"), next);

  if (has_score && result->cap_titles != NULL && result->phase == PW_CAP_PHASE)
    {
      guint n = g_strv_length (result->cap_titles);
      g_autofree char *names = g_strjoinv (_(", "), result->cap_titles);

      add_row (rows, 2,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Put the %u core policy item that phase 4 "
                                             "requires in place: %s.",
                                             "Put the %u core policy items that phase 4 "
                                             "requires in place: %s.", n),
                                n, names),
               NULL);
    }

  for (guint i = 0; dimension->next_steps[phase - 1] != NULL
                    && dimension->next_steps[phase - 1][i] != NULL; i++)
    {
      const char *done_when = dimension->done_when[phase - 1] != NULL
                              ? dimension->done_when[phase - 1][i] : NULL;

      add_row (rows, 2, g_strdup (dimension->next_steps[phase - 1][i]), g_strdup (done_when));
    }

  if (rows->len == 0)
    {
      pw_report_add_paragraph (self->report, caption);
      pw_report_add_paragraph (self->report, _("The framework suggests no steps here."));
      return;
    }

  /* Translators: a column of the next steps in the report */
  columns[0] = C_("report", "Step");
  /* Translators: a column of the next steps in the report: the observable
   * condition that says the step is done */
  columns[1] = C_("report", "Done when");
  columns[2] = NULL;
  pw_report_add_table (self->report, caption, columns, rows);
}

static gboolean
add_next_steps (Builder    *self,
                const char *section)
{
  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));

  for (guint i = 0; i < pw_framework_get_n_dimensions (self->framework); i++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->framework, i);

      add_dimension_steps (self, dimension, pw_score_find_dimension (self->score, dimension->id));
    }

  return TRUE;
}

/* A score of the comparison as a cell: "3.4", or "no score" */
static char *
score_cell (double score)
{
  return pw_result_text_dimension_value (!isnan (score), score);
}

static char *
change_cell (double      first,
             double      second,
             const char *since)
{
  return describe_change (!isnan (second), second, !isnan (first), first, since);
}

static void
add_comparison_deltas (Builder      *self,
                       PwComparison *comparison,
                       const char   *first_name,
                       const char   *second_name)
{
  guint n = pw_framework_get_n_dimensions (self->framework);
  g_autoptr(GPtrArray) rows = new_rows ();
  g_auto(GStrv) labels = dimension_names (self);
  g_autofree double *first_scores = g_new (double, MAX (n, 1));
  g_autofree double *second_scores = g_new (double, MAX (n, 1));
  const char *columns[5];
  double first;
  double second;

  pw_comparison_get_overall (comparison, &first, &second);
  /* Translators: the first row of the comparison's table of dimensions */
  add_row (rows, 4, g_strdup (_("Overall")), score_cell (first), score_cell (second),
           change_cell (first, second, first_name));

  for (guint i = 0; i < n; i++)
    {
      const char *dimension_id = NULL;

      first_scores[i] = second_scores[i] = NAN;
      if (!pw_comparison_get_dimension (comparison, i, &dimension_id,
                                        &first_scores[i], &second_scores[i]))
        continue;
      add_row (rows, 4, g_strdup (labels[i]), score_cell (first_scores[i]),
               score_cell (second_scores[i]),
               change_cell (first_scores[i], second_scores[i], first_name));
    }

  /* Translators: a column of the comparison's table of dimensions */
  columns[0] = C_("report", "Dimension");
  columns[1] = first_name;
  columns[2] = second_name;
  /* Translators: a column of the comparison's table of dimensions */
  columns[3] = C_("report", "Change");
  columns[4] = NULL;
  pw_report_add_table (self->report, NULL, columns, rows);

  pw_report_add_radar (self->report, n, (const char * const *) labels, second_scores,
                       second_name, first_scores, first_name);
}

static void
add_comparison_questions (Builder      *self,
                          PwComparison *comparison,
                          const char   *first_name,
                          const char   *second_name)
{
  g_autoptr(GPtrArray) moved = new_rows ();
  g_autoptr(GPtrArray) only_first = new_rows ();
  g_autoptr(GPtrArray) only_second = new_rows ();
  guint n_same = pw_comparison_count (comparison, PW_COMPARISON_SAME);
  g_autofree char *same = NULL;

  for (guint i = 0; i < pw_comparison_get_n_rows (comparison); i++)
    {
      const PwComparisonRow *row = pw_comparison_get_row (comparison, i);

      switch (row->change)
        {
        case PW_COMPARISON_UP:
        case PW_COMPARISON_DOWN:
        case PW_COMPARISON_CHANGED:
          add_row (moved, 3, g_strdup (row->question), g_strdup (row->first_answer),
                   g_strdup (row->second_answer));
          break;
        case PW_COMPARISON_ONLY_FIRST:
          add_row (only_first, 2, g_strdup (row->question), g_strdup (row->first_answer));
          break;
        case PW_COMPARISON_ONLY_SECOND:
          add_row (only_second, 2, g_strdup (row->question), g_strdup (row->second_answer));
          break;
        case PW_COMPARISON_SAME:
        default:
          break;
        }
    }

  /* Translators: a part of the report's comparison */
  pw_report_add_heading (self->report, 2, _("What moved"));
  if (moved->len > 0)
    {
      /* Translators: the columns of the questions that moved between two assessments */
      const char *columns[] = { C_("report", "Question"), C_("report", "Before"),
                                C_("report", "After"), NULL };
      /* Translators: the caption of the questions that moved: "From Baseline 2025
       * to Review 2026" */
      g_autofree char *caption = g_strdup_printf (_("From %s to %s"), first_name, second_name);

      pw_report_add_table (self->report, caption, columns, moved);
    }
  else
    {
      /* Translators: in the report's comparison */
      pw_report_add_paragraph (self->report, _("No answer moved."));
    }

  /* Translators: in the report's comparison, after the questions that moved */
  same = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u question kept the same answer.",
                                       "%u questions kept the same answer.", n_same),
                          n_same);
  pw_report_add_paragraph (self->report, same);

  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *rows = k == 0 ? only_first : only_second;
      const char *name = k == 0 ? first_name : second_name;
      const char *columns[] = { C_("report", "Question"), C_("report", "Answer"), NULL };
      g_autofree char *caption = NULL;

      if (rows->len == 0)
        continue;
      /* Translators: the caption of the questions that only one of two assessments
       * asked (the framework changed in between): "Asked only in Baseline 2025" */
      caption = g_strdup_printf (_("Asked only in %s"), name);
      pw_report_add_table (self->report, caption, columns, rows);
    }
}

static gboolean
add_comparison (Builder    *self,
                const char *section)
{
  g_autoptr(PwComparison) comparison = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autofree char *text = NULL;
  PwAssessment *first;
  PwAssessment *second;

  if (self->compared == NULL)
    return FALSE;

  /* The earlier of the two comes first, as in a history */
  if (g_strcmp0 (pw_assessment_get_date (self->compared),
                 pw_assessment_get_date (self->assessment)) <= 0)
    {
      first = self->compared;
      second = self->assessment;
    }
  else
    {
      first = self->assessment;
      second = self->compared;
    }

  comparison = pw_comparison_new (self->workbook, first, second);
  first_name = pw_result_text_heading (self->workbook, first);
  second_name = pw_result_text_heading (self->workbook, second);

  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));
  /* Translators: the start of the report's comparison: two assessments, each
   * "scope · round · date" */
  text = g_strdup_printf (_("%s compared with %s."), second_name, first_name);
  pw_report_add_paragraph (self->report, text);

  g_clear_pointer (&first_name, g_free);
  g_clear_pointer (&second_name, g_free);
  first_name = pw_result_text_round_name (first);
  second_name = pw_result_text_round_name (second);
  add_comparison_deltas (self, comparison, first_name, second_name);
  add_comparison_questions (self, comparison, first_name, second_name);

  return TRUE;
}

/* The assessments of @assessment's scope, oldest first; of two on one
 * date, the one listed first comes first */
static GPtrArray *
list_rounds (PwWorkbook   *workbook,
             PwAssessment *assessment)
{
  GListModel *assessments = pw_workbook_get_assessments (workbook);
  GPtrArray *rounds = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) other = g_list_model_get_item (assessments, i);
      guint at = rounds->len;

      if (other != assessment && !pw_assessment_same_scope (assessment, other))
        continue;
      /* Insertion after every one not later: stable */
      while (at > 0 && g_strcmp0 (pw_assessment_get_date (g_ptr_array_index (rounds, at - 1)),
                                  pw_assessment_get_date (other)) > 0)
        at--;
      g_ptr_array_insert (rounds, (int) at, g_steal_pointer (&other));
    }

  return rounds;
}

static gboolean
add_history (Builder    *self,
             const char *section)
{
  g_autoptr(GPtrArray) rounds = list_rounds (self->workbook, self->assessment);
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autofree char *scope = pw_workbook_describe_scope (self->workbook, self->assessment);
  g_autofree char *caption = NULL;
  /* Translators: the columns of the report's history of a scope */
  const char *columns[] = { C_("report", "Date"), C_("report", "Round"),
                            C_("report", "Overall phase"), C_("report", "Score"),
                            C_("report", "Coverage"), NULL };

  for (guint i = 0; i < rounds->len; i++)
    {
      PwAssessment *round = g_ptr_array_index (rounds, i);
      g_autoptr(PwScore) score = pw_score_compute (self->framework, round, self->policy);

      add_row (rows, 5,
               pw_result_text_format_date (pw_assessment_get_date (round)),
               g_strdup (pw_assessment_get_round (round)),
               phase_text (self, score->has_score, score->phase),
               score->has_score ? pw_result_text_score_value (score->score) : NULL,
               pw_result_text_coverage (score->answered, score->counted, score->total));
    }

  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));
  /* Translators: the caption of the report's history: "The rounds of Whole organization" */
  caption = g_strdup_printf (_("The rounds of %s"), scope);
  pw_report_add_table (self->report, caption, columns, rows);

  return TRUE;
}

static gboolean
add_map (Builder    *self,
         const char *section)
{
  PwOrgMap *map = pw_workbook_get_org_map (self->workbook);
  PwOrgModel model = pw_org_map_detect_model (map);
  g_autoptr(GPtrArray) pairs = new_pairs ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day = pw_result_text_format_date (self->date);
  g_autofree char *caption = NULL;

  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));

  /* Translators: the caption of the organization map in the report, "The
   * organization map on 20 October 2026" */
  caption = g_strdup_printf (_("The organization map on %s"), day);
  if (model == PW_ORG_MODEL_NONE || !pw_report_add_map (self->report, caption, &error))
    {
      if (error != NULL)
        g_debug ("No map in the report: %s", error->message);
      pw_report_add_paragraph (self->report, pw_org_model_get_description (PW_ORG_MODEL_NONE));
      return TRUE;
    }

  /* Translators: a row of the organizational model in the report */
  add_pair (pairs, _("What it means"), g_strdup (pw_org_model_get_description (model)));
  /* Translators: a row of the organizational model in the report: whom it suits */
  add_pair (pairs, _("Fit"), g_strdup (pw_org_model_get_fit (model)));
  /* Translators: a row of the organizational model in the report */
  add_pair (pairs, _("Usual next step"), g_strdup (pw_org_model_get_next_step (model)));
  pw_report_add_facts (self->report, pw_org_model_get_name (model), end_pairs (pairs));

  return TRUE;
}

/* Whether @other replaces @latest as the latest: a later date, or the same
 * date further down the list, as pw_workbook_find_latest_assessment()
 * rules, with the assessments visited in the list's order */
static gboolean
is_later (PwAssessment *latest,
          PwAssessment *other)
{
  return latest == NULL
         || g_strcmp0 (pw_assessment_get_date (latest), pw_assessment_get_date (other)) <= 0;
}

/* The latest assessment of each scope, keyed by team id, "" for the whole
 * organization: one pass, not one a team */
static GHashTable *
find_latest_by_scope (PwWorkbook *workbook)
{
  GListModel *assessments = pw_workbook_get_assessments (workbook);
  GHashTable *latest = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) other = g_list_model_get_item (assessments, i);
      const char *team_id = pw_assessment_get_team_id (other);
      const char *key = team_id != NULL ? team_id : "";

      if (is_later (g_hash_table_lookup (latest, key), other))
        /* The key is the assessment's own string, kept alive by the value */
        g_hash_table_replace (latest, (gpointer) key, g_steal_pointer (&other));
    }

  return latest;
}

/* The cells of a row of the teams overview: the latest assessment's date
 * and overall phase */
static void
add_team_row (Builder      *self,
              GPtrArray    *rows,
              char         *name,
              char         *kind,
              char         *function,
              PwAssessment *latest)
{
  g_autoptr(PwScore) score = NULL;

  if (latest == NULL)
    {
      add_row (rows, 5, name, kind, function, g_strdup (_("Not assessed")), NULL);
      return;
    }

  score = pw_score_compute (self->framework, latest, self->policy);
  add_row (rows, 5, name, kind, function,
           pw_result_text_format_date (pw_assessment_get_date (latest)),
           phase_text (self, score->has_score, score->phase));
}

static gboolean
add_teams (Builder    *self,
           const char *section)
{
  GListModel *teams = pw_org_map_get_teams (pw_workbook_get_org_map (self->workbook));
  g_autoptr(GHashTable) latest = find_latest_by_scope (self->workbook);
  g_autoptr(GPtrArray) rows = new_rows ();
  /* Translators: the columns of the teams overview in the report */
  const char *columns[] = { C_("teams overview", "Team"), C_("teams overview", "Kind"),
                            C_("report", "Function"), C_("report", "Latest assessment"),
                            C_("report", "Overall phase"), NULL };

  add_team_row (self, rows, g_strdup (_("Whole organization")), NULL, NULL,
                g_hash_table_lookup (latest, ""));

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);

      add_team_row (self, rows,
                    g_strdup (pw_team_get_name (team)),
                    g_strdup (pw_team_get_kind (team) == PW_TEAM_HUB ? C_("team kind", "Hub")
                                                                     : C_("team kind", "Spoke")),
                    g_strdup (pw_team_get_function (team)),
                    g_hash_table_lookup (latest, pw_team_get_id (team)));
    }

  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));
  pw_report_add_table (self->report, NULL, columns, rows);

  return TRUE;
}

static const char *
policy_status_name (PwPolicyStatus status)
{
  switch (status)
    {
    case PW_POLICY_DRAFTING:
      return _("Drafting");
    case PW_POLICY_IN_PLACE:
      return _("In place");
    case PW_POLICY_NOT_APPLICABLE:
      return _("Not applicable");
    case PW_POLICY_MISSING:
    default:
      return _("Missing");
    }
}

/* One item of the checklist as it stood on @date: its status then, with
 * the reason when it did not apply; the review date, overdue as of the
 * report's date */
static void
add_policy_item (Builder      *self,
                 PwPolicyItem *item,
                 const char   *date,
                 GDate        *today)
{
  g_autoptr(GPtrArray) pairs = new_pairs ();
  PwPolicyStatus status = pw_policy_item_get_status_on (item, date);
  const char *reason = pw_policy_item_get_reason_on (item, date);
  const char *review = pw_policy_item_get_review_date (item);
  char *value;

  if (status == PW_POLICY_NOT_APPLICABLE && has_text (reason))
    /* Translators: the status of a policy item that does not apply, and why:
     * "Not applicable: we have no shops" */
    value = g_strdup_printf (_("%s: %s"), policy_status_name (status), reason);
  else
    value = g_strdup (policy_status_name (status));
  /* Translators: a row of a policy item in the report */
  add_pair (pairs, C_("report", "Status"), value);
  /* The framework's items are described in the framework; a custom item's
   * description is the facilitator's */
  if (pw_policy_item_get_custom (item))
    /* Translators: a row of a custom policy item in the report */
    add_pair (pairs, C_("report", "Description"),
              g_strdup (pw_policy_item_get_description (item)));
  if (pw_policy_item_get_core (item))
    /* Translators: a row of a policy item in the report: marks one of the core
     * items that phase 4 of governance requires */
    add_pair (pairs, C_("report", "Core item"), g_strdup (C_("report", "Yes")));
  /* Translators: a row of a policy item in the report: who is responsible */
  add_pair (pairs, C_("report", "Owner"), g_strdup (pw_policy_item_get_owner (item)));
  if (has_text (review))
    {
      g_autofree char *day = pw_result_text_format_date (review);

      if (pw_policy_item_is_overdue (item, today))
        /* Translators: a review date in the report that has passed, "31 March 2026 (overdue)" */
        value = g_strdup_printf (_("%s (overdue)"), day);
      else
        value = g_steal_pointer (&day);
      /* Translators: a row of a policy item in the report */
      add_pair (pairs, C_("report", "Review date"), value);
    }
  add_pair (pairs, C_("report", "Note"), g_strdup (pw_policy_item_get_note (item)));
  /* Translators: a row of a policy item in the report: the address of the document */
  add_pair (pairs, C_("report", "Link"), g_strdup (pw_policy_item_get_link (item)));

  pw_report_add_facts (self->report, pw_policy_item_get_title (item), end_pairs (pairs));
}

static gboolean
add_policy (Builder    *self,
            const char *section)
{
  const char *date = pw_assessment_get_date (self->assessment);
  g_autoptr(GPtrArray) items = pw_policy_get_ordered_items (self->policy);
  g_auto(GStrv) categories = pw_policy_list_categories (self->policy);
  g_autofree char *day = pw_result_text_format_date (date);
  g_autofree char *as_of = NULL;
  GDate today = *pw_report_get_date (self->report);

  pw_report_add_heading (self->report, 1, pw_report_section_get_title (section));
  /* Translators: at the start of the report's policy checklist: the
   * assessment's date, "As it stood on 20 October 2026, the day of the assessment." */
  as_of = g_strdup_printf (_("As it stood on %s, the day of the assessment."),
                           day != NULL ? day : "");
  pw_report_add_paragraph (self->report, as_of);

  for (guint c = 0; categories[c] != NULL; c++)
    {
      const char *name = pw_policy_get_category_name (self->policy, categories[c]);
      g_autoptr(GPtrArray) in_category = g_ptr_array_new ();
      g_autofree char *count = NULL;
      guint n_in_place = 0;
      guint n_items = 0;

      for (guint i = 0; i < items->len; i++)
        if (g_strcmp0 (pw_policy_item_get_category (g_ptr_array_index (items, i)),
                       categories[c]) == 0)
          g_ptr_array_add (in_category, g_ptr_array_index (items, i));
      if (in_category->len == 0)
        continue;

      pw_report_add_heading (self->report, 2, has_text (name) ? name : categories[c]);
      /* As the policy page says it; items that do not apply are not counted */
      pw_policy_count (self->policy, categories[c], date, &n_in_place, &n_items);
      if (n_items > 0)
        count = g_strdup_printf (_("%u of %u in place"), n_in_place, n_items);
      else
        count = g_strdup (_("No items that apply"));
      pw_report_add_paragraph (self->report, count);

      for (guint i = 0; i < in_category->len; i++)
        add_policy_item (self, g_ptr_array_index (in_category, i), date, &today);
    }

  /* Items of no known category, last rather than not at all */
  for (guint i = 0, n = 0; i < items->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (items, i);

      if (pw_policy_has_category (self->policy, pw_policy_item_get_category (item)))
        continue;
      if (n++ == 0)
        /* Translators: a part of the report's policy checklist: the items of a
         * category that the checklist no longer has */
        pw_report_add_heading (self->report, 2, _("Other items"));
      add_policy_item (self, item, date, &today);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------
 * The report
 */

/* Adds a section under its heading; returns whether there was one to add */
typedef gboolean (*AddSectionFunc) (Builder    *self,
                                    const char *section);

static const struct
{
  const char     *id;
  AddSectionFunc  add;
} section_builders[] = {
  { PW_REPORT_SECTION_SUMMARY, add_summary },
  { PW_REPORT_SECTION_RESULT, add_result },
  { PW_REPORT_SECTION_RADAR, add_radar },
  { PW_REPORT_SECTION_DIMENSIONS, add_dimensions },
  { PW_REPORT_SECTION_ANSWERS, add_answers },
  { PW_REPORT_SECTION_NEXT_STEPS, add_next_steps },
  { PW_REPORT_SECTION_COMPARISON, add_comparison },
  { PW_REPORT_SECTION_HISTORY, add_history },
  { PW_REPORT_SECTION_MAP, add_map },
  { PW_REPORT_SECTION_TEAMS, add_teams },
  { PW_REPORT_SECTION_POLICY, add_policy },
};

static AddSectionFunc
find_section_builder (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_builders); i++)
    if (g_str_equal (section_builders[i].id, section))
      return section_builders[i].add;

  return NULL;
}

/* The latest assessment by date, of every scope */
static PwAssessment *
find_latest (PwWorkbook *workbook)
{
  GListModel *assessments = pw_workbook_get_assessments (workbook);
  PwAssessment *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) other = g_list_model_get_item (assessments, i);

      if (is_later (latest, other))
        latest = other;
    }

  return latest;
}

static PwAssessment *
find_assessment (PwWorkbook     *workbook,
                 PwReportDraft  *draft,
                 const char     *assessment_id,
                 GError        **error)
{
  PwAssessment *assessment;

  if (assessment_id == NULL && draft != NULL)
    assessment_id = pw_report_draft_get_assessment_id (draft);

  if (g_list_model_get_n_items (pw_workbook_get_assessments (workbook)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           /* Translators: a report was asked of a workbook without assessments */
                           _("The workbook has no assessment to report on"));
      return NULL;
    }

  if (assessment_id == NULL)
    return find_latest (workbook);

  assessment = pw_workbook_find_assessment (workbook, assessment_id);
  if (assessment == NULL)
    /* Translators: %s is the id of an assessment, "assessment-7" */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The workbook has no assessment “%s”"), assessment_id);

  return assessment;
}

/**
 * pw_report_build:
 * @workbook: the workbook reported on
 * @draft: (nullable): the report draft: its title, summary, commentary, the
 *   sections it leaves out and the assessment it compares with; %NULL for
 *   a report of every section without the facilitator's texts
 * @assessment_id: (nullable): the assessment reported on; %NULL for the
 *   draft's, or else the latest by date
 * @today: (nullable): the report's date; %NULL for today
 * @error: a #GError, translated
 *
 * Assembles the report of an assessment: the title page, then every
 * section that @draft includes, in the order of pw_report_sections().  The
 * policy checklist is read as it stood on the assessment's date; the map
 * is recorded as of @today.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   workbook has no assessment or none of that id
 */
PwReport *
pw_report_build (PwWorkbook     *workbook,
                 PwReportDraft  *draft,
                 const char     *assessment_id,
                 const GDate    *today,
                 GError        **error)
{
  g_auto(Builder) self = { 0 };
  g_autoptr(PwReport) report = NULL;
  const char *title = NULL;
  const char *compare_id = NULL;
  const char * const *sections;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (draft == NULL || PW_IS_REPORT_DRAFT (draft), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self.assessment = find_assessment (workbook, draft, assessment_id, error);
  if (self.assessment == NULL)
    return NULL;

  if (draft != NULL)
    title = pw_report_draft_get_title (draft);
  if (!has_text (title))
    /* Translators: the title of a report whose draft has none */
    title = _("Social Media Maturity Report");

  report = pw_report_new (workbook, title, today);
  pw_report_set_assessment (report, self.assessment);

  self.report = report;
  self.workbook = workbook;
  self.framework = pw_workbook_get_framework (workbook);
  self.policy = pw_workbook_get_policy (workbook);
  self.draft = draft;
  g_snprintf (self.date, sizeof self.date, "%04u-%02u-%02u",
              (guint) g_date_get_year (pw_report_get_date (report)),
              (guint) g_date_get_month (pw_report_get_date (report)),
              (guint) g_date_get_day (pw_report_get_date (report)));

  self.score = pw_score_compute (self.framework, self.assessment, self.policy);
  self.previous = pw_workbook_get_previous_round (workbook, self.assessment);
  if (self.previous != NULL)
    {
      self.previous_score = pw_score_compute (self.framework, self.previous, self.policy);
      self.previous_name = pw_result_text_round_name (self.previous);
    }
  if (draft != NULL)
    compare_id = pw_report_draft_get_compare_id (draft);
  if (compare_id != NULL)
    self.compared = pw_workbook_find_assessment (workbook, compare_id);
  if (self.compared == self.assessment)
    self.compared = NULL;

  add_title_page (&self);

  sections = pw_report_sections ();
  for (guint i = 0; sections[i] != NULL; i++)
    {
      AddSectionFunc add = find_section_builder (sections[i]);

      if (add == NULL)
        continue;
      if (draft != NULL && !pw_report_draft_get_section_included (draft, sections[i]))
        continue;
      add (&self, sections[i]);
    }

  return g_steal_pointer (&report);
}
