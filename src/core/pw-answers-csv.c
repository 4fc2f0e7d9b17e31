/* pw-answers-csv.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-answers-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-answers-csv.h"
#include "pw-assessment.h"
#include "pw-framework.h"
#include "pw-utils-private.h"
#include "pw-workbook.h"

/*
 * The answers of one assessment as CSV for a spreadsheet, written as the
 * policy checklist's is (_pw_csv_append_field(): RFC 4180, a byte order
 * mark, no formulas): one row per question of the framework, in its order,
 * answered or not, then one per retired answer (a question an earlier
 * version of the framework asked).
 */

#define PHASE_SIZE 16  /* a phase in digits */

enum
{
  COLUMN_DIMENSION,
  COLUMN_QUESTION_ID,
  COLUMN_QUESTION,
  COLUMN_KIND,
  COLUMN_PHASE,
  COLUMN_ANSWER,
  COLUMN_NOTE,
  COLUMN_EVIDENCE,
  COLUMN_NOT_APPLICABLE,
  N_COLUMNS
};

static const char *
kind_name (PwAnswerKind kind)
{
  switch (kind)
    {
    case PW_ANSWER_OPTION:
      /* Translators: the kind of an answer in the answers' CSV export: one of
       * the five options was chosen */
      return C_("csv", "Option");
    case PW_ANSWER_DONT_KNOW:
      /* Translators: the kind of an answer in the answers' CSV export */
      return C_("csv", "Don’t know");
    case PW_ANSWER_NOT_APPLICABLE:
      /* Translators: the kind of an answer in the answers' CSV export */
      return C_("csv", "Not applicable");
    case PW_ANSWER_NONE:
    default:
      /* Translators: the kind of an answer in the answers' CSV export */
      return C_("csv", "Not answered");
    }
}

static void
append_row (GString    *out,
            const char *cells[N_COLUMNS])
{
  for (guint i = 0; i < N_COLUMNS; i++)
    _pw_csv_append_field (out, cells[i], i == N_COLUMNS - 1);
}

/* Fills the cells of @answer (%NULL: not answered) that do not depend on
 * the question: kind, phase, note, evidence.  @phase holds the phase's
 * digits for as long as the cells are used. */
static void
fill_answer (const char *cells[N_COLUMNS],
             PwAnswer   *answer,
             char        phase[PHASE_SIZE])
{
  PwAnswerKind kind = answer != NULL ? pw_answer_get_kind (answer) : PW_ANSWER_NONE;

  phase[0] = '\0';
  if (kind == PW_ANSWER_OPTION)
    g_snprintf (phase, PHASE_SIZE, "%d", pw_answer_get_phase (answer));

  cells[COLUMN_KIND] = kind_name (kind);
  cells[COLUMN_PHASE] = phase;
  cells[COLUMN_NOTE] = answer != NULL ? pw_answer_get_note (answer) : NULL;
  cells[COLUMN_EVIDENCE] = answer != NULL ? pw_answer_get_evidence (answer) : NULL;
}

static void
append_question (GString          *out,
                 PwAssessment     *assessment,
                 const PwQuestion *question)
{
  PwAnswer *answer = pw_assessment_lookup_answer (assessment, question->id);
  const char *cells[N_COLUMNS] = { NULL };
  char phase[PHASE_SIZE];

  fill_answer (cells, answer, phase);
  cells[COLUMN_DIMENSION] = question->dimension->name;
  cells[COLUMN_QUESTION_ID] = question->id;
  cells[COLUMN_QUESTION] = question->text;

  if (answer != NULL && pw_answer_get_kind (answer) == PW_ANSWER_OPTION)
    {
      int p = pw_answer_get_phase (answer);

      if (p >= 1 && p <= PW_N_PHASES)
        cells[COLUMN_ANSWER] = question->options[p - 1];
    }
  else if (answer != NULL && pw_answer_get_kind (answer) == PW_ANSWER_NOT_APPLICABLE)
    cells[COLUMN_NOT_APPLICABLE] = question->not_applicable;

  append_row (out, cells);
}

static void
append_retired (GString               *out,
                const PwRetiredAnswer *retired)
{
  const char *cells[N_COLUMNS] = { NULL };
  char phase[PHASE_SIZE];
  g_autofree char *dimension = NULL;

  fill_answer (cells, retired->answer, phase);
  /* Translators: the dimension column of an answer to a question that an
   * earlier version of the framework asked; %s is that version, "1.0.0" */
  dimension = g_strdup_printf (C_("csv", "Retired (framework %s)"),
                               retired->framework_version != NULL ? retired->framework_version
                                                                  : "");
  cells[COLUMN_DIMENSION] = dimension;
  cells[COLUMN_QUESTION_ID] = retired->question_id;
  cells[COLUMN_QUESTION] = retired->question;
  if (pw_answer_get_kind (retired->answer) == PW_ANSWER_OPTION)
    cells[COLUMN_ANSWER] = retired->option;

  append_row (out, cells);
}

/**
 * pw_answers_to_csv:
 * @workbook: the workbook
 * @assessment: one of its assessments
 * @error: never set: the CSV of any assessment can be written
 *
 * Returns: (transfer full): one row of headings, then one row per question
 *   of the workbook's framework: dimension, question id, question, kind of
 *   answer, phase (options only), the option's text, note, evidence, and
 *   for "not applicable" what the framework says of when it is; then one
 *   row per retired answer
 */
GBytes *
pw_answers_to_csv (PwWorkbook    *workbook,
                   PwAssessment  *assessment,
                   GError       **error)
{
  PwFramework *framework;
  GPtrArray *retired;
  GString *out;
  const char *headings[N_COLUMNS];

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  framework = pw_workbook_get_framework (workbook);
  out = _pw_csv_new ();

  /* Translators: the headings of the answers' CSV export */
  headings[COLUMN_DIMENSION] = C_("csv", "Dimension");
  headings[COLUMN_QUESTION_ID] = C_("csv", "Question ID");
  headings[COLUMN_QUESTION] = C_("csv", "Question");
  headings[COLUMN_KIND] = C_("csv", "Answer kind");
  headings[COLUMN_PHASE] = C_("csv", "Phase");
  headings[COLUMN_ANSWER] = C_("csv", "Answer");
  headings[COLUMN_NOTE] = C_("csv", "Note");
  /* Translators: a heading of the answers' CSV export: what the room
   * showed to back its answer */
  headings[COLUMN_EVIDENCE] = C_("csv", "Evidence");
  /* Translators: a heading of the answers' CSV export: the framework's
   * words on when "not applicable" is the right answer */
  headings[COLUMN_NOT_APPLICABLE] = C_("csv", "Not applicable when");
  append_row (out, headings);

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        append_question (out, assessment, g_ptr_array_index (dimension->questions, q));
    }

  retired = pw_assessment_get_retired_answers (assessment);
  for (guint i = 0; retired != NULL && i < retired->len; i++)
    append_retired (out, g_ptr_array_index (retired, i));

  return g_string_free_to_bytes (out);
}
