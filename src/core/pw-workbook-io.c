/* pw-workbook-io.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-workbook-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pw-error.h"
#include "pw-framework-private.h"
#include "pw-json-reader.h"
#include "pw-json-util.h"
#include "pw-json-util-private.h"
#include "pw-workbook-io.h"

/*
 * Reading and writing workbook files.  The format is documented in
 * docs/file-format.md.  Reading never trusts the file: the bytes are
 * checked strictly before json-glib sees them, and every member is checked
 * for its type and range; every problem is reported with its JSON path.
 * Members this version does not know are kept and written back.
 */

#define MAX_TEAMS        10000
#define MAX_LINKS        50000
#define MAX_ASSESSMENTS  10000
#define MAX_CHANNELS     100
#define MAX_REPORTS      1000

static const char * const root_members[] = {
  "format", "format_version", "organization", "org_map", "policy", "assessments", "reports",
  "framework", NULL
};
static const char * const organization_members[] = {
  "name", "industry", "size", "region", NULL
};
static const char * const org_map_members[] = { "teams", "links", NULL };
static const char * const team_members[] = {
  "id", "name", "kind", "function", "region", "headcount", "smes", "channels", "x", "y", NULL
};
static const char * const link_members[] = { "from", "to", NULL };
static const char * const policy_members[] = { "items", "custom_items", NULL };
static const char * const item_state_members[] = {
  "status", "owner", "review_date", "note", "link", NULL
};
static const char * const custom_item_members[] = {
  "id", "category", "title", "description", "core",
  "status", "owner", "review_date", "note", "link", NULL
};
static const char * const assessment_members[] = {
  "id", "scope", "team", "date", "round", "facilitator", "participants", "answers", NULL
};
static const char * const answer_members[] = { "value", "note", "evidence", NULL };
static const char * const report_members[] = {
  "id", "assessment", "title", "summary", "commentary", NULL
};

static const char * const policy_status_names[] = {
  [PW_POLICY_MISSING] = "missing",
  [PW_POLICY_DRAFTING] = "drafting",
  [PW_POLICY_IN_PLACE] = "in-place",
  [PW_POLICY_NOT_APPLICABLE] = "not-applicable",
};

/* ------------------------------------------------------------------------
 * Reading
 */

static void
read_organization (PwWorkbook   *self,
                   PwJsonReader *reader,
                   JsonObject   *root)
{
  JsonObject *object = pw_json_read_object (reader, root, "organization", PW_JSON_OPTIONAL);
  g_autofree char *name = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *size = NULL;
  g_autofree char *region = NULL;

  if (object == NULL)
    return;

  pw_json_reader_push_member (reader, "organization");
  pw_json_read_string (reader, object, "name", 0, PW_MAX_NAME_CHARS, &name);
  pw_json_read_string (reader, object, "industry", 0, PW_MAX_NAME_CHARS, &industry);
  pw_json_read_string (reader, object, "size", 0, PW_MAX_NAME_CHARS, &size);
  pw_json_read_string (reader, object, "region", 0, PW_MAX_NAME_CHARS, &region);
  pw_json_reader_pop (reader);

  pw_workbook_set_name (self, name);
  pw_workbook_set_industry (self, industry);
  pw_workbook_set_size (self, size);
  pw_workbook_set_region (self, region);
  _pw_json_set_unknown_named (self, "organization",
                              pw_json_collect_unknown (object, organization_members));
}

static gboolean
read_enum (PwJsonReader       *reader,
           JsonObject         *object,
           const char         *member,
           const char * const *names,
           guint               n_names,
           guint              *out)
{
  g_autofree char *value = NULL;

  if (!pw_json_read_string (reader, object, member, 0, PW_MAX_NAME_CHARS, &value))
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], value) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  {
    g_autofree char *quoted = pw_json_quote_text (value);

    pw_json_reader_problem (reader, member, _("Unknown value “%s”"), quoted);
  }
  return FALSE;
}

static void
read_team_cb (PwJsonReader *reader,
              JsonObject   *object,
              guint         index,
              gpointer      user_data)
{
  PwWorkbook *self = user_data;
  static const char * const kinds[] = { [PW_TEAM_HUB] = "hub", [PW_TEAM_SPOKE] = "spoke" };
  PwOrgMap *map = pw_workbook_get_org_map (self);
  g_autoptr(PwTeam) team = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *function = NULL;
  g_autofree char *region = NULL;
  g_autoptr(GStrvBuilder) channels = g_strv_builder_new ();
  g_auto(GStrv) channel_list = NULL;
  JsonArray *array;
  gint64 headcount = 0, smes = 0, x = 0, y = 0;
  guint kind = PW_TEAM_SPOKE;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_org_map_find_team (map, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate team id “%s”"), id);
      return;
    }

  pw_json_read_string (reader, object, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       PW_MAX_NAME_CHARS, &name);
  if (json_object_has_member (object, "kind"))
    read_enum (reader, object, "kind", kinds, G_N_ELEMENTS (kinds), &kind);
  else
    pw_json_reader_problem (reader, "kind", _("Required member is missing"));
  pw_json_read_string (reader, object, "function", 0, PW_MAX_NAME_CHARS, &function);
  pw_json_read_string (reader, object, "region", 0, PW_MAX_NAME_CHARS, &region);
  pw_json_read_int (reader, object, "headcount", 0, 0, 1000000, &headcount);
  pw_json_read_int (reader, object, "smes", 0, 0, 10000000, &smes);
  pw_json_read_int (reader, object, "x", 0, -1000000, 1000000, &x);
  pw_json_read_int (reader, object, "y", 0, -1000000, 1000000, &y);

  array = pw_json_read_array (reader, object, "channels", 0, MAX_CHANNELS);
  if (array != NULL)
    {
      pw_json_reader_push_member (reader, "channels");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *channel = NULL;

          if (pw_json_read_element_string (reader, array, i, PW_MAX_NAME_CHARS, &channel))
            g_strv_builder_add (channels, channel);
        }
      pw_json_reader_pop (reader);
    }
  channel_list = g_strv_builder_end (channels);

  team = pw_team_new (id, (PwTeamKind) kind, name);
  pw_team_set_function (team, function);
  pw_team_set_region (team, region);
  pw_team_set_headcount (team, (int) headcount);
  pw_team_set_smes (team, (int) smes);
  pw_team_set_x (team, (int) x);
  pw_team_set_y (team, (int) y);
  pw_team_set_channels (team, (const char * const *) channel_list);
  _pw_json_set_unknown (team, pw_json_collect_unknown (object, team_members));
  pw_org_map_add_team (map, team);
}

static void
read_link_cb (PwJsonReader *reader,
              JsonObject   *object,
              guint         index,
              gpointer      user_data)
{
  PwWorkbook *self = user_data;
  PwOrgMap *map = pw_workbook_get_org_map (self);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean ok = TRUE;

  if (!pw_json_read_string (reader, object, "from", PW_JSON_REQUIRED | PW_JSON_ID, 0, &from))
    ok = FALSE;
  else if (pw_org_map_find_team (map, from) == NULL)
    {
      pw_json_reader_problem (reader, "from", _("Unknown team id “%s”"), from);
      ok = FALSE;
    }

  if (!pw_json_read_string (reader, object, "to", PW_JSON_REQUIRED | PW_JSON_ID, 0, &to))
    ok = FALSE;
  else if (pw_org_map_find_team (map, to) == NULL)
    {
      pw_json_reader_problem (reader, "to", _("Unknown team id “%s”"), to);
      ok = FALSE;
    }

  if (!ok)
    return;

  if (g_str_equal (from, to))
    {
      pw_json_reader_problem (reader, NULL, _("A team cannot be linked to itself"));
      return;
    }

  if (!pw_org_map_add_link (map, from, to))
    {
      pw_json_reader_problem (reader, NULL, _("Duplicate link between “%s” and “%s”"), from, to);
      return;
    }

  _pw_org_map_set_link_unknown (map, pw_org_map_get_n_links (map) - 1,
                                pw_json_collect_unknown (object, link_members));
}

/* Reads the optional array @member of @parent, one object at a time. */
static void
read_object_array (PwWorkbook       *self,
                   PwJsonReader     *reader,
                   JsonObject       *parent,
                   const char       *member,
                   guint             max_length,
                   PwJsonObjectFunc  func)
{
  JsonArray *array = pw_json_read_array (reader, parent, member, 0, max_length);

  if (array != NULL)
    pw_json_reader_foreach_object (reader, array, member, func, self);
}

static void
read_org_map (PwWorkbook   *self,
              PwJsonReader *reader,
              JsonObject   *root)
{
  JsonObject *object = pw_json_read_object (reader, root, "org_map", PW_JSON_OPTIONAL);

  if (object == NULL)
    return;

  pw_json_reader_push_member (reader, "org_map");
  read_object_array (self, reader, object, "teams", MAX_TEAMS, read_team_cb);
  read_object_array (self, reader, object, "links", MAX_LINKS, read_link_cb);
  pw_json_reader_pop (reader);

  _pw_json_set_unknown_named (self, "org_map", pw_json_collect_unknown (object, org_map_members));
}

static void
read_item_state (PwJsonReader *reader,
                 JsonObject   *object,
                 PwPolicyItem *item)
{
  g_autofree char *owner = NULL;
  g_autofree char *review_date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *link = NULL;
  guint status = PW_POLICY_MISSING;

  if (json_object_has_member (object, "status"))
    read_enum (reader, object, "status", policy_status_names,
               G_N_ELEMENTS (policy_status_names), &status);
  pw_json_read_string (reader, object, "owner", 0, PW_MAX_NAME_CHARS, &owner);
  pw_json_read_string (reader, object, "review_date", PW_JSON_DATE, 10, &review_date);
  pw_json_read_string (reader, object, "note", 0, PW_MAX_TEXT_CHARS, &note);
  pw_json_read_string (reader, object, "link", 0, PW_MAX_NAME_CHARS * 4, &link);

  pw_policy_item_set_status (item, (PwPolicyStatus) status);
  pw_policy_item_set_owner (item, owner);
  pw_policy_item_set_review_date (item, review_date);
  pw_policy_item_set_note (item, note);
  pw_policy_item_set_link (item, link);
}

static void
read_custom_item_cb (PwJsonReader *reader,
                     JsonObject   *object,
                     guint         index,
                     gpointer      user_data)
{
  PwWorkbook *self = user_data;
  PwPolicy *policy = pw_workbook_get_policy (self);
  g_autoptr(PwPolicyItem) item = NULL;
  g_autofree char *id = NULL;
  g_autofree char *category = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean core = FALSE;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_policy_find_item (policy, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate policy item id “%s”"), id);
      return;
    }

  item = pw_policy_item_new (id, TRUE);
  if (pw_json_read_string (reader, object, "category", PW_JSON_REQUIRED | PW_JSON_ID, 0,
                           &category)
      && pw_framework_find_policy_category (pw_workbook_get_framework (self), category) == NULL)
    pw_json_reader_problem (reader, "category", _("Unknown policy category “%s”"), category);
  pw_json_read_string (reader, object, "title", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       PW_MAX_NAME_CHARS, &title);
  pw_json_read_string (reader, object, "description", 0, PW_MAX_TEXT_CHARS, &description);
  pw_json_read_bool (reader, object, "core", 0, &core);
  pw_policy_item_set_category (item, category);
  pw_policy_item_set_title (item, title);
  pw_policy_item_set_description (item, description);
  pw_policy_item_set_core (item, core);
  read_item_state (reader, object, item);
  _pw_json_set_unknown (item, pw_json_collect_unknown (object, custom_item_members));
  pw_policy_add_custom_item (policy, item);
}

static void
read_policy (PwWorkbook   *self,
             PwJsonReader *reader,
             JsonObject   *root)
{
  JsonObject *object = pw_json_read_object (reader, root, "policy", PW_JSON_OPTIONAL);
  PwPolicy *policy = pw_workbook_get_policy (self);
  JsonObject *items;

  if (object == NULL)
    return;

  pw_json_reader_push_member (reader, "policy");

  items = pw_json_read_object (reader, object, "items", 0);
  if (items != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (items);

      pw_json_reader_push_member (reader, "items");
      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *id = l->data;
          PwPolicyItem *item = pw_policy_find_item (policy, id);
          JsonObject *state = pw_json_read_object (reader, items, id, PW_JSON_REQUIRED);

          if (item == NULL || pw_policy_item_get_custom (item))
            {
              pw_json_reader_problem (reader, id, _("Unknown policy item id"));
              continue;
            }
          if (state == NULL)
            continue;

          pw_json_reader_push_member (reader, id);
          read_item_state (reader, state, item);
          pw_json_reader_pop (reader);
          _pw_json_set_unknown (item, pw_json_collect_unknown (state, item_state_members));
        }
      pw_json_reader_pop (reader);
    }

  read_object_array (self, reader, object, "custom_items", 1000, read_custom_item_cb);
  pw_json_reader_pop (reader);

  _pw_json_set_unknown_named (self, "policy", pw_json_collect_unknown (object, policy_members));
}

static void
read_answer (PwWorkbook   *self,
             PwJsonReader *reader,
             PwAssessment *assessment,
             const char   *question_id,
             JsonObject   *object)
{
  g_autofree char *note = NULL;
  g_autofree char *evidence = NULL;
  JsonNode *value = json_object_get_member (object, "value");
  PwAnswer *answer;

  answer = pw_assessment_ensure_answer (assessment, question_id);

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value)
      && json_node_get_value_type (value) == G_TYPE_INT64)
    {
      gint64 phase = 0;

      if (pw_json_read_int (reader, object, "value", 0, 1, PW_N_PHASES, &phase))
        pw_answer_choose (answer, (int) phase);
    }
  else if (value != NULL && !JSON_NODE_HOLDS_NULL (value))
    {
      static const char * const kinds[] = {
        [PW_ANSWER_NONE] = "none",
        [PW_ANSWER_OPTION] = "-",
        [PW_ANSWER_DONT_KNOW] = "dont-know",
        [PW_ANSWER_NOT_APPLICABLE] = "not-applicable",
      };
      guint kind = PW_ANSWER_NONE;

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        pw_json_reader_problem (reader, "value",
                                _("Expected a phase from 1 to 5, “dont-know” or "
                                  "“not-applicable”"));
      else if (read_enum (reader, object, "value", kinds, G_N_ELEMENTS (kinds), &kind))
        {
          if (kind == PW_ANSWER_OPTION || kind == PW_ANSWER_NONE)
            pw_json_reader_problem (reader, "value",
                                    _("Expected a phase from 1 to 5, “dont-know” or "
                                      "“not-applicable”"));
          else
            pw_answer_set_kind (answer, (PwAnswerKind) kind);
        }
    }

  pw_json_read_string (reader, object, "note", 0, PW_MAX_TEXT_CHARS, &note);
  pw_json_read_string (reader, object, "evidence", 0, PW_MAX_TEXT_CHARS, &evidence);
  pw_answer_set_note (answer, note);
  pw_answer_set_evidence (answer, evidence);
  _pw_json_set_unknown (answer, pw_json_collect_unknown (object, answer_members));
}

static void
read_assessment_cb (PwJsonReader *reader,
                    JsonObject   *object,
                    guint         index,
                    gpointer      user_data)
{
  PwWorkbook *self = user_data;
  static const char * const scopes[] = { "organization", "team" };
  PwFramework *framework = pw_workbook_get_framework (self);
  g_autoptr(PwAssessment) assessment = NULL;
  g_autofree char *id = NULL;
  g_autofree char *team = NULL;
  g_autofree char *date = NULL;
  g_autofree char *round = NULL;
  g_autofree char *facilitator = NULL;
  JsonObject *answers;
  gint64 participants = 0;
  guint scope = 0;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_workbook_find_assessment (self, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate assessment id “%s”"), id);
      return;
    }

  assessment = pw_assessment_new (id);

  if (!json_object_has_member (object, "scope"))
    pw_json_reader_problem (reader, "scope", _("Required member is missing"));
  else if (read_enum (reader, object, "scope", scopes, G_N_ELEMENTS (scopes), &scope)
           && scope == 1)
    {
      if (pw_json_read_string (reader, object, "team", PW_JSON_REQUIRED | PW_JSON_ID, 0, &team)
          && pw_org_map_find_team (pw_workbook_get_org_map (self), team) == NULL)
        pw_json_reader_problem (reader, "team", _("Unknown team id “%s”"), team);
    }
  else if (json_object_has_member (object, "team"))
    {
      pw_json_reader_problem (reader, "team",
                              _("Only an assessment of a team names a team"));
    }

  pw_json_read_string (reader, object, "date",
                       PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_DATE, 10, &date);
  pw_json_read_string (reader, object, "round", 0, PW_MAX_NAME_CHARS, &round);
  pw_json_read_string (reader, object, "facilitator", 0, PW_MAX_NAME_CHARS, &facilitator);
  pw_json_read_int (reader, object, "participants", 0, 0, 100000, &participants);

  pw_assessment_set_team_id (assessment, team);
  pw_assessment_set_date (assessment, date);
  pw_assessment_set_round (assessment, round);
  pw_assessment_set_facilitator (assessment, facilitator);
  pw_assessment_set_participants (assessment, (int) participants);

  answers = pw_json_read_object (reader, object, "answers", 0);
  if (answers != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (answers);

      pw_json_reader_push_member (reader, "answers");
      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *question_id = l->data;
          JsonObject *answer = pw_json_read_object (reader, answers, question_id,
                                                    PW_JSON_REQUIRED);

          if (pw_framework_find_question (framework, question_id) == NULL)
            {
              pw_json_reader_problem (reader, question_id, _("Unknown question id"));
              continue;
            }
          if (answer == NULL)
            continue;

          pw_json_reader_push_member (reader, question_id);
          read_answer (self, reader, assessment, question_id, answer);
          pw_json_reader_pop (reader);
        }
      pw_json_reader_pop (reader);
    }

  _pw_json_set_unknown (assessment, pw_json_collect_unknown (object, assessment_members));
  pw_workbook_add_assessment (self, assessment);
}

static void
read_report_cb (PwJsonReader *reader,
                JsonObject   *object,
                guint         index,
                gpointer      user_data)
{
  PwWorkbook *self = user_data;
  PwFramework *framework = pw_workbook_get_framework (self);
  g_autoptr(PwReportDraft) report = NULL;
  g_autofree char *id = NULL;
  g_autofree char *assessment = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  JsonObject *commentary;
  GListModel *reports = pw_workbook_get_reports (self);

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(PwReportDraft) other = g_list_model_get_item (reports, i);

      if (g_strcmp0 (pw_report_draft_get_id (other), id) == 0)
        {
          pw_json_reader_problem (reader, "id", _("Duplicate report id “%s”"), id);
          return;
        }
    }

  report = pw_report_draft_new (id);
  if (pw_json_read_string (reader, object, "assessment", PW_JSON_ID, 0, &assessment)
      && pw_workbook_find_assessment (self, assessment) == NULL)
    pw_json_reader_problem (reader, "assessment", _("Unknown assessment id “%s”"), assessment);
  pw_json_read_string (reader, object, "title", 0, PW_MAX_NAME_CHARS, &title);
  pw_json_read_string (reader, object, "summary", 0, PW_MAX_TEXT_CHARS, &summary);
  pw_report_draft_set_assessment_id (report, assessment);
  pw_report_draft_set_title (report, title);
  pw_report_draft_set_summary (report, summary);

  commentary = pw_json_read_object (reader, object, "commentary", 0);
  if (commentary != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (commentary);

      pw_json_reader_push_member (reader, "commentary");
      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *dimension_id = l->data;
          g_autofree char *text = NULL;

          if (pw_framework_find_dimension (framework, dimension_id) == NULL)
            {
              pw_json_reader_problem (reader, dimension_id, _("Unknown dimension id"));
              continue;
            }

          if (pw_json_read_string (reader, commentary, dimension_id, PW_JSON_REQUIRED,
                                   PW_MAX_TEXT_CHARS, &text))
            pw_report_draft_set_commentary (report, dimension_id, text);
        }
      pw_json_reader_pop (reader);
    }

  _pw_json_set_unknown (report, pw_json_collect_unknown (object, report_members));
  pw_workbook_add_report (self, report);
}

static PwWorkbook *
workbook_from_node (JsonNode  *node,
                    GError   **error)
{
  g_autoptr(PwJsonReader) reader = pw_json_reader_new ();
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(PwWorkbook) self = NULL;
  g_autofree char *format = NULL;
  JsonObject *root;
  JsonNode *framework_node;
  JsonNode *version;

  root = pw_json_read_root_object (reader, node);
  if (root == NULL)
    return pw_json_reader_finish (reader, error), NULL;

  if (pw_json_read_string (reader, root, "format", PW_JSON_REQUIRED, PW_MAX_NAME_CHARS, &format)
      && g_strcmp0 (format, PW_WORKBOOK_FORMAT) != 0)
    {
      g_autofree char *quoted = pw_json_quote_text (format);

      pw_json_reader_problem (reader, "format", _("Not a Phasewise workbook (format “%s”)"),
                              quoted);
      return pw_json_reader_finish (reader, error), NULL;
    }

  version = json_object_get_member (root, "format_version");
  if (version != NULL && JSON_NODE_HOLDS_VALUE (version)
      && json_node_get_value_type (version) == G_TYPE_INT64
      && json_node_get_int (version) > PW_WORKBOOK_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      /* Translators: %s is the version number found */
      g_set_error (error, PW_ERROR, PW_ERROR_NEWER_VERSION,
                   _("$.format_version: The workbook was made by a newer version of "
                     "Phasewise (format version %s; this version reads "
                     "%d). Update Phasewise to open it."),
                   number, PW_WORKBOOK_FORMAT_VERSION);
      return NULL;
    }

  if (!pw_json_read_int (reader, root, "format_version", PW_JSON_REQUIRED, 1,
                         PW_WORKBOOK_FORMAT_VERSION, NULL))
    return pw_json_reader_finish (reader, error), NULL;

  framework_node = json_object_get_member (root, "framework");
  if (framework_node == NULL || !JSON_NODE_HOLDS_OBJECT (framework_node))
    {
      pw_json_read_object (reader, root, "framework", PW_JSON_REQUIRED);
      return pw_json_reader_finish (reader, error), NULL;
    }

  if (!_pw_framework_check_format (json_node_get_object (framework_node), "$.framework", error))
    return NULL;

  pw_json_reader_push_member (reader, "framework");
  framework = _pw_framework_new_from_node (framework_node, reader);
  pw_json_reader_pop (reader);
  if (framework == NULL)
    return pw_json_reader_finish (reader, error), NULL;

  self = pw_workbook_new (framework);
  read_organization (self, reader, root);
  read_org_map (self, reader, root);
  read_policy (self, reader, root);
  read_object_array (self, reader, root, "assessments", MAX_ASSESSMENTS, read_assessment_cb);
  read_object_array (self, reader, root, "reports", MAX_REPORTS, read_report_cb);
  _pw_json_set_unknown_named (self, "root", pw_json_collect_unknown (root, root_members));

  if (!pw_json_reader_finish (reader, error))
    return NULL;

  pw_workbook_set_modified (self, FALSE);

  return g_steal_pointer (&self);
}

/**
 * pw_workbook_load_from_bytes:
 *
 * Reads a workbook from the contents of a file.  On error, the message
 * names each problem's place: "line:column: …" for syntax and limits,
 * "$.json.path: …" (one line per problem) for content.
 *
 * Returns: (transfer full): the workbook, unmodified
 */
PwWorkbook *
pw_workbook_load_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) > PW_WORKBOOK_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (PW_WORKBOOK_MAX_BYTES);

      g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
                   _("1:1: A workbook may not be larger than %s"), limit);
      return NULL;
    }

  root = pw_json_parse_bytes (bytes, error);
  if (root == NULL)
    return NULL;

  return workbook_from_node (root, error);
}

static char *
checksum_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/**
 * pw_workbook_load:
 *
 * Loads a workbook file and remembers its state on disk, so that a later
 * save can tell whether someone else changed it meanwhile.
 *
 * Returns: (transfer full): the workbook
 */
PwWorkbook *
pw_workbook_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwWorkbook) self = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *checksum = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a workbook"));
      return NULL;
    }

  /* A pipe or a device has no size to check and may never end. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > PW_WORKBOOK_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (PW_WORKBOOK_MAX_BYTES);

      g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
                   _("1:1: A workbook may not be larger than %s"), limit);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, &etag, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  self = pw_workbook_load_from_bytes (bytes, error);
  if (self == NULL)
    return NULL;

  checksum = checksum_bytes (bytes);
  _pw_workbook_set_disk_state (self, file, etag, checksum);

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PwWorkbook *workbook = pw_workbook_load (task_data, cancellable, &error);

  if (workbook == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workbook, g_object_unref);
}

void
pw_workbook_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_workbook_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * pw_workbook_load_get_file:
 *
 * Returns: (transfer none): the file that pw_workbook_load_async() loaded
 */
GFile *
pw_workbook_load_get_file (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_get_task_data (G_TASK (result));
}

PwWorkbook *
pw_workbook_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------
 * Writing
 */

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
      json_object_set_string_member (t, "kind",
                                     pw_team_get_kind (team) == PW_TEAM_HUB ? "hub" : "spoke");
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
      set_unknown_and_wrap (team_array, t, team);
    }

  for (guint i = 0; i < pw_org_map_get_n_links (map); i++)
    {
      JsonObject *l = json_object_new ();
      const char *from, *to;

      pw_org_map_get_link (map, i, &from, &to);
      json_object_set_string_member (l, "from", from);
      json_object_set_string_member (l, "to", to);
      pw_json_append_unknown (l, _pw_org_map_get_link_unknown (map, i));
      json_array_add_object_element (link_array, l);
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
  json_object_set_string_member (object, "status",
                                 policy_status_names[pw_policy_item_get_status (item)]);
  pw_json_set_string_if (object, "owner", pw_policy_item_get_owner (item));
  pw_json_set_string_if (object, "review_date", pw_policy_item_get_review_date (item));
  pw_json_set_string_if (object, "note", pw_policy_item_get_note (item));
  pw_json_set_string_if (object, "link", pw_policy_item_get_link (item));
}

static JsonObject *
write_policy (PwWorkbook *self)
{
  GListModel *items = pw_policy_get_items (pw_workbook_get_policy (self));
  JsonObject *object = json_object_new ();
  JsonObject *states = json_object_new ();
  JsonArray *custom = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);
      JsonObject *o;

      if (pw_policy_item_get_custom (item))
        {
          o = json_object_new ();
          json_object_set_string_member (o, "id", pw_policy_item_get_id (item));
          json_object_set_string_member (o, "category", pw_policy_item_get_category (item));
          json_object_set_string_member (o, "title", pw_policy_item_get_title (item));
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
  json_object_set_array_member (object, "custom_items", custom);
  pw_json_append_unknown (object, _pw_json_get_unknown_named (self, "policy"));

  return object;
}

static JsonObject *
write_answer (PwAnswer *answer)
{
  JsonObject *object = json_object_new ();

  switch (pw_answer_get_kind (answer))
    {
    case PW_ANSWER_OPTION:
      json_object_set_int_member (object, "value", pw_answer_get_phase (answer));
      break;

    case PW_ANSWER_DONT_KNOW:
      json_object_set_string_member (object, "value", "dont-know");
      break;

    case PW_ANSWER_NOT_APPLICABLE:
      json_object_set_string_member (object, "value", "not-applicable");
      break;

    case PW_ANSWER_NONE:
    default:
      break;
    }

  pw_json_set_string_if (object, "note", pw_answer_get_note (answer));
  pw_json_set_string_if (object, "evidence", pw_answer_get_evidence (answer));
  pw_json_append_unknown (object, _pw_json_get_unknown (answer));

  return object;
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

      json_object_set_string_member (object, "id", pw_report_draft_get_id (report));
      pw_json_set_string_if (object, "assessment", pw_report_draft_get_assessment_id (report));
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

  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);

  json_object_set_string_member (root, "format", PW_WORKBOOK_FORMAT);
  json_object_set_int_member (root, "format_version", PW_WORKBOOK_FORMAT_VERSION);
  json_object_set_object_member (root, "organization", write_organization (self));
  json_object_set_object_member (root, "org_map", write_org_map (self));
  json_object_set_object_member (root, "policy", write_policy (self));
  json_object_set_array_member (root, "assessments", write_assessments (self));
  json_object_set_array_member (root, "reports", write_reports (self));
  json_object_set_member (root, "framework",
                          json_node_ref (pw_framework_get_snapshot (pw_workbook_get_framework (self))));
  pw_json_append_unknown (root, _pw_json_get_unknown_named (self, "root"));

  json_node_take_object (node, root);

  return pw_json_to_bytes (node);
}

/* ------------------------------------------------------------------------
 * Saving
 */

typedef struct
{
  GFile       *file;
  GBytes      *bytes;
  char        *etag;       /* as last loaded or saved, or NULL */
  char        *checksum;   /* of those bytes */
  gboolean     same_file;  /* saving back to where it came from */
  PwSaveFlags  flags;
  guint64      generation;
  char        *new_etag;
  char        *new_checksum;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->etag);
  g_free (data->checksum);
  g_free (data->new_etag);
  g_free (data->new_checksum);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

/**
 * pw_workbook_get_backup_file:
 *
 * Returns: (transfer full): where the previous version of @file is kept:
 *   in the user's data folder, named after the file and a hash of its path
 */
GFile *
pw_workbook_get_backup_file (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  const char *dot;

  dot = strrchr (base, '.');
  stem = dot && dot != base ? g_strndup (base, (gsize) (dot - base)) : g_strdup (base);
  hash[12] = '\0';
  name = g_strdup_printf ("%s-%s.phasewise", stem, hash);

  return g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "backups", name, NULL);
}

static void
write_backup (const char *path,
              GFile      *file)
{
  g_autoptr(GFile) backup = pw_workbook_get_backup_file (file);
  g_autoptr(GFile) parent = g_file_get_parent (backup);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_file_get_path (backup);
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* A backup is a courtesy: when it cannot be written the save goes on. */
  if (!g_file_get_contents (path, &contents, &length, &error)
      || (!g_file_make_directory_with_parents (parent, NULL, &error)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
    {
      g_debug ("No backup of %s: %s", path, error->message);
      return;
    }
  g_clear_error (&error);

  if (!g_file_set_contents_full (backup_path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("No backup of %s: %s", path, error->message);
}

/* Whether the file holds other bytes than those last loaded or saved.  The
 * etag is only the modification time, which another writer can keep
 * (cp -p, rsync -t, a coarse clock), so the contents are compared. */
static gboolean
changed_on_disk (const char *path,
                 const char *checksum)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *disk_checksum = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    /* Removed meanwhile: saving puts it back.  Unreadable: cannot tell. */
    return !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  disk_checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                               length);

  return g_strcmp0 (disk_checksum, checksum) != 0;
}

/* Runs in a worker thread: touches nothing but @data. */
static gboolean
save_data_write (SaveData      *data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *given_path = g_file_get_path (data->file);
  g_autofree char *path = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gboolean existed = FALSE;
  int mode = 0666;
  gsize length = 0;
  const char *contents;

  if (given_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Workbooks can only be saved to local files"));
      return FALSE;
    }

  /* Follow a symbolic link, so that the link stays and its target is
   * replaced. */
  path = g_canonicalize_filename (given_path, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *real = realpath (path, NULL);

      if (real != NULL)
        {
          g_free (path);
          path = g_strdup (real);
          free (real);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                               _("A folder of that name is in the way"));
          return FALSE;
        }

      existed = TRUE;
      mode = st.st_mode & 07777;

      if (data->same_file && data->checksum != NULL && !(data->flags & PW_SAVE_OVERWRITE)
          && changed_on_disk (path, data->checksum))
        {
          g_set_error_literal (error, PW_ERROR, PW_ERROR_MODIFIED,
                               _("The file was changed by someone else since it was opened"));
          return FALSE;
        }

      if (!(data->flags & PW_SAVE_NO_BACKUP))
        write_backup (path, data->file);
    }

  contents = g_bytes_get_data (data->bytes, &length);
  if (!g_file_set_contents_full (path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      if (local_error->domain == G_FILE_ERROR)
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The new file was created under the umask: give it the old one's mode,
   * so that a group-writable document stays group-writable. */
  if (existed && g_chmod (path, mode) != 0)
    g_debug ("Could not keep the mode of %s: %s", path, g_strerror (errno));

  target = g_file_new_for_path (path);
  info = g_file_query_info (target, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  data->new_etag = info ? g_strdup (g_file_info_get_etag (info)) : NULL;
  data->new_checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data->bytes);

  return TRUE;
}

/* Takes the workbook's state on disk as it is when the write starts: a save
 * queued behind another sees the state that one left. */
static void
save_data_refresh (SaveData   *data,
                   PwWorkbook *self)
{
  GFile *current = pw_workbook_get_file (self);
  const char *etag, *checksum;

  _pw_workbook_get_disk_state (self, &etag, &checksum);
  data->same_file = current != NULL && g_file_equal (current, data->file);
  g_free (data->etag);
  data->etag = g_strdup (etag);
  g_free (data->checksum);
  data->checksum = g_strdup (checksum);
}

static SaveData *
save_data_new (PwWorkbook  *self,
               GFile       *file,
               PwSaveFlags  flags)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->file = g_object_ref (file);
  data->bytes = pw_workbook_serialize (self);
  data->flags = flags;
  data->generation = pw_workbook_get_generation (self);
  save_data_refresh (data, self);

  return data;
}

static void
save_data_apply (PwWorkbook *self,
                 SaveData   *data)
{
  _pw_workbook_set_disk_state (self, data->file, data->new_etag, data->new_checksum);

  /* Edits made while the file was being written still need saving. */
  if (pw_workbook_get_generation (self) == data->generation)
    pw_workbook_set_modified (self, FALSE);
}

static void
prefix_save_error (GError **error,
                   GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* Translators: %s is a file's name; the reason follows */
  g_prefix_error (error, _("Could not save “%s”: "), name);
}

/*
 * Saves of one workbook never overlap: an asynchronous save asked for while
 * another runs waits in the workbook's queue, and a synchronous one fails
 * with G_IO_ERROR_BUSY.
 */
typedef struct
{
  gboolean busy;
  GQueue   waiting;  /* GTask */
} SaveQueue;

static void
save_queue_free (SaveQueue *queue)
{
  g_assert (!queue->busy);
  g_assert (g_queue_is_empty (&queue->waiting));
  g_free (queue);
}

static SaveQueue *
get_save_queue (PwWorkbook *self)
{
  SaveQueue *queue = g_object_get_data (G_OBJECT (self), "pw-save-queue");

  if (queue == NULL)
    {
      queue = g_new0 (SaveQueue, 1);
      g_queue_init (&queue->waiting);
      g_object_set_data_full (G_OBJECT (self), "pw-save-queue", queue,
                              (GDestroyNotify) save_queue_free);
    }

  return queue;
}

/**
 * pw_workbook_save:
 * @file: where to save; the workbook's own file for "Save"
 *
 * Saves atomically: the new version is written to a temporary file in the
 * same folder, flushed to disk and renamed over the old one, so that a
 * failure leaves the previous file as it was.  A copy of the previous
 * version is kept (see pw_workbook_get_backup_file()).  Saving back to the
 * file the workbook came from fails with %PW_ERROR_MODIFIED when someone
 * else changed it meanwhile, unless @flags has %PW_SAVE_OVERWRITE.  While an
 * asynchronous save of the workbook runs, fails with %G_IO_ERROR_BUSY.
 *
 * Returns: %TRUE on success, when the workbook is no longer modified
 */
gboolean
pw_workbook_save (PwWorkbook    *self,
                  GFile         *file,
                  PwSaveFlags    flags,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(SaveData) data = NULL;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (get_save_queue (self)->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Another save of this workbook is still running"));
      prefix_save_error (error, file);
      return FALSE;
    }

  data = save_data_new (self, file, flags);
  if (!save_data_write (data, cancellable, error))
    {
      prefix_save_error (error, file);
      return FALSE;
    }

  save_data_apply (self, data);

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_data_write (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_save (PwWorkbook *self,
                        GTask      *task);

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PwWorkbook *self = PW_WORKBOOK (object);
  g_autoptr(GTask) task = user_data;
  SaveQueue *queue = get_save_queue (self);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  queue->busy = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    save_data_apply (self, data);
  else
    prefix_save_error (&error, data->file);

  if (!g_queue_is_empty (&queue->waiting))
    start_save (self, g_queue_pop_head (&queue->waiting));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Takes over @task. */
static void
start_save (PwWorkbook *self,
            GTask      *task)
{
  g_autoptr(GTask) worker = NULL;
  SaveData *data = g_task_get_task_data (task);

  get_save_queue (self)->busy = TRUE;
  save_data_refresh (data, self);

  worker = g_task_new (self, g_task_get_cancellable (task), save_done_cb, task);
  g_task_set_source_tag (worker, start_save);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, save_thread);
}

/**
 * pw_workbook_save_async:
 *
 * Like pw_workbook_save(); the workbook is serialized before this returns
 * and written in a worker thread.  A save asked for while another runs
 * starts when that one has finished.
 */
void
pw_workbook_save_async (PwWorkbook          *self,
                        GFile               *file,
                        PwSaveFlags          flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  SaveQueue *queue;
  GTask *task;

  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_workbook_save_async);
  g_task_set_task_data (task, save_data_new (self, file, flags), (GDestroyNotify) save_data_free);

  queue = get_save_queue (self);
  if (queue->busy)
    g_queue_push_tail (&queue->waiting, task);
  else
    start_save (self, task);
}

gboolean
pw_workbook_save_finish (PwWorkbook    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pw_workbook_changed_on_disk:
 *
 * Returns: %TRUE when the workbook's file was changed by someone else
 *   since it was loaded or saved
 */
gboolean
pw_workbook_changed_on_disk (PwWorkbook   *self,
                             GCancellable *cancellable)
{
  g_autofree char *path = NULL;
  const char *etag, *checksum;
  GFile *file;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), FALSE);

  file = pw_workbook_get_file (self);
  _pw_workbook_get_disk_state (self, &etag, &checksum);
  if (file == NULL || checksum == NULL || (path = g_file_get_path (file)) == NULL)
    return FALSE;

  return changed_on_disk (path, checksum);
}
