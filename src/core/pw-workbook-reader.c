/* pw-workbook-reader.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-workbook-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-error.h"
#include "pw-framework-private.h"
#include "pw-json-reader.h"
#include "pw-json-util.h"
#include "pw-json-util-private.h"
#include "pw-policy-private.h"
#include "pw-workbook-io.h"
#include "pw-workbook-io-private.h"

/*
 * Reading workbook files.  The format is documented in
 * docs/file-format.md.  Reading never trusts the file: the bytes are
 * checked strictly before json-glib sees them, and every member is checked
 * for its type and range; every problem is reported with its JSON path.
 * Members this version does not know are kept with the objects they belong
 * to, for pw-workbook-writer.c to write back.
 */

#define MAX_TEAMS        10000
#define MAX_LINKS        50000
#define MAX_ASSESSMENTS  10000
#define MAX_CHANNELS     100
#define MAX_REPORTS      1000
#define MAX_OMITTED      64

static const char * const root_members[] = {
  "format", "format_version", "organization", "org_map", "policy", "assessments", "reports",
  "framework", NULL
};
static const char * const organization_members[] = {
  "name", "industry", "size", "region", NULL
};
static const char * const org_map_members[] = { "teams", "links", NULL };
static const char * const team_members[] = {
  "id", "name", "kind", "function", "region", "headcount", "smes", "channels", "x", "y", "notes", NULL
};
static const char * const link_members[] = { "from", "to", NULL };
static const char * const policy_members[] = {
  "history_since", "items", "custom_categories", "custom_items", NULL
};
static const char * const item_state_members[] = {
  "status", "reason", "owner", "review_date", "note", "link", "history", NULL
};
static const char * const custom_item_members[] = {
  "id", "category", "title", "description", "core",
  "status", "reason", "owner", "review_date", "note", "link", "history", NULL
};
static const char * const custom_category_members[] = { "id", "name", NULL };
static const char * const change_members[] = {
  "date", "status", "previous", "by", "reason", NULL
};
static const char * const assessment_members[] = {
  "id", "scope", "team", "date", "round", "facilitator", "participants", "hide_phases",
  "answers", "retired_answers", NULL
};
static const char * const answer_members[] = { "value", "note", "evidence", NULL };
static const char * const report_members[] = {
  "id", "assessment", "compare", "title", "summary", "commentary", "omit", NULL
};

const char * const _pw_policy_status_names[PW_POLICY_NOT_APPLICABLE + 1] = {
  [PW_POLICY_MISSING] = "missing",
  [PW_POLICY_DRAFTING] = "drafting",
  [PW_POLICY_IN_PLACE] = "in-place",
  [PW_POLICY_NOT_APPLICABLE] = "not-applicable",
};

const char * const _pw_team_kind_names[PW_TEAM_SPOKE + 1] = {
  [PW_TEAM_HUB] = "hub",
  [PW_TEAM_SPOKE] = "spoke",
};

const char * const _pw_answer_kind_names[PW_ANSWER_NOT_APPLICABLE + 1] = {
  [PW_ANSWER_DONT_KNOW] = "dont-know",
  [PW_ANSWER_NOT_APPLICABLE] = "not-applicable",
};

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
  pw_json_read_string (reader, object, "name", PW_JSON_LINE, PW_MAX_NAME_CHARS, &name);
  pw_json_read_string (reader, object, "industry", PW_JSON_LINE, PW_MAX_NAME_CHARS, &industry);
  pw_json_read_string (reader, object, "size", PW_JSON_LINE, PW_MAX_NAME_CHARS, &size);
  pw_json_read_string (reader, object, "region", PW_JSON_LINE, PW_MAX_NAME_CHARS, &region);
  pw_json_reader_pop (reader);

  pw_workbook_set_name (self, name);
  pw_workbook_set_industry (self, industry);
  pw_workbook_set_size (self, size);
  pw_workbook_set_region (self, region);
  _pw_json_set_unknown_named (self, "organization",
                              pw_json_collect_unknown (object, organization_members));
}

/* Finds @value in @names, whose %NULL entries are values without a name. */
static gboolean
find_name (const char * const *names,
           guint               n_names,
           const char         *value,
           guint              *out)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], value) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Reads the choice @member as the index of its name in @names.  With
 * %PW_JSON_REQUIRED, an absent member and null are both "missing": a
 * required choice never falls back to a default. */
static gboolean
read_enum (PwJsonReader       *reader,
           JsonObject         *object,
           const char         *member,
           PwJsonFlags         flags,
           const char * const *names,
           guint               n_names,
           guint              *out)
{
  g_autofree char *value = NULL;

  if (!pw_json_read_string (reader, object, member, flags, PW_MAX_NAME_CHARS, &value))
    return FALSE;

  if (find_name (names, n_names, value, out))
    return TRUE;

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
  PwOrgMap *map = pw_workbook_get_org_map (self);
  g_autoptr(PwTeam) team = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *function = NULL;
  g_autofree char *region = NULL;
  g_autofree char *notes = NULL;
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

  pw_json_read_string (reader, object, "name",
                       PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_LINE, PW_MAX_NAME_CHARS,
                       &name);
  read_enum (reader, object, "kind", PW_JSON_REQUIRED, _pw_team_kind_names,
             G_N_ELEMENTS (_pw_team_kind_names), &kind);
  pw_json_read_string (reader, object, "function", PW_JSON_LINE, PW_MAX_NAME_CHARS,
                       &function);
  pw_json_read_string (reader, object, "region", PW_JSON_LINE, PW_MAX_NAME_CHARS, &region);
  pw_json_read_int (reader, object, "headcount", 0, 0, 1000000, &headcount);
  pw_json_read_int (reader, object, "smes", 0, 0, 10000000, &smes);
  pw_json_read_int (reader, object, "x", 0, -1000000, 1000000, &x);
  pw_json_read_int (reader, object, "y", 0, -1000000, 1000000, &y);
  pw_json_read_string (reader, object, "notes", 0, PW_MAX_TEXT_CHARS, &notes);

  array = pw_json_read_array (reader, object, "channels", 0, MAX_CHANNELS);
  if (array != NULL)
    {
      pw_json_reader_push_member (reader, "channels");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *channel = NULL;

          if (pw_json_read_element_string (reader, array, i, PW_JSON_LINE, PW_MAX_NAME_CHARS,
                                           &channel))
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
  pw_team_set_notes (team, notes);
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
  g_autoptr(PwLink) link = NULL;
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

  link = pw_link_new (from, to);
  _pw_json_set_unknown (link, pw_json_collect_unknown (object, link_members));
  if (!pw_org_map_add_link (map, link))
    pw_json_reader_problem (reader, NULL, _("Duplicate link between “%s” and “%s”"), from, to);
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

typedef struct
{
  GPtrArray *changes;
  gboolean   broken;
} ChangesRead;

static void
read_change_cb (PwJsonReader *reader,
                JsonObject   *object,
                guint         index,
                gpointer      user_data)
{
  ChangesRead *read = user_data;
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;
  g_autofree char *reason = NULL;
  guint status = 0, previous = 0;
  PwPolicyChange *change;
  guint n_problems = pw_json_reader_n_problems (reader);

  pw_json_read_string (reader, object, "date", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_DATE,
                       10, &date);
  read_enum (reader, object, "status", PW_JSON_REQUIRED, _pw_policy_status_names,
             G_N_ELEMENTS (_pw_policy_status_names), &status);
  read_enum (reader, object, "previous", PW_JSON_REQUIRED, _pw_policy_status_names,
             G_N_ELEMENTS (_pw_policy_status_names), &previous);
  pw_json_read_string (reader, object, "by", PW_JSON_LINE, PW_MAX_NAME_CHARS, &by);
  pw_json_read_string (reader, object, "reason", 0, PW_MAX_TEXT_CHARS, &reason);

  if (pw_json_reader_n_problems (reader) > n_problems)
    {
      read->broken = TRUE;
      return;
    }

  if (read->changes->len > 0)
    {
      PwPolicyChange *last = g_ptr_array_index (read->changes, read->changes->len - 1);

      if (strcmp (date, last->date) < 0)
        pw_json_reader_problem (reader, "date",
                                _("The history is not in the order of its dates: %s comes after %s"),
                                date, last->date);
      if (previous != last->status)
        pw_json_reader_problem (reader, "previous",
                                /* Translators: both %s are statuses as the file spells them */
                                _("The status before this change is “%s”, but the change before "
                                  "it set “%s”"),
                                _pw_policy_status_names[previous],
                                _pw_policy_status_names[last->status]);
    }

  change = pw_policy_change_new (date, status, previous, by, reason);
  change->unknown = pw_json_collect_unknown (object, change_members);
  g_ptr_array_add (read->changes, change);
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
  g_autofree char *reason = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_policy_change_free);
  ChangesRead read = { changes, FALSE };
  JsonArray *history;
  guint status = PW_POLICY_MISSING;
  gboolean status_read = TRUE;

  if (json_object_has_member (object, "status"))
    status_read = read_enum (reader, object, "status", 0, _pw_policy_status_names,
                             G_N_ELEMENTS (_pw_policy_status_names), &status);
  pw_json_read_string (reader, object, "reason", 0, PW_MAX_TEXT_CHARS, &reason);
  pw_json_read_string (reader, object, "owner", PW_JSON_LINE, PW_MAX_NAME_CHARS, &owner);
  pw_json_read_string (reader, object, "review_date", PW_JSON_DATE, 10, &review_date);
  pw_json_read_string (reader, object, "note", 0, PW_MAX_TEXT_CHARS, &note);
  pw_json_read_string (reader, object, "link", PW_JSON_LINE, PW_MAX_NAME_CHARS * 4, &link);

  history = pw_json_read_array (reader, object, "history", 0, PW_POLICY_MAX_CHANGES);
  if (history != NULL)
    pw_json_reader_foreach_object (reader, history, "history", read_change_cb, &read);

  if (status_read && !read.broken && changes->len > 0)
    {
      PwPolicyChange *last = g_ptr_array_index (changes, changes->len - 1);

      if (last->status != status)
        pw_json_reader_problem (reader, "status",
                                /* Translators: both %s are statuses as the file spells them */
                                _("The status is “%s”, but the last change in its history set “%s”"),
                                _pw_policy_status_names[status],
                                _pw_policy_status_names[last->status]);
    }

  if (status == PW_POLICY_NOT_APPLICABLE && pw_policy_item_get_core (item)
      && !pw_text_is_visible (reason))
    pw_json_reader_problem (reader, "reason",
                            _("A core item marked not applicable needs a reason"));
  if (status != PW_POLICY_NOT_APPLICABLE)
    g_clear_pointer (&reason, g_free);

  _pw_policy_item_set_status_state (item, (PwPolicyStatus) status, reason, changes);
  pw_policy_item_set_owner (item, owner);
  pw_policy_item_set_review_date (item, review_date);
  pw_policy_item_set_note (item, note);
  pw_policy_item_set_link (item, link);
}

static void
read_custom_category_cb (PwJsonReader *reader,
                         JsonObject   *object,
                         guint         index,
                         gpointer      user_data)
{
  PwWorkbook *self = user_data;
  PwPolicy *policy = pw_workbook_get_policy (self);
  g_autoptr(PwCustomCategory) category = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_policy_has_category (policy, id))
    {
      pw_json_reader_problem (reader, "id", _("Duplicate policy category id “%s”"), id);
      return;
    }

  pw_json_read_string (reader, object, "name",
                       PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_LINE, PW_MAX_NAME_CHARS,
                       &name);
  category = pw_custom_category_new (id, name);
  _pw_json_set_unknown (category, pw_json_collect_unknown (object, custom_category_members));
  pw_policy_add_custom_category (policy, category);
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
      && !pw_policy_has_category (policy, category))
    pw_json_reader_problem (reader, "category", _("Unknown policy category “%s”"), category);
  pw_json_read_string (reader, object, "title",
                       PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_LINE, PW_MAX_NAME_CHARS,
                       &title);
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

  if (json_object_has_member (object, "history_since"))
    {
      g_autofree char *since = NULL;

      if (pw_json_read_string (reader, object, "history_since",
                               PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_DATE, 10, &since))
        pw_policy_set_history_since (policy, since);
    }

  read_object_array (self, reader, object, "custom_categories", PW_POLICY_MAX_CUSTOM_CATEGORIES,
                     read_custom_category_cb);

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

  read_object_array (self, reader, object, "custom_items", PW_POLICY_MAX_CUSTOM_ITEMS,
                     read_custom_item_cb);
  pw_json_reader_pop (reader);

  _pw_json_set_unknown_named (self, "policy", pw_json_collect_unknown (object, policy_members));
}

static void
read_answer_into (PwJsonReader *reader,
                  JsonObject   *object,
                  PwAnswer     *answer)
{
  g_autofree char *note = NULL;
  g_autofree char *evidence = NULL;
  JsonNode *value = json_object_get_member (object, "value");

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value)
      && json_node_get_value_type (value) == G_TYPE_INT64)
    {
      gint64 phase = 0;

      if (pw_json_read_int (reader, object, "value", 0, 1, PW_N_PHASES, &phase))
        pw_answer_choose (answer, (int) phase);
    }
  else if (value != NULL && !JSON_NODE_HOLDS_NULL (value))
    {
      guint kind = PW_ANSWER_NONE;

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        pw_json_reader_problem (reader, "value",
                                _("Expected a phase from 1 to 5, “dont-know” or "
                                  "“not-applicable”"));
      else if (find_name (_pw_answer_kind_names, G_N_ELEMENTS (_pw_answer_kind_names),
                          json_node_get_string (value), &kind))
        pw_answer_set_kind (answer, (PwAnswerKind) kind);
      else
        {
          g_autofree char *quoted = pw_json_quote_text (json_node_get_string (value));

          pw_json_reader_problem (reader, "value",
                                  /* Translators: %s is the value found in the file */
                                  _("Expected a phase from 1 to 5, “dont-know” or "
                                    "“not-applicable”, found “%s”"), quoted);
        }
    }

  pw_json_read_string (reader, object, "note", 0, PW_MAX_TEXT_CHARS, &note);
  pw_json_read_string (reader, object, "evidence", 0, PW_MAX_TEXT_CHARS, &evidence);
  pw_answer_set_note (answer, note);
  pw_answer_set_evidence (answer, evidence);
  _pw_json_set_unknown (answer, pw_json_collect_unknown (object, answer_members));
}

static void
read_answer (PwWorkbook   *self,
             PwJsonReader *reader,
             PwAssessment *assessment,
             const char   *question_id,
             JsonObject   *object)
{
  read_answer_into (reader, object, pw_assessment_ensure_answer (assessment, question_id));
}

/* An answer to a question a later framework retired: the answer as it
 * was, with the question's text and version, for it to be shown. */
static void
read_retired_answer (PwJsonReader *reader,
                     PwAssessment *assessment,
                     const char   *question_id,
                     JsonObject   *object)
{
  g_autoptr(PwAnswer) answer = pw_answer_new (question_id);
  g_autofree char *version = NULL;
  g_autofree char *question = NULL;
  g_autofree char *option = NULL;

  read_answer_into (reader, object, answer);
  if (pw_json_read_string (reader, object, "framework_version", PW_JSON_REQUIRED, 32, &version)
      && !pw_is_semantic_version (version))
    pw_json_reader_problem (reader, "framework_version",
                            _("Not a semantic version (MAJOR.MINOR.PATCH)"));
  pw_json_read_string (reader, object, "question", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       PW_MAX_TEXT_CHARS, &question);
  pw_json_read_string (reader, object, "option", 0, PW_MAX_TEXT_CHARS, &option);

  if (version != NULL && question != NULL)
    pw_assessment_add_retired_answer (assessment,
                                      pw_retired_answer_new (question_id, version, question,
                                                             option, answer));
}

static void
read_retired_answers (PwJsonReader *reader,
                      PwAssessment *assessment,
                      JsonObject   *object)
{
  JsonObject *retired = pw_json_read_object (reader, object, "retired_answers", 0);
  g_autoptr(GList) members = NULL;

  if (retired == NULL)
    return;

  members = json_object_get_members (retired);
  pw_json_reader_push_member (reader, "retired_answers");
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *question_id = l->data;
      JsonObject *answer;

      if (!pw_is_valid_id (question_id))
        {
          pw_json_reader_problem (reader, question_id, _("Not a valid identifier"));
          continue;
        }

      answer = pw_json_read_object (reader, retired, question_id, PW_JSON_REQUIRED);
      if (answer == NULL)
        continue;

      pw_json_reader_push_member (reader, question_id);
      read_retired_answer (reader, assessment, question_id, answer);
      pw_json_reader_pop (reader);
    }
  pw_json_reader_pop (reader);
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
  gboolean hide_phases = FALSE;
  gboolean has_scope;
  guint scope = 0;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_workbook_find_assessment (self, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate assessment id “%s”"), id);
      return;
    }

  assessment = pw_assessment_new (id);

  /* A scope missing, null or unknown is reported; "team" is then not looked at. */
  has_scope = read_enum (reader, object, "scope", PW_JSON_REQUIRED, scopes,
                         G_N_ELEMENTS (scopes), &scope);
  if (has_scope && scope == 1)
    {
      if (pw_json_read_string (reader, object, "team", PW_JSON_REQUIRED | PW_JSON_ID, 0, &team)
          && pw_org_map_find_team (pw_workbook_get_org_map (self), team) == NULL)
        pw_json_reader_problem (reader, "team", _("Unknown team id “%s”"), team);
    }
  else if (has_scope && json_object_has_member (object, "team"))
    {
      pw_json_reader_problem (reader, "team",
                              _("Only an assessment of a team names a team"));
    }

  pw_json_read_string (reader, object, "date",
                       PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_DATE, 10, &date);
  pw_json_read_string (reader, object, "round", PW_JSON_LINE, PW_MAX_NAME_CHARS, &round);
  pw_json_read_string (reader, object, "facilitator", PW_JSON_LINE, PW_MAX_NAME_CHARS,
                       &facilitator);
  pw_json_read_int (reader, object, "participants", 0, 0, 100000, &participants);
  pw_json_read_bool (reader, object, "hide_phases", 0, &hide_phases);

  pw_assessment_set_team_id (assessment, team);
  pw_assessment_set_date (assessment, date);
  pw_assessment_set_round (assessment, round);
  pw_assessment_set_facilitator (assessment, facilitator);
  pw_assessment_set_participants (assessment, (int) participants);
  pw_assessment_set_hide_phases (assessment, hide_phases);

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

  read_retired_answers (reader, assessment, object);

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
  g_autofree char *compare = NULL;
  g_autoptr(GStrvBuilder) omitted = g_strv_builder_new ();
  g_auto(GStrv) omitted_list = NULL;
  JsonObject *commentary;
  JsonArray *array;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_workbook_find_report (self, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate report id “%s”"), id);
      return;
    }

  report = pw_report_draft_new (id);
  if (pw_json_read_string (reader, object, "assessment", PW_JSON_ID, 0, &assessment)
      && pw_workbook_find_assessment (self, assessment) == NULL)
    pw_json_reader_problem (reader, "assessment", _("Unknown assessment id “%s”"), assessment);
  if (pw_json_read_string (reader, object, "compare", PW_JSON_ID, 0, &compare)
      && pw_workbook_find_assessment (self, compare) == NULL)
    pw_json_reader_problem (reader, "compare", _("Unknown assessment id “%s”"), compare);
  pw_json_read_string (reader, object, "title", PW_JSON_LINE, PW_MAX_NAME_CHARS, &title);
  pw_json_read_string (reader, object, "summary", 0, PW_MAX_TEXT_CHARS, &summary);

  /* Sections left out; ids of a newer version's sections are kept as read */
  array = pw_json_read_array (reader, object, "omit", 0, MAX_OMITTED);
  if (array != NULL)
    {
      pw_json_reader_push_member (reader, "omit");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *section = NULL;

          if (pw_json_read_element_string (reader, array, i, PW_JSON_ID, 0, &section))
            g_strv_builder_add (omitted, section);
        }
      pw_json_reader_pop (reader);
    }
  omitted_list = g_strv_builder_end (omitted);

  pw_report_draft_set_assessment_id (report, assessment);
  pw_report_draft_set_compare_id (report, compare);
  pw_report_draft_set_omitted_sections (report, (const char * const *) omitted_list);
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

/* A snapshot that names the bundled framework's id and version but holds
 * something else (a core flag removed, a weight changed) would give results
 * that are not that framework's under its name: it is marked, for the
 * window, --summary and --validate to say so. */
static gpointer
load_bundled_cb (gpointer data)
{
  return pw_framework_load_bundled (NULL);
}

static void
mark_if_differs_from_bundled (PwFramework *framework)
{
  static GOnce once = G_ONCE_INIT;
  PwFramework *bundled = g_once (&once, load_bundled_cb, NULL);  /* kept for the process */

  if (bundled == NULL
      || g_strcmp0 (pw_framework_get_id (framework), pw_framework_get_id (bundled)) != 0
      || g_strcmp0 (pw_framework_get_version (framework), pw_framework_get_version (bundled)) != 0)
    return;

  framework->differs_from_bundled =
    !json_node_equal (pw_framework_get_snapshot (framework), pw_framework_get_snapshot (bundled));
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
    {
      pw_json_reader_finish (reader, error);
      return NULL;
    }

  if (pw_json_read_string (reader, root, "format", PW_JSON_REQUIRED, PW_MAX_NAME_CHARS, &format)
      && g_strcmp0 (format, PW_WORKBOOK_FORMAT) != 0)
    {
      g_autofree char *quoted = pw_json_quote_text (format);

      pw_json_reader_problem (reader, "format", _("Not a Phasewise workbook (format “%s”)"),
                              quoted);
      pw_json_reader_finish (reader, error);
      return NULL;
    }

  version = json_object_get_member (root, "format_version");
  if (version != NULL && JSON_NODE_HOLDS_VALUE (version)
      && json_node_get_value_type (version) == G_TYPE_INT64
      && json_node_get_int (version) > PW_WORKBOOK_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (error, PW_ERROR, PW_ERROR_NEWER_VERSION,
                   /* Translators: the first %s is the place in the file,
                    * $.format_version; the second the version number found */
                   _("%s: The workbook was made by a newer version of "
                     "Phasewise (format version %s; this version reads "
                     "%d). Update Phasewise to open it."),
                   "$.format_version", number, PW_WORKBOOK_FORMAT_VERSION);
      return NULL;
    }

  if (!pw_json_read_int (reader, root, "format_version", PW_JSON_REQUIRED, 1,
                         PW_WORKBOOK_FORMAT_VERSION, NULL))
    {
      pw_json_reader_finish (reader, error);
      return NULL;
    }

  framework_node = json_object_get_member (root, "framework");
  if (framework_node == NULL || !JSON_NODE_HOLDS_OBJECT (framework_node))
    {
      pw_json_read_object (reader, root, "framework", PW_JSON_REQUIRED);
      pw_json_reader_finish (reader, error);
      return NULL;
    }

  if (!_pw_framework_check_format (json_node_get_object (framework_node), "$.framework", error))
    return NULL;

  pw_json_reader_push_member (reader, "framework");
  framework = _pw_framework_new_from_node (framework_node, reader);
  pw_json_reader_pop (reader);
  if (framework == NULL)
    {
      pw_json_reader_finish (reader, error);
      return NULL;
    }

  mark_if_differs_from_bundled (framework);

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

/* Sets @error to the %PW_ERROR_TOO_LARGE of a workbook larger than
 * %PW_WORKBOOK_MAX_BYTES. */
void
_pw_workbook_set_too_large (GError **error)
{
  g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
               /* Translators: %s is the place in the file as line:column,
                * here 1:1; %d a number of MiB, as in docs/file-format.md */
               _("%s: A workbook may not be larger than %d MiB"), "1:1", PW_WORKBOOK_MAX_MIB);
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
      _pw_workbook_set_too_large (error);
      return NULL;
    }

  root = pw_json_parse_bytes (bytes, error);
  if (root == NULL)
    return NULL;

  return workbook_from_node (root, error);
}
