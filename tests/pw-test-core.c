/* pw-test-core.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-test-core"

#include "config.h"

#include "pw-test-core.h"

/**
 * pw_test_load_workbook:
 * @path: a workbook that must load
 *
 * Returns: (transfer full): the workbook of @path, unmodified
 */
PwWorkbook *
pw_test_load_workbook (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PwWorkbook *workbook;

  workbook = pw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  g_assert_false (pw_workbook_get_modified (workbook));

  return workbook;
}

/**
 * pw_test_load_example:
 *
 * Returns: (transfer full): the bundled example workbook
 */
PwWorkbook *
pw_test_load_example (void)
{
  g_autofree char *path = pw_test_example_path ();

  return pw_test_load_workbook (path);
}

/**
 * pw_test_get_session:
 *
 * Returns: (transfer none): the one session of the test program's
 *   documents, which keeps no drafts (autosave off); it lives as long as
 *   the program
 */
PwSession *
pw_test_get_session (void)
{
  static PwSession *session;

  if (session == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (PW_SETTINGS_SCHEMA);

      g_settings_set_boolean (settings, "autosave", FALSE);
      session = pw_session_new (settings, NULL);
    }

  return session;
}

/**
 * pw_test_set_status:
 *
 * Changes the status of @item as of 1 January 2000, before the date of
 * every assessment the tests make, with a reason when it does not apply.
 */
void
pw_test_set_status (PwPolicyItem   *item,
                    PwPolicyStatus  status)
{
  g_autoptr(GError) error = NULL;

  pw_policy_item_change_status (item, status,
                                status == PW_POLICY_NOT_APPLICABLE ? "Does not apply here" : NULL,
                                "2000-01-01", NULL, &error);
  g_assert_no_error (error);
}

/**
 * pw_test_read_csv:
 * @path: a CSV file
 *
 * Reads @path with Python's csv module (strict, UTF-8 with or without a
 * byte order mark), the program $PW_PYTHON3.
 *
 * Returns: (transfer container) (element-type JsonNode): one JSON array of
 *   strings per record
 */
GPtrArray *
pw_test_read_csv (const char *path)
{
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
    "    for row in csv.reader(f, strict=True):\n"
    "        print(json.dumps(row))\n";
  const char *argv[] = { g_getenv ("PW_PYTHON3"), "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      JsonNode *row = json_from_string (lines[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/**
 * pw_test_csv_cell:
 *
 * Returns: the cell at @column of record @row of what pw_test_read_csv()
 *   read, a record of the 10 columns of the policy checklist's export
 */
const char *
pw_test_csv_cell (GPtrArray *rows,
                  guint      row,
                  guint      column)
{
  JsonArray *array = json_node_get_array (g_ptr_array_index (rows, row));

  g_assert_cmpuint (json_array_get_length (array), ==, 10);
  return json_array_get_string_element (array, column);
}

/**
 * pw_test_new_workbook:
 *
 * Returns: (transfer full): a new, empty workbook of the bundled framework
 */
PwWorkbook *
pw_test_new_workbook (void)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);

  return pw_workbook_new (framework);
}

/**
 * pw_test_migrate_fixture:
 * @name: a workbook in tests/fixtures, "larkspur-1.0.phasewise"
 *
 * Returns: (transfer full): the migration of that workbook to the bundled
 *   framework; pw_migration_get_result() is the migrated workbook
 */
PwMigration *
pw_test_migrate_fixture (const char *name)
{
  g_autofree char *path = pw_test_source_path ("tests", "fixtures", name, NULL);
  g_autoptr(PwWorkbook) workbook = pw_test_load_workbook (path);
  g_autoptr(PwFramework) target = NULL;
  g_autoptr(GError) error = NULL;
  PwMigration *migration;

  target = pw_framework_load_bundled (&error);
  g_assert_no_error (error);
  migration = pw_migration_new (workbook, target, &error);
  g_assert_no_error (error);

  return migration;
}

/* ------------------------------------------------------------------------
 * A workbook with every field set (pw_test_build_complete_workbook())
 */

/* What every user-entered text holds besides its own words: markup, an
 * attribute breaking out of its quotes, a script URL and a spreadsheet
 * formula, then letters beyond ASCII and right-to-left text. */
#define HOSTILE "<script>alert(1)</script> \" onmouseover=\"alert(1) javascript:alert(1) " \
                "=HYPERLINK(\"http://x\",\"y\")"
#define UNICODE "Grüße, naïve Ελληνικά — שלום עולם"

typedef struct
{
  JsonBuilder *builder;
  GPtrArray   *texts;  /* of char *: the texts of expect_line() */
} Expected;

/* Records a text that the report shows: @text as it was entered, @expect
 * the fragments every rendering must show (the text itself when %NULL;
 * when given, @text is the facilitator's Markdown), and for an answer's
 * note or evidence its question and CSV column. */
static const char *
expect (Expected           *expected,
        const char         *field,
        const char         *text,
        const char * const *fragments,
        const char         *question_id,
        const char         *csv_column)
{
  JsonBuilder *b = expected->builder;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "field");
  json_builder_add_string_value (b, field);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, text);
  json_builder_set_member_name (b, "expect");
  json_builder_begin_array (b);
  if (fragments == NULL)
    json_builder_add_string_value (b, text);
  for (guint i = 0; fragments != NULL && fragments[i] != NULL; i++)
    json_builder_add_string_value (b, fragments[i]);
  json_builder_end_array (b);
  if (fragments != NULL)
    {
      json_builder_set_member_name (b, "markdown");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (question_id != NULL)
    {
      json_builder_set_member_name (b, "question_id");
      json_builder_add_string_value (b, question_id);
      json_builder_set_member_name (b, "csv_column");
      json_builder_add_string_value (b, csv_column);
    }
  json_builder_end_object (b);

  return text;
}

/* A one-line text of @field, "Field-name <script>… Grüße…", or with
 * @formula_first starting with the formula, as a spreadsheet would run it */
static char *
hostile_text (const char *field,
              gboolean    formula_first)
{
  if (formula_first)
    return g_strdup_printf ("=HYPERLINK(\"http://x\",\"y\") %s <script>alert(1)</script> "
                            "\" onmouseover=\"alert(1) javascript:alert(1) " UNICODE, field);

  return g_strdup_printf ("%s " HOSTILE " " UNICODE, field);
}

/* A one-line text of @field that the report shows */
static const char *
expect_line (Expected   *e,
             const char *field)
{
  char *text = hostile_text (field, FALSE);

  g_ptr_array_add (e->texts, text);
  return expect (e, field, text, NULL, NULL, NULL);
}

static void
set_answer (Expected     *e,
            PwAssessment *assessment,
            const char   *question_id,
            PwAnswerKind  kind,
            int           phase,
            const char   *tag,
            const char   *first)
{
  PwAnswer *answer = pw_assessment_ensure_answer (assessment, question_id);
  g_autofree char *note_field = g_strdup_printf ("Note-%s", tag);
  g_autofree char *evidence_field = g_strdup_printf ("Evidence-%s", tag);
  g_autofree char *note = NULL;
  g_autofree char *evidence = NULL;

  if (kind == PW_ANSWER_OPTION)
    pw_answer_choose (answer, phase);
  else
    pw_answer_set_kind (answer, kind);

  /* A note of two lines that starts with a formula; evidence that starts
   * with another character a spreadsheet reads as one */
  note = g_strdup_printf ("%s%s\nsecond line of the note: " HOSTILE " " UNICODE,
                          first, note_field);
  evidence = g_strdup_printf ("%s%s " HOSTILE " " UNICODE, first[0] == '=' ? "@" : "-",
                              evidence_field);
  pw_answer_set_note (answer, note);
  pw_answer_set_evidence (answer, evidence);
  expect (e, note_field, note, NULL, question_id, "Note");
  expect (e, evidence_field, evidence, NULL, question_id, "Evidence");
}

/* The facilitator's Markdown: emphasis, a code span and a raw HTML block
 * that hold the script, a link to a script URL.  What must show: the words,
 * the code as written, the formula and the right-to-left text. */
static void
markdown_text (Expected   *e,
               const char *field,
               char      **text)
{
  g_autofree char *emphasis = g_strdup_printf ("%s in bold", field);
  g_autofree char *code = g_strdup ("<script>alert(1)</script>");
  g_autofree char *quote = g_strdup ("She said \" onmouseover=\"alert(1) there");
  const char *fragments[] = { field, emphasis, code, quote, "a link", "שלום עולם",
                              "Grüße, naïve Ελληνικά", "=HYPERLINK(\"http://x\",\"y\")", NULL };

  *text = g_strdup_printf ("%s: **%s** and _emphasis_, `%s`.\n\n"
                           "%s, [a link](javascript:alert(1)) and "
                           "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">raw</a>.\n\n"
                           "<script>alert(1)</script>\n\n"
                           "- " UNICODE "\n"
                           "- =HYPERLINK(\"http://x\",\"y\")\n",
                           field, emphasis, code, quote);
  expect (e, field, *text, fragments, NULL, NULL);
}

/**
 * pw_test_build_complete_workbook:
 * @expected: (out): what the report of assessment
 *   %PW_TEST_COMPLETE_ASSESSMENT must show, as JSON: `{"values": [{"field",
 *   "text", "expect": [fragments], "markdown", "question_id",
 *   "csv_column"}]}`: "markdown" is true for the facilitator's Markdown,
 *   the last two are there for an answer's note and evidence
 *
 * Builds a workbook with every field a user fills in set, each to a text
 * of its own that holds hostile strings (markup, an attribute breaking
 * out, a script URL, a formula), letters beyond ASCII and right-to-left
 * text: the organization, a hub and a spoke, two rounds of the spoke, the
 * second with an answer of every kind (an option, "don't know", "not
 * applicable", a note on a question left unanswered) and a retired answer,
 * the policy checklist with framework and custom items in a custom
 * category, and a report draft on the second round with its title, the
 * executive summary and every dimension's commentary in Markdown.
 *
 * Returns: (transfer full): the workbook
 */
PwWorkbook *
pw_test_build_complete_workbook (JsonNode **expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  Expected e = { builder, texts };
  PwWorkbook *workbook;
  PwPolicy *policy;
  g_autoptr(PwTeam) hub = NULL;
  g_autoptr(PwTeam) spoke = NULL;
  g_autoptr(PwAssessment) before = pw_assessment_new ("complete-2025");
  g_autoptr(PwAssessment) assessment = pw_assessment_new (PW_TEST_COMPLETE_ASSESSMENT);
  g_autoptr(PwReportDraft) draft = pw_report_draft_new ("complete-report");
  g_autoptr(PwCustomCategory) category = NULL;
  g_autoptr(PwPolicyItem) custom = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *summary = NULL;
  const char *channels[] = { "Mastodon <script>alert(1)</script>", "שלום", NULL };

  g_assert_no_error (error);
  workbook = pw_workbook_new (framework);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);

  /* The organization and its teams; only what the report shows is expected */
  pw_workbook_set_name (workbook, expect_line (&e, "Organization-name"));
  pw_workbook_set_industry (workbook, "Industry " HOSTILE);
  pw_workbook_set_size (workbook, "Size " HOSTILE);
  pw_workbook_set_region (workbook, "Region " HOSTILE);

  hub = pw_team_new ("hub", PW_TEAM_HUB, expect_line (&e, "Hub-name"));
  pw_team_set_function (hub, expect_line (&e, "Hub-function"));
  spoke = pw_team_new ("spoke", PW_TEAM_SPOKE, expect_line (&e, "Spoke-name"));
  pw_team_set_function (spoke, expect_line (&e, "Spoke-function"));
  for (PwTeam **team = (PwTeam *[]) { hub, spoke, NULL }; *team != NULL; team++)
    {
      pw_team_set_region (*team, "Team region " HOSTILE);
      pw_team_set_notes (*team, "Team notes " HOSTILE "\n" UNICODE);
      pw_team_set_channels (*team, channels);
      pw_team_set_headcount (*team, 12);
      pw_team_set_smes (*team, 3);
    }
  pw_team_set_x (spoke, 300);
  pw_org_map_add_team (pw_workbook_get_org_map (workbook), hub);
  pw_org_map_add_team (pw_workbook_get_org_map (workbook), spoke);
  pw_org_map_link_teams (pw_workbook_get_org_map (workbook), "hub", "spoke");

  /* Two rounds of the spoke; the first answers every question */
  pw_assessment_set_team_id (before, "spoke");
  pw_assessment_set_date (before, "2025-06-02");
  pw_assessment_set_round (before, "Round before " HOSTILE);
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          pw_answer_choose (pw_assessment_ensure_answer (before, question->id), 1 + (d + q) % 4);
        }
    }
  pw_workbook_add_assessment (workbook, before);

  pw_assessment_set_team_id (assessment, "spoke");
  pw_assessment_set_date (assessment, "2026-06-01");
  pw_assessment_set_round (assessment, expect_line (&e, "Round-name"));
  pw_assessment_set_facilitator (assessment, expect_line (&e, "Facilitator-name"));
  pw_assessment_set_participants (assessment, 7);
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
          g_autofree char *tag = g_strdup_printf ("%s", question->id);

          /* In every dimension: an option, "don't know", "not applicable"
           * and a question left unanswered with a note; the rest options */
          switch (q)
            {
            case 0:
              set_answer (&e, assessment, question->id, PW_ANSWER_OPTION, 3, tag, "=");
              break;
            case 1:
              set_answer (&e, assessment, question->id, PW_ANSWER_DONT_KNOW, 0, tag, "+");
              break;
            case 2:
              set_answer (&e, assessment, question->id, PW_ANSWER_NOT_APPLICABLE, 0, tag, "@");
              break;
            case 3:
              set_answer (&e, assessment, question->id, PW_ANSWER_NONE, 0, tag, "-");
              break;
            default:
              pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id),
                                1 + (d + q) % 5);
              break;
            }
        }
    }

  {
    g_autoptr(PwAnswer) answer = pw_answer_new ("retired-question");
    g_autofree char *question = hostile_text ("Retired-question", FALSE);
    g_autofree char *option = hostile_text ("Retired-option", FALSE);
    g_autofree char *note = hostile_text ("Note-retired", TRUE);
    g_autofree char *evidence = hostile_text ("Evidence-retired", TRUE);

    pw_answer_choose (answer, 2);
    pw_answer_set_note (answer, note);
    pw_answer_set_evidence (answer, evidence);
    expect (&e, "Retired-question", question, NULL, NULL, NULL);
    expect (&e, "Retired-option", option, NULL, NULL, NULL);
    expect (&e, "Note-retired", note, NULL, "retired-question", "Note");
    expect (&e, "Evidence-retired", evidence, NULL, "retired-question", "Evidence");
    pw_assessment_add_retired_answer (assessment,
                                      pw_retired_answer_new ("retired-question", "1.0.0",
                                                             question, option, answer));
  }
  pw_workbook_add_assessment (workbook, assessment);

  /* The checklist: every framework item with an owner, a note and a link,
   * one of each status; a custom item in a custom category */
  policy = pw_workbook_get_policy (workbook);
  category = pw_custom_category_new ("custom-category", expect_line (&e, "Custom-category"));
  pw_policy_add_custom_category (policy, category);
  custom = pw_policy_item_new ("custom-item", TRUE);
  pw_policy_item_set_category (custom, "custom-category");
  pw_policy_item_set_title (custom, expect_line (&e, "Custom-item"));
  pw_policy_item_set_description (custom, "Custom description " HOSTILE);
  pw_policy_add_custom_item (policy, custom);

  items = pw_policy_get_ordered_items (policy);
  for (guint i = 0; i < items->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (items, i);
      const char *id = pw_policy_item_get_id (item);
      g_autofree char *owner = g_strdup_printf ("Owner-%s", id);
      g_autofree char *note = g_strdup_printf ("Policy-note-%s", id);

      pw_policy_item_set_owner (item, expect_line (&e, owner));
      pw_policy_item_set_note (item, expect_line (&e, note));
      pw_policy_item_set_link (item, i % 2 ? "javascript:alert(1)"
                                           : "https://example.org/policy?a=1&b=\"2\"<x>");
      pw_policy_item_set_review_date (item, "2026-09-30");
      pw_test_set_status (item, (PwPolicyStatus) (i % 4));
    }
  expect (&e, "Policy-link-script", "javascript:alert(1)", NULL, NULL, NULL);
  expect (&e, "Policy-link", "https://example.org/policy?a=1&b=\"2\"<x>", NULL, NULL, NULL);

  /* The report draft on the second round */
  pw_report_draft_set_assessment_id (draft, PW_TEST_COMPLETE_ASSESSMENT);
  pw_report_draft_set_title (draft, expect_line (&e, "Report-title"));
  markdown_text (&e, "Summary-text", &summary);
  pw_report_draft_set_summary (draft, summary);
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);
      g_autofree char *field = g_strdup_printf ("Commentary-%s", dimension->id);
      g_autofree char *text = NULL;

      markdown_text (&e, field, &text);
      pw_report_draft_set_commentary (draft, dimension->id, text);
    }
  pw_workbook_add_report (workbook, draft);

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  *expected = json_builder_get_root (builder);

  return workbook;
}
