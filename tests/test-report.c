/* test-report.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pw-comparison.h"
#include "pw-report.h"
#include "pw-test-core.h"

/*
 * The report that every export renders (pw_report_build()): built from the
 * bundled example and from workbooks made here, and read back block by
 * block, as the renderers read it.  What a reader of the report relies on:
 * the sections in their order, every note, evidence, "don't know" and "not
 * applicable" answer, a preliminary result said to be one, every cap with
 * its reason, the sections the facilitator left out left out, and the
 * policy checklist as it stood on the assessment's day.
 */

/* ------------------------------------------------------------------------
 * Reading a report
 */

static GDate *
make_date (int year,
           int month,
           int day)
{
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static PwReport *
build (PwWorkbook    *workbook,
       PwReportDraft *draft,
       const char    *assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = make_date (2026, 11, 2);
  PwReport *report;

  report = pw_report_build (workbook, draft, assessment_id, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

/* The level-1 headings, the sections, in their order */
static GStrv
list_sections (PwReport *report)
{
  g_autoptr(GStrvBuilder) headings = g_strv_builder_new ();

  for (guint i = 0; i < pw_report_get_n_blocks (report); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (block->kind == PW_REPORT_BLOCK_HEADING && block->level == 1)
        g_strv_builder_add (headings, block->text);
    }

  return g_strv_builder_end (headings);
}

/* The index of the level-1 heading @title, or -1 */
static int
find_section (PwReport   *report,
              const char *title)
{
  for (guint i = 0; i < pw_report_get_n_blocks (report); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (block->kind == PW_REPORT_BLOCK_HEADING && block->level == 1
          && g_str_equal (block->text, title))
        return (int) i;
    }

  return -1;
}

/* The index of the block after the section that starts at @start */
static guint
section_end (PwReport *report,
             int       start)
{
  guint i;

  g_assert_cmpint (start, >=, 0);
  for (i = (guint) start + 1; i < pw_report_get_n_blocks (report); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (block->kind == PW_REPORT_BLOCK_HEADING && block->level == 1)
        break;
    }

  return i;
}

/* The first block of @kind in the section @title, or NULL */
static const PwReportBlock *
find_in_section (PwReport          *report,
                 const char        *title,
                 PwReportBlockKind  kind)
{
  int start = find_section (report, title);

  g_assert_cmpint (start, >=, 0);
  for (guint i = (guint) start; i < section_end (report, start); i++)
    if (pw_report_get_block (report, i)->kind == kind)
      return pw_report_get_block (report, i);

  return NULL;
}

static guint
count_kind (PwReport          *report,
            PwReportBlockKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < pw_report_get_n_blocks (report); i++)
    if (pw_report_get_block (report, i)->kind == kind)
      n++;

  return n;
}

/* The FACTS block of @caption in the section @title, or NULL */
static const PwReportBlock *
find_facts (PwReport   *report,
            const char *title,
            const char *caption)
{
  int start = find_section (report, title);

  g_assert_cmpint (start, >=, 0);
  for (guint i = (guint) start; i < section_end (report, start); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (block->kind == PW_REPORT_BLOCK_FACTS && g_strcmp0 (block->text, caption) == 0)
        return block;
    }

  return NULL;
}

/* The value of @label in a FACTS or TITLE block, or NULL */
static const char *
fact (const PwReportBlock *block,
      const char          *label)
{
  g_assert_nonnull (block);
  for (guint i = 0; i < block->rows->len; i++)
    {
      char **row = g_ptr_array_index (block->rows, i);

      if (g_str_equal (row[0], label))
        return row[1];
    }

  return NULL;
}

/* Whether a NOTICE in the report says @text */
static gboolean
has_notice (PwReport   *report,
            const char *text)
{
  for (guint i = 0; i < pw_report_get_n_blocks (report); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (block->kind == PW_REPORT_BLOCK_NOTICE && strstr (block->text, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Whether any text of any block is @text, exactly */
static gboolean
has_text (PwReport   *report,
          const char *text)
{
  for (guint i = 0; i < pw_report_get_n_blocks (report); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (g_strcmp0 (block->text, text) == 0)
        return TRUE;
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          char **row = g_ptr_array_index (block->rows, r);

          for (guint c = 0; row[c] != NULL; c++)
            if (g_str_equal (row[c], text))
              return TRUE;
        }
    }

  return FALSE;
}

/* A table's row whose first cell is @first, or NULL */
static char **
find_row (const PwReportBlock *table,
          const char          *first)
{
  g_assert_nonnull (table);
  for (guint i = 0; i < table->rows->len; i++)
    {
      char **row = g_ptr_array_index (table->rows, i);

      if (g_str_equal (row[0], first))
        return row;
    }

  return NULL;
}

/* ------------------------------------------------------------------------
 * Workbooks made here
 */

static PwWorkbook *
new_workbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);

  g_assert_no_error (error);
  return pw_workbook_new (framework);
}

/* An assessment of the whole organization on @date, every question
 * answered with @phase (none with 0) */
static PwAssessment *
add_assessment (PwWorkbook *workbook,
                const char *date,
                int         phase)
{
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = pw_workbook_start_assessment (workbook, NULL);

  pw_assessment_set_date (assessment, date);
  if (phase == 0)
    return assessment;

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), phase);
        }
    }

  return assessment;
}

static const PwQuestion *
first_question (PwWorkbook *workbook,
                guint       dimension)
{
  PwFramework *framework = pw_workbook_get_framework (workbook);

  return g_ptr_array_index (pw_framework_get_dimension (framework, dimension)->questions, 0);
}

/* ------------------------------------------------------------------------
 * The tests
 */

/* The example with its report draft: the title page, every section in the
 * order of pw_report_sections() (no comparison: the draft has none), the
 * summary and the commentary as written. */
static void
test_example_sections (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwReportDraft *draft = pw_workbook_find_report (workbook, "report-1");
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  g_autoptr(PwReport) report = NULL;
  g_auto(GStrv) sections = NULL;
  g_autoptr(GStrvBuilder) expected = g_strv_builder_new ();
  g_auto(GStrv) expected_sections = NULL;
  const PwReportBlock *title;
  const PwReportBlock *block;
  const char * const *ids = pw_report_sections ();

  g_assert_nonnull (draft);
  report = build (workbook, draft, NULL);
  g_assert_cmpstr (pw_assessment_get_id (pw_report_get_assessment (report)), ==,
                   "assessment-2");
  g_assert_cmpstr (pw_report_get_title (report), ==, "Social media maturity review 2026");

  title = pw_report_get_block (report, 0);
  g_assert_cmpint (title->kind, ==, PW_REPORT_BLOCK_TITLE);
  g_assert_cmpstr (title->text, ==, "Social media maturity review 2026");
  g_assert_cmpstr (fact (title, "Organization"), ==, "Larkspur Outdoor Equipment");
  g_assert_cmpstr (fact (title, "Industry"), ==, "Retail and e-commerce");
  g_assert_cmpstr (fact (title, "Organization size"), ==, "1,000–5,000 employees");
  g_assert_cmpstr (fact (title, "Region"), ==, "Europe and North America");
  g_assert_cmpstr (fact (title, "Scope"), ==, "Whole organization");
  g_assert_cmpstr (fact (title, "Assessment date"), ==, "20 October 2026");
  g_assert_cmpstr (fact (title, "Round"), ==, "Review 2026");
  g_assert_nonnull (fact (title, "Facilitator"));
  g_assert_nonnull (fact (title, "Participants"));
  g_assert_nonnull (strstr (fact (title, "Framework"),
                            pw_framework_get_version (pw_workbook_get_framework (workbook))));
  g_assert_cmpstr (fact (title, "Report date"), ==, "2 November 2026");

  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_str_equal (ids[i], PW_REPORT_SECTION_COMPARISON))
      g_strv_builder_add (expected, pw_report_section_get_title (ids[i]));
  expected_sections = g_strv_builder_end (expected);
  sections = list_sections (report);
  g_assert_cmpstrv (sections, expected_sections);

  /* The facilitator's texts, as written */
  block = find_in_section (report, "Executive Summary", PW_REPORT_BLOCK_MARKDOWN);
  g_assert_nonnull (block);
  g_assert_cmpstr (block->text, ==, pw_report_draft_get_summary (draft));
  g_assert_true (has_text (report, pw_report_draft_get_commentary (draft, "governance")));

  /* Each dimension a level-2 heading in the dimensions, answers and next steps */
  for (guint d = 0; d < pw_framework_get_n_dimensions (pw_workbook_get_framework (workbook)); d++)
    {
      const PwDimension *dimension =
        pw_framework_get_dimension (pw_workbook_get_framework (workbook), d);
      guint n = 0;

      for (guint i = 0; i < pw_report_get_n_blocks (report); i++)
        {
          block = pw_report_get_block (report, i);
          if (block->kind == PW_REPORT_BLOCK_HEADING && block->level == 2
              && g_str_equal (block->text, dimension->name))
            n++;
        }
      g_assert_cmpuint (n, ==, 3);
    }

  /* The radar against the previous round of the scope, Baseline 2025 */
  block = find_in_section (report, "Maturity Profile", PW_REPORT_BLOCK_RADAR);
  g_assert_nonnull (block);
  g_assert_cmpuint (block->n_axes, ==,
                    pw_framework_get_n_dimensions (pw_workbook_get_framework (workbook)));
  g_assert_cmpstr (block->current_name, ==, "Review 2026");
  g_assert_cmpstr (block->previous_name, ==, "Baseline 2025");
  g_assert_nonnull (block->previous);

  /* The map, recorded, with its model */
  block = find_in_section (report, "Organization Map", PW_REPORT_BLOCK_MAP);
  g_assert_nonnull (block);
  g_assert_nonnull (block->picture);
  g_assert_cmpint (cairo_surface_get_type (block->picture), ==, CAIRO_SURFACE_TYPE_RECORDING);
  g_assert_cmpfloat (block->picture_width, >, 0);
  block = find_in_section (report, "Organization Map", PW_REPORT_BLOCK_FACTS);
  g_assert_nonnull (block);
  g_assert_cmpstr (block->text, ==, pw_org_model_get_name (pw_org_map_detect_model (map)));
  g_assert_nonnull (fact (block, "Usual next step"));

  /* The history of the scope: both rounds of the whole organization, oldest first */
  block = find_in_section (report, "History", PW_REPORT_BLOCK_TABLE);
  g_assert_nonnull (block);
  g_assert_cmpuint (block->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (block->rows, 0))[1], ==, "Baseline 2025");
  g_assert_cmpstr (((char **) g_ptr_array_index (block->rows, 1))[1], ==, "Review 2026");

  /* The teams: the organization, then every team of the map */
  block = find_in_section (report, "Teams Overview", PW_REPORT_BLOCK_TABLE);
  g_assert_nonnull (block);
  g_assert_cmpuint (block->rows->len, ==,
                    1 + g_list_model_get_n_items (pw_org_map_get_teams (map)));
  g_assert_nonnull (find_row (block, "Customer Care"));
  g_assert_cmpstr (find_row (block, "Whole organization")[3], ==, "20 October 2026");
}

/* Every answer of the example's assessment is in the report, under its
 * question: the phase and option, "Don’t know", "Not applicable", "Not
 * answered", and every note and evidence as typed; and the retired ones. */
static void
test_example_answers (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  GListModel *assessments = pw_workbook_get_assessments (workbook);

  for (guint a = 0; a < g_list_model_get_n_items (assessments); a++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, a);
      g_autoptr(PwReport) report = build (workbook, NULL, pw_assessment_get_id (assessment));
      GPtrArray *retired = pw_assessment_get_retired_answers (assessment);
      guint n_notes = 0;
      guint n_not_applicable = 0;

      g_assert_true (pw_report_get_assessment (report) == assessment);

      for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
        {
          const PwDimension *dimension = pw_framework_get_dimension (framework, d);

          for (guint q = 0; q < dimension->questions->len; q++)
            {
              const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
              PwAnswer *answer = pw_assessment_lookup_answer (assessment, question->id);
              const PwReportBlock *facts = find_facts (report, "Answers", question->text);
              PwAnswerKind kind = answer != NULL ? pw_answer_get_kind (answer) : PW_ANSWER_NONE;
              g_autofree char *expected = NULL;

              g_assert_nonnull (facts);
              switch (kind)
                {
                case PW_ANSWER_OPTION:
                  expected = g_strdup_printf ("Phase %d — %s", pw_answer_get_phase (answer),
                                              question->options[pw_answer_get_phase (answer) - 1]);
                  break;
                case PW_ANSWER_DONT_KNOW:
                  expected = g_strdup ("Don’t know");
                  break;
                case PW_ANSWER_NOT_APPLICABLE:
                  expected = g_strdup ("Not applicable");
                  n_not_applicable++;
                  break;
                case PW_ANSWER_NONE:
                default:
                  expected = g_strdup ("Not answered");
                  break;
                }
              g_assert_cmpstr (fact (facts, "Answer"), ==, expected);
              g_assert_cmpstr (fact (facts, "Note"), ==,
                               answer != NULL ? pw_answer_get_note (answer) : NULL);
              g_assert_cmpstr (fact (facts, "Evidence"), ==,
                               answer != NULL ? pw_answer_get_evidence (answer) : NULL);
              if (answer != NULL && pw_answer_get_note (answer) != NULL)
                n_notes++;
            }
        }
      /* The example has notes and answers that do not apply in every assessment */
      g_assert_cmpuint (n_notes, >, 0);
      g_assert_cmpuint (n_not_applicable, >, 0);

      g_assert_nonnull (retired);
      g_assert_cmpuint (retired->len, >, 0);
      for (guint i = 0; i < retired->len; i++)
        {
          const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);
          const PwReportBlock *facts = find_facts (report, "Answers", answer->question);

          g_assert_nonnull (facts);
          g_assert_cmpstr (fact (facts, "Framework version"), ==, answer->framework_version);
          g_assert_cmpstr (fact (facts, "Note"), ==, pw_answer_get_note (answer->answer));
          g_assert_cmpstr (fact (facts, "Evidence"), ==, pw_answer_get_evidence (answer->answer));
        }
    }
}

/* Without a draft: the latest assessment by date, whatever the list's
 * order, the default title, every section but those that need the
 * draft's text or its assessment to compare with. */
static void
test_defaults (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwAssessment *later = add_assessment (workbook, "2026-03-01", 3);
  g_autoptr(PwReport) report = NULL;
  g_autoptr(GStrvBuilder) expected = g_strv_builder_new ();
  g_auto(GStrv) expected_sections = NULL;
  g_auto(GStrv) sections = NULL;
  const char * const *ids = pw_report_sections ();

  add_assessment (workbook, "2025-03-01", 2);
  report = build (workbook, NULL, NULL);
  g_assert_true (pw_report_get_assessment (report) == later);
  g_assert_cmpstr (pw_report_get_title (report), ==, "Social Media Maturity Report");
  g_assert_cmpstr (pw_report_get_block (report, 0)->text, ==, "Social Media Maturity Report");

  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_str_equal (ids[i], PW_REPORT_SECTION_SUMMARY)
        && !g_str_equal (ids[i], PW_REPORT_SECTION_COMPARISON))
      g_strv_builder_add (expected, pw_report_section_get_title (ids[i]));
  expected_sections = g_strv_builder_end (expected);
  sections = list_sections (report);
  g_assert_cmpstrv (sections, expected_sections);
  g_assert_cmpuint (count_kind (report, PW_REPORT_BLOCK_MARKDOWN), ==, 0);

  /* No team on the map: no picture, and the map says why */
  g_assert_null (find_in_section (report, "Organization Map", PW_REPORT_BLOCK_MAP));
  g_assert_true (has_text (report, pw_org_model_get_description (PW_ORG_MODEL_NONE)));
  g_clear_object (&report);

  /* Of two on the latest date, the one further down the list */
  {
    PwAssessment *same_day = add_assessment (workbook, "2026-03-01", 4);

    report = build (workbook, NULL, NULL);
    g_assert_true (pw_report_get_assessment (report) == same_day);
  }
}

/* The report holds copies: what changes in the workbook after it was built
 * does not change it, so that it may be rendered in another thread */
static void
test_copies (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwAssessment *assessment = add_assessment (workbook, "2026-03-01", 3);
  const PwQuestion *question = first_question (workbook, 0);
  PwAnswer *answer = pw_assessment_ensure_answer (assessment, question->id);
  g_autoptr(PwReport) report = NULL;
  const PwReportBlock *radar;

  pw_answer_set_note (answer, "Before the change");
  pw_workbook_set_name (workbook, "Old name");
  report = build (workbook, NULL, NULL);
  pw_answer_set_note (answer, "After the change");
  pw_workbook_set_name (workbook, "New name");
  g_assert_cmpstr (fact (find_facts (report, "Answers", question->text), "Note"), ==,
                   "Before the change");
  g_assert_cmpstr (fact (pw_report_get_block (report, 0), "Organization"), ==, "Old name");
  g_assert_false (has_text (report, "After the change"));

  /* One round of the scope: one series */
  radar = find_in_section (report, "Maturity Profile", PW_REPORT_BLOCK_RADAR);
  g_assert_null (radar->previous);
  g_assert_null (radar->previous_name);
  g_assert_cmpfloat (radar->current[0], ==, 3.0);
}

/* A draft whose summary is only white space has no executive summary */
static void
test_empty_summary (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwReportDraft) draft = pw_report_draft_new ("report-1");
  g_autoptr(PwReport) report = NULL;

  add_assessment (workbook, "2026-03-01", 3);
  pw_report_draft_set_summary (draft, " \n\t ");
  pw_report_draft_set_title (draft, "");
  report = build (workbook, draft, NULL);
  g_assert_cmpint (find_section (report, "Executive Summary"), ==, -1);
  g_assert_cmpstr (pw_report_get_title (report), ==, "Social Media Maturity Report");
}

static void
test_errors (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwReportDraft) draft = pw_report_draft_new ("report-1");
  g_autoptr(GError) error = NULL;
  g_autoptr(PwReport) report = NULL;
  PwAssessment *assessment;

  /* No assessment at all */
  report = pw_report_build (workbook, NULL, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (report);
  g_assert_cmpstr (error->message, ==, "The workbook has no assessment to report on");
  g_clear_error (&error);

  /* An unknown id, given or the draft's */
  assessment = add_assessment (workbook, "2026-03-01", 3);
  report = pw_report_build (workbook, NULL, "assessment-99", NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (report);
  g_assert_nonnull (strstr (error->message, "assessment-99"));
  g_clear_error (&error);

  pw_report_draft_set_assessment_id (draft, "assessment-98");
  report = pw_report_build (workbook, draft, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "assessment-98"));
  g_clear_error (&error);

  /* The id given wins over the draft's */
  report = pw_report_build (workbook, draft, pw_assessment_get_id (assessment), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (pw_report_get_assessment (report) == assessment);
}

/* Answers of every kind, with notes and evidence, in a workbook made here;
 * an unanswered assessment says so, and has no score. */
static void
test_answer_kinds (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwAssessment *assessment = add_assessment (workbook, "2026-03-01", 0);
  const PwQuestion *q0 = first_question (workbook, 0);
  const PwQuestion *q1 = first_question (workbook, 1);
  const PwQuestion *q2 = first_question (workbook, 2);
  const PwQuestion *q3 = first_question (workbook, 3);
  PwAnswer *answer;
  g_autoptr(PwReport) report = NULL;
  const PwReportBlock *facts;
  g_autofree char *option = NULL;

  report = build (workbook, NULL, NULL);
  facts = find_facts (report, "Answers", q0->text);
  g_assert_cmpstr (fact (facts, "Answer"), ==, "Not answered");
  g_assert_null (fact (facts, "Note"));
  facts = find_in_section (report, "Overall Result", PW_REPORT_BLOCK_FACTS);
  g_assert_cmpstr (fact (facts, "Phase"), ==, "No score yet");
  g_assert_null (fact (facts, "Score"));
  g_assert_false (has_notice (report, "Preliminary"));
  g_clear_object (&report);

  answer = pw_assessment_ensure_answer (assessment, q0->id);
  pw_answer_choose (answer, 4);
  pw_answer_set_evidence (answer, "https://example.com/strategy.pdf");
  answer = pw_assessment_ensure_answer (assessment, q1->id);
  pw_answer_set_kind (answer, PW_ANSWER_DONT_KNOW);
  pw_answer_set_note (answer, "Nobody in the room owns the listening tool.");
  answer = pw_assessment_ensure_answer (assessment, q2->id);
  pw_answer_set_kind (answer, PW_ANSWER_NOT_APPLICABLE);
  pw_answer_set_note (answer, "We sell nothing online.");
  answer = pw_assessment_ensure_answer (assessment, q3->id);
  pw_answer_set_note (answer, "Ask again in spring.");

  report = build (workbook, NULL, NULL);
  facts = find_facts (report, "Answers", q0->text);
  option = g_strdup_printf ("Phase 4 — %s", q0->options[3]);
  g_assert_cmpstr (fact (facts, "Answer"), ==, option);
  g_assert_cmpstr (fact (facts, "Evidence"), ==, "https://example.com/strategy.pdf");
  facts = find_facts (report, "Answers", q1->text);
  g_assert_cmpstr (fact (facts, "Answer"), ==, "Don’t know");
  g_assert_cmpstr (fact (facts, "Note"), ==, "Nobody in the room owns the listening tool.");
  facts = find_facts (report, "Answers", q2->text);
  g_assert_cmpstr (fact (facts, "Answer"), ==, "Not applicable");
  g_assert_cmpstr (fact (facts, "Note"), ==, "We sell nothing online.");
  facts = find_facts (report, "Answers", q3->text);
  g_assert_cmpstr (fact (facts, "Answer"), ==, "Not answered");
  g_assert_cmpstr (fact (facts, "Note"), ==, "Ask again in spring.");
}

/* Under half of the questions counted: the overall result and the
 * dimension say it is preliminary; at half or more, they do not. */
static void
test_preliminary (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = add_assessment (workbook, "2026-03-01", 0);
  guint total = pw_framework_get_n_questions (framework);
  guint counted = 0;
  g_autoptr(PwReport) report = NULL;
  g_autofree char *notice = NULL;
  const PwReportBlock *facts;

  /* The questions of the first dimensions, until just under half */
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len && (counted + 1) * 2 < total; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), 3);
          counted++;
        }
    }

  report = build (workbook, NULL, NULL);
  notice = g_strdup_printf ("Preliminary: only %u of %u questions count toward this result",
                            counted, total);
  g_assert_true (has_notice (report, notice));
  facts = find_in_section (report, "Overall Result", PW_REPORT_BLOCK_FACTS);
  g_assert_nonnull (strstr (fact (facts, "Confidence"), "%"));
  g_assert_nonnull (fact (facts, "Score"));
  g_assert_nonnull (fact (facts, "Position"));
  g_clear_object (&report);

  /* One more, and it is half: no longer preliminary */
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework) && counted * 2 < total; d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len && counted * 2 < total; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
          PwAnswer *answer = pw_assessment_ensure_answer (assessment, question->id);

          if (!pw_answer_is_counted (answer))
            {
              pw_answer_choose (answer, 3);
              counted++;
            }
        }
    }
  report = build (workbook, NULL, NULL);
  g_clear_pointer (&notice, g_free);
  notice = g_strdup_printf (" of %u questions count toward this result", total);
  g_assert_false (has_notice (report, notice));
}

/* The governance cap with its reason, in the overall result and under the
 * dimension; lifted once the core items are in place */
static void
test_caps (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *assessment = add_assessment (workbook, "2026-03-01", 5);
  g_autoptr(PwScore) score = pw_score_compute (framework, assessment,
                                               pw_workbook_get_policy (workbook));
  const PwDimensionScore *governance = pw_score_find_dimension (score, PW_GOVERNANCE_DIMENSION);
  g_autoptr(PwReport) report = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *notice = NULL;
  int start;
  gboolean under_dimension = FALSE;

  g_assert_true (governance->capped);
  g_assert_nonnull (governance->cap_reason);
  cap = pw_result_text_cap (governance);
  notice = g_strdup_printf ("%s: %s", governance->dimension->name, cap);

  report = build (workbook, NULL, NULL);
  start = find_section (report, "Overall Result");
  for (guint i = (guint) start; i < section_end (report, start); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (block->kind == PW_REPORT_BLOCK_NOTICE && g_str_equal (block->text, notice))
        break;
      g_assert_cmpuint (i + 1, <, section_end (report, start));
    }
  start = find_section (report, "Results by Dimension");
  for (guint i = (guint) start; i < section_end (report, start); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      if (block->kind == PW_REPORT_BLOCK_NOTICE && g_str_equal (block->text, cap))
        under_dimension = TRUE;
    }
  g_assert_true (under_dimension);
  g_assert_true (has_notice (report, governance->cap_reason));
  /* The core items phase 4 needs come first in governance's next steps */
  g_assert_true (has_notice (report, "The answers alone give 5.0."));
  g_clear_object (&report);

  missing = pw_policy_get_missing_core (pw_workbook_get_policy (workbook), NULL);
  for (guint i = 0; i < missing->len; i++)
    pw_test_set_status (g_ptr_array_index (missing, i), PW_POLICY_IN_PLACE);
  report = build (workbook, NULL, NULL);
  g_assert_false (has_notice (report, governance->cap_reason));
}

/* The sections the draft leaves out are not there, the others in order */
static void
test_omitted_sections (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwReportDraft *draft = pw_workbook_find_report (workbook, "report-1");
  const char *omit[] = { PW_REPORT_SECTION_RADAR, PW_REPORT_SECTION_ANSWERS,
                         PW_REPORT_SECTION_MAP, PW_REPORT_SECTION_POLICY, NULL };
  const char * const *ids = pw_report_sections ();
  g_autoptr(PwReport) report = NULL;
  g_autoptr(GStrvBuilder) expected = g_strv_builder_new ();
  g_auto(GStrv) expected_sections = NULL;
  g_auto(GStrv) sections = NULL;
  const PwQuestion *question = first_question (workbook, 0);

  pw_report_draft_set_omitted_sections (draft, omit);
  report = build (workbook, draft, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_strv_contains (omit, ids[i]) && !g_str_equal (ids[i], PW_REPORT_SECTION_COMPARISON))
      g_strv_builder_add (expected, pw_report_section_get_title (ids[i]));
  expected_sections = g_strv_builder_end (expected);
  sections = list_sections (report);
  g_assert_cmpstrv (sections, expected_sections);
  g_assert_cmpuint (count_kind (report, PW_REPORT_BLOCK_RADAR), ==, 0);
  g_assert_cmpuint (count_kind (report, PW_REPORT_BLOCK_MAP), ==, 0);
  g_assert_false (has_text (report, question->text));
  g_clear_object (&report);

  /* Every section left out: the title page alone */
  for (guint i = 0; ids[i] != NULL; i++)
    pw_report_draft_set_section_included (draft, ids[i], FALSE);
  report = build (workbook, draft, NULL);
  g_assert_cmpuint (pw_report_get_n_blocks (report), ==, 1);
  g_assert_cmpint (pw_report_get_block (report, 0)->kind, ==, PW_REPORT_BLOCK_TITLE);
}

/* The checklist as it stood on the assessment's day: an item put in place
 * later reads as it was then, the reason of one that did not apply is
 * given, and a review date past on the report's day is overdue. */
static void
test_policy_as_of (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  PwFramework *framework = pw_workbook_get_framework (workbook);
  GPtrArray *defs = pw_framework_get_policy_category (framework, 0)->items;
  const PwPolicyItemDef *def_a = g_ptr_array_index (defs, 0);
  const PwPolicyItemDef *def_b = g_ptr_array_index (defs, 1);
  PwPolicyItem *item_a = pw_policy_find_item (policy, def_a->id);
  PwPolicyItem *item_b = pw_policy_find_item (policy, def_b->id);
  PwAssessment *march = add_assessment (workbook, "2026-03-01", 3);
  PwAssessment *july = add_assessment (workbook, "2026-07-01", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwReport) report = NULL;
  const PwReportBlock *facts;

  pw_policy_item_change_status (item_a, PW_POLICY_DRAFTING, NULL, "2026-02-01", "Maren", &error);
  g_assert_no_error (error);
  pw_policy_item_change_status (item_a, PW_POLICY_IN_PLACE, NULL, "2026-06-01", "Maren", &error);
  g_assert_no_error (error);
  pw_policy_item_set_owner (item_a, "Head of Communications");
  pw_policy_item_set_review_date (item_a, "2026-10-31");
  pw_policy_item_set_note (item_a, "Signed by the board.");
  pw_policy_item_set_link (item_a, "https://intranet.example.com/policy");
  pw_test_set_status (item_b, PW_POLICY_NOT_APPLICABLE);
  g_assert_cmpint (pw_policy_item_get_status (item_a), ==, PW_POLICY_IN_PLACE);

  report = build (workbook, NULL, pw_assessment_get_id (march));
  g_assert_true (has_text (report, "As it stood on 1 March 2026, the day of the assessment."));
  facts = find_facts (report, "Policy Checklist", pw_policy_item_get_title (item_a));
  g_assert_cmpstr (fact (facts, "Status"), ==, "Drafting");
  g_assert_cmpstr (fact (facts, "Owner"), ==, "Head of Communications");
  g_assert_cmpstr (fact (facts, "Review date"), ==, "31 October 2026 (overdue)");
  g_assert_cmpstr (fact (facts, "Note"), ==, "Signed by the board.");
  g_assert_cmpstr (fact (facts, "Link"), ==, "https://intranet.example.com/policy");
  g_assert_cmpstr (fact (facts, "Core item"), ==, def_a->core ? "Yes" : NULL);
  facts = find_facts (report, "Policy Checklist", pw_policy_item_get_title (item_b));
  g_assert_cmpstr (fact (facts, "Status"), ==, "Not applicable: Does not apply here");
  g_clear_object (&report);

  report = build (workbook, NULL, pw_assessment_get_id (july));
  facts = find_facts (report, "Policy Checklist", pw_policy_item_get_title (item_a));
  g_assert_cmpstr (fact (facts, "Status"), ==, "In place");
  g_clear_object (&report);

  /* A category whose every item does not apply is there, with every item */
  {
    const PwPolicyCategory *category = pw_framework_get_policy_category (framework, 1);
    int start;
    guint n = 0;

    for (guint i = 0; i < category->items->len; i++)
      {
        const PwPolicyItemDef *def = g_ptr_array_index (category->items, i);

        pw_test_set_status (pw_policy_find_item (policy, def->id), PW_POLICY_NOT_APPLICABLE);
      }
    report = build (workbook, NULL, NULL);
    start = find_section (report, "Policy Checklist");
    for (guint i = (guint) start; i < section_end (report, start); i++)
      {
        const PwReportBlock *block = pw_report_get_block (report, i);

        if (block->kind == PW_REPORT_BLOCK_HEADING && g_str_equal (block->text, category->name))
          {
            g_assert_cmpstr (pw_report_get_block (report, i + 1)->text, ==,
                             "No items that apply");
            n++;
          }
      }
    g_assert_cmpuint (n, ==, 1);
    for (guint i = 0; i < category->items->len; i++)
      {
        const PwPolicyItemDef *def = g_ptr_array_index (category->items, i);

        facts = find_facts (report, "Policy Checklist", def->title);
        g_assert_cmpstr (fact (facts, "Status"), ==, "Not applicable: Does not apply here");
      }
    g_clear_object (&report);
  }

  /* Custom items, in their custom category */
  {
    g_autofree char *category_id = pw_policy_new_custom_category_id (policy);
    g_autoptr(PwCustomCategory) category = pw_custom_category_new (category_id, "Shops");
    g_autofree char *id = pw_policy_new_custom_id (policy);
    g_autoptr(PwPolicyItem) custom = pw_policy_item_new (id, TRUE);
    int start;
    gboolean found = FALSE;
    gboolean found_item = FALSE;

    pw_policy_add_custom_category (policy, category);
    pw_policy_item_set_category (custom, category_id);
    pw_policy_item_set_title (custom, "Posting from the shop floor");
    pw_policy_item_set_description (custom, "What staff may post about customers.");
    pw_policy_add_custom_item (policy, custom);
    report = build (workbook, NULL, NULL);
    start = find_section (report, "Policy Checklist");
    for (guint i = (guint) start; i < section_end (report, start); i++)
      {
        const PwReportBlock *block = pw_report_get_block (report, i);

        if (block->kind == PW_REPORT_BLOCK_HEADING && g_str_equal (block->text, "Shops"))
          {
            g_assert_cmpuint (block->level, ==, 2);
            found = TRUE;
          }
        if (block->kind == PW_REPORT_BLOCK_FACTS
            && g_strcmp0 (block->text, "Posting from the shop floor") == 0)
          {
            g_assert_true (found);
            g_assert_cmpstr (fact (block, "Status"), ==, "Missing");
            g_assert_cmpstr (fact (block, "Description"), ==,
                             "What staff may post about customers.");
            found_item = TRUE;
          }
      }
    g_assert_true (found);
    g_assert_true (found_item);
  }
}

/* Text from the user is kept as it is: no escaping, no folding, whatever
 * the script or the characters */
static void
test_unicode (void)
{
  static const char * const texts[] = {
    "Ærøskøbing Friluft & Søn — 北京分公司",
    "שלום עולם: מדיה חברתית",
    "Notiz mit Umlauten äöü ß, e\xCC\x81 combining, 🧭 emoji",
    "<script>alert(\"x\")</script> \" onmouseover=\"x",
    "=HYPERLINK(\"http://example.com\")",
  };
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwAssessment *assessment = add_assessment (workbook, "2026-03-01", 3);
  g_autoptr(PwReportDraft) draft = pw_report_draft_new ("report-1");
  PwTeam *team;
  PwAnswer *answer;
  g_autoptr(PwReport) report = NULL;

  pw_workbook_set_name (workbook, texts[0]);
  pw_assessment_set_round (assessment, texts[1]);
  pw_assessment_set_facilitator (assessment, texts[1]);
  answer = pw_assessment_ensure_answer (assessment, first_question (workbook, 0)->id);
  pw_answer_set_note (answer, texts[2]);
  pw_answer_set_evidence (answer, texts[3]);
  team = pw_workbook_add_team (workbook, PW_TEAM_HUB, texts[0], 0, 0);
  pw_team_set_function (team, texts[4]);
  pw_report_draft_set_title (draft, texts[1]);
  pw_report_draft_set_summary (draft, texts[2]);
  pw_report_draft_set_commentary (draft, "strategy", texts[3]);

  report = build (workbook, draft, NULL);
  g_assert_cmpstr (pw_report_get_title (report), ==, texts[1]);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (has_text (report, texts[i]));
  g_assert_cmpstr (fact (pw_report_get_block (report, 0), "Organization"), ==, texts[0]);
  g_assert_cmpstr (fact (pw_report_get_block (report, 0), "Round"), ==, texts[1]);

  /* Every text of every block is valid UTF-8 */
  for (guint i = 0; i < pw_report_get_n_blocks (report); i++)
    {
      const PwReportBlock *block = pw_report_get_block (report, i);

      g_assert_true (block->text == NULL || g_utf8_validate (block->text, -1, NULL));
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          char **row = g_ptr_array_index (block->rows, r);

          for (guint c = 0; row[c] != NULL; c++)
            g_assert_true (g_utf8_validate (row[c], -1, NULL));
        }
    }

  /* A team on the map: its picture, recorded */
  g_assert_nonnull (find_in_section (report, "Organization Map", PW_REPORT_BLOCK_MAP));
}

/* The next steps of each dimension's phase, each with its "done when";
 * the top phase has none */
static void
test_next_steps (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  const PwDimension *strategy = pw_framework_get_dimension (framework, 0);
  g_autoptr(PwReport) report = NULL;
  const PwReportBlock *table;
  g_autofree char *next = pw_result_text_phase (framework, 3);
  g_autofree char *caption = g_strdup_printf ("Next steps towards %s", next);
  int start;

  add_assessment (workbook, "2026-03-01", 2);
  report = build (workbook, NULL, NULL);
  start = find_section (report, "Next Steps");
  table = NULL;
  for (guint i = (guint) start; i < section_end (report, start) && table == NULL; i++)
    if (pw_report_get_block (report, i)->kind == PW_REPORT_BLOCK_TABLE)
      table = pw_report_get_block (report, i);
  g_assert_nonnull (table);
  g_assert_cmpstr (table->text, ==, caption);
  g_assert_cmpstr (table->columns[0], ==, "Step");
  g_assert_cmpstr (table->columns[1], ==, "Done when");
  g_assert_cmpuint (table->rows->len, ==, g_strv_length (strategy->next_steps[1]));
  for (guint i = 0; i < table->rows->len; i++)
    {
      char **row = g_ptr_array_index (table->rows, i);

      g_assert_cmpstr (row[0], ==, strategy->next_steps[1][i]);
      g_assert_cmpstr (row[1], ==, strategy->done_when[1] != NULL
                                   ? strategy->done_when[1][i] : "");
    }
  g_clear_object (&report);

  /* Phase 5 everywhere (every core item in place): nothing further */
  {
    PwAssessment *top = add_assessment (workbook, "2026-04-01", 5);
    g_autoptr(GPtrArray) missing = NULL;

    missing = pw_policy_get_missing_core (pw_workbook_get_policy (workbook), NULL);
    for (guint i = 0; i < missing->len; i++)
      pw_test_set_status (g_ptr_array_index (missing, i), PW_POLICY_IN_PLACE);
    report = build (workbook, NULL, pw_assessment_get_id (top));
    g_assert_true (has_text (report, "Highest phase reached"));
    g_assert_null (find_in_section (report, "Next Steps", PW_REPORT_BLOCK_TABLE));
  }
}

/* With the draft's compare-id, the comparison: the dimensions' deltas,
 * both radars, the questions that moved and the count of those that
 * stayed; and the radar of the profile against the compared one */
static void
test_comparison (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *before = add_assessment (workbook, "2025-03-01", 2);
  PwAssessment *after = add_assessment (workbook, "2026-03-01", 2);
  g_autoptr(PwReportDraft) draft = pw_report_draft_new ("report-1");
  g_autoptr(PwComparison) comparison = NULL;
  const PwQuestion *moved = first_question (workbook, 0);
  const PwQuestion *unsure = first_question (workbook, 1);
  g_autoptr(PwReport) report = NULL;
  const PwReportBlock *block;
  int start;
  guint n_tables = 0;
  gboolean found_moved = FALSE;

  pw_answer_choose (pw_assessment_ensure_answer (after, moved->id), 4);
  pw_answer_set_kind (pw_assessment_ensure_answer (after, unsure->id), PW_ANSWER_DONT_KNOW);

  /* Without a compare-id, no comparison */
  report = build (workbook, draft, NULL);
  g_assert_cmpint (find_section (report, "Comparison"), ==, -1);
  g_clear_object (&report);

  pw_report_draft_set_compare_id (draft, pw_assessment_get_id (before));
  report = build (workbook, draft, pw_assessment_get_id (after));
  comparison = pw_comparison_new (workbook, before, after);
  start = find_section (report, "Comparison");
  g_assert_cmpint (start, >, find_section (report, "Next Steps"));
  g_assert_cmpint (start, <, find_section (report, "History"));

  for (guint i = (guint) start; i < section_end (report, start); i++)
    {
      block = pw_report_get_block (report, i);
      if (block->kind != PW_REPORT_BLOCK_TABLE)
        continue;
      n_tables++;
      if (n_tables == 1)
        {
          /* The deltas: the overall, then every dimension */
          g_assert_cmpuint (block->rows->len, ==,
                            1 + pw_framework_get_n_dimensions (framework));
          g_assert_nonnull (find_row (block, "Overall"));
        }
      else if (n_tables == 2)
        {
          char **row = find_row (block, moved->text);

          g_assert_cmpstr (block->columns[0], ==, "Question");
          g_assert_cmpstr (block->columns[1], ==, "Before");
          g_assert_cmpstr (block->columns[2], ==, "After");
          g_assert_cmpuint (block->rows->len, ==,
                            pw_comparison_count (comparison, PW_COMPARISON_UP)
                            + pw_comparison_count (comparison, PW_COMPARISON_DOWN)
                            + pw_comparison_count (comparison, PW_COMPARISON_CHANGED));
          g_assert_cmpuint (block->rows->len, ==, 2);
          g_assert_nonnull (row);
          g_assert_nonnull (find_row (block, unsure->text));
          found_moved = TRUE;
        }
    }
  g_assert_true (found_moved);

  block = find_in_section (report, "Comparison", PW_REPORT_BLOCK_RADAR);
  g_assert_nonnull (block);
  g_assert_nonnull (block->previous);
  {
    g_autofree char *stayed = NULL;
    guint n_same = pw_comparison_count (comparison, PW_COMPARISON_SAME);

    stayed = g_strdup_printf (n_same == 1 ? "%u question kept the same answer."
                                          : "%u questions kept the same answer.", n_same);
    g_assert_true (has_text (report, stayed));
  }

  /* The profile's radar against the assessment compared with */
  block = find_in_section (report, "Maturity Profile", PW_REPORT_BLOCK_RADAR);
  g_assert_nonnull (block->previous);
  g_assert_true (isnan (block->previous[0]) || block->previous[0] <= 2.0);
  g_clear_object (&report);

  /* Compared with itself: nothing to compare */
  pw_report_draft_set_compare_id (draft, pw_assessment_get_id (after));
  report = build (workbook, draft, pw_assessment_get_id (after));
  g_assert_cmpint (find_section (report, "Comparison"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/report/example-sections", test_example_sections);
  g_test_add_func ("/phasewise/report/example-answers", test_example_answers);
  g_test_add_func ("/phasewise/report/defaults", test_defaults);
  g_test_add_func ("/phasewise/report/copies", test_copies);
  g_test_add_func ("/phasewise/report/empty-summary", test_empty_summary);
  g_test_add_func ("/phasewise/report/errors", test_errors);
  g_test_add_func ("/phasewise/report/answer-kinds", test_answer_kinds);
  g_test_add_func ("/phasewise/report/preliminary", test_preliminary);
  g_test_add_func ("/phasewise/report/caps", test_caps);
  g_test_add_func ("/phasewise/report/omitted-sections", test_omitted_sections);
  g_test_add_func ("/phasewise/report/policy-as-of", test_policy_as_of);
  g_test_add_func ("/phasewise/report/unicode", test_unicode);
  g_test_add_func ("/phasewise/report/next-steps", test_next_steps);
  g_test_add_func ("/phasewise/report/comparison", test_comparison);

  return g_test_run ();
}
