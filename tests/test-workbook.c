/* test-workbook.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-workbook"

#include "config.h"

#include <string.h>

#include "pw-json-reader.h"
#include "pw-test-core.h"
#include "pw-utils-private.h"

static PwWorkbook *
load_source (const char *dir,
             const char *name)
{
  g_autofree char *path = pw_test_source_path (dir, name, NULL);

  return pw_test_load_workbook (path);
}

/* Load then serialize gives back the very same bytes. */
static void
assert_round_trip (const char *dir,
                   const char *name)
{
  g_autofree char *path = pw_test_source_path (dir, name, NULL);
  g_autoptr(GBytes) original = pw_test_read_bytes (path);
  g_autoptr(PwWorkbook) workbook = load_source (dir, name);
  g_autoptr(GBytes) saved = pw_workbook_serialize (workbook);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  if (!g_bytes_equal (original, saved))
    {
      g_autofree char *out = g_build_filename (g_get_tmp_dir (), name, NULL);

      g_file_set_contents (out, g_bytes_get_data (saved, NULL), (gssize) g_bytes_get_size (saved),
                           NULL);
      g_error ("%s changed on a round trip; the result is in %s", path, out);
    }

  again = pw_workbook_load_from_bytes (saved, &error);
  g_assert_no_error (error);
  saved_again = pw_workbook_serialize (again);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

static void
test_round_trip_example (void)
{
  assert_round_trip ("data/examples", "larkspur.phasewise");
}

static void
test_round_trip_maximal (void)
{
  assert_round_trip ("tests/fixtures", "maximal.phasewise");
}

static JsonNode *
parse (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = pw_json_parse_bytes (bytes, &error);

  g_assert_no_error (error);

  return node;
}

static JsonNode *
lookup (JsonNode   *root,
        const char *expression)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = json_path_query (expression, root, &error);
  JsonArray *matches;

  g_assert_no_error (error);
  matches = json_node_get_array (result);
  if (json_array_get_length (matches) != 1)
    g_error ("%s matched %u nodes", expression, json_array_get_length (matches));

  return json_node_copy (json_array_get_element (matches, 0));
}

/* Members from a newer version survive a load and save at every level,
 * also after the workbook was edited. */
static void
test_unknown_members_survive (void)
{
  static const struct {
    const char *path;
    const char *value;
  } expected[] = {
    { "$.organization.x_legal_entity", "Larkspur GmbH" },
    { "$.org_map.x_layout.algorithm", "radial" },
    { "$.org_map.teams[0].x_color", "#3584e4" },
    { "$.policy.items.scope-purpose.x_approved_by", "Executive board" },
    { "$.policy.custom_items[0].x_origin", "Workshop 2026" },
    { "$.policy.x_reviewed", "2026-10-01" },
    { "$.assessments[1].x_location", "Room 4.12" },
    { "$.reports[0].x_template", "board" },
    { "$.x_future.note", "members from a newer version" },
    { "$.framework.x_publisher", "Phasewise" },
    { "$.framework.dimensions[0].x_icon", "strategy-symbolic" },
  };
  g_autoptr(PwWorkbook) workbook = load_source ("tests/fixtures", "maximal.phasewise");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) votes = NULL;
  g_autoptr(JsonNode) strength = NULL;
  PwAssessment *assessment;

  /* Edit the objects that carry unknown members. */
  pw_workbook_set_name (workbook, "Larkspur Group");
  assessment = pw_workbook_find_assessment (workbook, "assessment-2");
  pw_answer_set_note (pw_assessment_ensure_answer (assessment, "strategy-2"), "Edited");
  pw_team_set_name (pw_org_map_find_team (pw_workbook_get_org_map (workbook), "hub"), "Hub");

  saved = pw_workbook_serialize (workbook);
  root = parse (saved);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(JsonNode) node = lookup (root, expected[i].path);

      g_assert_cmpstr (json_node_get_string (node), ==, expected[i].value);
    }

  votes = lookup (root, "$.assessments[1].answers.strategy-2.x_votes");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (votes)), ==, 5);
  strength = lookup (root, "$.org_map.links[0].x_strength");
  g_assert_cmpint (json_node_get_int (strength), ==, 3);
}

/* The example is what the brief asks for: a hub with six spokes, two
 * rounds of the whole organization a year apart, notes, evidence and a
 * partly filled checklist. */
static void
test_example_content (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("data/examples", "larkspur.phasewise");
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  GListModel *assessments = pw_workbook_get_assessments (workbook);
  PwAssessment *first = pw_workbook_find_assessment (workbook, "assessment-1");
  PwAssessment *second = pw_workbook_find_assessment (workbook, "assessment-2");
  g_autoptr(PwAssessment) last = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (2, 12, 2026);
  guint in_place = 0, total = 0, stale = 0;

  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (map)), ==, 7);
  g_assert_cmpint (pw_org_map_detect_model (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);

  /* Three teams assessed once, one of them more than a year ago; the
   * whole organization twice, the latest last in the list (what the
   * window shows first) */
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 5);
  last = g_list_model_get_item (assessments, 4);
  g_assert_true (last == second);
  g_assert_true (pw_workbook_find_latest_assessment (workbook, NULL) == second);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PwAssessment) team_round = g_list_model_get_item (assessments, i);

      g_assert_nonnull (pw_assessment_get_team_id (team_round));
      g_assert_true (pw_workbook_find_latest_assessment (workbook,
                                                         pw_assessment_get_team_id (team_round))
                     == team_round);
      stale += pw_assessment_is_stale (team_round, today);
    }
  g_assert_cmpuint (stale, ==, 1);
  g_assert_true (pw_assessment_same_scope (first, second));
  g_assert_true (pw_workbook_get_previous_round (workbook, second) == first);
  g_assert_null (pw_workbook_get_previous_round (workbook, first));
  g_assert_cmpstr (pw_assessment_get_date (first), ==, "2025-10-14");
  g_assert_cmpstr (pw_assessment_get_date (second), ==, "2026-10-20");
  g_assert_nonnull (pw_answer_get_evidence (pw_assessment_lookup_answer (first, "strategy-1")));
  g_assert_nonnull (pw_answer_get_note (pw_assessment_lookup_answer (second, "organization-1")));

  pw_policy_count (pw_workbook_get_policy (workbook), NULL, NULL, &in_place, &total);
  g_assert_cmpuint (in_place, >, 0);
  g_assert_cmpuint (in_place, <, total);
}

static guint modified_notifications;

static void
modified_cb (PwWorkbook *workbook)
{
  modified_notifications++;
}

/* Every kind of edit marks the workbook modified. */
static void
test_edits_mark_modified (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("data/examples", "larkspur.phasewise");
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  g_autoptr(PwReportDraft) report = g_list_model_get_item (pw_workbook_get_reports (workbook), 0);
  PwAssessment *assessment = pw_workbook_find_assessment (workbook, "assessment-1");
  g_autoptr(PwTeam) team = NULL;
  guint64 generation;

#define EXPECT_MODIFIED(edit) \
  G_STMT_START { \
    pw_workbook_set_modified (workbook, FALSE); \
    generation = pw_workbook_get_generation (workbook); \
    edit; \
    g_assert_true (pw_workbook_get_modified (workbook)); \
    g_assert_cmpuint (pw_workbook_get_generation (workbook), >, generation); \
  } G_STMT_END

  g_signal_connect (workbook, "notify::modified", G_CALLBACK (modified_cb), NULL);
  modified_notifications = 0;

  EXPECT_MODIFIED (pw_workbook_set_industry (workbook, "Outdoor retail"));
  g_assert_cmpuint (modified_notifications, ==, 1);
  EXPECT_MODIFIED (pw_answer_choose (pw_assessment_ensure_answer (assessment, "tools-1"), 5));
  EXPECT_MODIFIED (pw_answer_set_evidence (pw_assessment_ensure_answer (assessment, "tools-1"),
                                           "Invoice"));
  EXPECT_MODIFIED (pw_assessment_set_participants (assessment, 20));
  EXPECT_MODIFIED (pw_team_set_headcount (pw_org_map_find_team (map, "pr"), 3));
  EXPECT_MODIFIED (pw_org_map_unlink_teams (map, "hub", "pr"));
  EXPECT_MODIFIED (pw_org_map_link_teams (map, "hub", "pr"));
  team = pw_team_new ("legal", PW_TEAM_SPOKE, "Legal");
  EXPECT_MODIFIED (pw_org_map_add_team (map, team));
  EXPECT_MODIFIED (pw_org_map_remove_team (map, team));
  EXPECT_MODIFIED (pw_test_set_status (pw_policy_find_item (policy, "crisis-plan"),
                                              PW_POLICY_IN_PLACE));
  EXPECT_MODIFIED (pw_report_draft_set_commentary (report, "tools", "Consolidate the tools."));
  EXPECT_MODIFIED (pw_workbook_start_assessment (workbook, "care"));

  /* Setting a value to what it is already is not an edit. */
  pw_workbook_set_modified (workbook, FALSE);
  pw_workbook_set_industry (workbook, "Outdoor retail");
  pw_team_set_headcount (pw_org_map_find_team (map, "pr"), 3);
  g_assert_false (pw_workbook_get_modified (workbook));

#undef EXPECT_MODIFIED
}

static void
test_rounds (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("data/examples", "larkspur.phasewise");
  PwAssessment *third = pw_workbook_start_assessment (workbook, NULL);
  PwAssessment *pr_round = pw_workbook_start_assessment (workbook, "pr");
  g_autofree char *scope = pw_workbook_describe_scope (workbook, pr_round);
  g_autofree char *whole = pw_workbook_describe_scope (workbook, third);

  g_assert_cmpstr (pw_assessment_get_round (third), ==, "Round 3");
  g_assert_cmpstr (pw_assessment_get_round (pr_round), ==, "Round 1");
  g_assert_cmpstr (pw_assessment_get_id (third), ==, "assessment-6");
  g_assert_cmpuint (pw_assessment_get_n_answers (third), ==, 0);
  g_assert_true (pw_workbook_get_previous_round (workbook, third)
                 == pw_workbook_find_assessment (workbook, "assessment-2"));
  g_assert_null (pw_workbook_get_previous_round (workbook, pr_round));
  g_assert_cmpstr (scope, ==, "Press & Public Relations");
  g_assert_cmpstr (whole, ==, "Whole organization");
  g_assert_true (pw_is_valid_date (pw_assessment_get_date (third)));

  /* The default label follows the scope. */
  pw_assessment_set_team_id (pr_round, NULL);
  {
    g_autofree char *label = pw_workbook_default_round_label (workbook, pr_round);

    g_assert_cmpstr (label, ==, "Round 4");
  }
}

/* A one-line text the model holds is one a file may hold: control
 * characters and line separators typed or pasted become spaces, so that a
 * workbook Phasewise writes opens again (issue 8). */
static void
test_one_line_texts (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("data/examples", "larkspur.phasewise");
  PwTeam *team = pw_org_map_find_team (pw_workbook_get_org_map (workbook), "care");
  g_autoptr(PwAssessment) assessment = pw_assessment_new ("typed");
  const char *channels[] = { "Tik\tTok", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;

  pw_workbook_set_name (workbook, "Lark\nspur\x1b[2J\xc2\x9b\u2028!");
  g_assert_cmpstr (pw_workbook_get_name (workbook), ==, "Lark spur [2J  !");
  pw_team_set_name (team, "Care\r\n");
  g_assert_cmpstr (pw_team_get_name (team), ==, "Care  ");
  pw_team_set_channels (team, channels);
  pw_assessment_set_date (assessment, "2026-01-01");
  pw_assessment_set_round (assessment, "Round\x7f 2");
  g_assert_cmpstr (pw_assessment_get_round (assessment), ==, "Round  2");
  pw_workbook_add_assessment (workbook, assessment);

  bytes = pw_workbook_serialize (workbook);
  loaded = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_workbook_get_name (loaded), ==, "Lark spur [2J  !");
  g_assert_cmpstr (pw_team_get_channels (pw_org_map_find_team (pw_workbook_get_org_map (loaded),
                                                               "care"))[0], ==, "Tik Tok");
}

static PwWorkbook *
load_edited_example (const char *find,
                     const char *replacement)
{
  g_autofree char *path = pw_test_example_path ();
  g_autoptr(GBytes) example = pw_test_read_bytes (path);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (example, NULL),
                                              (gssize) g_bytes_get_size (example));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PwWorkbook *workbook;

  g_assert_cmpuint (g_string_replace (text, find, replacement, 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  workbook = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return workbook;
}

/* A snapshot that names the bundled framework but is not it is marked, and
 * the summary says so (issue 8); one with a version of its own is a
 * framework of its own. */
static void
test_framework_differs_from_bundled (void)
{
  g_autoptr(PwWorkbook) example = load_source ("data/examples", "larkspur.phasewise");
  g_autoptr(PwWorkbook) no_core = NULL;
  g_autoptr(PwWorkbook) own_version = NULL;
  g_autofree char *text = NULL;
  g_autofree char *example_text = NULL;

  g_assert_false (pw_framework_differs_from_bundled (pw_workbook_get_framework (example)));
  example_text = pw_summary_to_text (example);
  g_assert_null (strstr (example_text, "Changed:"));

  no_core = load_edited_example ("\"core\" : true", "\"core\" : false");
  g_assert_true (pw_framework_differs_from_bundled (pw_workbook_get_framework (no_core)));
  text = pw_summary_to_text (no_core);
  g_assert_nonnull (strstr (text, "Framework: Social media maturity (#lostinsm) 2.0.0\n"
                                  "  Changed: this is not the framework of that name and "
                                  "version that comes with Phasewise"));

  own_version = load_edited_example ("\"version\" : \"2.0.0\"", "\"version\" : \"2.0.1\"");
  g_assert_false (pw_framework_differs_from_bundled (pw_workbook_get_framework (own_version)));
}

static PwAssessment *
add_dated (PwWorkbook *workbook,
           const char *id,
           const char *team_id,
           const char *date)
{
  g_autoptr(PwAssessment) assessment = pw_assessment_new (id);

  pw_assessment_set_team_id (assessment, team_id);
  pw_assessment_set_date (assessment, date);
  pw_workbook_add_assessment (workbook, assessment);

  return assessment;
}

/* The previous round follows the dates, whatever the order of the list
 * (issue 8): a file with its rounds out of order compares each with the
 * one before it in time.  On one date, the list's order decides. */
static void
test_previous_round_by_date (void)
{
  g_autoptr(PwWorkbook) built = load_source ("data/examples", "larkspur.phasewise");
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *assessments = pw_workbook_get_assessments (built);
  PwAssessment *latest, *earliest, *middle, *same_day, *team;

  while (g_list_model_get_n_items (assessments) > 0)
    {
      g_autoptr(PwAssessment) first = g_list_model_get_item (assessments, 0);

      pw_workbook_remove_assessment (built, first);
    }
  add_dated (built, "latest", NULL, "2026-10-20");
  add_dated (built, "earliest", NULL, "2025-10-14");
  add_dated (built, "middle", NULL, "2026-01-01");
  add_dated (built, "team", "care", "2025-12-01");
  add_dated (built, "same-day", NULL, "2026-01-01");

  /* As a file lists them. */
  bytes = pw_workbook_serialize (built);
  workbook = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);
  latest = pw_workbook_find_assessment (workbook, "latest");
  earliest = pw_workbook_find_assessment (workbook, "earliest");
  middle = pw_workbook_find_assessment (workbook, "middle");
  same_day = pw_workbook_find_assessment (workbook, "same-day");
  team = pw_workbook_find_assessment (workbook, "team");

  g_assert_true (pw_workbook_get_previous_round (workbook, latest) == same_day);
  g_assert_true (pw_workbook_get_previous_round (workbook, same_day) == middle);
  g_assert_true (pw_workbook_get_previous_round (workbook, middle) == earliest);
  g_assert_null (pw_workbook_get_previous_round (workbook, earliest));
  g_assert_null (pw_workbook_get_previous_round (workbook, team));
}

/* The members docs/file-format.md's tables mark as required (no "?") are
 * those the reader requires, and the others it does not (issue 8): each is
 * removed from the example in turn.  Removing an optional member may break
 * a reference (no assessments, so a report's is unknown), but it is never
 * reported as missing. */
static void
test_doc_required_members (void)
{
  g_autofree char *doc_path = pw_test_source_path ("docs", "file-format.md", NULL);
  g_autoptr(GBytes) doc = pw_test_read_bytes (doc_path);
  g_autofree char *doc_text = g_strndup (g_bytes_get_data (doc, NULL), g_bytes_get_size (doc));
  g_auto(GStrv) lines = g_strsplit (doc_text, "\n", -1);
  g_autofree char *example_path = pw_test_example_path ();
  g_autoptr(GBytes) example = pw_test_read_bytes (example_path);
  const char *section = NULL;  /* the JSON path of the table's object, NULL: not a table of one */
  guint n_required = 0, n_optional = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonGenerator) generator = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PwWorkbook) workbook = NULL;
      g_autofree char *member = NULL;
      g_autofree char *place = NULL;
      g_autofree char *missing = NULL;
      JsonObject *object;
      const char *end;
      gboolean optional;
      char *data;
      gsize length;

      if (g_str_has_prefix (line, "### "))
        {
          section = g_str_equal (line, "### Root") ? "$"
                    : g_str_equal (line, "### `org_map`") ? "$.org_map"
                    : g_str_equal (line, "### `policy`") ? "$.policy"
                    : g_str_equal (line, "### `assessments[]`") ? "$.assessments[3]"
                    : NULL;
          continue;
        }
      if (section == NULL || !g_str_has_prefix (line, "| `"))
        continue;

      end = strchr (line + 3, '`');
      g_assert_nonnull (end);
      member = g_strndup (line + 3, (gsize) (end - line - 3));
      optional = end[1] == '?';

      root = parse (example);
      object = json_node_get_object (root);
      /* A round of the whole organization, which names no team */
      if (g_str_equal (section, "$.assessments[3]"))
        object = json_array_get_object_element (json_object_get_array_member (object,
                                                                              "assessments"), 3);
      else if (!g_str_equal (section, "$"))
        object = json_object_get_object_member (object, section + 2);

      if (!json_object_has_member (object, member))
        {
          if (!optional)
            g_test_fail_printf ("the example lacks %s.%s, documented as required", section,
                                member);
          continue;
        }
      json_object_remove_member (object, member);

      generator = json_generator_new ();
      json_generator_set_root (generator, root);
      data = json_generator_to_data (generator, &length);
      bytes = g_bytes_new_take (data, length);
      workbook = pw_workbook_load_from_bytes (bytes, &error);

      place = g_strconcat (section, ".", member, ": ", NULL);
      missing = g_strconcat (place, "Required member is missing", NULL);
      if (optional)
        {
          n_optional++;
          if (error != NULL && strstr (error->message, place) != NULL)
            g_test_fail_printf ("%s is documented as optional, but: %s", member, error->message);
        }
      else
        {
          n_required++;
          if (error == NULL || strstr (error->message, missing) == NULL)
            g_test_fail_printf ("%s is documented as required, but without it: %s", member,
                                error ? error->message : "(loaded)");
        }
    }

  g_assert_cmpuint (n_required, >=, 5);
  g_assert_cmpuint (n_optional, >=, 5);
}

/* Report drafts are found by id after every addition and removal. */
static void
test_find_report (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("data/examples", "larkspur.phasewise");
  g_autoptr(PwReportDraft) extra = pw_report_draft_new ("extra");

  g_assert_nonnull (pw_workbook_find_report (workbook, "report-1"));
  g_assert_null (pw_workbook_find_report (workbook, "extra"));
  g_assert_null (pw_workbook_find_report (workbook, NULL));

  pw_workbook_add_report (workbook, extra);
  g_assert_true (pw_workbook_find_report (workbook, "extra") == extra);
  pw_workbook_remove_report (workbook, extra);
  g_assert_null (pw_workbook_find_report (workbook, "extra"));
  g_assert_nonnull (pw_workbook_find_report (workbook, "report-1"));
}

#define MAX_ASSESSMENTS 10000  /* docs/file-format.md */
#define MAX_REPORTS     1000

/* The documented maximum of assessments and of reports opens, every one of
 * them in its place and found by id; one assessment more is refused.  (How
 * fast is for tests/bench/bench-workbook.c to say.) */
static void
test_many_assessments (void)
{
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (NULL);
  g_autoptr(PwWorkbook) workbook = pw_workbook_new (framework);
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(PwAssessment) one_more = pw_assessment_new ("one-more");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *assessments;

  for (guint i = 0; i < MAX_ASSESSMENTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("a-%u", i);
      g_autoptr(PwAssessment) assessment = pw_assessment_new (id);

      pw_assessment_set_date (assessment, "2026-01-01");
      pw_workbook_add_assessment (workbook, assessment);
    }
  for (guint i = 0; i < MAX_REPORTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("r-%u", i);
      g_autofree char *assessment = g_strdup_printf ("a-%u", i * 7);
      g_autoptr(PwReportDraft) report = pw_report_draft_new (id);

      pw_report_draft_set_assessment_id (report, assessment);
      pw_workbook_add_report (workbook, report);
    }

  bytes = pw_workbook_serialize (workbook);
  loaded = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  assessments = pw_workbook_get_assessments (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, MAX_ASSESSMENTS);
  for (guint i = 0; i < MAX_ASSESSMENTS; i += 997)
    {
      g_autofree char *id = g_strdup_printf ("a-%u", i);
      g_autoptr(PwAssessment) at = g_list_model_get_item (assessments, i);

      g_assert_true (pw_workbook_find_assessment (loaded, id) == at);
    }
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_reports (loaded)), ==, MAX_REPORTS);
  g_assert_cmpstr (pw_report_draft_get_assessment_id (pw_workbook_find_report (loaded, "r-999")),
                   ==, "a-6993");

  g_clear_object (&loaded);
  g_clear_pointer (&bytes, g_bytes_unref);
  pw_assessment_set_date (one_more, "2026-01-01");
  pw_workbook_add_assessment (workbook, one_more);
  bytes = pw_workbook_serialize (workbook);
  loaded = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_error (error, PW_ERROR, PW_ERROR_INVALID);
  g_assert_null (loaded);
  g_assert_nonnull (strstr (error->message, "$.assessments: More than 10000 entries"));
}

/* Assessments and policy items are found by id after every addition and
 * removal. */
static void
test_find_by_id (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("data/examples", "larkspur.phasewise");
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  g_autoptr(PwAssessment) extra = pw_assessment_new ("extra");
  g_autoptr(PwPolicyItem) custom = NULL;
  g_autofree char *custom_id = NULL;
  PwAssessment *started;

  g_assert_nonnull (pw_workbook_find_assessment (workbook, "assessment-1"));
  g_assert_null (pw_workbook_find_assessment (workbook, "extra"));
  g_assert_null (pw_workbook_find_assessment (workbook, NULL));

  pw_workbook_add_assessment (workbook, extra);
  g_assert_true (pw_workbook_find_assessment (workbook, "extra") == extra);
  started = pw_workbook_start_assessment (workbook, NULL);
  g_assert_true (pw_workbook_find_assessment (workbook, pw_assessment_get_id (started)) == started);
  pw_workbook_remove_assessment (workbook, extra);
  g_assert_null (pw_workbook_find_assessment (workbook, "extra"));
  g_assert_nonnull (pw_workbook_find_assessment (workbook, pw_assessment_get_id (started)));

  g_assert_nonnull (pw_policy_find_item (policy, "crisis-plan"));
  g_assert_null (pw_policy_find_item (policy, NULL));
  custom_id = pw_policy_new_custom_id (policy);
  g_assert_null (pw_policy_find_item (policy, custom_id));
  custom = pw_policy_item_new (custom_id, TRUE);
  pw_policy_item_set_title (custom, "Influencer contracts");
  pw_policy_add_custom_item (policy, custom);
  g_assert_true (pw_policy_find_item (policy, custom_id) == custom);
  {
    g_autofree char *next_id = pw_policy_new_custom_id (policy);

    g_assert_cmpstr (next_id, !=, custom_id);
  }
  pw_policy_remove_custom_item (policy, custom);
  g_assert_null (pw_policy_find_item (policy, custom_id));
}

static PwTeam *
add_team (PwOrgMap   *map,
          const char *id,
          PwTeamKind  kind,
          int         smes)
{
  g_autoptr(PwTeam) team = pw_team_new (id, kind, id);

  pw_team_set_smes (team, smes);
  pw_org_map_add_team (map, team);

  return team;
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

/* Links are objects in a list model: one per pair of teams, found in
 * either direction, and gone with either of their teams. */
static void
test_links (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  GListModel *links = pw_org_map_get_links (map);
  g_autoptr(PwLink) removed = NULL;
  PwLink *link;
  guint changed = 0, items_changed = 0;

  add_team (map, "hub", PW_TEAM_HUB, 0);
  add_team (map, "a", PW_TEAM_SPOKE, 0);
  add_team (map, "b", PW_TEAM_SPOKE, 0);
  g_signal_connect (map, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (links, "items-changed", G_CALLBACK (items_changed_cb), &items_changed);

  link = pw_org_map_link_teams (map, "hub", "a");
  g_assert_nonnull (link);
  g_assert_cmpstr (pw_link_get_from (link), ==, "hub");
  g_assert_cmpstr (pw_link_get_to (link), ==, "a");
  g_assert_true (pw_link_connects (link, "a"));
  g_assert_false (pw_link_connects (link, "b"));
  g_assert_true (pw_org_map_find_link (map, "a", "hub") == link);
  g_assert_true (pw_org_map_has_link (map, "hub", "a"));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (items_changed, ==, 1);

  /* The same pair again, in either direction, is no new link. */
  g_assert_null (pw_org_map_link_teams (map, "a", "hub"));
  {
    g_autoptr(PwLink) again = pw_link_new ("hub", "a");

    g_assert_false (pw_org_map_add_link (map, again));
  }
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_nonnull (pw_org_map_link_teams (map, "b", "hub"));
  g_assert_nonnull (pw_org_map_link_teams (map, "a", "b"));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 3);

  /* Removed and added back (as undo does), it is the same object, last. */
  removed = g_object_ref (link);
  g_assert_true (pw_org_map_remove_link (map, removed));
  g_assert_false (pw_org_map_remove_link (map, removed));
  g_assert_false (pw_org_map_has_link (map, "hub", "a"));
  g_assert_true (pw_org_map_add_link (map, removed));
  g_assert_true (pw_org_map_find_link (map, "hub", "a") == removed);
  {
    g_autoptr(PwLink) last = g_list_model_get_item (links, 2);

    g_assert_true (last == removed);
  }

  g_assert_true (pw_org_map_unlink_teams (map, "b", "a"));
  g_assert_false (pw_org_map_unlink_teams (map, "b", "a"));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);

  /* Removing a team removes its links, and only those, in one change. */
  changed = 0;
  pw_org_map_link_teams (map, "a", "b");
  pw_org_map_remove_team (map, pw_org_map_find_team (map, "a"));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  g_assert_false (pw_org_map_has_link (map, "hub", "a"));
  g_assert_false (pw_org_map_has_link (map, "a", "b"));
  g_assert_true (pw_org_map_has_link (map, "hub", "b"));
}

/* A link taken out and put back keeps the members a newer version wrote
 * for it, and the workbook saves it where it now is: last. */
static void
test_links_round_trip (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("tests/fixtures", "maximal.phasewise");
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  g_autoptr(PwLink) link = g_object_ref (pw_org_map_find_link (map, "care", "hub"));
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) strength = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pw_org_map_remove_link (map, link));
  g_assert_true (pw_workbook_get_modified (workbook));
  g_assert_true (pw_org_map_add_link (map, link));

  saved = pw_workbook_serialize (workbook);
  root = parse (saved);
  strength = lookup (root, "$.org_map.links[6].x_strength");
  g_assert_cmpint (json_node_get_int (strength), ==, 3);
  first = lookup (root, "$.org_map.links[0].to");
  g_assert_cmpstr (json_node_get_string (first), ==, "pr");

  loaded = pw_workbook_load_from_bytes (saved, &error);
  g_assert_no_error (error);
  map = pw_workbook_get_org_map (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_links (map)), ==, 7);
  saved_again = pw_workbook_serialize (loaded);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

/* A team's notes, any number of lines, come back from the file as written. */
static void
test_team_notes_round_trip (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("tests/fixtures", "maximal.phasewise");
  PwTeam *team = pw_org_map_find_team (pw_workbook_get_org_map (workbook), "care");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;

  pw_team_set_notes (team, "Two shifts.\nWeekend cover by the hub: “on call”.");
  g_assert_true (pw_workbook_get_modified (workbook));
  saved = pw_workbook_serialize (workbook);
  loaded = pw_workbook_load_from_bytes (saved, &error);
  g_assert_no_error (error);
  team = pw_org_map_find_team (pw_workbook_get_org_map (loaded), "care");
  g_assert_cmpstr (pw_team_get_notes (team), ==, "Two shifts.\nWeekend cover by the hub: “on call”.");

  pw_team_set_notes (team, NULL);
  g_assert_null (pw_team_get_notes (team));
}

/* "hide_phases" is written only when true, read back, absent on old files
 * (read as false), and refused with its place when it is no boolean. */
static void
test_hide_phases (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("data/examples", "larkspur.phasewise");
  PwAssessment *assessment = pw_workbook_find_assessment (workbook, "assessment-1");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) member = NULL;
  g_autoptr(JsonNode) id = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GError) error = NULL;

  /* Old files have no such member: false, and saving adds none */
  g_assert_false (pw_assessment_get_hide_phases (assessment));
  saved = pw_workbook_serialize (workbook);
  g_assert_null (strstr (g_bytes_get_data (saved, NULL), "hide_phases"));
  g_clear_pointer (&saved, g_bytes_unref);

  pw_assessment_set_hide_phases (assessment, TRUE);
  g_assert_true (pw_assessment_get_hide_phases (assessment));
  g_assert_true (pw_workbook_get_modified (workbook));
  saved = pw_workbook_serialize (workbook);
  root = parse (saved);
  id = lookup (root, "$.assessments[3].id");
  g_assert_cmpstr (json_node_get_string (id), ==, "assessment-1");
  member = lookup (root, "$.assessments[3].hide_phases");
  g_assert_true (json_node_get_boolean (member));

  loaded = pw_workbook_load_from_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_true (pw_assessment_get_hide_phases (pw_workbook_find_assessment (loaded,
                                                                             "assessment-1")));
  g_assert_false (pw_assessment_get_hide_phases (pw_workbook_find_assessment (loaded,
                                                                              "assessment-2")));

  /* Not a boolean: refused, naming the place */
  text = g_string_new_len (g_bytes_get_data (saved, NULL), (gssize) g_bytes_get_size (saved));
  g_assert_cmpuint (g_string_replace (text, "\"hide_phases\" : true", "\"hide_phases\" : \"yes\"",
                                      0), ==, 1);
  bad = g_string_free_to_bytes (g_steal_pointer (&text));
  g_clear_object (&loaded);
  loaded = pw_workbook_load_from_bytes (bad, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "$.assessments[3].hide_phases: Expected true or false"));
  g_clear_error (&error);

  /* Back to false: the member is gone again */
  pw_assessment_set_hide_phases (assessment, FALSE);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = pw_workbook_serialize (workbook);
  g_assert_null (strstr (g_bytes_get_data (saved, NULL), "hide_phases"));
}

static gboolean
is_identity (const int order[PW_N_PHASES])
{
  for (int i = 0; i < PW_N_PHASES; i++)
    if (order[i] != i + 1)
      return FALSE;

  return TRUE;
}

static void
assert_permutation (const int order[PW_N_PHASES])
{
  gboolean seen[PW_N_PHASES + 1] = { FALSE, };

  for (int i = 0; i < PW_N_PHASES; i++)
    {
      g_assert_cmpint (order[i], >=, 1);
      g_assert_cmpint (order[i], <=, PW_N_PHASES);
      g_assert_false (seen[order[i]]);
      seen[order[i]] = TRUE;
    }
}

/* The shuffled order of the options is a permutation of the phases, fixed
 * by the assessment's id and the question's: the values below are those the
 * algorithm in docs/file-format.md gives, on every machine.  It is never the
 * phase order, and it differs between questions and between assessments. */
static void
test_option_order (void)
{
  static const struct {
    const char *assessment;
    const char *question;
    int order[PW_N_PHASES];
  } known[] = {
    { "assessment-1", "strategy-1", { 5, 3, 2, 1, 4 } },
    { "assessment-1", "strategy-2", { 5, 2, 4, 3, 1 } },
    { "assessment-1", "listening-1", { 2, 5, 4, 3, 1 } },
    { "assessment-2", "strategy-1", { 3, 4, 2, 5, 1 } },
    { "assessment-2", "listening-1", { 3, 2, 4, 1, 5 } },
  };
  g_autoptr(GHashTable) orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PwAssessment) first = pw_assessment_new ("assessment-1");
  g_autoptr(PwAssessment) second = pw_assessment_new ("assessment-2");
  int a[PW_N_PHASES], b[PW_N_PHASES];
  guint differ_questions, differ_assessments = 0;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autoptr(PwAssessment) assessment = pw_assessment_new (known[i].assessment);
      int order[PW_N_PHASES];

      pw_assessment_get_option_order (assessment, known[i].question, order);
      for (int k = 0; k < PW_N_PHASES; k++)
        g_assert_cmpint (order[k], ==, known[i].order[k]);
    }

  /* Deterministic: asked again, and of another object with the same id */
  pw_assessment_get_option_order (first, "strategy-1", a);
  pw_assessment_get_option_order (first, "strategy-1", b);
  g_assert_cmpmem (a, sizeof a, b, sizeof b);

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *question = g_strdup_printf ("question-%u", i);
      g_autofree char *id = g_strdup_printf ("assessment-%u", i);
      g_autoptr(PwAssessment) other = pw_assessment_new (id);
      int c[PW_N_PHASES];
      char key[PW_N_PHASES + 1];

      pw_assessment_get_option_order (first, question, a);
      pw_assessment_get_option_order (second, question, b);
      pw_assessment_get_option_order (other, "strategy-1", c);
      assert_permutation (a);
      assert_permutation (b);
      assert_permutation (c);
      g_assert_false (is_identity (a));
      g_assert_false (is_identity (b));
      g_assert_false (is_identity (c));

      if (memcmp (a, b, sizeof a) != 0)
        differ_assessments++;

      for (int k = 0; k < PW_N_PHASES; k++)
        key[k] = (char) ('0' + a[k]);
      key[PW_N_PHASES] = '\0';
      g_hash_table_add (orders, g_strdup (key));
    }

  /* Of 2000 questions, nearly every one of the 119 orders shows up, and
   * two assessments mostly put a question's options differently */
  differ_questions = g_hash_table_size (orders);
  g_assert_cmpuint (differ_questions, >=, 100);
  g_assert_cmpuint (differ_assessments, >=, 1500);
}

/* The latest assessment of a scope goes by date, then by the order of the
 * list, and never takes another scope's. */
static void
test_latest_assessment (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("tests/fixtures", "maximal.phasewise");
  GListModel *assessments = pw_workbook_get_assessments (workbook);
  PwAssessment *late, *same_day;

  while (g_list_model_get_n_items (assessments) > 0)
    {
      g_autoptr(PwAssessment) first = g_list_model_get_item (assessments, 0);

      pw_workbook_remove_assessment (workbook, first);
    }

  g_assert_null (pw_workbook_find_latest_assessment (workbook, NULL));
  g_assert_null (pw_workbook_find_latest_assessment (workbook, "care"));

  late = add_dated (workbook, "a1", "care", "2026-05-01");
  add_dated (workbook, "a2", "care", "2025-05-01");
  add_dated (workbook, "a3", NULL, "2027-01-01");
  g_assert_true (pw_workbook_find_latest_assessment (workbook, "care") == late);
  g_assert_null (pw_workbook_find_latest_assessment (workbook, "pr"));
  g_assert_cmpstr (pw_assessment_get_id (pw_workbook_find_latest_assessment (workbook, NULL)),
                   ==, "a3");

  same_day = add_dated (workbook, "a4", "care", "2026-05-01");
  g_assert_true (pw_workbook_find_latest_assessment (workbook, "care") == same_day);
}

/* Stale is more than twelve months old, to the day. */
static void
test_assessment_stale (void)
{
  g_autoptr(PwAssessment) assessment = pw_assessment_new ("a1");
  g_autoptr(GDate) today = g_date_new_dmy (1, 3, 2026);

  g_assert_false (pw_assessment_is_stale (assessment, today));

  pw_assessment_set_date (assessment, "2025-03-01");
  g_assert_false (pw_assessment_is_stale (assessment, today));
  g_date_add_days (today, 1);
  g_assert_true (pw_assessment_is_stale (assessment, today));

  pw_assessment_set_date (assessment, "2026-03-02");
  g_assert_false (pw_assessment_is_stale (assessment, today));

  /* A leap day a year on: the limit is the last day of February */
  pw_assessment_set_date (assessment, "2024-02-28");
  g_date_set_dmy (today, 28, 2, 2025);
  g_assert_false (pw_assessment_is_stale (assessment, today));
  g_date_set_dmy (today, 1, 3, 2025);
  g_assert_true (pw_assessment_is_stale (assessment, today));
}

/* The bundled framework reads as expert content: enough questions, five
 * distinct options each, steps for every transition, a full checklist. */
static void
test_bundled_framework (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  guint n_items = 0, n_core = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (pw_framework_get_id (framework), ==, "lostinsm");
  g_assert_cmpstr (pw_framework_get_phase (framework, 1)->name, ==, "The Missing");
  g_assert_cmpstr (pw_framework_get_phase (framework, 2)->name, ==, "The Seekers");
  g_assert_cmpstr (pw_framework_get_phase (framework, 3)->name, ==, "The Integrators");
  g_assert_cmpstr (pw_framework_get_phase (framework, 4)->name, ==, "The Relators");
  g_assert_cmpstr (pw_framework_get_phase (framework, 5)->name, ==, "The Proficient");
  g_assert_cmpuint (pw_framework_get_n_dimensions (framework), ==, 11);
  g_assert_nonnull (pw_framework_find_dimension (framework, PW_GOVERNANCE_DIMENSION));

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      g_assert_cmpuint (dimension->questions->len, >=, 4);
      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          g_assert_cmpuint (strlen (question->help), >, 40);
          for (guint i = 0; i < PW_N_PHASES; i++)
            {
              g_assert_cmpuint (strlen (question->options[i]), >, 10);
              for (guint j = 0; j < i; j++)
                g_assert_cmpstr (question->options[i], !=, question->options[j]);
            }
        }
      for (guint p = 0; p < PW_N_PHASES - 1; p++)
        g_assert_cmpuint (g_strv_length (dimension->next_steps[p]), >=, 2);
    }

  for (guint c = 0; c < pw_framework_get_n_policy_categories (framework); c++)
    {
      const PwPolicyCategory *category = pw_framework_get_policy_category (framework, c);

      for (guint i = 0; i < category->items->len; i++)
        {
          const PwPolicyItemDef *item = g_ptr_array_index (category->items, i);

          n_items++;
          n_core += item->core;
        }
    }
  g_assert_cmpuint (pw_framework_get_n_policy_categories (framework), >=, 10);
  g_assert_cmpuint (n_items, >=, 33);
  g_assert_cmpuint (n_core, >=, 6);
}

/* The installed copy and the bundled resource are the same framework. */
static void
test_framework_file_matches_resource (void)
{
  g_autofree char *path = pw_test_source_path ("data", "frameworks", "lostinsm.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) from_file = pw_framework_new_from_file (file, &error);
  g_autoptr(PwFramework) bundled = NULL;

  g_assert_no_error (error);
  bundled = pw_framework_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (pw_framework_get_snapshot (from_file),
                                  pw_framework_get_snapshot (bundled)));
}

/* The example in docs/framework-format.md is a framework that loads. */
static void
test_framework_doc_example (void)
{
  g_autofree char *path = pw_test_source_path ("docs", "framework-format.md", NULL);
  g_autoptr(GBytes) doc = pw_test_read_bytes (path);
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = NULL;
  const char *text = g_bytes_get_data (doc, NULL);
  const char *start = strstr (text, "```json\n");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);

  json = g_bytes_new (start, (gsize) (end - start));
  framework = pw_framework_new_from_bytes (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pw_framework_get_n_dimensions (framework), ==, 1);
  g_assert_nonnull (pw_framework_find_question (framework, "listening-1"));
}

/* A new workbook saves and loads back with the framework embedded. */
static void
test_new_workbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  g_autoptr(PwWorkbook) workbook = pw_workbook_new (framework);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  PwAssessment *assessment;

  g_assert_false (pw_workbook_get_modified (workbook));
  pw_workbook_set_name (workbook, "Ørsted & Söhne “Test”");
  assessment = pw_workbook_start_assessment (workbook, NULL);
  pw_answer_choose (pw_assessment_ensure_answer (assessment, "listening-2"), 4);
  pw_answer_set_kind (pw_assessment_ensure_answer (assessment, "tools-5"),
                      PW_ANSWER_NOT_APPLICABLE);
  pw_answer_set_note (pw_assessment_ensure_answer (assessment, "tools-6"), "Only a note");

  bytes = pw_workbook_serialize (workbook);
  loaded = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_workbook_get_name (loaded), ==, "Ørsted & Söhne “Test”");
  assessment = pw_workbook_find_assessment (loaded, pw_assessment_get_id (assessment));
  g_assert_nonnull (assessment);
  g_assert_cmpint (pw_answer_get_phase (pw_assessment_lookup_answer (assessment, "listening-2")),
                   ==, 4);
  g_assert_cmpint (pw_answer_get_kind (pw_assessment_lookup_answer (assessment, "tools-5")),
                   ==, PW_ANSWER_NOT_APPLICABLE);
  g_assert_cmpint (pw_answer_get_kind (pw_assessment_lookup_answer (assessment, "tools-6")),
                   ==, PW_ANSWER_NONE);
  g_assert_cmpstr (pw_answer_get_note (pw_assessment_lookup_answer (assessment, "tools-6")),
                   ==, "Only a note");
  g_assert_true (json_node_equal (pw_framework_get_snapshot (framework),
                                  pw_framework_get_snapshot (pw_workbook_get_framework (loaded))));
}

static void
read_element_cb (PwJsonReader *reader,
                 JsonObject   *object,
                 guint         index,
                 gpointer      user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup_printf ("%u %s", index, pw_json_reader_get_path (reader)));
  pw_json_read_int (reader, object, "a", PW_JSON_REQUIRED, 0, 9, NULL);
}

/* Each object of an array is read with its path; what is not an object is
 * reported at its own index and skipped. */
static void
test_reader_foreach_object (void)
{
  static const char json[] = "{\"outer\": {\"list\": [{\"a\": 1}, 2, {\"a\": \"x\"}]}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(JsonNode) root = parse (bytes);
  g_autoptr(PwJsonReader) reader = pw_json_reader_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  JsonObject *outer = pw_json_read_object (reader, pw_json_read_root_object (reader, root),
                                           "outer", PW_JSON_REQUIRED);
  JsonArray *list = pw_json_read_array (reader, outer, "list", PW_JSON_REQUIRED, 0);

  pw_json_reader_push_member (reader, "outer");
  pw_json_reader_foreach_object (reader, list, "list", read_element_cb, seen);
  g_assert_cmpstr (pw_json_reader_get_path (reader), ==, "$.outer");
  pw_json_reader_pop (reader);

  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "0 $.outer.list[0]");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "2 $.outer.list[2]");

  g_assert_false (pw_json_reader_finish (reader, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "$.outer.list[1]: Expected an object, found a number\n"
                   "$.outer.list[2].a: Expected a whole number, found a string");
}

static void
count_problem_cb (PwJsonReader *reader,
                  JsonObject   *object,
                  guint         index,
                  gpointer      user_data)
{
  guint *calls = user_data;

  (*calls)++;
  pw_json_read_int (reader, object, "a", PW_JSON_REQUIRED, 0, 1, NULL);
}

/* Once a message has all the problems it lists and one more, the rest of
 * an array is not read (issue 8): 10,000 broken objects cost as much as
 * 101.  Counted in calls, not timed. */
static void
test_reader_stops_at_problem_cap (void)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PwJsonReader) reader = pw_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint calls = 0;

  for (guint i = 0; i < 10000; i++)
    g_string_append (json, i > 0 ? ",{\"a\":\"x\"}" : "{\"a\":\"x\"}");
  g_string_append_c (json, ']');
  bytes = g_bytes_new (json->str, json->len);
  root = parse (bytes);

  pw_json_reader_foreach_object (reader, json_node_get_array (root), "list", count_problem_cb,
                                 &calls);
  g_assert_cmpuint (calls, ==, 101);

  g_assert_false (pw_json_reader_finish (reader, &error));
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 101);
  g_assert_cmpstr (lines[99], ==, "$.list[99].a: Expected a whole number, found a string");
  g_assert_cmpstr (lines[100], ==, "…and 1 more problem; the rest of the file was not checked");
}

/* Messages that name a place keep the place first, exactly as before the
 * place became an argument of the translatable text. */
static void
test_messages_with_places (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_autoptr(GBytes) example = pw_test_read_bytes (path);
  g_autoptr(GString) newer = g_string_new_len (g_bytes_get_data (example, NULL),
                                               (gssize) g_bytes_get_size (example));
  g_autoptr(GBytes) newer_bytes = NULL;
  g_autoptr(GBytes) huge = NULL;  /* only the size is looked at */
  g_autoptr(GBytes) huge_framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwFramework) framework = NULL;

  g_assert_cmpuint (g_string_replace (newer, "\"format_version\" : 1,",
                                      "\"format_version\" : 2,", 1), ==, 1);
  newer_bytes = g_string_free_to_bytes (g_steal_pointer (&newer));
  workbook = pw_workbook_load_from_bytes (newer_bytes, &error);
  g_assert_null (workbook);
  g_assert_error (error, PW_ERROR, PW_ERROR_NEWER_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "$.format_version: The workbook was made by a newer version of Phasewise "
                   "(format version 2; this version reads 1). Update Phasewise to open it.");
  g_clear_error (&error);

  huge = g_bytes_new_take (g_malloc (PW_WORKBOOK_MAX_BYTES + 1), PW_WORKBOOK_MAX_BYTES + 1);
  workbook = pw_workbook_load_from_bytes (huge, &error);
  g_assert_null (workbook);
  g_assert_error (error, PW_ERROR, PW_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "1:1: A workbook may not be larger than 64 MiB");
  g_clear_error (&error);

  huge_framework = g_bytes_new_from_bytes (huge, 0, 8 * 1024 * 1024 + 1);
  framework = pw_framework_new_from_bytes (huge_framework, &error);
  g_assert_null (framework);
  g_assert_error (error, PW_ERROR, PW_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "1:1: A framework file may not be larger than 8.0\302\240MiB");
}

/* The setters' helper tells whether the value changed, and takes a value
 * from the string it replaces. */
static void
test_set_str (void)
{
  g_autofree char *field = NULL;

  g_assert_false (_pw_set_str (&field, NULL));
  g_assert_true (_pw_set_str (&field, "Larkspur"));
  g_assert_cmpstr (field, ==, "Larkspur");
  g_assert_false (_pw_set_str (&field, "Larkspur"));
  g_assert_true (_pw_set_str (&field, field + 4));
  g_assert_cmpstr (field, ==, "spur");
  g_assert_true (_pw_set_str (&field, ""));
  g_assert_cmpstr (field, ==, "");
  g_assert_true (_pw_set_str (&field, NULL));
  g_assert_null (field);
}

/* @n characters, two bytes each: a cut inside one would not be UTF-8. */
static char *
long_text (gsize n)
{
  g_autoptr(GString) text = g_string_sized_new (2 * n);

  for (gsize i = 0; i < n; i++)
    g_string_append (text, "é");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_chars (const char *text,
              gsize       n)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (text, -1), ==, (glong) n);
}

/* Every text the reader limits is kept to the limit by its setter, so
 * that a workbook saved with one longer opens again. */
static void
test_texts_capped (void)
{
  g_autoptr(PwWorkbook) workbook = load_source ("tests/fixtures", "maximal.phasewise");
  g_autofree char *name = long_text (PW_MAX_NAME_CHARS + 1);
  g_autofree char *link = long_text (PW_MAX_NAME_CHARS * 4 + 1);
  g_autofree char *text = long_text (PW_MAX_TEXT_CHARS + 1);
  const char *channels[] = { "Intranet", name, NULL };
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  GListModel *items = pw_policy_get_items (policy);
  PwTeam *team = pw_org_map_find_team (pw_workbook_get_org_map (workbook), "hub");
  PwAssessment *assessment = pw_workbook_find_assessment (workbook, "assessment-1");
  g_autoptr(PwReportDraft) report = g_list_model_get_item (pw_workbook_get_reports (workbook), 0);
  g_autoptr(PwReportDraft) loaded_report = NULL;
  const char *dimension = pw_framework_get_dimension (pw_workbook_get_framework (workbook), 0)->id;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  PwPolicyItem *custom = NULL;
  PwPolicyItem *builtin = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      if (pw_policy_item_get_custom (item) && custom == NULL)
        custom = item;
      else if (!pw_policy_item_get_custom (item) && builtin == NULL)
        builtin = item;
    }
  g_assert_nonnull (custom);
  g_assert_nonnull (builtin);

  pw_workbook_set_name (workbook, name);
  pw_workbook_set_industry (workbook, name);
  pw_workbook_set_size (workbook, name);
  pw_workbook_set_region (workbook, name);
  g_object_set (team, "name", name, "function", name, "region", name, NULL);
  pw_team_set_channels (team, channels);
  pw_policy_item_set_title (custom, name);
  pw_policy_item_set_description (custom, text);
  for (PwPolicyItem **item = (PwPolicyItem *[]) { custom, builtin, NULL }; *item != NULL; item++)
    {
      pw_policy_item_set_owner (*item, name);
      pw_policy_item_set_note (*item, text);
      pw_policy_item_set_link (*item, link);
    }
  pw_assessment_set_round (assessment, name);
  pw_assessment_set_facilitator (assessment, name);
  pw_report_draft_set_title (report, name);
  pw_report_draft_set_summary (report, text);
  pw_report_draft_set_commentary (report, dimension, text);

  assert_chars (pw_workbook_get_name (workbook), PW_MAX_NAME_CHARS);
  g_assert_true (g_str_has_prefix (name, pw_workbook_get_name (workbook)));
  assert_chars (pw_team_get_channels (team)[1], PW_MAX_NAME_CHARS);
  g_assert_cmpstr (pw_team_get_channels (team)[0], ==, "Intranet");
  assert_chars (pw_policy_item_get_link (builtin), PW_MAX_NAME_CHARS * 4);
  assert_chars (pw_report_draft_get_commentary (report, dimension), PW_MAX_TEXT_CHARS);

  /* Setting the same long text again is no change */
  pw_workbook_set_modified (workbook, FALSE);
  pw_workbook_set_name (workbook, name);
  pw_report_draft_set_commentary (report, dimension, text);
  g_assert_false (pw_workbook_get_modified (workbook));

  bytes = pw_workbook_serialize (workbook);
  loaded = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);

  team = pw_org_map_find_team (pw_workbook_get_org_map (loaded), "hub");
  assessment = pw_workbook_find_assessment (loaded, "assessment-1");
  loaded_report = g_list_model_get_item (pw_workbook_get_reports (loaded), 0);
  custom = pw_policy_find_item (pw_workbook_get_policy (loaded), pw_policy_item_get_id (custom));
  builtin = pw_policy_find_item (pw_workbook_get_policy (loaded),
                                 pw_policy_item_get_id (builtin));
  assert_chars (pw_workbook_get_name (loaded), PW_MAX_NAME_CHARS);
  assert_chars (pw_workbook_get_industry (loaded), PW_MAX_NAME_CHARS);
  assert_chars (pw_workbook_get_size (loaded), PW_MAX_NAME_CHARS);
  assert_chars (pw_workbook_get_region (loaded), PW_MAX_NAME_CHARS);
  assert_chars (pw_team_get_name (team), PW_MAX_NAME_CHARS);
  assert_chars (pw_team_get_function (team), PW_MAX_NAME_CHARS);
  assert_chars (pw_team_get_region (team), PW_MAX_NAME_CHARS);
  assert_chars (pw_team_get_channels (team)[1], PW_MAX_NAME_CHARS);
  assert_chars (pw_policy_item_get_title (custom), PW_MAX_NAME_CHARS);
  assert_chars (pw_policy_item_get_description (custom), PW_MAX_TEXT_CHARS);
  assert_chars (pw_policy_item_get_owner (builtin), PW_MAX_NAME_CHARS);
  assert_chars (pw_policy_item_get_note (builtin), PW_MAX_TEXT_CHARS);
  assert_chars (pw_policy_item_get_link (custom), PW_MAX_NAME_CHARS * 4);
  assert_chars (pw_assessment_get_round (assessment), PW_MAX_NAME_CHARS);
  assert_chars (pw_assessment_get_facilitator (assessment), PW_MAX_NAME_CHARS);
  assert_chars (pw_report_draft_get_title (loaded_report), PW_MAX_NAME_CHARS);
  assert_chars (pw_report_draft_get_summary (loaded_report), PW_MAX_TEXT_CHARS);
  assert_chars (pw_report_draft_get_commentary (loaded_report, dimension), PW_MAX_TEXT_CHARS);
}

/* The cut is at a character boundary, also in text that is not UTF-8. */
static void
test_strdup_capped (void)
{
  g_autofree char *short_enough = _pw_strdup_capped ("Läufer", 6);
  g_autofree char *cut = _pw_strdup_capped ("Läufer", 2);
  g_autofree char *none = _pw_strdup_capped ("Läufer", 0);
  g_autofree char *broken = _pw_strdup_capped ("a\xf0", 5);

  g_assert_null (_pw_strdup_capped (NULL, 3));
  g_assert_cmpstr (short_enough, ==, "Läufer");
  g_assert_cmpstr (cut, ==, "Lä");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (broken, ==, "a\xf0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/workbook/round-trip-example", test_round_trip_example);
  g_test_add_func ("/phasewise/workbook/round-trip-maximal", test_round_trip_maximal);
  g_test_add_func ("/phasewise/workbook/unknown-members-survive", test_unknown_members_survive);
  g_test_add_func ("/phasewise/workbook/example-content", test_example_content);
  g_test_add_func ("/phasewise/workbook/edits-mark-modified", test_edits_mark_modified);
  g_test_add_func ("/phasewise/workbook/rounds", test_rounds);
  g_test_add_func ("/phasewise/workbook/find-by-id", test_find_by_id);
  g_test_add_func ("/phasewise/workbook/find-report", test_find_report);
  g_test_add_func ("/phasewise/workbook/doc-required-members", test_doc_required_members);
  g_test_add_func ("/phasewise/workbook/previous-round-by-date", test_previous_round_by_date);
  g_test_add_func ("/phasewise/workbook/framework-differs-from-bundled",
                   test_framework_differs_from_bundled);
  g_test_add_func ("/phasewise/workbook/one-line-texts", test_one_line_texts);
  g_test_add_func ("/phasewise/workbook/many-assessments", test_many_assessments);
  g_test_add_func ("/phasewise/workbook/links", test_links);
  g_test_add_func ("/phasewise/workbook/links-round-trip", test_links_round_trip);
  g_test_add_func ("/phasewise/workbook/team-notes-round-trip", test_team_notes_round_trip);
  g_test_add_func ("/phasewise/workbook/hide-phases", test_hide_phases);
  g_test_add_func ("/phasewise/workbook/option-order", test_option_order);
  g_test_add_func ("/phasewise/workbook/latest-assessment", test_latest_assessment);
  g_test_add_func ("/phasewise/workbook/assessment-stale", test_assessment_stale);
  g_test_add_func ("/phasewise/workbook/bundled-framework", test_bundled_framework);
  g_test_add_func ("/phasewise/workbook/framework-file-matches-resource",
                   test_framework_file_matches_resource);
  g_test_add_func ("/phasewise/workbook/framework-doc-example", test_framework_doc_example);
  g_test_add_func ("/phasewise/workbook/new-workbook", test_new_workbook);
  g_test_add_func ("/phasewise/workbook/reader-foreach-object", test_reader_foreach_object);
  g_test_add_func ("/phasewise/workbook/reader-stops-at-problem-cap",
                   test_reader_stops_at_problem_cap);
  g_test_add_func ("/phasewise/workbook/messages-with-places", test_messages_with_places);
  g_test_add_func ("/phasewise/workbook/set-str", test_set_str);
  g_test_add_func ("/phasewise/workbook/texts-capped", test_texts_capped);
  g_test_add_func ("/phasewise/workbook/strdup-capped", test_strdup_capped);

  return g_test_run ();
}
