/* pw-framework-reader.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-framework-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-error.h"
#include "pw-core-resources.h"
#include "pw-framework-private.h"
#include "pw-json-util.h"
#include "pw-validate.h"

/*
 * Reading framework files, as docs/framework-format.md describes them, and
 * the framework embedded in a workbook.  Like the workbook reader, it trusts
 * nothing: every member is checked for its type and range, and every
 * problem is reported with its JSON path.
 */

#define FRAMEWORK_RESOURCE "/io/github/phasewise/Phasewise/frameworks/lostinsm.json"
#define MAX_FRAMEWORK_BYTES (8 * 1024 * 1024)
#define MAX_TITLE_CHARS 200
#define MAX_FW_TEXT_CHARS 4000
#define MAX_WEIGHT 100

static void
read_string_array (PwJsonReader *reader,
                   JsonObject   *object,
                   const char   *member,
                   guint         min_length,
                   guint         max_length,
                   gsize         max_chars,
                   char        **out)
{
  JsonArray *array = pw_json_read_array (reader, object, member, PW_JSON_REQUIRED, 0);
  guint length;

  if (array == NULL)
    return;

  length = json_array_get_length (array);
  if (length < min_length || length > max_length)
    {
      if (min_length == max_length)
        pw_json_reader_problem (reader, member, _("Expected exactly %u entries, found %u"),
                                min_length, length);
      else
        pw_json_reader_problem (reader, member, _("Expected %u to %u entries, found %u"),
                                min_length, max_length, length);
      return;
    }

  pw_json_reader_push_member (reader, member);
  for (guint i = 0; i < length; i++)
    pw_json_read_element_string (reader, array, i, 0, max_chars, &out[i]);
  pw_json_reader_pop (reader);
}

static void
read_phase_cb (PwJsonReader *reader,
               JsonObject   *object,
               guint         index,
               gpointer      user_data)
{
  PwFramework *self = user_data;
  PwPhaseInfo *info = &self->phases[index];
  gint64 phase = 0;

  if (pw_json_read_int (reader, object, "phase", PW_JSON_REQUIRED, 1, PW_N_PHASES, &phase)
      && phase != (gint64) index + 1)
    pw_json_reader_problem (reader, "phase", _("Phases must be numbered 1 to 5 in order"));
  info->phase = (int) index + 1;
  pw_json_read_string (reader, object, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_LINE,
                       MAX_TITLE_CHARS, &info->name);
  pw_json_read_string (reader, object, "stage", PW_JSON_LINE,
                       MAX_TITLE_CHARS, &info->stage);
  pw_json_read_string (reader, object, "summary", PW_JSON_OPTIONAL,
                       MAX_FW_TEXT_CHARS, &info->summary);
}

static void
read_phases (PwFramework  *self,
             PwJsonReader *reader,
             JsonObject   *root)
{
  JsonArray *phases = pw_json_read_array (reader, root, "phases", PW_JSON_REQUIRED, 0);

  if (phases == NULL)
    return;

  if (json_array_get_length (phases) != PW_N_PHASES)
    {
      pw_json_reader_problem (reader, "phases", _("Expected exactly %u phases, found %u"),
                              PW_N_PHASES, json_array_get_length (phases));
      return;
    }

  pw_json_reader_foreach_object (reader, phases, "phases", read_phase_cb, self);
}

/* What the readers of a dimension's questions and a category's items need. */
typedef struct
{
  PwFramework      *self;
  PwDimension      *dimension;
  PwPolicyCategory *category;
} ReadContext;

/* A question's `replaces`: the ids of the previous version's questions
 * whose answers carry over to it (format version 2). */
static void
read_replaces (PwJsonReader *reader,
               JsonObject   *object,
               PwQuestion   *question)
{
  JsonArray *array = pw_json_read_array (reader, object, "replaces", PW_JSON_OPTIONAL, 100);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (array == NULL)
    return;

  builder = g_strv_builder_new ();
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pw_json_reader_push_member (reader, "replaces");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *id = NULL;

      if (!pw_json_read_element_string (reader, array, i, PW_JSON_ID, 0, &id))
        continue;

      if (g_hash_table_contains (seen, id))
        {
          pw_json_reader_push_index (reader, i);
          pw_json_reader_problem (reader, NULL, _("Duplicate question id “%s”"), id);
          pw_json_reader_pop (reader);
          continue;
        }

      g_strv_builder_add (builder, id);
      g_hash_table_add (seen, g_steal_pointer (&id));
    }
  pw_json_reader_pop (reader);
  question->replaces = g_strv_builder_end (builder);
}

static void
read_question_cb (PwJsonReader *reader,
                  JsonObject   *object,
                  guint         index,
                  gpointer      user_data)
{
  ReadContext *context = user_data;
  PwFramework *self = context->self;
  PwDimension *dimension = context->dimension;
  g_autofree char *id = NULL;
  PwQuestion *question;
  gint64 weight = 1;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_framework_find_question (self, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate question id “%s”"), id);
      return;
    }

  question = _pw_framework_add_question (self, dimension, id);
  pw_json_read_string (reader, object, "text", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       MAX_FW_TEXT_CHARS, &question->text);
  pw_json_read_string (reader, object, "help", PW_JSON_OPTIONAL, MAX_FW_TEXT_CHARS,
                       &question->help);
  pw_json_read_int (reader, object, "weight", PW_JSON_OPTIONAL, 1, MAX_WEIGHT, &weight);
  question->weight = (guint) weight;
  read_string_array (reader, object, "options", PW_N_PHASES, PW_N_PHASES,
                     MAX_FW_TEXT_CHARS, question->options);

  if (self->format_version < 2)
    return;

  pw_json_read_string (reader, object, "not_applicable", PW_JSON_OPTIONAL, MAX_FW_TEXT_CHARS,
                       &question->not_applicable);
  pw_json_read_string (reader, object, "evidence", PW_JSON_OPTIONAL, MAX_FW_TEXT_CHARS,
                       &question->evidence);
  read_replaces (reader, object, question);
}

/* One step: a text, or (format version 2) an object with the text and
 * the observable condition that says it is done. */
static gboolean
read_step (PwJsonReader  *reader,
           JsonArray     *list,
           guint          index,
           int            format_version,
           char         **text,
           char         **done_when)
{
  JsonNode *node = json_array_get_element (list, index);
  JsonObject *object;

  if (format_version < 2 || !JSON_NODE_HOLDS_OBJECT (node))
    return pw_json_read_element_string (reader, list, index, 0, MAX_FW_TEXT_CHARS, text);

  object = json_node_get_object (node);
  pw_json_reader_push_index (reader, index);
  pw_json_read_string (reader, object, "text", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       MAX_FW_TEXT_CHARS, text);
  pw_json_read_string (reader, object, "done_when", PW_JSON_OPTIONAL, MAX_FW_TEXT_CHARS,
                       done_when);
  pw_json_reader_pop (reader);

  return *text != NULL;
}

static void
read_next_steps (PwJsonReader *reader,
                 PwFramework  *self,
                 PwDimension  *dimension,
                 JsonObject   *object)
{
  JsonArray *steps = pw_json_read_array (reader, object, "next_steps", PW_JSON_REQUIRED, 0);

  if (steps == NULL)
    return;

  if (json_array_get_length (steps) != PW_N_PHASES - 1)
    {
      pw_json_reader_problem (reader, "next_steps",
                              _("Expected exactly %u lists of steps, found %u"),
                              PW_N_PHASES - 1, json_array_get_length (steps));
      return;
    }

  pw_json_reader_push_member (reader, "next_steps");
  for (guint i = 0; i < PW_N_PHASES - 1; i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      JsonArray *list;
      guint length;

      pw_json_reader_push_index (reader, i);
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          pw_json_reader_problem (reader, NULL, _("Expected an array of steps"));
          pw_json_reader_pop (reader);
          continue;
        }

      list = json_node_get_array (node);
      length = json_array_get_length (list);
      if (length < 1 || length > 10)
        {
          pw_json_reader_problem (reader, NULL, _("Expected 1 to 10 steps, found %u"), length);
          pw_json_reader_pop (reader);
          continue;
        }

      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_autoptr(GStrvBuilder) done_builder = g_strv_builder_new ();

        for (guint j = 0; j < length; j++)
          {
            g_autofree char *step = NULL;
            g_autofree char *done_when = NULL;

            if (read_step (reader, list, j, self->format_version, &step, &done_when))
              {
                g_strv_builder_add (builder, step);
                g_strv_builder_add (done_builder, done_when ? done_when : "");
              }
          }
        dimension->next_steps[i] = g_strv_builder_end (builder);
        dimension->done_when[i] = g_strv_builder_end (done_builder);
      }
      pw_json_reader_pop (reader);
    }
  pw_json_reader_pop (reader);
}

static void
read_dimension_cb (PwJsonReader *reader,
                   JsonObject   *object,
                   guint         index,
                   gpointer      user_data)
{
  PwFramework *self = user_data;
  g_autofree char *id = NULL;
  PwDimension *dimension;
  ReadContext context = { self, NULL, NULL };
  JsonArray *questions;
  gint64 weight = 1;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_framework_find_dimension (self, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate dimension id “%s”"), id);
      return;
    }

  dimension = _pw_framework_add_dimension (self, id);

  pw_json_read_string (reader, object, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_LINE,
                       MAX_TITLE_CHARS, &dimension->name);
  pw_json_read_string (reader, object, "description", PW_JSON_OPTIONAL,
                       MAX_FW_TEXT_CHARS, &dimension->description);
  pw_json_read_int (reader, object, "weight", PW_JSON_OPTIONAL, 1, MAX_WEIGHT, &weight);
  dimension->weight = (guint) weight;
  read_string_array (reader, object, "levels", PW_N_PHASES, PW_N_PHASES,
                     MAX_FW_TEXT_CHARS, dimension->levels);
  read_next_steps (reader, self, dimension, object);

  questions = pw_json_read_array (reader, object, "questions", PW_JSON_REQUIRED, 0);
  if (questions == NULL)
    return;

  if (json_array_get_length (questions) < 1 || json_array_get_length (questions) > 30)
    {
      pw_json_reader_problem (reader, "questions", _("Expected 1 to 30 questions, found %u"),
                              json_array_get_length (questions));
      return;
    }

  context.dimension = dimension;
  pw_json_reader_foreach_object (reader, questions, "questions", read_question_cb, &context);
}

static void
read_policy_item_cb (PwJsonReader *reader,
                     JsonObject   *object,
                     guint         index,
                     gpointer      user_data)
{
  ReadContext *context = user_data;
  PwFramework *self = context->self;
  PwPolicyCategory *category = context->category;
  g_autofree char *id = NULL;
  PwPolicyItemDef *item;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_framework_find_policy_item (self, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate policy item id “%s”"), id);
      return;
    }

  item = _pw_framework_add_policy_item (self, category, id);
  pw_json_read_string (reader, object, "title", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_LINE,
                       MAX_TITLE_CHARS, &item->title);
  pw_json_read_string (reader, object, "description", PW_JSON_OPTIONAL,
                       MAX_FW_TEXT_CHARS, &item->description);
  pw_json_read_bool (reader, object, "core", PW_JSON_OPTIONAL, &item->core);
  if (self->format_version >= 2)
    pw_json_read_string (reader, object, "evidence", PW_JSON_OPTIONAL, MAX_FW_TEXT_CHARS,
                         &item->evidence);
}

static void
read_policy_category_cb (PwJsonReader *reader,
                         JsonObject   *object,
                         guint         index,
                         gpointer      user_data)
{
  PwFramework *self = user_data;
  g_autofree char *id = NULL;
  PwPolicyCategory *category;
  ReadContext context = { self, NULL, NULL };
  JsonArray *items;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (pw_framework_find_policy_category (self, id) != NULL)
    {
      pw_json_reader_problem (reader, "id", _("Duplicate policy category id “%s”"), id);
      return;
    }

  category = _pw_framework_add_policy_category (self, id);

  pw_json_read_string (reader, object, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_LINE,
                       MAX_TITLE_CHARS, &category->name);

  items = pw_json_read_array (reader, object, "items", PW_JSON_REQUIRED, 100);
  if (items == NULL)
    return;

  context.category = category;
  pw_json_reader_foreach_object (reader, items, "items", read_policy_item_cb, &context);
}

static void
read_policy (PwFramework  *self,
             PwJsonReader *reader,
             JsonObject   *root)
{
  JsonObject *policy = pw_json_read_object (reader, root, "policy", PW_JSON_OPTIONAL);
  JsonArray *categories;

  if (policy == NULL)
    return;

  pw_json_reader_push_member (reader, "policy");
  categories = pw_json_read_array (reader, policy, "categories", PW_JSON_REQUIRED, 30);
  if (categories != NULL)
    pw_json_reader_foreach_object (reader, categories, "categories", read_policy_category_cb,
                                   self);
  pw_json_reader_pop (reader);
}

/* How a score becomes a phase (format version 2): "whole-part", the rule
 * of every framework of version 1, or "nearest". */
static void
read_phase_rule (PwFramework  *self,
                 PwJsonReader *reader,
                 JsonObject   *root)
{
  g_autofree char *rule = NULL;

  if (!pw_json_read_string (reader, root, "phase_rule", PW_JSON_OPTIONAL, MAX_TITLE_CHARS, &rule)
      || rule == NULL)
    return;

  if (g_str_equal (rule, "whole-part"))
    self->phase_rule = PW_PHASE_RULE_WHOLE_PART;
  else if (g_str_equal (rule, "nearest"))
    self->phase_rule = PW_PHASE_RULE_NEAREST;
  else
    {
      g_autofree char *quoted = pw_json_quote_text (rule);

      pw_json_reader_problem (reader, "phase_rule",
                              /* Translators: %s is the rule found; keep “whole-part”
                               * and “nearest” as they are: they are the words of the file */
                              _("Unknown phase rule “%s” (expected “whole-part” or “nearest”)"),
                              quoted);
    }
}

/**
 * _pw_framework_check_format:
 * @path: the JSON path of @object, "$" for a framework file
 *
 * Checks the format name and version before anything else is read, so that
 * a file from a newer Phasewise is refused with a message that says so.
 * Everything else wrong with the two members is left to the reader.
 */
gboolean
_pw_framework_check_format (JsonObject  *object,
                            const char  *path,
                            GError     **error)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "format_version");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (format), PW_FRAMEWORK_FORMAT) != 0)
    return TRUE;

  if (version != NULL && JSON_NODE_HOLDS_VALUE (version)
      && json_node_get_value_type (version) == G_TYPE_INT64
      && json_node_get_int (version) > PW_FRAMEWORK_FORMAT_VERSION)
    {
      g_autofree char *place = pw_json_path_append_member (path, "format_version");
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (error, PW_ERROR, PW_ERROR_NEWER_VERSION,
                   /* Translators: the first %s is the place in the file, e.g.
                    * $.format_version; the second the version number found */
                   _("%s: The framework was made by a newer version of Phasewise "
                     "(format version %s; this version reads %d). "
                     "Update Phasewise to open it."),
                   place, number, PW_FRAMEWORK_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * _pw_framework_new_from_node:
 * @node: the framework's JSON
 * @reader: where problems are reported, with the path of @node pushed
 *
 * Returns: (transfer full) (nullable): the framework, or %NULL when
 *   @reader has collected any problem
 */
PwFramework *
_pw_framework_new_from_node (JsonNode     *node,
                             PwJsonReader *reader)
{
  g_autoptr(PwFramework) self = NULL;
  guint problems_before = pw_json_reader_n_problems (reader);
  g_autofree char *format = NULL;
  JsonObject *root;
  JsonArray *dimensions;
  gint64 format_version = 0;

  root = pw_json_read_root_object (reader, node);
  if (root == NULL)
    return NULL;

  if (pw_json_read_string (reader, root, "format", PW_JSON_REQUIRED, MAX_TITLE_CHARS, &format)
      && g_strcmp0 (format, PW_FRAMEWORK_FORMAT) != 0)
    {
      g_autofree char *quoted = pw_json_quote_text (format);

      pw_json_reader_problem (reader, "format", _("Not a Phasewise framework (format “%s”)"),
                              quoted);
      return NULL;
    }
  if (pw_json_read_int (reader, root, "format_version", PW_JSON_REQUIRED, 1,
                        PW_FRAMEWORK_FORMAT_VERSION, &format_version) == FALSE)
    return NULL;

  self = _pw_framework_new (node);
  self->format_version = (int) format_version;
  if (format_version >= 2)
    read_phase_rule (self, reader, root);

  pw_json_read_string (reader, root, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &self->id);
  if (pw_json_read_string (reader, root, "version", PW_JSON_REQUIRED, 32, &self->version)
      && !pw_is_semantic_version (self->version))
    pw_json_reader_problem (reader, "version",
                            _("Not a semantic version (MAJOR.MINOR.PATCH)"));
  pw_json_read_string (reader, root, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY | PW_JSON_LINE,
                       MAX_TITLE_CHARS, &self->name);
  pw_json_read_string (reader, root, "description", PW_JSON_OPTIONAL, MAX_FW_TEXT_CHARS,
                       &self->description);

  read_phases (self, reader, root);

  dimensions = pw_json_read_array (reader, root, "dimensions", PW_JSON_REQUIRED, 0);
  if (dimensions != NULL)
    {
      guint length = json_array_get_length (dimensions);

      if (length < 1 || length > 30)
        {
          pw_json_reader_problem (reader, "dimensions", _("Expected 1 to 30 dimensions, found %u"),
                                  length);
        }
      else
        {
          pw_json_reader_foreach_object (reader, dimensions, "dimensions", read_dimension_cb,
                                         self);
        }
    }

  read_policy (self, reader, root);

  if (pw_json_reader_n_problems (reader) > problems_before)
    return NULL;

  _pw_framework_translate (self);

  return g_steal_pointer (&self);
}

PwFramework *
pw_framework_new_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(PwJsonReader) reader = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PwFramework) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) > MAX_FRAMEWORK_BYTES)
    {
      g_autofree char *size = g_format_size_full (MAX_FRAMEWORK_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
                   /* Translators: the first %s is the place in the file as
                    * line:column, here 1:1; the second a size such as “8.0 MiB” */
                   _("%s: A framework file may not be larger than %s"), "1:1", size);
      return NULL;
    }

  root = pw_json_parse_bytes (bytes, error);
  if (root == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (root)
      && !_pw_framework_check_format (json_node_get_object (root), "$", error))
    return NULL;

  reader = pw_json_reader_new ();
  self = _pw_framework_new_from_node (root, reader);
  if (!pw_json_reader_finish (reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

PwFramework *
pw_framework_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  return pw_framework_new_from_bytes (bytes, error);
}

/**
 * pw_framework_load_bundled:
 *
 * Returns: (transfer full): the framework that ships with Phasewise
 */
PwFramework *
pw_framework_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (pw_core_get_resource (), FRAMEWORK_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return pw_framework_new_from_bytes (bytes, error);
}
