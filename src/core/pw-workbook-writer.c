/* pw-workbook-writer.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-workbook-writer"

#include "config.h"

#include "pw-json-util.h"
#include "pw-json-util-private.h"
#include "pw-workbook-io.h"
#include "pw-workbook-io-private.h"
#include "pw-validate.h"

/*
 * Writing workbook files, as docs/file-format.md describes them: pretty
 * printed, members in a stable order, and the members a newer version wrote
 * put back where pw-workbook-reader.c found them, so that a file survives
 * being opened and saved by an older Phasewise.
 */

/* The reader refuses a name or a title with nothing visible in it (one
 * emptied in the editor, say): the id stands in for it, so that the file
 * opens again. */
static const char *
visible_or (const char *text,
            const char *stand_in)
{
  return pw_text_is_visible (text) ? text : stand_in;
}

static void
set_unknown_and_wrap (JsonArray  *array,
                      JsonObject *object,
                      gpointer    owner)
{
  pw_json_append_unknown (object, _pw_json_get_unknown (owner));
  json_array_add_object_element (array, object);
}

static JsonObject *
write_organization (PwWorkbook *self)
{
  JsonObject *object = json_object_new ();

  pw_json_set_string_if (object, "name", pw_workbook_get_name (self));
  pw_json_set_string_if (object, "industry", pw_workbook_get_industry (self));
  pw_json_set_string_if (object, "size", pw_workbook_get_size (self));
  pw_json_set_string_if (object, "region", pw_workbook_get_region (self));
  pw_json_append_unknown (object, _pw_json_get_unknown_named (self, "organization"));

  return object;
}

static JsonObject *
write_org_map (PwWorkbook *self)
{
  PwOrgMap *map = pw_workbook_get_org_map (self);
  GListModel *teams = pw_org_map_get_teams (map);
  GListModel *links = pw_org_map_get_links (map);
  JsonObject *object = json_object_new ();
  JsonArray *team_array = json_array_new ();
  JsonArray *link_array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      JsonObject *t = json_object_new ();
      const char * const *channels = pw_team_get_channels (team);

      json_object_set_string_member (t, "id", pw_team_get_id (team));
      json_object_set_string_member (t, "name", pw_team_get_name (team));
      json_object_set_string_member (t, "kind", _pw_team_kind_names[pw_team_get_kind (team)]);
      pw_json_set_string_if (t, "function", pw_team_get_function (team));
      pw_json_set_string_if (t, "region", pw_team_get_region (team));
      json_object_set_int_member (t, "headcount", pw_team_get_headcount (team));
      json_object_set_int_member (t, "smes", pw_team_get_smes (team));
      if (channels[0] != NULL)
        {
          JsonArray *array = json_array_new ();

          for (guint j = 0; channels[j] != NULL; j++)
            json_array_add_string_element (array, channels[j]);
          json_object_set_array_member (t, "channels", array);
        }
      json_object_set_int_member (t, "x", pw_team_get_x (team));
      json_object_set_int_member (t, "y", pw_team_get_y (team));
      pw_json_set_string_if (t, "notes", pw_team_get_notes (team));
      set_unknown_and_wrap (team_array, t, team);
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PwLink) link = g_list_model_get_item (links, i);
      JsonObject *l = json_object_new ();

      json_object_set_string_member (l, "from", pw_link_get_from (link));
      json_object_set_string_member (l, "to", pw_link_get_to (link));
      set_unknown_and_wrap (link_array, l, link);
    }

  json_object_set_array_member (object, "teams", team_array);
  json_object_set_array_member (object, "links", link_array);
  pw_json_append_unknown (object, _pw_json_get_unknown_named (self, "org_map"));

  return object;
}

static void
write_item_state (JsonObject   *object,
                  PwPolicyItem *item)
{
  GPtrArray *changes = pw_policy_item_get_changes (item);

  json_object_set_string_member (object, "status",
                                 _pw_policy_status_names[pw_policy_item_get_status (item)]);
  pw_json_set_string_if (object, "reason", pw_policy_item_get_reason (item));
  pw_json_set_string_if (object, "owner", pw_policy_item_get_owner (item));
  pw_json_set_string_if (object, "review_date", pw_policy_item_get_review_date (item));
  pw_json_set_string_if (object, "note", pw_policy_item_get_note (item));
  pw_json_set_string_if (object, "link", pw_policy_item_get_link (item));

  if (changes->len > 0)
    {
      JsonArray *history = json_array_sized_new (changes->len);

      for (guint i = 0; i < changes->len; i++)
        {
          const PwPolicyChange *change = g_ptr_array_index (changes, i);
          JsonObject *o = json_object_new ();

          json_object_set_string_member (o, "date", change->date);
          json_object_set_string_member (o, "status", _pw_policy_status_names[change->status]);
          json_object_set_string_member (o, "previous", _pw_policy_status_names[change->previous]);
          pw_json_set_string_if (o, "by", change->by);
          pw_json_set_string_if (o, "reason", change->reason);
          pw_json_append_unknown (o, change->unknown);
          json_array_add_object_element (history, o);
        }
      json_object_set_array_member (object, "history", history);
    }
}

static JsonObject *
write_policy (PwWorkbook *self)
{
  PwPolicy *policy = pw_workbook_get_policy (self);
  GListModel *items = pw_policy_get_items (policy);
  GListModel *categories = pw_policy_get_custom_categories (policy);
  JsonObject *object = json_object_new ();
  JsonObject *states = json_object_new ();
  JsonArray *custom = json_array_new ();
  JsonArray *custom_categories = json_array_new ();

  json_object_set_string_member (object, "history_since", pw_policy_get_history_since (policy));

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PwCustomCategory) category = g_list_model_get_item (categories, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "id", pw_custom_category_get_id (category));
      json_object_set_string_member (o, "name", visible_or (pw_custom_category_get_name (category),
                                                            pw_custom_category_get_id (category)));
      set_unknown_and_wrap (custom_categories, o, category);
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);
      JsonObject *o;

      if (pw_policy_item_get_custom (item))
        {
          o = json_object_new ();
          json_object_set_string_member (o, "id", pw_policy_item_get_id (item));
          json_object_set_string_member (o, "category", pw_policy_item_get_category (item));
          json_object_set_string_member (o, "title", visible_or (pw_policy_item_get_title (item),
                                                                 pw_policy_item_get_id (item)));
          pw_json_set_string_if (o, "description", pw_policy_item_get_description (item));
          json_object_set_boolean_member (o, "core", pw_policy_item_get_core (item));
          write_item_state (o, item);
          set_unknown_and_wrap (custom, o, item);
        }
      else if (pw_policy_item_has_state (item))
        {
          o = json_object_new ();
          write_item_state (o, item);
          pw_json_append_unknown (o, _pw_json_get_unknown (item));
          json_object_set_object_member (states, pw_policy_item_get_id (item), o);
        }
    }

  json_object_set_object_member (object, "items", states);
  json_object_set_array_member (object, "custom_categories", custom_categories);
  json_object_set_array_member (object, "custom_items", custom);
  pw_json_append_unknown (object, _pw_json_get_unknown_named (self, "policy"));

  return object;
}

static JsonObject *
write_answer (PwAnswer *answer)
{
  JsonObject *object = json_object_new ();
  PwAnswerKind kind = pw_answer_get_kind (answer);

  g_assert (kind < G_N_ELEMENTS (_pw_answer_kind_names));

  if (kind == PW_ANSWER_OPTION)
    json_object_set_int_member (object, "value", pw_answer_get_phase (answer));
  else if (_pw_answer_kind_names[kind] != NULL)
    json_object_set_string_member (object, "value", _pw_answer_kind_names[kind]);

  pw_json_set_string_if (object, "note", pw_answer_get_note (answer));
  pw_json_set_string_if (object, "evidence", pw_answer_get_evidence (answer));
  pw_json_append_unknown (object, _pw_json_get_unknown (answer));

  return object;
}

/* The answers to questions a later framework retired, as they were read
 * or as the migration kept them. */
static void
write_retired_answers (JsonObject   *object,
                       PwAssessment *assessment)
{
  GPtrArray *retired = pw_assessment_get_retired_answers (assessment);
  JsonObject *members;

  if (retired->len == 0)
    return;

  members = json_object_new ();
  for (guint i = 0; i < retired->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);
      JsonObject *member = write_answer (answer->answer);

      json_object_set_string_member (member, "framework_version", answer->framework_version);
      json_object_set_string_member (member, "question", answer->question);
      pw_json_set_string_if (member, "option", answer->option);
      json_object_set_object_member (members, answer->question_id, member);
    }
  json_object_set_object_member (object, "retired_answers", members);
}

static JsonArray *
write_assessments (PwWorkbook *self)
{
  PwFramework *framework = pw_workbook_get_framework (self);
  GListModel *assessments = pw_workbook_get_assessments (self);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i);
      JsonObject *object = json_object_new ();
      JsonObject *answers = json_object_new ();
      const char *team = pw_assessment_get_team_id (assessment);

      json_object_set_string_member (object, "id", pw_assessment_get_id (assessment));
      json_object_set_string_member (object, "scope", team ? "team" : "organization");
      if (team != NULL)
        json_object_set_string_member (object, "team", team);
      json_object_set_string_member (object, "date", pw_assessment_get_date (assessment));
      pw_json_set_string_if (object, "round", pw_assessment_get_round (assessment));
      pw_json_set_string_if (object, "facilitator", pw_assessment_get_facilitator (assessment));
      json_object_set_int_member (object, "participants",
                                  pw_assessment_get_participants (assessment));
      if (pw_assessment_get_hide_phases (assessment))
        json_object_set_boolean_member (object, "hide_phases", TRUE);

      for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
        {
          const PwDimension *dimension = pw_framework_get_dimension (framework, d);

          for (guint q = 0; q < dimension->questions->len; q++)
            {
              const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
              PwAnswer *answer = pw_assessment_lookup_answer (assessment, question->id);

              if (answer != NULL && !pw_answer_is_empty (answer))
                json_object_set_object_member (answers, question->id, write_answer (answer));
            }
        }

      json_object_set_object_member (object, "answers", answers);
      write_retired_answers (object, assessment);
      set_unknown_and_wrap (array, object, assessment);
    }

  return array;
}

static JsonArray *
write_reports (PwWorkbook *self)
{
  PwFramework *framework = pw_workbook_get_framework (self);
  GListModel *reports = pw_workbook_get_reports (self);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(PwReportDraft) report = g_list_model_get_item (reports, i);
      JsonObject *object = json_object_new ();
      JsonObject *commentary = json_object_new ();
      const char * const *omitted;

      json_object_set_string_member (object, "id", pw_report_draft_get_id (report));
      pw_json_set_string_if (object, "assessment", pw_report_draft_get_assessment_id (report));
      pw_json_set_string_if (object, "compare", pw_report_draft_get_compare_id (report));
      pw_json_set_string_if (object, "title", pw_report_draft_get_title (report));
      pw_json_set_string_if (object, "summary", pw_report_draft_get_summary (report));

      for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
        {
          const PwDimension *dimension = pw_framework_get_dimension (framework, d);
          const char *text = pw_report_draft_get_commentary (report, dimension->id);

          if (text != NULL)
            json_object_set_string_member (commentary, dimension->id, text);
        }

      json_object_set_object_member (object, "commentary", commentary);

      omitted = pw_report_draft_get_omitted_sections (report);
      if (omitted != NULL)
        {
          JsonArray *sections = json_array_new ();

          for (guint s = 0; omitted[s] != NULL; s++)
            json_array_add_string_element (sections, omitted[s]);
          json_object_set_array_member (object, "omit", sections);
        }
      set_unknown_and_wrap (array, object, report);
    }

  return array;
}

/**
 * pw_workbook_serialize:
 *
 * Writes the workbook as the bytes of a file: pretty printed, with a
 * stable member order, members from newer versions kept, and the framework
 * snapshot embedded.  Call it on the thread that owns the workbook.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
pw_workbook_serialize (PwWorkbook *self)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  JsonNode *snapshot;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);

  json_object_set_string_member (root, "format", PW_WORKBOOK_FORMAT);
  json_object_set_int_member (root, "format_version", PW_WORKBOOK_FORMAT_VERSION);
  json_object_set_object_member (root, "organization", write_organization (self));
  json_object_set_object_member (root, "org_map", write_org_map (self));
  json_object_set_object_member (root, "policy", write_policy (self));
  json_object_set_array_member (root, "assessments", write_assessments (self));
  json_object_set_array_member (root, "reports", write_reports (self));
  snapshot = pw_framework_get_snapshot (pw_workbook_get_framework (self));
  json_object_set_member (root, "framework", json_node_ref (snapshot));
  pw_json_append_unknown (root, _pw_json_get_unknown_named (self, "root"));

  json_node_take_object (node, root);

  return pw_json_to_bytes (node);
}
